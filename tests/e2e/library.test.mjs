// End-to-end (issue 15, item 2): snippets in the reader's library. The error page's picker
// remembers the choice like the theme (a preference in localStorage, applied before first paint by
// the inline page script), the wizard's fixes follow it, `?lib=` wins, and a paste that reveals
// its library links to pages showing that library's code. Every copy button names what it copies
// and confirms the same way (one text on the button, one announcement in its live region).
// `OKX_E2E_LANG=zh` runs it on the Chinese pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage, appReady, useSite, LANG } from "./helpers.mjs";

const ZH = LANG === "zh";
/** The words the checks read, in the suite's language. */
const W = ZH
  ? { copy: /^复制\s*\S/, copied: "已复制", announced: "已复制到剪贴板", codeOf: (lib) => `复制 ${lib} 代码`, forLib: (lib) => `适用于 ${lib}` }
  : { copy: /^Copy\s+\S/, copied: "Copied", announced: "Copied to the clipboard", codeOf: (lib) => `Copy ${lib} code`, forLib: (lib) => `For ${lib}` };
const KEY = "okx-doctor-lib";
// A fix with code for both python-okx and ccxt (JavaScript): 50104's wizard starts at it.
const WIZARD_FIX = "wizard/?c=auth_passphrase&code=50104";

const site = useSite();
const url = (p) => site.server.url(p);

/** The libraries of the error page's code examples, in the order they are laid out on screen. */
async function snippetOrder(page) {
  return page.$$eval("[data-testid=snippets] .snippet", (els) =>
    els.map((e) => ({ lib: e.dataset.lib, top: e.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top).map((e) => e.lib));
}

/** The picker's buttons and which one says it is pressed. */
async function pressed(page) {
  return page.$$eval("[data-lib-pick]", (bs) => bs.filter((b) => b.getAttribute("aria-pressed") === "true").map((b) => b.dataset.libPick));
}

/** The wizard fix's code example: its caption and the library select's value. */
async function wizardSnippet(page) {
  await page.waitForSelector("[data-testid=wizard-fix] .wizard-snippet");
  return page.evaluate(() => ({
    caption: document.querySelector(".wizard-snippet-label").textContent.trim(),
    select: document.querySelector(".wizard-lib-select").value,
  }));
}

test("the library picker: the choice is remembered, the wizard follows it, ?lib= wins", async () => {
  const page = await newPage(site.browser, { viewport: { width: 360, height: 740 } });
  await page.goto(url("e/50113/"));
  await appReady(page);
  const offered = await page.$$eval("[data-lib-pick]", (bs) => bs.map((b) => b.dataset.libPick));
  assert.ok(offered.includes("python-okx") && offered.includes("ccxt-python"), `picker offers ${offered}`);
  const before = await snippetOrder(page);
  assert.notEqual(before[0], "python-okx", "python-okx is not first by default");
  assert.deepEqual(await pressed(page), [], "nothing chosen yet");

  await page.click("[data-lib-pick=python-okx]");
  assert.equal((await snippetOrder(page))[0], "python-okx", "the chosen library's code comes first");
  assert.deepEqual(await pressed(page), ["python-okx"]);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), "python-okx");
  // Every snippet is still there (the others are reachable).
  assert.deepEqual([...(await snippetOrder(page))].sort(), [...before].sort());

  await page.reload();
  // Applied by the inline script before the wasm starts: read before appReady.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.lib), "python-okx");
  assert.equal((await snippetOrder(page))[0], "python-okx", "still first after a reload");
  await appReady(page);
  assert.deepEqual(await pressed(page), ["python-okx"]);

  // The wizard's fix shows the preferred library's code.
  await page.goto(url(WIZARD_FIX));
  await appReady(page);
  let w = await wizardSnippet(page);
  assert.equal(w.select, "python-okx");
  assert.equal(w.caption, W.forLib("python-okx"));

  // ?lib= wins over the stored preference, without replacing it.
  await page.goto(url("e/50113/?lib=ccxt-js"));
  await appReady(page);
  assert.equal((await snippetOrder(page))[0], "ccxt-js");
  assert.deepEqual(await pressed(page), ["ccxt-js"]);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), "python-okx");
  await page.goto(url(`${WIZARD_FIX}&lib=ccxt-js`));
  await appReady(page);
  w = await wizardSnippet(page);
  assert.equal(w.select, "ccxt-js");
  assert.match(w.caption, /ccxt/);

  // A value that is not a library is ignored (the preference stands).
  await page.goto(url("e/50113/?lib=%3Cscript%3E"));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.lib), "python-okx");

  // Choosing in the wizard is remembered too.
  await page.goto(url(WIZARD_FIX));
  await appReady(page);
  await page.selectOption(".wizard-lib-select", "ccxt-python");
  await page.waitForFunction(() => /ccxt/.test(document.querySelector(".wizard-snippet-label")?.textContent ?? ""));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), "ccxt-python");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("ccxt (PHP), freqtrade and raw HTTP are offered where the page has their code, and each pick puts it first", async () => {
  const page = await newPage(site.browser, { viewport: { width: 360, height: 740 } });
  // 50101 (a demo key on the live service) has code for all seven libraries of the picker.
  await page.goto(url("e/50101/"));
  await appReady(page);
  const offered = await page.$$eval("[data-lib-pick]", (bs) => bs.map((b) => b.dataset.libPick));
  for (const lib of ["ccxt-php", "freqtrade", "http"]) assert.ok(offered.includes(lib), `picker offers ${offered}`);
  for (const lib of offered) {
    await page.click(`[data-lib-pick=${lib}]`);
    assert.equal((await snippetOrder(page))[0], lib, `${lib}'s code comes first`);
    assert.deepEqual(await pressed(page), [lib]);
  }
  // Seven buttons stay one line that scrolls inside itself: the page never scrolls sideways.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no sideways page scroll");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a paste that reveals its library links to pages with that library's code first", async () => {
  const page = await newPage(site.browser);
  await page.goto(url(""));
  await appReady(page);
  const paste = `  File "/usr/lib/python3/site-packages/okx/okxclient.py", line 60, in _request
okx.exceptions.OkxAPIException: {"code":"50113","msg":"Invalid Sign"}`;
  await page.fill("[data-testid=paste-input]", paste);
  await page.waitForSelector("[data-testid=finding-link]");
  const href = await page.getAttribute("[data-testid=finding-link]", "href");
  assert.match(href, /e\/50113\/\?lib=python-okx$/);
  assert.match(await page.getAttribute("[data-testid=finding-wizard]", "href"), /[?&]lib=python-okx(&|$)/);
  await page.click("[data-testid=finding-link]");
  await page.waitForURL(/e\/50113\//);
  assert.equal((await snippetOrder(page))[0], "python-okx");
  // Following a link is not a choice: nothing is stored.
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  await page.context().close();
});

/** Every copy button of the page: its name, and the name of what its snippet's caption shows. */
async function copyButtons(page) {
  return page.$$eval("button[data-testid*=copy]", (bs) => bs.filter((b) => b.offsetParent !== null || b.closest("details")).map((b, i) => ({
    // Several buttons can share a test id (one per snippet): each gets its own mark to click it by.
    mark: (b.dataset.e2eCopy = String(i)),
    testid: b.dataset.testid,
    name: (b.getAttribute("aria-label") || b.textContent).trim(),
    lib: b.closest(".snippet")?.querySelector(".snippet-lib")?.textContent.trim() ?? null,
  })));
}

/** Clicks the button and returns what it then says and what its live region announces. */
async function confirmation(page, mark) {
  const sel = `button[data-e2e-copy="${mark}"]`;
  // A button inside a disclosure (the embed panel) is shown first, as a reader would open it.
  await page.$eval(sel, (b) => { for (let d = b.closest("details"); d; d = d.parentElement?.closest("details")) d.open = true; });
  await page.click(sel);
  await page.waitForFunction((s) => {
    const b = document.querySelector(s);
    return b && b.nextElementSibling?.getAttribute("aria-live") && b.nextElementSibling.textContent.trim() !== "";
  }, sel);
  return page.$eval(sel, (b) => ({ button: b.textContent.trim(), live: b.nextElementSibling.textContent.trim() }));
}

test("every copy button names what it copies and confirms the same way", async () => {
  const page = await newPage(site.browser, { permissions: ["clipboard-read", "clipboard-write"] });
  const seen = [];
  const visit = async (path, setup = async () => {}) => {
    await page.goto(url(path));
    await appReady(page);
    await setup();
    const buttons = await copyButtons(page);
    for (const b of buttons) {
      assert.match(b.name, W.copy, `${path} ${b.testid}: "${b.name}" says what it copies`);
      if (b.lib) assert.equal(b.name, W.codeOf(b.lib), `${path} ${b.testid}: names its library`);
      const c = await confirmation(page, b.mark);
      seen.push({ url: path, testid: b.testid, ...c });
    }
    return buttons.length;
  };
  // The embed panel's buttons too (inside a closed disclosure: opened before each click).
  const onError = await visit("e/50113/");
  assert.ok(onError >= 3, `${onError} copy buttons on /e/50113/`);
  // The snippet's button copies exactly its code.
  const code = await page.$eval("[data-testid=snippets] .snippet pre", (p) => p.textContent);
  await page.click("[data-testid=snippets] .snippet button[data-testid=copy-snippet]");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  const onFix = await visit(WIZARD_FIX);
  assert.ok(onFix >= 2, `${onFix} copy buttons on the wizard's fix (the step's link and the code)`);
  assert.ok(seen.some((s) => s.testid === "wizard-copy-snippet"));
  await visit(WIZARD_FIX, async () => {
    // Through "still failing" to the report (the report's copy button).
    for (let i = 0; i < 30 && !(await page.$("[data-testid=wizard-report]")); i++) {
      const at = await page.evaluate(() => location.search);
      await page.locator("[data-testid=wizard-still-failing], [data-testid=wizard-question] [data-testid^=wizard-answer-]").first().click();
      await page.waitForFunction((a) => location.search !== a, at);
    }
  });
  assert.ok(seen.some((s) => s.testid === "wizard-copy-report"));
  await visit("clock/", async () => {
    await page.waitForSelector("[data-testid=clock-error], [data-testid=clock-result]", { timeout: 15000 });
  });
  assert.ok(seen.some((s) => s.testid.startsWith("clock-copy")));
  await visit("sign/");
  console.log(`copy buttons checked: ${seen.map((s) => `${s.url} ${s.testid}`).join(", ")}`);
  for (const s of seen) {
    assert.equal(s.button, W.copied, `${s.url} ${s.testid} says "${s.button}"`);
    assert.equal(s.live, W.announced, `${s.url} ${s.testid} announces "${s.live}"`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
