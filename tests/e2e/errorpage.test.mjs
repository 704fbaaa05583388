// End-to-end (issue 15, item 1): an error page puts the fix first. On a 360×740 phone the first
// screen shows the meaning in one sentence, the most likely cause with its fix, "Diagnose my case"
// and the start of the code example; the facts (HTTP status, section, ccxt class …) come below.
// At 1280 px the same holds. The signature lab and the clock check are linked where they matter,
// and the table of contents' links land on their sections.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, newPage, appReady } from "./helpers.mjs";

let browser, site;
before(async () => { browser = await launch(); site = await serveDist("dist", "/"); });
after(async () => { await browser?.close(); site?.stop(); });

/** Top and bottom of the first element matching `sel`, in page pixels (null when absent). */
async function box(page, sel) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY };
  }, sel);
}

const SIZES = [{ width: 360, height: 740 }, { width: 1280, height: 800 }];
// A signature code, a timestamp code, a rate-limit code and an order code.
const CODES = ["50113", "50102", "50011", "51008"];

for (const viewport of SIZES) {
  test(`the fix is on the first screen at ${viewport.width} px, the facts below`, async () => {
    const page = await newPage(browser, { viewport });
    const heights = {};
    for (const code of CODES) {
      await page.goto(site.url(`e/${code}/`));
      await appReady(page);
      const h = viewport.height;
      const meaning = await box(page, "[data-testid=meaning-line]");
      const fix = await box(page, "[data-testid=top-fix]");
      const wizard = await box(page, "[data-testid=diagnose-my-case]");
      const snippet = await box(page, ".fix-first .snippet");
      const facts = await box(page, "[data-testid=error-facts]");
      assert.ok(meaning && meaning.bottom <= h, `${code}: meaning on the first screen (${JSON.stringify(meaning)})`);
      assert.ok(fix && fix.bottom <= h, `${code}: fix on the first screen (${JSON.stringify(fix)})`);
      assert.ok(wizard && wizard.bottom <= h, `${code}: "Diagnose my case" on the first screen (${JSON.stringify(wizard)})`);
      if (snippet) assert.ok(snippet.top < h, `${code}: the code starts on the first screen (${JSON.stringify(snippet)})`);
      assert.ok(facts.top > h, `${code}: the facts are below the first screen (${JSON.stringify(facts)})`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${code}: no sideways scroll`);
      heights[code] = await page.evaluate(() => document.documentElement.scrollHeight);
    }
    console.log(`page heights at ${viewport.width} px: ${JSON.stringify(heights)}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test("the signature lab and the clock check are linked where they matter; the contents' links land", async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 740 } });
  await page.goto(site.url("e/50113/"));
  await appReady(page);
  assert.equal(await page.locator("[data-testid=tool-sign]").first().getAttribute("href"), "/sign/");
  assert.ok((await box(page, "[data-testid=tool-sign]")).bottom <= 740, "the lab's link on the first screen");
  for (const href of await page.locator("[data-testid=toc] a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    assert.ok(href.startsWith("/e/50113/#"), `${href} stays on the page`);
    assert.equal(await page.locator(href.slice(href.indexOf("#"))).count(), 1, `${href} lands on a section`);
  }
  await page.click("[data-testid=toc] a[href$='#about']");
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, "/e/50113/#about");
  await page.waitForFunction(() => {
    const el = document.getElementById("about");
    const r = el?.getBoundingClientRect();
    return r && r.top > -2 && r.top < innerHeight; // sub-pixel rounding
  }, null, { timeout: 5000 });
  await page.goto(site.url("e/50102/"));
  await appReady(page);
  assert.equal(await page.locator("[data-testid=tool-clock]").first().getAttribute("href"), "/clock/");
  await page.goto(site.url("e/51008/"));
  await appReady(page);
  assert.equal(await page.locator("[data-testid=tool-sign], [data-testid=tool-clock]").count(), 0, "no tool where none checks the cause");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("code examples keep their lines at 360 px: long lines scroll inside the block, never break in a word", async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 740 } });
  // 50113 has the signed curl request, whose lines are far wider than a phone.
  await page.goto(site.url("e/50113/"));
  await appReady(page);
  const blocks = await page.$$eval("[data-testid=snippets] .snippet pre", (ps) => ps.map((p) => {
    const code = p.querySelector("code");
    const lines = code.textContent.replace(/\n$/, "").split("\n").length;
    // Rendered lines: the block's content height over one line's height (a wrapped line adds one).
    const cs = getComputedStyle(p);
    const content = p.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    const rendered = Math.round(content / parseFloat(cs.lineHeight));
    return { lines, rendered, overflows: p.scrollWidth > p.clientWidth, focusable: p.tabIndex === 0 };
  }));
  assert.ok(blocks.length >= 3, `${blocks.length} code examples`);
  for (const b of blocks) {
    assert.equal(b.rendered, b.lines, `a code example rendered ${b.rendered} lines for its ${b.lines}`);
    if (b.overflows) assert.ok(b.focusable, "a block that scrolls can be scrolled with keys");
  }
  assert.ok(blocks.some((b) => b.overflows), "at least one long line scrolls inside its block");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "the page never scrolls sideways");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
