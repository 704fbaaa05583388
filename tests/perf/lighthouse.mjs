// Lighthouse report (`./dev lighthouse`): performance, accessibility, best practices and SEO of four
// pages of the release build, against targets (performance ≥ 95, the others 100). A report, not a
// test: it prints the scores and the failing audits and exits 0 whatever they are.
//
//   node tests/perf/lighthouse.mjs [--dist dist] [--no-gzip] [--out target/lighthouse]
//
// Lighthouse comes from tools/lighthouse/node_modules (`./dev lighthouse` installs it there on
// demand; it is not a dependency of the tests). It drives Chromium ($CHROME_PATH, else
// /usr/bin/chromium) with its default mobile settings (simulated slow 4G and 4× CPU slowdown).
// The site is served on loopback by tests/support/static-server.mjs with gzip on, as a static host
// sends it. That server does not apply dist/_headers: the Content-Security-Policy still applies, as
// every page carries it in a meta tag, but X-Frame-Options, Referrer-Policy and friends are absent.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, serveDist } from "../e2e/helpers.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt; };
const DIST = opt("dist", "dist");
const GZIP = !args.includes("--no-gzip");
const OUT = path.resolve(ROOT, opt("out", "target/lighthouse"));
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const LH = path.join(ROOT, "tools/lighthouse/node_modules");

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const TARGET = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const PAGES = [
  ["home", ""],
  ["error-50113", "e/50113/"],
  ["clock", "clock/"],
  ["embed-error-50011", "embed/e/50011/"],
];

/** Why an audit fails here, when the cause is this set-up rather than the site. */
function note(id, audit, lhr) {
  if (id === "canonical" && /absolute/i.test(audit.explanation ?? "")) {
    return "the build has no origin, so canonical links are relative: build with OKX_DOCTOR_ORIGIN=https://your.site for absolute ones";
  }
  if (id === "is-crawlable" && /\/embed\//.test(lhr.finalDisplayedUrl)) return "embeds are noindex on purpose (the full page is the one to index)";
  if (id === "errors-in-console") {
    const items = audit.details?.items ?? [];
    if (items.length && items.every((i) => /ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/.test(i.description) && /okx\.com/.test(`${i.sourceLocation?.url} ${i.description}`))) {
      return "this machine has no internet: the browser itself logs the failed requests to OKX's hosts (the app logs nothing)";
    }
  }
  return "";
}

async function main() {
  const started = Date.now();
  if (!fs.existsSync(path.join(LH, "lighthouse/package.json"))) {
    console.error("Lighthouse is not installed: run ./dev lighthouse (it installs tools/lighthouse/ first)");
    process.exit(2);
  }
  const { default: lighthouse } = await import(pathToFileURL(path.join(LH, "lighthouse/core/index.js")));
  const chromeLauncher = await import(pathToFileURL(path.join(LH, "chrome-launcher/dist/index.js")));
  const lhVersion = JSON.parse(fs.readFileSync(path.join(LH, "lighthouse/package.json"), "utf8")).version;
  fs.mkdirSync(OUT, { recursive: true });

  const site = await serveDist(DIST, "/", { gzip: GZIP });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
  const rows = [];
  try {
    for (const [name, rel] of PAGES) {
      const url = site.url(rel);
      const t0 = Date.now();
      const result = await lighthouse(url, { port: chrome.port, output: ["json", "html"], logLevel: "error", onlyCategories: CATEGORIES });
      const lhr = result.lhr;
      fs.writeFileSync(path.join(OUT, `${name}.report.json`), result.report[0]);
      fs.writeFileSync(path.join(OUT, `${name}.report.html`), result.report[1]);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
      const failing = [];
      for (const c of CATEGORIES) {
        if (scores[c] != null && scores[c] >= TARGET[c]) continue;
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const a = lhr.audits[ref.id];
          if (!a || a.score == null || a.score >= 1 || a.scoreDisplayMode === "informative" || a.scoreDisplayMode === "notApplicable") continue;
          // Weighted audits (the score's parts), and for performance also the failing insights and diagnostics.
          if (ref.weight > 0 || (c === "performance" && a.score < 0.5 && a.scoreDisplayMode !== "manual")) {
            failing.push({ c, id: ref.id, weight: ref.weight, title: a.title, value: a.displayValue ?? "", why: note(ref.id, a, lhr) });
          }
        }
      }
      rows.push({ name, url: rel || "/", scores, failing, warnings: lhr.runWarnings ?? [], runtimeError: lhr.runtimeError?.message, secs: (Date.now() - t0) / 1000 });
      process.stderr.write(`lighthouse ${name}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(", ")} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    chrome.kill();
    site.stop();
  }

  const out = [];
  const line = (s = "") => out.push(s);
  line(`Lighthouse ${lhVersion}, ${CHROME}; ${DIST}/ served on 127.0.0.1 ${GZIP ? "with gzip" : "uncompressed"} (no _headers; CSP from the meta tag)`);
  line("Default mobile settings: simulated slow 4G (150 ms RTT, 1.6 Mbps down, 750 Kbps up) and 4× CPU slowdown; Moto G Power screen.");
  line(`Reports: ${path.relative(ROOT, OUT)}/<page>.report.json and .html`);
  line("");
  const W = [22, 18, 13, 14, 15, 7];
  const row = (cols) => cols.map((c, i) => String(c).padEnd(W[i])).join(" ");
  line(row(["Page", "URL", "performance", "accessibility", "best-practices", "seo"]));
  line(row(["", "target", `≥ ${TARGET.performance}`, `${TARGET.accessibility}`, `${TARGET["best-practices"]}`, `${TARGET.seo}`]));
  line(row(W.map((w) => "-".repeat(w - 1))));
  const mark = (c, s) => (s == null ? "n/a" : `${s}${s >= TARGET[c] ? "" : " ✗"}`);
  for (const r of rows) line(row([r.name, r.url, ...CATEGORIES.map((c) => mark(c, r.scores[c]))]));
  line("");
  const below = rows.filter((r) => r.failing.length || r.runtimeError);
  if (!below.length) line("Every page meets every target.");
  for (const r of below) {
    line(`${r.name} (${r.url}): under target`);
    if (r.runtimeError) line(`  runtime error: ${r.runtimeError}`);
    for (const f of r.failing) {
      line(`  [${f.c}] ${f.title}${f.value ? `: ${f.value}` : ""}${f.weight ? "" : " (diagnostic, not scored)"}`);
      if (f.why) line(`      note: ${f.why}`);
    }
    for (const w of r.warnings) line(`  warning: ${w}`);
  }
  line("");
  line(`Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  console.log(out.join("\n"));
}

main().catch((e) => { console.error(e); process.exit(1); });
