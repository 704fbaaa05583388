// End-to-end accessibility: axe-core (node_modules/axe-core) on every page type and the states
// that matter (typed search, paste findings, wizard steps, clock result, signature lab with input,
// embeds, the sub-folder build, dark theme, the generated HTML before (without) the wasm islands).
// Fails on any violation of impact "serious" or "critical" (WCAG 2.0/2.1 A and AA plus axe's
// best practices), and on the moderate landmark and heading rules once fixed (BLOCKING_RULES);
// prints one summary line per state and the other moderate/minor ones as information.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, serveDist, launch, appReady, startScript, OKX_HOST } from "./helpers.mjs";

const AXE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const BLOCKING = new Set(["serious", "critical"]);
// Moderate rules fixed in the app (heading order in the signature lab and clock result, the
// generated page's <main>, the embed attribution's <footer>): kept fixed.
const BLOCKING_RULES = new Set(["heading-order", "landmark-one-main", "region"]);
const blocks = (v) => BLOCKING.has(v.impact) || BLOCKING_RULES.has(v.id);

let browser, site, sub, fakeOkx;
const servers = [];
before(async () => {
  browser = await launch();
  site = await serveDist("dist", "/");
  sub = await serveDist("dist-sub", "/some/path/");
  const f = await startScript("tests/support/fake-okx.mjs", ["--port", "0", "--skew-ms", "-3000"]);
  fakeOkx = `http://127.0.0.1:${f.port}`;
  servers.push(site, sub, f);
});
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

const PASTE_LOG = `2026-11-23 10:00:01 ERROR okx {"code":"50102","msg":"Timestamp request expired","data":[]}
ccxt.base.errors.AuthenticationError: okx {"msg":"Invalid Sign","code":"50113"}
headers: {'OK-ACCESS-KEY': '5d0f6b3e-1a2b-4c3d-9e8f-7a6b5c4d3e2f'}`;

const MOBILE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Every state: a URL (on `srv`, default the root build), optional context options and set-up. */
const STATES = [
  { name: "home, empty", url: "" },
  {
    name: "home, search typed", url: "",
    setup: async (p) => { await p.fill("[data-testid=catalog-search]", "invalid sign"); await p.waitForTimeout(300); },
  },
  {
    name: "home, paste findings", url: "",
    setup: async (p) => {
      await p.fill("[data-testid=paste-input]", PASTE_LOG);
      await p.waitForSelector("[data-testid=finding]");
      await p.waitForSelector("[data-testid=credential-warning]");
    },
  },
  {
    name: "home, paste with no findings", url: "",
    setup: async (p) => { await p.fill("[data-testid=paste-input]", "all good here"); await p.waitForSelector("[data-testid=no-findings]"); },
  },
  { name: "error page with HTTP status /e/50113/", url: "e/50113/", ready: "[data-testid=error-code]" },
  { name: "sub-code page /e/51008_1000/", url: "e/51008_1000/", ready: "[data-testid=error-code]" },
  { name: "WebSocket code page /e/60009/", url: "e/60009/", ready: "[data-testid=error-code]" },
  { name: "WebSocket close code page /e/4004/", url: "e/4004/", ready: "[data-testid=error-code]" },
  { name: "unknown code /e/99999/ (404)", url: "e/99999/" },
  { name: "every code /codes/", url: "codes/" },
  { name: "wizard start", url: "wizard/", ready: "[data-testid=wizard-categories]" },
  { name: "wizard mid-question", url: "wizard/?c=environment_mismatch&code=50101", ready: "[data-testid=wizard-question]",
    setup: async (p) => { await p.click("[data-testid=wizard-answer-demo]"); await p.waitForSelector("[data-testid=wizard-answer-off]"); } },
  { name: "wizard fix", url: "wizard/?c=rate_limit&code=50011", ready: "[data-testid=wizard-question]",
    setup: async (p) => { await p.click("[data-testid=wizard-answer-startup]"); await p.waitForSelector("[data-testid=wizard-fix]"); } },
  // The clock question embeds the clock check (/embed/clock/ in an iframe, with its own axe state above).
  { name: "wizard clock question (embedded clock check)", url: "wizard/?c=timestamp&code=50102", ready: "[data-testid=wizard-question]",
    setup: async (p) => {
      const frame = await (await p.waitForSelector("[data-testid=wizard-question] iframe.wizard-clock-frame")).contentFrame();
      await frame.waitForSelector("[data-testid=clock-result], [data-testid=clock-error]", { timeout: 15000 });
    } },
  { name: "clock, offline (OKX unreachable)", url: "clock/",
    setup: async (p) => { await p.waitForSelector("[data-testid=clock-error]", { timeout: 15000 }); } },
  { name: "clock, result (fake OKX 3 s behind)", url: () => `clock/?okx_base=${encodeURIComponent(fakeOkx)}`,
    setup: async (p) => { await p.waitForSelector("[data-testid=clock-result]", { timeout: 15000 }); } },
  { name: "sign, empty", url: "sign/", ready: "[data-testid=sign-key]" },
  {
    name: "sign, with input and a diff", url: "sign/", ready: "[data-testid=sign-key]",
    setup: async (p) => {
      await p.fill("[data-testid=sign-key]", "5d0f6b3e-1a2b-4c3d-9e8f-7a6b5c4d3e2f");
      await p.fill("[data-testid=sign-secret]", "22582BD0CFF14C41EDBF1AB98506286D");
      await p.fill("[data-testid=sign-passphrase]", "Hunter2! ");
      await p.fill("[data-testid=sign-path]", "/api/v5/account/balance?ccy=BTC");
      await p.fill("[data-testid=sign-compare]", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
      await p.waitForSelector("[data-testid=sign-diff]");
    },
  },
  { name: "embed index /embed/", url: "embed/" },
  { name: "embed error card /embed/e/50011/", url: "embed/e/50011/", ready: "[data-testid=card-code]" },
  { name: "embed error card dark /embed/e/50011/?compact=1&theme=dark", url: "embed/e/50011/?compact=1&theme=dark", ready: "[data-testid=card-code]" },
  { name: "embed error whole page /embed/e/50011/?full=1", url: "embed/e/50011/?full=1", ready: "[data-testid=error-code]" },
  { name: "phone 375 px: embed error card", url: "embed/e/50113/", ctx: MOBILE, ready: "[data-testid=card-code]" },
  { name: "embed clock /embed/clock/", url: "embed/clock/",
    setup: async (p) => { await p.waitForSelector("[data-testid=clock-result], [data-testid=clock-error]", { timeout: 15000 }); } },
  { name: "sub-folder build home /some/path/", srv: () => sub, url: "" },
  { name: "sub-folder build error page", srv: () => sub, url: "e/50113/", ready: "[data-testid=error-code]" },
  { name: "dark theme (system) home with findings", url: "", ctx: { colorScheme: "dark" },
    setup: async (p) => { await p.fill("[data-testid=paste-input]", PASTE_LOG); await p.waitForSelector("[data-testid=finding]"); } },
  { name: "dark theme (system) error page", url: "e/50113/", ctx: { colorScheme: "dark" }, ready: "[data-testid=error-code]" },
  {
    name: "dark theme (toggle) sign with input", url: "sign/", ready: "[data-testid=sign-key]",
    setup: async (p) => {
      // The toggle cycles auto → light → dark.
      await p.click("[data-testid=theme-toggle]");
      await p.click("[data-testid=theme-toggle]");
      assert.equal(await p.getAttribute("html", "data-theme"), "dark");
      await p.fill("[data-testid=sign-passphrase]", "Hunter2! ");
      await p.fill("[data-testid=sign-compare]", "AAAA");
      await p.waitForSelector("[data-testid=sign-diff]");
    },
  },
  { name: "dark theme (toggle) clock result", url: () => `clock/?okx_base=${encodeURIComponent(fakeOkx)}`, dark: true,
    setup: async (p) => { await p.waitForSelector("[data-testid=clock-result]", { timeout: 15000 }); } },
  { name: "light theme forced on a dark system, wizard fix", url: "wizard/?c=rate_limit&code=50011", ctx: { colorScheme: "dark" }, light: true,
    ready: "[data-testid=wizard-question]",
    setup: async (p) => { await p.click("[data-testid=wizard-answer-startup]"); await p.waitForSelector("[data-testid=wizard-fix]"); } },
  // A phone-sized viewport: code blocks and tables that fit on a desktop scroll here.
  { name: "phone 375 px: error page /e/50113/", url: "e/50113/", ctx: MOBILE, ready: "[data-testid=error-code]" },
  { name: "phone 375 px: home with findings", url: "", ctx: MOBILE,
    setup: async (p) => { await p.fill("[data-testid=paste-input]", PASTE_LOG); await p.waitForSelector("[data-testid=finding]"); } },
  { name: "phone 375 px: wizard fix", url: "wizard/?c=rate_limit&code=50011", ctx: MOBILE, ready: "[data-testid=wizard-question]",
    setup: async (p) => { await p.click("[data-testid=wizard-answer-startup]"); await p.waitForSelector("[data-testid=wizard-fix]"); } },
  { name: "phone 375 px: sign with input", url: "sign/", ctx: MOBILE, ready: "[data-testid=sign-key]",
    setup: async (p) => { await p.fill("[data-testid=sign-path]", "/api/v5/account/balance?ccy=BTC"); await p.fill("[data-testid=sign-compare]", "AAAA"); await p.waitForSelector("[data-testid=sign-diff]"); } },
  // The generated HTML (what search engines and readers without wasm get): the entry point is blocked.
  { name: "prerender only (app blocked) home", url: "", noapp: true },
  { name: "prerender only (app blocked) error page", url: "e/50113/", noapp: true },
  { name: "prerender only (app blocked) phone error page", url: "e/51008_1000/", noapp: true, ctx: MOBILE },
  { name: "prerender only (app blocked) embed error", url: "embed/e/50011/", noapp: true },
  // Every tool page is generated HTML too now.
  { name: "prerender only (app blocked) wizard", url: "wizard/", noapp: true },
  { name: "prerender only (app blocked) clock", url: "clock/", noapp: true },
  { name: "prerender only (app blocked) sign", url: "sign/", noapp: true },
  { name: "prerender only (app blocked) 404", url: "e/99999/", noapp: true },
];

async function runAxe(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary?.split("\n").slice(1).join(" ").trim() })),
    }));
  }, TAGS);
}

const summary = [];
for (const s of STATES) {
  test(`axe: ${s.name}`, async () => {
    const srv = s.srv ? s.srv() : site;
    const context = await browser.newContext({ bypassCSP: true, ...(s.ctx ?? {}) });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    // With no internet the clock's requests to OKX's real hosts fail; anything else is a problem.
    page.on("console", (m) => { if (m.type() === "error" && !OKX_HOST.test(m.location()?.url ?? "") && !/ERR_NAME_NOT_RESOLVED|status of 404/.test(m.text())) problems.push(m.text()); });
    let blocked = 0;
    if (s.noapp) await page.route(/\/okx-doctor-[a-z]+-[0-9a-f]+(_bg\.wasm|\.js)$/, (r) => { blocked++; return r.abort(); });
    if (s.dark || s.light) await page.addInitScript((t) => localStorage.setItem("okx-doctor-theme", t), s.dark ? "dark" : "light");
    await page.goto(srv.url(typeof s.url === "function" ? s.url() : s.url));
    if (!s.noapp) {
      await appReady(page);
      if (s.ready) await page.waitForSelector(s.ready);
      if (s.setup) await s.setup(page);
    } else {
      await page.waitForLoadState("load");
      await page.waitForSelector("main#main h1");
      await page.waitForTimeout(500);
      assert.ok(blocked > 0, "the page's entry point was requested and blocked");
      assert.equal(await page.locator("html[data-started]").count(), 0, "the islands did not start");
    }
    // Let transitions and live regions settle.
    await page.waitForTimeout(150);
    const violations = await runAxe(page);
    const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of violations) counts[v.impact ?? "minor"] += v.nodes.length;
    const line = `${s.name.padEnd(62)} critical ${counts.critical}  serious ${counts.serious}  moderate ${counts.moderate}  minor ${counts.minor}`;
    summary.push(line);
    console.log(`# axe: ${line}`);
    for (const v of violations) {
      const tag = blocks(v) ? "VIOLATION" : "info";
      console.log(`#   ${tag} [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? "" : "s"})`);
      for (const n of v.nodes.slice(0, 4)) console.log(`#       ${n.target}${n.summary ? ` — ${n.summary.slice(0, 220)}` : ""}`);
    }
    const blocking = violations.filter(blocks);
    assert.deepEqual(blocking.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), [], `${s.name}: serious, critical or landmark/heading axe violations`);
    if (!s.noapp) assert.deepEqual(problems, [], `${s.name}: page errors`); // else: the blocked app's own load errors
    await context.close();
  });
}

test("axe summary", () => {
  console.log("# axe summary (nodes per impact):");
  for (const l of summary) console.log(`#   ${l}`);
});
