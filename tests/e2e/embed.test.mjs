// End-to-end: embedding okx-doctor in a blog on another origin (public/embed.js, src/ui/embed.rs).
// The site is served on http://127.0.0.1:<port>, the sample blog (tests/support/blog/) on
// http://localhost:<other port>: two different origins, as on the real web. `OKX_E2E_LANG=zh` runs
// the suite on the Chinese embeds: every widget of the blog gets data-locale="zh", the raw iframe
// shows /zh/embed/….
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { serveDist, startScript, launch, newPage, appReady, ROOT, LANG } from "./helpers.mjs";

const ZH = LANG === "zh";
/** The words of the embeds' interface the suite reads, in its language (src/ui/embed.rs,
 *  src/ui/copy.rs, public/embed.js). */
const W = ZH
  ? { title: (what) => `okx-doctor：${what}`, error: (c) => `错误码 ${c}`, paste: "粘贴诊断", clock: "时钟检查", copied: "已复制" }
  : { title: (what) => `okx-doctor: ${what}`, error: (c) => `error ${c}`, paste: "paste and diagnose", clock: "clock check", copied: "Copied" };
/** A path of the site in the suite's language, as the headers see it (`/zh/embed/…`). */
const P = (p) => `/${ZH ? "zh/" : ""}${p}`;

let browser;
const servers = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

/** Serves the sample blog (with {{SITE}} filled in) on localhost; returns its URL. */
async function serveBlog(siteUrl) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okx-blog-"));
  let html = fs.readFileSync(path.join(ROOT, "tests/support/blog/index.html"), "utf8");
  // In Chinese: every widget asks for the Chinese embed, the raw iframe shows it.
  if (ZH) html = html.replaceAll("data-okx-doctor=", 'data-locale="zh" data-okx-doctor=').replaceAll("{{SITE}}embed/", "{{SITE}}zh/embed/");
  html = html.replaceAll("{{SITE}}", siteUrl);
  fs.writeFileSync(path.join(dir, "index.html"), html);
  // A page of the blog's origin that forges a resize message (an embed iframe is navigated to it).
  fs.writeFileSync(path.join(dir, "forged.html"),
    "<!DOCTYPE html><title>forged</title><script>parent.postMessage({type:'okx-doctor:resize',height:3333},'*')</script>");
  const s = await startScript("tests/support/static-server.mjs", ["--dir", dir, "--port", "0"]);
  servers.push(s);
  return `http://localhost:${s.port}/`;
}

/** The iframe element and its frame inside `#id`, once the islands in it have started. */
async function widget(page, selector) {
  const el = await page.waitForSelector(selector, { timeout: 10000 });
  await el.scrollIntoViewIfNeeded();
  const frame = await el.contentFrame();
  await frame.waitForSelector("html[data-started]", { state: "attached", timeout: 20000 });
  await frame.waitForSelector("main#main h1", { state: "attached" });
  return { el, frame };
}

/** Heights: the iframe box, and the frame document's scrollHeight and content (offset) height. */
async function heights({ el, frame }) {
  const client = await el.evaluate((f) => f.clientHeight);
  const [scroll, content] = await frame.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.offsetHeight]);
  return { client, scroll, content };
}

/** Waits until the iframe is as tall as its content (±2 px) and `extra(h)` holds. */
async function waitFits(w, extra = () => true, what = "iframe fits its content") {
  let h;
  for (let i = 0; i < 100; i++) {
    h = await heights(w);
    if (Math.abs(h.client - h.scroll) <= 2 && Math.abs(h.client - h.content) <= 2 && extra(h)) return h;
    await sleep(100);
  }
  assert.fail(`${what}: ${JSON.stringify(h)}`);
}

for (const [dist, prefix] of [["dist", "/"], ["dist-sub", "/some/path/"]]) {
  test(`embed.js at ${prefix} on a blog of another origin: iframes, auto-height, theme, foreign messages`, async (t) => {
    if (!fs.existsSync(path.join(ROOT, dist, "index.html"))) return t.skip(`${dist}/ not built`);
    const site = await serveDist(dist, prefix);
    servers.push(site);
    const blogUrl = await serveBlog(site.root(""));
    const page = await newPage(browser, { viewport: { width: 900, height: 800 } });
    await page.goto(blogUrl);

    // The iframes embed.js made: URL from the script's own src, title, lazy, clipboard.
    const err = await widget(page, "#w-error iframe");
    assert.equal(await err.el.getAttribute("src"), site.url("embed/e/50011/?theme=dark"));
    assert.equal(await err.el.getAttribute("title"), W.title(W.error("50011")));
    assert.equal(await err.el.getAttribute("loading"), "lazy");
    assert.equal(await err.el.getAttribute("allow"), "clipboard-write");
    assert.equal(await page.locator("#w-error a").count(), 0, "the fallback link is replaced");
    // An invalid code is left alone (its fallback link stays, no iframe).
    assert.equal(await page.locator("#w-bad iframe").count(), 0);
    assert.equal(await page.locator("#w-bad a").count(), 1);

    // Auto-height after load: no inner scrollbar (embed.js's starting height is close to the card's
    // own; the auto-height messages are checked below, as the content grows and shrinks).
    let h = await waitFits(err);
    // The theme option applies and is never stored.
    assert.equal(await err.frame.evaluate(() => document.documentElement.getAttribute("data-theme")), "dark");
    assert.equal(await err.frame.evaluate(() => document.documentElement.classList.contains("embed")), true);
    // (Chromium may deny storage to third-party frames altogether; the embed works without it.)
    assert.equal(await err.frame.evaluate(() => { try { return localStorage.getItem("okx-doctor-theme"); } catch { return null; } }), null);

    // Content grows (open "About this widget"): the iframe follows; then shrinks back.
    await err.frame.click("[data-testid=embed-about] summary");
    const grown = await waitFits(err, (x) => x.client > h.client, "iframe grows with its content");
    await err.frame.click("[data-testid=embed-about] summary");
    await waitFits(err, (x) => x.client < grown.client, "iframe shrinks with its content");

    // The paste widget (the paste box alone, well under embed.js's 20000 px clamp): fits and grows,
    // also when findings appear.
    const paste = await widget(page, "#w-paste iframe");
    assert.equal(await paste.el.getAttribute("src"), site.url("embed/"));
    assert.equal(await paste.el.getAttribute("title"), W.title(W.paste));
    const p0 = await waitFits(paste);
    assert.ok(p0.content < 5000, `/embed/ is ${p0.content} px tall`);
    await paste.frame.click("[data-testid=embed-about] summary");
    const p1 = await waitFits(paste, (x) => x.client > p0.client, "paste iframe grows");
    await paste.frame.fill("[data-testid=paste-input]", '{"code":"50113","msg":"Invalid Sign"}');
    await paste.frame.waitForSelector("[data-testid=finding]");
    await waitFits(paste, (x) => x.client > p1.client, "paste iframe grows with its findings");

    // The clock widget: fits, grows.
    const clock = await widget(page, "#w-clock iframe");
    assert.equal(await clock.el.getAttribute("src"), site.url("embed/clock/?compact=1"));
    assert.equal(await clock.el.getAttribute("title"), W.title(W.clock));
    const c0 = await waitFits(clock);
    await clock.frame.click("[data-testid=embed-about] summary");
    await waitFits(clock, (x) => x.client > c0.client, "clock iframe grows");

    // The raw iframe (no embed.js) loads, keeps its fixed height: its own resize messages are
    // ignored because it is not one of embed.js's iframes.
    const raw = await widget(page, "#w-raw");
    assert.match(await raw.frame.locator("[data-testid=card-code]").innerText(), /^50113$/);
    assert.equal(await raw.el.evaluate((f) => f.clientHeight), 600);

    // Foreign messages are ignored: from the blog's own window (wrong origin), and from our origin
    // but a frame embed.js did not create (wrong source).
    h = await heights(err);
    await page.evaluate(() => window.postMessage({ type: "okx-doctor:resize", height: 3333 }, "*"));
    await raw.frame.evaluate(() => parent.postMessage({ type: "okx-doctor:resize", height: 3333 }, "*"));
    await page.evaluate(() => {
      const f = document.createElement("iframe");
      f.srcdoc = "<script>parent.postMessage({type:'okx-doctor:resize',height:3333},'*')<\/script>";
      document.body.appendChild(f);
    });
    // And from one of embed.js's own iframes once it shows another origin (right source, wrong origin).
    const clockH = await clock.el.evaluate((f) => f.clientHeight);
    await clock.el.evaluate((f, u) => { f.src = u; }, blogUrl + "forged.html");
    await page.waitForFunction(() => document.querySelector("#w-clock iframe").contentDocument?.title === "forged");
    await sleep(500);
    assert.equal((await heights(err)).client, h.client, "height unchanged by foreign messages");
    assert.equal(await clock.el.evaluate((f) => f.clientHeight), clockH, "forged message from the blog's origin ignored");
    assert.equal(await raw.el.evaluate((f) => f.clientHeight), 600);

    // Links inside the embed open the full site in a new tab; the embed stays. (The card's links
    // carry target="_blank" themselves; the embed's script does the same for every other link.)
    const full = err.frame.locator("[data-testid=card-full-page]");
    const [tab] = await Promise.all([
      page.context().waitForEvent("page"),
      full.click(),
    ]);
    await tab.waitForLoadState("domcontentloaded");
    assert.equal(tab.url(), site.url("e/50011/"));
    assert.equal(err.frame.url(), site.url("embed/e/50011/?theme=dark"));
    await tab.close();

    assert.deepEqual(page.problems, [], "no console errors");
    await page.context().close();
  });
}

test("WordPress: with #?secret= the embed also posts {message: 'height', value, secret}; a bad secret is ignored", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const blogUrl = await serveBlog(site.root(""));
  const page = await newPage(browser);
  await page.goto(blogUrl);
  const got = await page.evaluate(async (src) => {
    const msgs = [];
    const frames = [];
    window.addEventListener("message", (e) => {
      const which = frames.findIndex((f) => f.contentWindow === e.source);
      if (which >= 0) msgs.push({ which, origin: e.origin, data: e.data });
    });
    for (const hash of ["#?secret=Ab12cd34", "#?secret=bad!secret"]) {
      const f = document.createElement("iframe");
      f.src = src + hash;
      frames.push(f);
      document.body.prepend(f);
    }
    const resized = (w) => msgs.some((m) => m.which === w && m.data?.type === "okx-doctor:resize");
    for (let i = 0; i < 200 && !(resized(0) && resized(1)); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    return msgs;
  }, site.url("embed/e/50011/"));
  for (const w of [0, 1]) assert.ok(got.some((m) => m.which === w && m.data?.type === "okx-doctor:resize"), JSON.stringify(got));
  const wp = got.filter((m) => m.data?.message === "height");
  assert.ok(wp.length >= 1, JSON.stringify(got));
  for (const m of wp) {
    assert.equal(m.which, 0, "no WordPress message for a malformed secret");
    assert.equal(m.data.secret, "Ab12cd34");
    assert.ok(m.data.value > 100);
    assert.equal(m.origin, site.origin);
  }
  await page.context().close();
});

test("copy inside an embed: Clipboard API with permission, select-and-copy fallback without", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const blogUrl = await serveBlog(site.root(""));

  // With clipboard permission: the text lands on the clipboard.
  let page = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.goto(blogUrl);
  let err = await widget(page, "#w-full iframe");
  await err.frame.click("[data-testid=copy-link]");
  await err.frame.waitForSelector(`[data-testid=copy-link]:text('${W.copied}')`);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), site.url("e/50011/"));
  await page.context().close();

  // The Clipboard API refused (as in a frame without allow="clipboard-write"): the fallback copies.
  page = await newPage(browser);
  await page.context().addInitScript(() => {
    if (navigator.clipboard) navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    window.__copied = [];
    document.addEventListener("copy", () => window.__copied.push(String(document.getSelection() || document.activeElement?.value || "")));
  });
  await page.goto(blogUrl);
  err = await widget(page, "#w-full iframe");
  await err.frame.click("[data-testid=copy-link]");
  await err.frame.waitForSelector(`[data-testid=copy-link]:text('${W.copied}')`);
  assert.equal((await err.frame.evaluate(() => window.__copied)).length, 1, "one copy event (execCommand)");
  await page.context().close();
});

test("embed options (with full=1, the whole page): compact hides secondary sections, lang puts a library first, bad values ignored", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser);
  // The options are applied by CSS (src/ui/embed.rs, public/theme.js): the order is what a reader
  // sees (top to bottom on screen), and hidden means not shown, whatever the DOM order.
  const libs = async () => page.locator(".snippet").evaluateAll((els) =>
    els.filter((e) => e.getClientRects().length > 0).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((e) => e.dataset.lib));
  const SECONDARY = ".variants, .related, .sub-codes, section.secondary";
  const shownSecondary = async () => page.locator(SECONDARY).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
  await page.goto(site.url("embed/e/50011/?full=1"));
  await appReady(page);
  const normal = await libs();
  const domOrder = await page.locator(".snippet").evaluateAll((els) => els.map((e) => e.dataset.lib));
  assert.deepEqual(normal, domOrder, "without options the snippets show in their own order");
  const hasSecondary = await shownSecondary();
  assert.ok(normal.length >= 2, `50011 has snippets: ${normal}`);
  assert.ok(hasSecondary >= 2, `50011 shows secondary sections (other wordings, related codes): ${hasSecondary}`);
  // The last library, so putting it first really moves it.
  const other = normal.at(-1);

  for (const q of [`?full=1&compact=1&lang=${other}`, `?lang=${other}&compact=1&theme=dark&full=1`]) {
    await page.goto(site.url(`embed/e/50011/${q}`));
    await appReady(page);
    const shown = await libs();
    assert.equal(shown[0], other, `${q}: the chosen library comes first on screen (${shown})`);
    assert.deepEqual([...shown].sort(), [...normal].sort(), `${q}: every snippet still shows`);
    assert.equal(await shownSecondary(), 0, `${q}: compact hides secondary sections`);
    assert.ok(await page.locator("[data-testid=error-causes]").isVisible(), `${q}: the causes still show`);
  }

  await page.goto(site.url("embed/e/50011/?full=1&lang=cobol&compact=maybe"));
  await appReady(page);
  assert.deepEqual(await libs(), normal, "unknown lang keeps the order");
  assert.equal(await shownSecondary(), hasSecondary, "an invalid compact value hides nothing");
  // Not framed: nothing breaks, no embed panel inside an embed.
  assert.equal(await page.locator("[data-testid=embed-panel]").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the 'Embed this in your blog' panel on the error, clock and home pages", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  for (const [p, key, src] of [["e/50011/", "50011", "embed/e/50011/"], ["clock/", "clock", "embed/clock/"], ["", "paste", "embed/"]]) {
    await page.goto(site.url(p));
    await appReady(page);
    await page.click("[data-testid=embed-panel] summary");
    const js = await page.locator("[data-testid=embed-snippet-js]").innerText();
    const iframe = await page.locator("[data-testid=embed-snippet-iframe]").innerText();
    assert.ok(js.includes(`data-okx-doctor="${key}"`), js);
    assert.ok(js.includes(`src="${site.root("embed.js")}"`), js);
    assert.equal(js.includes('data-locale="zh"'), ZH, `the snippet asks for the page's language: ${js}`);
    assert.match(js, /style="min-height:\d+px"/, "the snippet reserves the widget's height");
    for (const part of [`src="${site.url(src)}"`, `title="${W.title("")}`, 'loading="lazy"', 'allow="clipboard-write"', 'height="450"']) {
      assert.ok(iframe.includes(part), `${part} in ${iframe}`);
    }
    await page.click("[data-testid=copy-embed-iframe]");
    await page.waitForSelector(`[data-testid=copy-embed-iframe]:text('${W.copied}')`);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), iframe);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** The headers public/_headers gives `pathname` (values of several matching rules joined with ", ",
 *  as Cloudflare Pages does), with the inline-loader hash placeholder filled in from `html`. */
function headersFor(pathname, html) {
  const rules = [];
  for (const line of fs.readFileSync(path.join(ROOT, "dist/_headers"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pat: line.trim(), headers: [] });
    else { const i = line.indexOf(":"); rules.at(-1).headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]); }
  }
  const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(html || "");
  const hash = inline ? crypto.createHash("sha256").update(inline[1]).digest("base64") : "none";
  const out = {};
  for (const r of rules) {
    const hit = r.pat.endsWith("/*") ? pathname.startsWith(r.pat.slice(0, -1)) : pathname === r.pat;
    if (!hit) continue;
    for (const [k, v] of r.headers) {
      const val = v.replace("sha256-TRUNK_INLINE_LOADER_HASH", `sha256-${hash}`);
      out[k.toLowerCase()] = out[k.toLowerCase()] ? `${out[k.toLowerCase()]}, ${val}` : val;
    }
  }
  return out;
}

test("public/_headers: the site runs under its CSP; /embed/* can be framed by a blog, other pages cannot", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const blogUrl = await serveBlog(site.root(""));
  const page = await newPage(browser);
  const seen = {};
  await page.context().route(`${site.origin}/**`, async (route) => {
    const resp = await route.fetch();
    const pathname = new URL(route.request().url()).pathname;
    const isHtml = (resp.headers()["content-type"] || "").startsWith("text/html");
    const body = isHtml ? await resp.text() : undefined;
    const extra = headersFor(pathname, body);
    if (isHtml) seen[pathname] = extra;
    await route.fulfill({ response: resp, body, headers: { ...resp.headers(), ...extra } });
  });
  assert.match(headersFor(P("embed/e/50011/"), "")["content-security-policy"], /frame-ancestors \*$/);
  assert.equal(headersFor(P("embed/e/50011/"), "")["x-frame-options"], undefined);
  assert.equal(headersFor(P("e/50011/"), "")["x-frame-options"], "SAMEORIGIN");
  assert.equal(headersFor(P(""), "")["referrer-policy"], "no-referrer");

  // The full site under its CSP: loads, no violations.
  for (const p of ["", "e/50011/", "clock/"]) {
    await page.goto(site.url(p));
    await appReady(page).catch((e) => { throw new Error(`${p}: ${e.message} ${JSON.stringify(page.problems)} ${JSON.stringify(seen)}`); });
    assert.match(seen[P(p)]?.["content-security-policy"] || "", /frame-ancestors 'self'/, p);
  }
  // Embeds in the blog under their CSP.
  await page.goto(blogUrl);
  const err = await widget(page, "#w-error iframe");
  await waitFits(err, (x) => x.client !== 400);
  assert.match(seen[P("embed/e/50011/")]["content-security-policy"], /frame-ancestors \*$/);
  // A full-site page in the blog's iframe is refused.
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.id = "w-framed-full";
    f.src = src;
    document.body.prepend(f);
  }, site.url("e/50011/"));
  await sleep(1500);
  const framed = await (await page.$("#w-framed-full")).contentFrame();
  assert.equal(await framed.locator("[data-testid=error-code]").count(), 0, "full site page must not render in a frame");
  const problems = page.problems.filter((m) => !/frame-ancestors|Refused to (display|frame)/.test(m));
  assert.deepEqual(problems, [], "no CSP violations or errors");
  await page.context().close();
});

/** Adds a WordPress-style sandboxed iframe of `src` and returns its {message: "height"} post, or null. */
async function sandboxedHeight(page, src, ms) {
  return page.evaluate(async ([src, ms]) => {
    const f = document.createElement("iframe");
    f.setAttribute("sandbox", "allow-scripts");
    f.src = src + "#?secret=wpSecret1";
    let msg = null;
    window.addEventListener("message", (e) => { if (e.source === f.contentWindow && e.data?.message === "height") msg = { origin: e.origin, data: e.data }; });
    document.body.prepend(f);
    for (let i = 0; i < ms / 100 && !msg; i++) await new Promise((r) => setTimeout(r, 100));
    return msg;
  }, [src, ms]);
}

test("WordPress sandbox (opaque origin): needs CORS on the site's JS and wasm; public/_headers sends it", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const blogUrl = await serveBlog(site.root(""));
  for (const b of ["home", "page", "wizard", "clock", "sign"]) {
    assert.equal(headersFor(`/okx-doctor-${b}-0123.js`)["access-control-allow-origin"], "*");
    assert.equal(headersFor(`/okx-doctor-${b}-0123_bg.wasm`)["access-control-allow-origin"], "*");
  }

  // Without CORS headers (the plain test server) the app cannot boot in the sandbox.
  let page = await newPage(browser);
  await page.goto(blogUrl);
  assert.equal(await sandboxedHeight(page, site.url("embed/e/50011/"), 5000), null);
  assert.ok(page.problems.some((m) => /blocked by CORS policy/.test(m)), JSON.stringify(page.problems));
  await page.context().close();

  // With public/_headers applied it boots and talks to WordPress. (Responses fulfilled by
  // Playwright are less strict about CORS than real ones, so the half above is the real check.)
  page = await newPage(browser);
  await page.context().route(`${site.origin}/**`, async (route) => {
    const resp = await route.fetch();
    const isHtml = (resp.headers()["content-type"] || "").startsWith("text/html");
    const body = isHtml ? await resp.text() : undefined;
    const extra = headersFor(new URL(route.request().url()).pathname, body);
    await route.fulfill({ response: resp, body, headers: { ...resp.headers(), ...extra } });
  });
  await page.goto(blogUrl);
  const got = await sandboxedHeight(page, site.url("embed/e/50011/"), 20000);
  assert.equal(got?.data?.secret, "wpSecret1", JSON.stringify(page.problems));
  assert.equal(got.origin, "null");
  assert.ok(got.data.value > 100);
  await page.context().close();
});

test("embed.js is small and _headers is in dist/", () => {
  const js = fs.readFileSync(path.join(ROOT, "dist/embed.js"));
  assert.ok(js.length < 3072, `embed.js is ${js.length} bytes`);
  const headers = fs.readFileSync(path.join(ROOT, "dist/_headers"), "utf8");
  assert.ok(!headers.includes("__OKX_DOCTOR_CSP__"), "the build filled in the policy");
  const loader = /<script type="module">([\s\S]*?)<\/script>/.exec(fs.readFileSync(path.join(ROOT, "dist/index.html"), "utf8"))[1];
  assert.ok(headers.includes(`'sha256-${crypto.createHash("sha256").update(loader).digest("base64")}'`), "with the real loader hash");
  const sub = fs.readFileSync(path.join(ROOT, "dist-sub/_headers"), "utf8");
  assert.match(sub, /^\/some\/path\/embed\/\*$/m, "sub-folder build prefixes the paths");
  assert.match(headers, /^\/embed\/\*\n\s+Content-Security-Policy: [^\n]*frame-ancestors \*$/m);
  assert.match(headers, /^\/e\/\*\n\s+Content-Security-Policy: [^\n]*frame-ancestors 'self'\n\s+X-Frame-Options: SAMEORIGIN$/m);
});
