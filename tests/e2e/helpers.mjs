// Shared helpers for the end-to-end tests: a plain static server on a free loopback port, and
// Debian's Chromium driven by playwright-core (no browser download).
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
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

/** Serves a dist directory under `prefix` on a free port; returns { origin, base, stop }.
 *  `{ gzip: true }` compresses responses as a static host would (for the speed and Lighthouse reports). */
export async function serveDist(dir = "dist", prefix = "/", { gzip = false } = {}) {
  const distDir = path.resolve(ROOT, dir);
  if (!fs.existsSync(path.join(distDir, "index.html"))) throw new Error(`${dir}/index.html missing: run ./dev build first`);
  const s = await startScript("tests/support/static-server.mjs", ["--dir", distDir, "--port", "0", "--prefix", prefix, ...(gzip ? ["--gzip"] : [])]);
  return { origin: `http://127.0.0.1:${s.port}`, base: prefix, url: (p = "") => `http://127.0.0.1:${s.port}${prefix}${p}`, stop: s.stop };
}

/** OKX's own hosts (REST and WebSocket, any region). */
export const OKX_HOST = /^(https|wss):\/\/([a-z0-9-]+\.)*okx\.com(:\d+)?\//;

export const CHROMIUM_ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export async function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
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

/** Waits until the wasm app has mounted (the prerendered placeholder is gone and <main> exists). */
export async function appReady(page) {
  await page.waitForSelector("main#main h1", { timeout: 20000 });
}
