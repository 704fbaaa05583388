// Shared helpers for the end-to-end tests: a plain static server on a free loopback port, and
// Debian's Chromium driven by playwright-core (no browser download).
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { before, after } from "node:test";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CATALOG = JSON.parse(fs.readFileSync(path.join(ROOT, "data/okx-v5-error-codes.json"), "utf8"));

const children = new Set();
process.on("exit", () => { for (const c of children) { try { c.kill("SIGKILL"); } catch {} } });

/** Starts a node script that prints "LISTENING <port>" and resolves with { port, proc }. */
export async function startScript(script, args) {
  const proc = spawn(process.execPath, [path.join(ROOT, script), ...args], { stdio: ["pipe", "pipe", "inherit"] });
  children.add(proc);
  proc.on("exit", () => children.delete(proc));
  let buf = "";
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 10000);
    proc.stdout.on("data", (d) => {
      buf += d;
      const m = /LISTENING (\d+)/.exec(buf);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    proc.on("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { port, proc, stop: () => { proc.kill("SIGKILL"); } };
}

/** The language the suites run in: `OKX_E2E_LANG=zh` runs them on the Chinese pages (`zh/…`). */
export const LANG = process.env.OKX_E2E_LANG === "zh" ? "zh" : "en";
const LANG_PREFIX = LANG === "zh" ? "zh/" : "";

/** Serves a dist directory under `prefix` on a free port; returns { origin, base, url, root, stop }:
 *  `url(p)` is a page in the suite's language (see LANG), `root(p)` a file of the site's root. 
 *  `{ gzip: true }` compresses responses as a static host would (for the speed and Lighthouse reports). */
export async function serveDist(dir = "dist", prefix = "/", { gzip = false, spaFallback = false } = {}) {
  const distDir = path.resolve(ROOT, dir);
  if (!fs.existsSync(path.join(distDir, "index.html"))) throw new Error(`${dir}/index.html missing: run ./dev build first`);
  const s = await startScript("tests/support/static-server.mjs", ["--dir", distDir, "--port", "0", "--prefix", prefix, ...(gzip ? ["--gzip"] : []), ...(spaFallback ? ["--spa-fallback"] : [])]);
  const at = `http://127.0.0.1:${s.port}${prefix}`;
  return { origin: `http://127.0.0.1:${s.port}`, base: prefix, url: (p = "") => `${at}${LANG_PREFIX}${p}`, root: (p = "") => `${at}${p}`, stop: s.stop };
}

/** OKX's own hosts (REST and WebSocket, any region). */
export const OKX_HOST = /^(https|wss):\/\/([a-z0-9-]+\.)*okx\.com(:\d+)?\//;

export const CHROMIUM_ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Chromium as the tests drive it. `{ bfcache: true }` keeps the back-forward cache on (Playwright
 *  switches it off by default), for the tests of what Back restores. */
export async function launch({ bfcache = false } = {}) {
  return chromium.launch({
    executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true,
    ...(bfcache ? { ignoreDefaultArgs: ["--disable-back-forward-cache"] } : {}),
  });
}

/** The usual suite set-up: before the suite, `dir` served under `prefix` and Chromium started;
 *  after it, both stopped. Returns an object whose `server` and `browser` are set by then. */
export function useSite(dir = "dist", prefix = "/", launchOpts = {}) {
  const site = { server: null, browser: null };
  before(async () => {
    site.server = await serveDist(dir, prefix);
    site.browser = await launch(launchOpts);
  });
  after(async () => {
    await site.browser?.close();
    site.server?.stop();
  });
  return site;
}

/** A new page that records console errors, page errors and failed requests. */
export async function newPage(browser, opts = {}) {
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  page.problems = [];
  // This machine has no internet: the clock check's requests to OKX's real hosts fail to resolve.
  // Those errors are expected here and kept apart; every other console error is a problem.
  page.offlineOkx = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const url = m.location()?.url ?? "";
    const text = m.text();
    if (OKX_HOST.test(url) || (OKX_HOST.test(text.replace(/^.*?'(wss?:\/\/[^']+)'.*$/s, "$1")) && /ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION/.test(text))) {
      page.offlineOkx.push(text);
      return;
    }
    page.problems.push(`console: ${text}`);
  });
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  return page;
}

/** Waits until the page's entry point has started its islands (it marks <html data-started>). */
export async function appReady(page) {
  await page.waitForSelector("html[data-started]", { state: "attached", timeout: 20000 });
}

/**
 * The page's text as a reader sees it (innerText of <body>), with the regions that are meant to
 * change once the page runs (marked data-dynamic: a live result, the state in the URL) hidden.
 */
export async function visibleText(page) {
  return page.evaluate(() => {
    for (const el of document.querySelectorAll("[data-dynamic]")) el.style.display = "none";
    const t = document.body.innerText;
    for (const el of document.querySelectorAll("[data-dynamic]")) el.style.display = "";
    return t;
  });
}

/** The pastes the timing test and `./dev speed` measure: one JSON line, a 100-line bot log, 5 MB. */
export function samplePastes() {
  const line = '2026-11-23 10:00:01,123 - freqtrade.exchange.common - WARNING - retrying fetch_ticker() still for 3 times: okx {"msg":"Too Many Requests","code":"50011"}';
  const info = "2026-11-23 10:00:02,456 - freqtrade.worker - INFO - Bot heartbeat. PID=1234, version=2024.11, state=RUNNING";
  const big = [];
  for (let i = 0, size = 0; size < 5 * 1024 * 1024; i++) {
    const l = i % 50 === 0 ? line : `${info} tick=${i}`;
    big.push(l);
    size += l.length + 1;
  }
  return [
    ["one-line paste", '{"code":"50102","msg":"Timestamp request expired","data":[]}'],
    ["100-line bot log", Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? line : info)).join("\n")],
    ["5 MB log", big.join("\n")],
  ];
}

/**
 * Pastes `text` into the home page's paste box as a user would (a large paste through
 * clipboardData, kept out of the text box) and waits for the status line to say "found in".
 * Returns { total, longestGap, longestTask, status }: ms from the paste to the findings, the
 * longest gap between animation frames and the longest main-thread task while it ran.
 */
export async function timePaste(page, text) {
  return page.evaluate(async (text) => {
    const el = document.querySelector("[data-testid=paste-input]");
    el.value = "";
    el.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 600));
    const tasks = [];
    const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e); });
    po.observe({ type: "longtask" });
    let last = performance.now(), longestGap = 0, running = true;
    const tick = () => { const n = performance.now(); longestGap = Math.max(longestGap, n - last); last = n; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    if (text.length > 512 * 1024) {
      const dt = new DataTransfer();
      dt.setData("text/plain", text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    } else {
      el.value = text;
      el.dispatchEvent(new Event("paste", { bubbles: true }));
    }
    await new Promise((resolve) => {
      const check = () => (/found in/.test(document.querySelector("[data-testid=paste-status]").textContent) ? resolve() : setTimeout(check, 5));
      check();
    });
    const total = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100)); // let the observer deliver the last entries
    running = false;
    po.disconnect();
    const during = tasks.filter((e) => e.startTime + e.duration >= t0);
    return {
      total, longestGap, longestTask: during.reduce((m, e) => Math.max(m, e.duration), 0),
      status: document.querySelector("[data-testid=paste-status]").textContent.trim(),
    };
  }, text);
}
