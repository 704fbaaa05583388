// End-to-end: embeds are cards, not pages (issue 15, item 7). A plain blog post
// (tests/support/blog/post.html, on another origin than the site) with one embed between
// paragraphs, at a phone's width (360 px) and a desktop's (1280 px), in the suite's language
// (OKX_E2E_LANG=zh: the Chinese embeds, data-locale="zh"):
// - the error card is 300–450 px tall; the paste and clock embeds are as compact;
// - the blog's text does not jump while an embed loads and sizes itself (cumulative layout shift);
// - the card shows the code, OKX's message, the top causes each with a fix, and links to the full
//   page and to "Diagnose my case", with JavaScript off too; `full` keeps the whole page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveDist, startScript, launch, newPage, appReady, ROOT, LANG } from "./helpers.mjs";

let browser, site;
const servers = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The card's height range the issue asks for, at both widths. */
const CARD_MIN = 300, CARD_MAX = 450;
/** Most layout shift the blog may see while an embed loads ("good" CLS is 0.1; we ask for half). */
const MAX_CLS = 0.05;
const WIDTHS = [360, 1280];
const locale = LANG === "zh" ? ' data-locale="zh"' : "";
const script = () => `<script src="${site.root("embed.js")}" async></script>`;

before(async () => {
  browser = await launch();
  if (!fs.existsSync(path.join(ROOT, "dist", "index.html"))) return;
  site = await serveDist("dist", "/");
  servers.push(site);
});
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

/** Serves the blog post with `widget` in it on localhost (another origin); returns its URL. */
async function serveBlog(widget) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okx-post-"));
  const html = fs.readFileSync(path.join(ROOT, "tests/support/blog/post.html"), "utf8")
    .replace("{{WIDGET}}", widget);
  fs.writeFileSync(path.join(dir, "index.html"), html);
  const s = await startScript("tests/support/static-server.mjs", ["--dir", dir, "--port", "0"]);
  servers.push(s);
  return `http://localhost:${s.port}/`;
}

/** Waits until the embed's iframe has its content's height (the auto-height message arrived) and
 *  `ready` holds in the frame; returns { el, frame, height }. */
async function settled(page, ready) {
  const el = await page.waitForSelector("[data-okx-doctor] iframe", { timeout: 10000 });
  const frame = await el.contentFrame();
  await frame.waitForSelector("html[data-started]", { state: "attached", timeout: 20000 });
  await frame.waitForSelector(ready, { state: "attached", timeout: 20000 });
  let h;
  for (let i = 0; i < 100; i++) {
    const client = await el.evaluate((f) => f.clientHeight);
    const content = await frame.evaluate(() => document.documentElement.offsetHeight);
    h = { client, content };
    if (Math.abs(client - content) <= 2) return { el, frame, height: content };
    await sleep(100);
  }
  assert.fail(`the iframe never took its content's height: ${JSON.stringify(h)}`);
}

/** The blog page's cumulative layout shift so far (every 'layout-shift' entry, buffered). */
async function cls(page) {
  return page.evaluate(() => new Promise((resolve) => {
    // Two frames, so a resize that has just happened is laid out and reported.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      let sum = 0;
      const po = new PerformanceObserver(() => {});
      po.observe({ type: "layout-shift", buffered: true });
      for (const e of po.takeRecords()) if (!e.hadRecentInput) sum += e.value;
      po.disconnect();
      resolve(sum);
    }));
  }));
}

/** What a blogger pastes: the "Embed this in your blog" panel's embed.js snippet on the full
 *  page `p` (the island fills in the site's own address). */
async function snippet(p) {
  const page = await newPage(browser);
  await page.goto(site.url(p));
  await appReady(page);
  const code = (await page.locator("[data-testid=embed-snippet-js]").textContent()).trim();
  await page.context().close();
  assert.ok(code.includes(site.root("embed.js")), `the snippet names this site: ${code}`);
  return code;
}

const KINDS = [
  ["error card 50011", "e/50011/", "[data-testid=card-cause]", [CARD_MIN, CARD_MAX]],
  ["error card 50113", "e/50113/", "[data-testid=card-cause]", [CARD_MIN, CARD_MAX]],
  ["error card 51008", "e/51008/", "[data-testid=card-cause]", [CARD_MIN, CARD_MAX]],
  ["paste box", "", "[data-testid=paste-input]", [200, CARD_MAX]],
  // No network here: the clock's outcome is its compact failure box.
  ["clock check", "clock/", "[data-testid=clock-error], [data-testid=clock-result]", [200, CARD_MAX]],
];

for (const [name, from, ready, [min, max]] of KINDS) {
  test(`${name} (${LANG}): compact at 360 and 1280 px, and the blog's text does not jump`, async (t) => {
    if (!site) return t.skip("dist/ not built");
    const url = await serveBlog(await snippet(from));
    for (const width of WIDTHS) {
      const page = await newPage(browser, { viewport: { width, height: 800 } });
      await page.goto(url);
      const { height } = await settled(page, ready);
      const shift = await cls(page);
      t.diagnostic(`${name} at ${width} px: ${height} px tall, CLS ${shift.toFixed(4)}`);
      assert.ok(height >= min && height <= max, `${name} at ${width} px is ${height} px tall (want ${min}–${max})`);
      assert.ok(shift < MAX_CLS, `${name} at ${width} px: the blog's layout shifted by ${shift.toFixed(4)}`);
      assert.deepEqual(page.problems, [], "no console errors");
      await page.context().close();
    }
  });
}

/** The card's visible parts (elements with a box). */
const visible = (page, sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.innerText.trim()));

test(`the card (${LANG}): code, OKX's message, the top causes with a fix each, the wizard and the full page; with JavaScript off too`, async (t) => {
  if (!site) return t.skip("dist/ not built");
  for (const [width, js] of [[1280, true], [360, true], [1280, false]]) {
    const page = await newPage(browser, { viewport: { width, height: 800 }, javaScriptEnabled: js });
    // The full page's own heading and message, to compare the card with.
    await page.goto(site.url("e/50113/"));
    const message = (await page.locator("[data-testid=error-message]").innerText()).trim();
    const causes = await page.locator("[data-testid=error-causes] > li.cause h3").allInnerTexts();
    await page.goto(site.url("embed/e/50113/"));
    if (js) await appReady(page);
    assert.deepEqual(await visible(page, "[data-testid=card-code]"), ["50113"]);
    assert.deepEqual(await visible(page, "[data-testid=card-message]"), [message], "OKX's message, as on the full page");
    // The whole page is not shown: one heading, the card's.
    assert.equal(await page.locator("h1").evaluateAll((els) => els.filter((e) => e.checkVisibility()).length), 1);
    assert.equal(await page.locator("[data-testid=embed-full]").isVisible(), false);
    const shown = await visible(page, "[data-testid=card-cause] .card-cause-title");
    const want = width < 481 ? 2 : 3;
    assert.equal(shown.length, Math.min(want, causes.length), `${width} px: ${shown.length} causes`);
    // The page's most likely causes, in its order, each with a one-line fix.
    assert.deepEqual(shown, causes.slice(0, shown.length).map((c) => c.replace(/^\d+\.\s*/, "").trim()));
    const fixes = await visible(page, "[data-testid=card-cause] .card-fix");
    assert.equal(fixes.length, shown.length);
    for (const f of fixes) assert.ok(f.length > 8 && !/\n/.test(f), `a one-line fix: ${f}`);
    // Links: the wizard for this code, the full page; both in a new tab (also without the script).
    const diagnose = page.locator("[data-testid=card-diagnose]");
    assert.ok(await diagnose.isVisible());
    assert.match(await diagnose.getAttribute("href"), /wizard\/\?c=[\w-]+&code=50113$/);
    assert.equal(await diagnose.getAttribute("target"), "_blank");
    const full = page.locator("[data-testid=card-full-page]");
    assert.ok(await full.isVisible());
    assert.equal(new URL(await full.getAttribute("href"), page.url()).href, site.url("e/50113/"));
    assert.equal(await full.getAttribute("target"), "_blank");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test(`the full option (${LANG}): ?full=1 and data-full keep the whole page; compact=1 is still accepted`, async (t) => {
  if (!site) return t.skip("dist/ not built");
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  for (const q of ["?full=1", "?full=1&compact=1&theme=dark"]) {
    await page.goto(site.url(`embed/e/50113/${q}`));
    await appReady(page);
    assert.equal(await page.locator("[data-testid=embed-card]").isVisible(), false, q);
    assert.ok(await page.locator("[data-testid=error-causes]").isVisible(), `${q}: every cause`);
    assert.ok(await page.locator("[data-testid=error-facts]").isVisible(), `${q}: the facts`);
    assert.ok(await page.locator("[data-testid=snippets]").isVisible(), `${q}: the code`);
  }
  // compact=1 alone: the card (compact already).
  await page.goto(site.url("embed/e/50113/?compact=1"));
  await appReady(page);
  assert.ok(await page.locator("[data-testid=embed-card]").isVisible());
  assert.equal(await page.locator("[data-testid=embed-full]").isVisible(), false);
  await page.context().close();

  // embed.js passes data-full on; the iframe then grows to the whole page.
  const url = await serveBlog(`<div data-okx-doctor="50113" data-full="1"${locale}></div>${script()}`);
  const blog = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await blog.goto(url);
  const { el, frame, height } = await settled(blog, "[data-testid=error-causes]");
  assert.match(await el.getAttribute("src"), /embed\/e\/50113\/\?full=1$/);
  assert.ok(await frame.locator("[data-testid=error-facts]").isVisible());
  assert.ok(height > CARD_MAX * 2, `the whole page is ${height} px tall`);
  // A runaway height from the frame is clamped (20000 px, above the tallest full page).
  await frame.evaluate(() => parent.postMessage({ type: "okx-doctor:resize", height: 1e9 }, "*"));
  await blog.waitForFunction(() => document.querySelector("[data-okx-doctor] iframe").style.height === "20000px");
  assert.deepEqual(blog.problems, []);
  await blog.context().close();
});
