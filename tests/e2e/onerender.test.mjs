// One renderer: every page type reads the same before its wasm starts (JavaScript off) and after
// (apart from regions marked data-dynamic, such as a live result or the state in the URL), and
// starting the islands shifts nothing (cumulative layout shift 0).
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage, appReady, visibleText, useSite } from "./helpers.mjs";

const PAGES = [
  ["home", ""],
  ["error page", "e/50113/"],
  ["sub-code page", "e/51008_1000/"],
  ["404", "no/such/page/"],
  ["every code", "codes/"],
  ["wizard", "wizard/"],
  ["wizard at a step", "wizard/?c=auth_signature&code=50113"],
  ["clock", "clock/"],
  ["sign", "sign/"],
  ["embed error", "embed/e/50011/"],
  ["embed helper", "embed/"],
  ["embed clock", "embed/clock/"],
];

const site = useSite();

// A phone and a desktop width.
const VIEWPORTS = [{ width: 360, height: 740 }, { width: 1280, height: 800 }];

async function textWithoutJs(url, viewport) {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const t = await visibleText(page);
  await context.close();
  return t;
}

async function textAndShiftWithJs(url, viewport) {
  const page = await newPage(site.browser, { viewport });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(url, { waitUntil: "load" });
  await appReady(page);
  await page.waitForTimeout(300);
  const t = await visibleText(page);
  const cls = await page.evaluate(() => window.__cls);
  await page.context().close();
  return { t, cls, problems: page.problems };
}

for (const [name, path] of PAGES) for (const viewport of VIEWPORTS) {
  test(`${name} at ${viewport.width} px: same text before and after the islands start, no layout shift`, async () => {
    const url = site.server.url(path);
    const before = await textWithoutJs(url, viewport);
    const { t: afterText, cls, problems } = await textAndShiftWithJs(url, viewport);
    assert.ok(before.trim().length > 20, `${name}: the page has text without JavaScript`);
    assert.equal(afterText, before, `${name}: text changed when the islands started`);
    assert.equal(cls, 0, `${name}: layout shift ${cls}`);
    // The not-found page is served with status 404, which the browser logs for the document itself.
    const expected = name === "404" ? ["console: Failed to load resource: the server responded with a status of 404 (Not Found)"] : [];
    assert.deepEqual(problems, expected, `${name}: console errors`);
  });
}
