// End-to-end: per-code pages through the generated files (root and sub-folder builds), their
// static HTML without JavaScript, hostile paths, the theme toggle, the narrow layout, and links
// between pages (every link is a page load; Back restores the page and the state in its URL).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, newPage, appReady, CATALOG } from "./helpers.mjs";

// 24 codes across families, sub-codes, WebSocket codes and close frames.
const CODES = [
  "1", "2", "50011", "50101", "50102", "50105", "50110", "50111", "50113", "50119", "50120", "50014",
  "51000", "51001", "51008", "51008_1000", "51010", "51020", "51121", "58350", "59000", "60009", "60018", "4001",
];
const byCode = Object.fromEntries(CATALOG.map((e) => [e.code, e]));
/** Whether `shown` is the catalog message `msg`: headings show OKX's placeholders ({param0}, ${ccy},
 *  {%min}) as "…" (src/core/template.rs, readable), so every literal part must appear, in order. */
function showsMessage(shown, msg) {
  const parts = msg.split(/\$?\{[^{}]*\}/).map((p) => p.trim()).filter(Boolean);
  let at = 0;
  for (const p of parts) {
    const i = shown.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return parts.length > 0 && (!/\{[^{}]*\}/.test(msg) || shown.includes("…"));
}

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

for (const [dist, prefix] of [["dist", "/"], ["dist-sub", "/some/path/"]]) {
  test(`deep links to ${CODES.length} codes at ${prefix} open the right page`, async () => {
    const site = await serveDist(dist, prefix);
    servers.push(site);
    const page = await newPage(browser);
    for (const code of CODES) {
      const res = await page.goto(site.url(`e/${code}/`));
      assert.equal(res.status(), 200, `e/${code}/ is a real file`);
      await appReady(page);
      assert.equal((await page.textContent("[data-testid=error-code]")).trim(), code);
      const msg = byCode[code].msg || "Success (no error)";
      const shown = await page.textContent("[data-testid=error-message]");
      assert.ok(showsMessage(shown, msg), `${code}: ${shown}`);
      // The islands replace their own markup: nothing is doubled once they start.
      assert.equal(await page.locator("h1").count(), 1);
      assert.equal(await page.locator("[data-testid=error-code]").count(), 1);
      assert.equal(await page.locator("[data-testid=copy-link]").count(), 1);
      assert.equal(await page.locator("[data-testid=theme-toggle]").count(), 1);
    }
    // Without the trailing slash the static server redirects to the directory.
    await page.goto(site.url("e/50113"));
    await appReady(page);
    assert.equal((await page.textContent("[data-testid=error-code]")).trim(), "50113");
    // A link from a deep link back home loads the home page under the base path.
    await page.click("p.more a:text-is('All codes')");
    await page.waitForURL(site.url(""));
    await appReady(page);
    assert.equal(new URL(page.url()).pathname, prefix);
    await page.waitForSelector("[data-testid=catalog-table-static] tr[data-code]");
    // Back loads the error page again.
    await page.goBack();
    await appReady(page);
    assert.equal(new URL(page.url()).pathname, `${prefix}e/50113/`);
    assert.equal((await page.textContent("[data-testid=error-code]")).trim(), "50113");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test(`generated HTML at ${prefix} holds message, causes and fix without JavaScript`, async () => {
    const site = await serveDist(dist, prefix);
    servers.push(site);
    for (const code of CODES) {
      const res = await fetch(site.url(`e/${code}/`));
      assert.equal(res.status, 200);
      const html = await res.text();
      const msg = byCode[code].msg;
      const span = /<span data-testid="error-message">([^<]*)<\/span>/.exec(html);
      assert.ok(span, `${code}: the heading's message in static HTML`);
      const unesc = (t) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
      if (msg) assert.ok(showsMessage(unesc(span[1]), msg), `${code}: message in static HTML: ${span[1]}`);
      assert.match(html, new RegExp(`<title>OKX (error|WebSocket close code) ${code}[: ]`));
      assert.match(html, /<meta name="description" content="[^"]+"/);
      // No origin in the test builds: no canonical link (it must be absolute; see tests/pages.rs).
      assert.doesNotMatch(html, /rel="canonical"/);
      assert.match(html, /property="og:title"/);
      assert.match(html, /<ol [^>]*data-testid="error-causes"[^>]*>\s*<li [^>]*class="cause"/, `${code}: causes`);
      assert.match(html, /Fix/, `${code}: fix`);
    }
    const sitemap = await (await fetch(site.url("sitemap.xml"))).text();
    assert.ok(sitemap.includes(`${prefix}e/51008_1000/`));
    assert.equal((await fetch(site.url("robots.txt"))).status, 200);
  });
}

test("/codes/ links every code once, without JavaScript, and a link loads its page", async () => {
  // How a reader without JavaScript reaches any code (it used to sit inside the home page).
  const site = await serveDist("dist", "/");
  servers.push(site);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto(site.url("codes/"));
  assert.equal(res.status(), 200);
  const hrefs = await page.locator("[data-testid=all-codes] a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual([...hrefs].sort(), CATALOG.map((e) => `/e/${encodeURIComponent(e.code)}/`).sort(), "every catalog code once");
  await page.click("[data-testid=all-codes] a:text-is('51008_1000')");
  await page.waitForURL(site.url("e/51008_1000/"));
  assert.equal((await page.textContent("[data-testid=error-code]")).trim(), "51008_1000");
  await context.close();
});

test("hostile and unknown paths render as text, with nearest codes", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser);
  let dialogs = 0;
  page.on("dialog", async (d) => { dialogs++; await d.dismiss(); });
  await page.addInitScript(() => { window.__pwned = 0; });
  const hostile = [
    "e/%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E/",
    "e/%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E/",
    "e/%00/",
    "e/99999/",
    `e/${"9".repeat(3000)}/`,
    "e/%22%3E%3Csvg%20onload%3Dalert(1)%3E/",
    "nope/%3Cb%3Ebold%3C%2Fb%3E",
  ];
  for (const p of hostile) {
    const res = await page.goto(site.url(p));
    assert.equal(res.status(), 404, `${p} is not a generated file`);
    await appReady(page);
    await page.waitForSelector("[data-testid=not-found]");
    assert.equal(await page.evaluate(() => window.__pwned), 0);
    assert.equal(await page.locator("main img, main svg, main b").count(), 0, `${p}: nothing from the URL became HTML`);
  }
  await page.goto(site.url("e/50012x/"));
  await appReady(page);
  // (The nearest codes come from the analysis worker, a moment after the page starts.)
  await page.waitForSelector("[data-testid=nearest-codes] a");
  const near = await page.locator("[data-testid=nearest-codes] a").evaluateAll((as) => as.map((a) => a.textContent));
  assert.ok(near.length >= 1 && near.length <= 5, `nearest codes: ${near}`);
  assert.ok(near.every((c) => CATALOG.some((e) => e.code === c)), `nearest codes are catalog codes: ${near}`);
  assert.ok(near.some((c) => c.startsWith("5001")), `a code near 50012x: ${near}`);
  await page.goto(site.url("e/99999/"));
  await appReady(page);
  assert.match(await page.textContent("[data-testid=not-found]"), /99999/);
  assert.equal(dialogs, 0);
  await page.context().close();
});

test("theme toggle persists; dark system preference applies; layout fits 360 px", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser, { colorScheme: "dark", viewport: { width: 360, height: 740 } });
  await page.goto(site.url("e/51000/"));
  await appReady(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(17, 20, 24)", "dark system preference");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "no horizontal scroll at 360 px");
  await page.click("[data-testid=theme-toggle]"); // auto -> light
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  await page.reload();
  await appReady(page);
  assert.equal(await page.getAttribute("html", "data-theme"), "light", "choice survives reload");
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)");
  await page.goto(site.url(""));
  await appReady(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "home fits 360 px");
  await page.context().close();
});

test("links load their page, and Back restores the previous page with the state in its URL", async () => {
  // No client-side router: every link is a page load of a generated file (or of 404.html).
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser);
  let loads = 0;
  page.on("domcontentloaded", () => loads++); // documents loaded (not history.replaceState, which the search uses)
  // Home with a search in the URL → an error page through the results table.
  await page.goto(site.url("?q=invalid%20sign"));
  await appReady(page);
  await page.waitForSelector("[data-testid=catalog-table] tr[data-code='50113']");
  loads = 0;
  await page.click("[data-testid=catalog-table] tr[data-code='50113'] a");
  await page.waitForURL(site.url("e/50113/"));
  await appReady(page);
  assert.equal(loads, 1, "the link loaded one page");
  assert.equal((await page.textContent("[data-testid=error-code]")).trim(), "50113");
  // The error page → the wizard for its category (another entry point) → Back, Back.
  await page.click("[data-testid=diagnose-my-case]");
  await page.waitForURL(/\/wizard\/\?c=auth_signature&code=50113$/);
  await appReady(page);
  await page.waitForSelector("[data-testid=wizard-question]");
  await page.goBack();
  await appReady(page);
  assert.equal(new URL(page.url()).pathname, "/e/50113/");
  assert.equal((await page.textContent("[data-testid=error-code]")).trim(), "50113");
  await page.goBack();
  await appReady(page);
  assert.equal(new URL(page.url()).search, "?q=invalid%20sign", "Back returns to the search");
  assert.equal(await page.inputValue("[data-testid=catalog-search]"), "invalid sign", "the search box shows the query again");
  await page.waitForSelector("[data-testid=catalog-table] tr[data-code='50113']");
  assert.ok(!(await page.locator("[data-testid=catalog-table-static]").isVisible()));
  // Forward returns to the error page.
  await page.goForward();
  await appReady(page);
  assert.equal((await page.textContent("[data-testid=error-code]")).trim(), "50113");
  // The main navigation: every item loads its page and marks it current.
  for (const [label, path] of [["Wizard", "wizard/"], ["Clock check", "clock/"], ["Signature lab", "sign/"], ["Diagnose", ""]]) {
    await page.click(`nav[aria-label=Main] a:text-is('${label}')`);
    await page.waitForURL(site.url(path));
    await appReady(page);
    assert.equal(await page.locator("nav[aria-label=Main] a[aria-current=page]").innerText(), label);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a host that answers unknown paths with index.html (single-page-app rewrite): the home page works at any depth", async () => {
  // Not a setup the README recommends, but the pages must not break there: with <base href> the
  // home page's scripts and links resolve from any path, it loads once, and nothing of the path
  // becomes markup.
  const site = await serveDist("dist", "/", { spaFallback: true });
  servers.push(site);
  const page = await newPage(browser);
  let loads = 0;
  page.on("domcontentloaded", () => loads++); // documents loaded (not history.replaceState, which the search uses)
  for (const p of ["embed/e/%3Cb%3Ex%3C%2Fb%3E/", "wizard/nope/deeper/", "e/99999/"]) {
    loads = 0;
    const res = await page.goto(site.url(p));
    assert.equal(res.status(), 200, p);
    await appReady(page);
    await page.waitForSelector("[data-testid=paste-input]");
    await page.fill("[data-testid=catalog-search]", "50113");
    await page.waitForSelector("[data-testid=catalog-table] tr[data-code='50113']");
    assert.equal(await page.locator("[data-testid=catalog-table] tr[data-code='50113'] a").getAttribute("href"), "/e/50113/");
    await page.waitForTimeout(300);
    assert.equal(loads, 1, `${p}: loaded once`);
    assert.equal(await page.locator("main b").count(), 0, `${p}: no markup from the path`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
