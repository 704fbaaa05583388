// Speed report (`./dev speed`): how fast the release build loads and answers a paste on a slow
// phone, next to the floor (a plain HTML page with the whole catalog as a table and no JS).
// A report, not a test: it prints times and never fails on them.
//
//   node tests/perf/speed.mjs [--runs 5] [--dist dist] [--no-gzip] [--network devtools|literal]
//
// Serves the build on loopback (tests/support/static-server.mjs, gzip on like a static host),
// drives headless Chromium (playwright-core) and throttles it through the DevTools protocol:
// CPU 4× slower (Emulation.setCPUThrottlingRate) and Lighthouse's mobile "slow 4G" network
// (Network.emulateNetworkConditions), with the cache disabled and a fresh browser context for every
// cold load. Lighthouse *simulates* that profile (150 ms RTT, 1.6 Mbps down, 750 Kbps up) from an
// unthrottled trace; here it is applied for real, request by request, with the values Lighthouse
// itself uses for that profile when asked for DevTools throttling (--network devtools, default):
// 562.5 ms latency per request (RTT × 3.75), 1474.56 Kbps down and 675 Kbps up (× 0.9), which make up
// for request-level throttling not slowing TCP/TLS round trips. --network literal applies 150 ms,
// 1600 Kbps and 750 Kbps as they are.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveDist, launch, CATALOG, samplePastes, timePaste } from "../e2e/helpers.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt; };
const RUNS = Math.max(1, Number(opt("runs", "5")) || 5);
const DIST = opt("dist", "dist");
const GZIP = !args.includes("--no-gzip");
const NETWORK = opt("network", "devtools");
if (!["devtools", "literal"].includes(NETWORK)) { console.error("--network must be devtools or literal"); process.exit(2); }

const CPU_SLOWDOWN = 4;
const kbps = (k) => (k * 1024) / 8; // DevTools wants bytes per second
const NET = NETWORK === "devtools"
  ? { latency: 150 * 3.75, downloadThroughput: kbps(1.6 * 1024 * 0.9), uploadThroughput: kbps(750 * 0.9), label: "562.5 ms per request, 1474.56 Kbps down, 675 Kbps up (Lighthouse's DevTools values for slow 4G)" }
  : { latency: 150, downloadThroughput: kbps(1.6 * 1024), uploadThroughput: kbps(750), label: "150 ms per request, 1638.4 Kbps down, 750 Kbps up (the slow-4G profile as it is)" };
const QUIET_MS = 1000;
const LONG_TASK_MS = 50;

// ---- The floor: the whole catalog as one plain HTML table, no CSS, no JS. ----
const esc = (s) => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
function writeFloor() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okx-doctor-floor-"));
  const rows = CATALOG.map((e) => `<tr><td>${esc(e.code)}</td><td>${esc(e.http_status ?? "")}</td><td>${esc(e.msg)}</td></tr>`).join("\n");
  fs.writeFileSync(path.join(dir, "index.html"), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OKX error codes</title></head><body>
<h1>OKX error codes</h1>
<table><thead><tr><th>Code</th><th>HTTP status</th><th>Message</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`);
  return dir;
}

// ---- Instrumentation injected before any page script runs. ----
function instrument() {
  window.__perf = { longtasks: [], mountAt: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__perf.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  // The islands have started: the page's entry point marks <html data-started> (src/ui/web.rs),
  // what the e2e tests' appReady waits for too.
  const check = () => {
    if (window.__perf.mountAt === null && document.documentElement?.hasAttribute("data-started")) {
      window.__perf.mountAt = performance.now();
      mo.disconnect();
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { attributes: true, attributeFilter: ["data-started"], subtree: true });
}

/** TTI from a ready time and the long tasks: the end of the last long task before the first
 *  window of QUIET_MS with no long task, starting no earlier than `ready`. */
function tti(ready, tasks) {
  let t = ready;
  for (let changed = true; changed;) {
    changed = false;
    for (const [start, dur] of tasks) {
      const end = start + dur;
      if (end > t && start < t + QUIET_MS) { t = end; changed = true; }
    }
  }
  return t;
}

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: NET.latency, downloadThroughput: NET.downloadThroughput, uploadThroughput: NET.uploadThroughput,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return cdp;
}

/** One cold load. `app`: wait for the islands to start; otherwise "ready" is DOMContentLoaded. */
async function coldLoad(browser, url, app, after) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(instrument);
  await throttle(page);
  await page.goto(url, { waitUntil: "load", timeout: 180000 });
  if (app) await page.waitForFunction(() => window.__perf.mountAt !== null, null, { timeout: 180000, polling: 50 });
  // Wait for the quiet window after the ready time (bounded).
  const deadline = Date.now() + 60000;
  let m;
  for (;;) {
    m = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint");
      return {
        now: performance.now(), fcp: fcp?.startTime ?? null, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        mount: window.__perf.mountAt, longtasks: window.__perf.longtasks.slice(),
      };
    });
    const ready = app ? m.mount : m.dcl;
    m.tti = tti(ready, m.longtasks);
    if (m.now >= m.tti + QUIET_MS || Date.now() > deadline) break;
    await page.waitForTimeout(200);
  }
  // Total blocking time between FCP and TTI (as Lighthouse counts it).
  m.tbt = m.longtasks.reduce((sum, [s, d]) => {
    const from = Math.max(s, m.fcp ?? 0), to = Math.min(s + d, m.tti);
    return to - from > LONG_TASK_MS ? sum + Math.min(d, to - from) - LONG_TASK_MS : sum;
  }, 0);
  m.errors = errors;
  if (after) m.after = await after(page);
  await context.close();
  return m;
}

// ---- Paste to findings (on the loaded, still throttled home page). ----
const PASTES = samplePastes();
async function pastes(page) {
  const out = {};
  for (const [label, text] of PASTES) out[label] = await timePaste(page, text);
  return out;
}

// ---- Report helpers ----
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); if (!s.length) return null; const k = s.length >> 1; return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2; };
const range = (xs) => { const s = xs.filter((x) => x != null); return s.length ? [Math.min(...s), Math.max(...s)] : null; };
const sec = (ms) => (ms == null ? "n/a" : `${(ms / 1000).toFixed(2)} s`);
const msf = (ms) => (ms == null ? "n/a" : `${Math.round(ms)} ms`);
const cell = (xs, f = sec) => { const r = range(xs); return r && RUNS > 1 ? `${f(median(xs))} [${f(r[0])}–${f(r[1])}]` : f(median(xs)); };
const ratio = (a, b) => (a == null || b == null || b === 0 ? "n/a" : `${(a / b).toFixed(1)}×`);

async function main() {
  const started = Date.now();
  const floorDir = writeFloor();
  const site = await serveDist(DIST, "/", { gzip: GZIP });
  const floor = await serveDist(floorDir, "/", { gzip: GZIP });
  const browser = await launch();
  const version = browser.version();
  const PAGES = [
    { key: "home", label: "home /", url: site.url(""), app: true, after: pastes },
    { key: "error", label: "error page /e/50113/", url: site.url("e/50113/"), app: true },
    { key: "wizard", label: "wizard /wizard/", url: site.url("wizard/?c=rate_limit&code=50011"), app: true },
    { key: "floor", label: "floor (plain HTML table)", url: floor.url(""), app: false },
  ];
  const results = Object.fromEntries(PAGES.map((p) => [p.key, []]));
  try {
    for (let r = 0; r < RUNS; r++) {
      for (const p of PAGES) {
        const m = await coldLoad(browser, p.url, p.app, p.after);
        results[p.key].push(m);
        process.stderr.write(`run ${r + 1}/${RUNS} ${p.label}: FCP ${sec(m.fcp)}, TTI ${sec(m.tti)}${m.errors.length ? `, page errors: ${m.errors.join("; ")}` : ""}\n`);
      }
    }
  } finally {
    await browser.close();
    site.stop();
    floor.stop();
    fs.rmSync(floorDir, { recursive: true, force: true });
  }

  const col = (key, metric) => results[key].map((m) => m[metric]);
  const fl = { fcp: median(col("floor", "fcp")), tti: median(col("floor", "tti")), load: median(col("floor", "load")) };
  const out = [];
  const line = (s = "") => out.push(s);
  line(`okx-doctor speed report: ${DIST}/ served on 127.0.0.1 ${GZIP ? "with gzip (as a static host sends it)" : "uncompressed (--no-gzip)"}`);
  line(`Chromium ${version}, headless; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  line(`Throttling: CPU ${CPU_SLOWDOWN}× slower; network Lighthouse mobile slow 4G applied by DevTools: ${NET.label};`);
  line(`cache disabled, a fresh browser context per load, phone viewport 412×823. Median of ${RUNS} run${RUNS === 1 ? "" : "s"} [min–max].`);
  line("");
  const W = [26, 27, 27, 27, 27, 10];
  const row = (cols) => cols.map((c, i) => String(c).padEnd(W[i] ?? 12)).join(" ");
  line(row(["Cold load", "FCP", "islands started", "TTI", "load event", "TBT"]));
  line(row(["-".repeat(25), "-".repeat(26), "-".repeat(26), "-".repeat(26), "-".repeat(26), "-".repeat(9)]));
  for (const p of PAGES) {
    line(row([p.label, cell(col(p.key, "fcp")), p.app ? cell(col(p.key, "mount")) : "(no app)", cell(col(p.key, "tti")), cell(col(p.key, "load")), msf(median(col(p.key, "tbt")))]));
  }
  line("");
  line("Against the floor (medians):");
  for (const p of PAGES.filter((p) => p.app)) {
    const fcp = median(col(p.key, "fcp")), t = median(col(p.key, "tti")), ld = median(col(p.key, "load"));
    line(`  ${p.label.padEnd(22)} FCP ${sec(fcp)} = ${ratio(fcp, fl.fcp)} floor (${sec(fl.fcp)});  TTI ${sec(t)} = ${ratio(t, fl.tti)} floor (${sec(fl.tti)});  load ${sec(ld)} = ${ratio(ld, fl.load)} floor (${sec(fl.load)})`);
  }
  line("");
  line(`Paste → findings on the home page (throttled, after TTI), median of ${RUNS} [min–max]:`);
  line(row(["Paste", "time to findings", "longest long task", "longest frame gap"]));
  line(row(["-".repeat(25), "-".repeat(26), "-".repeat(26), "-".repeat(26)]));
  for (const [label] of PASTES) {
    const xs = results.home.map((m) => m.after?.[label]).filter(Boolean);
    line(row([label, cell(xs.map((x) => x.total), msf), cell(xs.map((x) => x.longestTask), msf), cell(xs.map((x) => x.longestGap), msf)]));
  }
  const lastStatus = results.home.at(-1)?.after;
  if (lastStatus) line(`  (status line after each: ${PASTES.map(([l]) => `${l}: "${lastStatus[l].status}"`).join("; ")})`);
  line("");
  line("Definitions:");
  line("  FCP          the first-contentful-paint paint timing entry (the generated HTML paints before the wasm islands start).");
  line("  islands started  the first moment <html> has data-started: the entry point started every island (MutationObserver).");
  line(`  TTI          from the ready time (islands started; for the floor, DOMContentLoaded), the end of the last long task`);
  line(`               (> ${LONG_TASK_MS} ms, PerformanceObserver 'longtask', buffered) before the first ${QUIET_MS} ms window with no long task.`);
  line("               Unlike Lighthouse's TTI, network quiet is not required.");
  line(`  TBT          the sum of (long task − ${LONG_TASK_MS} ms) between FCP and TTI.`);
  line("  load event   navigation timing loadEventEnd.");
  line("  paste        from dispatching the paste event to the status line saying \"found in\"; the 5 MB paste is");
  line("               delivered through clipboardData as a real paste is; longest task / frame gap are measured while it runs.");
  line(`Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  console.log(out.join("\n"));
}

main().catch((e) => { console.error(e); process.exit(1); });
