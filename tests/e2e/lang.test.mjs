// Both languages: every page type has its Chinese twin under zh/, with <html lang>, hreflang
// alternates both ways, and a language switch that goes to the same page in the other language,
// keeps the page's state (search query, wizard step) and is remembered; a Chinese browser is
// offered Chinese, never redirected. Chinese pages read in Chinese with JavaScript off, carry
// OKX's official Chinese message, and the Chinese search finds Chinese words.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import nodePath from "node:path";
import { newPage, appReady, visibleText, startScript, useSite } from "./helpers.mjs";

// [name, path with the state to keep, a selector that shows the state survived (optional)]
const PAGES = [
  ["home with a search", "?q=posSide", "[data-testid=catalog-table] tr[data-code='51000']"],
  ["error page", "e/50113/", "[data-testid=error-code]"],
  ["every code", "codes/", null],
  ["wizard at a step", "wizard/?c=auth_signature&code=50113", "[data-testid=wizard-question]"],
  ["clock", "clock/", null],
  ["sign", "sign/", "[data-testid=sign-key]"],
];

const site = useSite();

const root = (p) => site.server.root(p);
const lang = (page) => page.evaluate(() => document.documentElement.lang);

for (const [name, path, ready] of PAGES) {
  test(`${name}: the switch goes to the Chinese page and back with its state, and is remembered`, async () => {
    const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(root(path));
    await appReady(page);
    assert.equal(await lang(page), "en");
    const alternates = await page.$$eval("link[rel=alternate][hreflang]", (ls) => ls.map((l) => [l.hreflang, l.getAttribute("href")]));
    assert.deepEqual(alternates.map((a) => a[0]).sort(), ["en", "x-default", "zh-CN"]);
    await page.click("header [data-testid=lang-switch]");
    await page.waitForURL((u) => u.pathname.startsWith("/zh/"));
    await appReady(page);
    const zhUrl = new URL(page.url());
    assert.equal(zhUrl.pathname + zhUrl.search, "/zh/" + path.replace(/^\?/, "?"), "same page and state in Chinese");
    assert.equal(await lang(page), "zh-CN");
    if (ready) await page.waitForSelector(ready);
    assert.match(await visibleText(page), /[\u4e00-\u9fff]{4}/, "the Chinese page reads in Chinese");
    // Remembered: the English page now offers Chinese (and does not redirect).
    await page.goto(root(path));
    await appReady(page);
    assert.equal(new URL(page.url()).pathname, "/" + path.replace(/\?.*$/, ""));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.suggestLang), "zh");
    assert.ok(await page.isVisible("[data-testid=lang-suggest]"));
    // And back: the Chinese page's switch returns to the English page with the same state.
    await page.goto(root("zh/" + path));
    await appReady(page);
    await page.click("header [data-testid=lang-switch]");
    await page.waitForURL((u) => !u.pathname.startsWith("/zh/"));
    const enUrl = new URL(page.url());
    assert.equal(enUrl.pathname + enUrl.search, "/" + path);
    if (ready) await page.waitForSelector(ready);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test("not-found page: the switch goes to the same address in the other language, and back", async () => {
  const page = await newPage(site.browser);
  const res = await page.goto(root("e/99999/?q=1"));
  assert.equal(res.status(), 404);
  await appReady(page);
  await page.waitForSelector("[data-testid=not-found]:has-text('99999')");
  await page.click("header [data-testid=lang-switch]");
  await page.waitForURL((u) => u.pathname === "/zh/e/99999/");
  assert.equal(new URL(page.url()).search, "?q=1");
  assert.equal(await lang(page), "zh-CN");
  await appReady(page);
  await page.waitForSelector("[data-testid=not-found]:has-text('99999')");
  await page.click("header [data-testid=lang-switch]");
  await page.waitForURL((u) => u.pathname === "/e/99999/");
  assert.equal(await lang(page), "en");
  // An address that starts with "//" stays on this site (never a protocol-relative link).
  await page.goto(root("zh//evil.example/x"));
  await appReady(page);
  await page.click("header [data-testid=lang-switch]");
  await page.waitForLoadState("domcontentloaded");
  assert.equal(new URL(page.url()).origin, new URL(root("")).origin);
  await page.context().close();
});

test("a browser that prefers Chinese is offered Chinese on its first visit, never redirected; closing the note keeps English", async () => {
  const page = await newPage(site.browser, { locale: "zh-CN" });
  await page.goto(root("e/50011/"));
  await appReady(page);
  assert.equal(new URL(page.url()).pathname, "/e/50011/");
  assert.ok(await page.isVisible("[data-testid=lang-suggest]"));
  await page.click("[data-testid=lang-suggest] button");
  assert.ok(!(await page.isVisible("[data-testid=lang-suggest]")));
  await page.reload();
  assert.ok(!(await page.isVisible("[data-testid=lang-suggest]")), "the choice to stay is remembered");
  await page.context().close();
  // A Traditional Chinese browser is not offered Simplified Chinese.
  const tw = await newPage(site.browser, { locale: "zh-TW" });
  await tw.goto(root("e/50011/"));
  assert.ok(!(await tw.isVisible("[data-testid=lang-suggest]")));
  await tw.context().close();
});

test("/zh/e/50113/ with JavaScript off: OKX's Chinese message, the English one beside it, our Chinese causes", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto(root("zh/e/50113/"));
  assert.equal(res.status(), 200);
  const text = await visibleText(page);
  assert.match(text, /无效的签名/);
  assert.match(text, /Invalid signature/i, "the message the API returns at run time");
  assert.match(text, /Secret Key/);
  assert.match(await page.title(), /50113/);
  assert.match(await page.title(), /[\u4e00-\u9fff]/);
  await context.close();
});

test("the Chinese search finds Chinese words: 余额不足 → 51008", async () => {
  const page = await newPage(site.browser);
  await page.goto(root("zh/"));
  await appReady(page);
  await page.fill("#catalog-search", "余额不足");
  await page.waitForSelector("[data-testid=catalog-table] tr[data-code='51008']", { timeout: 10000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a pasted error's title: OKX's Chinese message of the sub-code it matched, with the API's values; English keeps the values too", async () => {
  const page = await newPage(site.browser);
  const title = async (p, paste) => {
    await page.goto(root(p));
    await appReady(page);
    await page.fill("[data-testid=paste-input]", paste);
    return (await page.locator("[data-testid=finding] [data-testid=finding-link]").first().innerText()).trim();
  };
  // 51008 "margin" is sub-code 1001 (not the balance message of 1000), with USDT filled in.
  assert.match(await title("zh/", '{"code":"51008","msg":"Order failed. Insufficient USDT margin in account","data":[]}'),
    /^51008 委托失败，账户 USDT 可用保证金不足/);
  // A code and its message in a sentence: the values, in both languages.
  assert.match(await title("zh/", "下单报错 51000 Parameter posSide error"), /^51000 posSide参数错误/);
  assert.match(await title("", "order failed: 51000 Parameter posSide error"), /^51000 Parameter posSide error/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the five codes added after the catalog snapshot have pages in both languages", async () => {
  const page = await newPage(site.browser);
  for (const code of ["59320", "59667", "54084", "54085", "54086"]) {
    for (const p of [`e/${code}/`, `zh/e/${code}/`]) {
      const res = await page.goto(root(p));
      assert.equal(res.status(), 200, p);
      assert.match(await page.textContent("[data-testid=error-code]"), new RegExp(code));
    }
  }
  await page.context().close();
});

test("embeds in Chinese: data-locale picks the page language, data-lib (or the older data-lang) the library; the widget's switch changes its language in place", async () => {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), "okx-blog-zh-"));
  fs.writeFileSync(nodePath.join(dir, "index.html"), `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>博客</title></head><body>
<div id="w-zh" data-okx-doctor="50113" data-locale="zh" data-lib="python-okx"></div>
<div id="w-old" data-okx-doctor="50011" data-lang="ccxt-js"></div>
<script src="${root("embed.js")}" async></script></body></html>`);
  const blog = await startScript("tests/support/static-server.mjs", ["--dir", dir, "--port", "0"]);
  try {
    const page = await newPage(site.browser);
    await page.goto(`http://localhost:${blog.port}/`);
    const zh = await page.waitForSelector("#w-zh iframe");
    const old = await page.waitForSelector("#w-old iframe");
    assert.equal(await zh.getAttribute("src"), root("zh/embed/e/50113/?lib=python-okx"));
    assert.equal(await old.getAttribute("src"), root("embed/e/50011/?lib=ccxt-js"));
    assert.equal(await zh.getAttribute("title"), "okx-doctor：错误码 50113", "a Chinese embed's title is Chinese");
    assert.equal(await old.getAttribute("title"), "okx-doctor: error 50011");
    const frame = await zh.contentFrame();
    await frame.waitForSelector("html[data-started]", { state: "attached", timeout: 20000 });
    assert.equal(await frame.evaluate(() => document.documentElement.lang), "zh-CN");
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.lib), "python-okx");
    assert.match(await frame.evaluate(() => document.body.innerText), /无效的签名/);
    // It sizes itself like the English one.
    await page.waitForFunction(() => document.querySelector("#w-zh iframe").style.height !== "400px", null, { timeout: 10000 });
    // The widget's own language switch shows the same widget in English, in the frame (no new tab),
    // with its options kept, and the frame takes the English widget's height.
    const tabs = page.context().pages().length;
    await frame.click("footer [data-testid=lang-switch]");
    await frame.waitForURL((u) => u.pathname === "/embed/e/50113/", { timeout: 10000 });
    assert.equal(new URL(frame.url()).search, "?lib=python-okx");
    assert.equal(page.context().pages().length, tabs, "no new tab");
    await frame.waitForSelector("html[data-started]", { state: "attached", timeout: 20000 });
    assert.equal(await frame.evaluate(() => document.documentElement.lang), "en");
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.lib), "python-okx");
    assert.match(await frame.evaluate(() => document.body.innerText), /Invalid Sign/i);
    let fits = false;
    for (let i = 0; i < 100 && !fits; i++) {
      const [box, content] = [await zh.evaluate((f) => f.clientHeight), await frame.evaluate(() => document.documentElement.offsetHeight)];
      fits = Math.abs(box - content) <= 2;
      if (!fits) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(fits, "the frame takes the English widget's height");
    // And back to Chinese.
    await frame.click("footer [data-testid=lang-switch]");
    await frame.waitForURL((u) => u.pathname === "/zh/embed/e/50113/", { timeout: 10000 });
    assert.equal(await frame.evaluate(() => document.documentElement.lang), "zh-CN");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    blog.stop();
  }
});
