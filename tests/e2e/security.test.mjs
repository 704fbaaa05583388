// End-to-end: the app runs under its strict Content-Security-Policy (meta tag in every
// generated page) without a single violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, newPage, appReady } from "./helpers.mjs";

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test("every page type runs under the CSP with no violation", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser);
  await recordViolations(page);
  for (const p of ["", "e/50113/", "e/51008_1000/", "wizard/", "wizard/?c=auth_key&code=50119", "clock/", "sign/", "embed/", "embed/e/50011/", "embed/clock/", "e/99999/"]) {
    page.problems.length = 0;
    await page.goto(site.url(p));
    await appReady(page);
    const html = await page.content();
    assert.match(html, /http-equiv="Content-Security-Policy"/, `${p}: CSP meta present`);
    // Use the page a little: typing, theme toggle where present.
    const search = page.locator("[data-testid=catalog-search]");
    if (await search.count()) await search.fill("invalid sign");
    const paste = page.locator("[data-testid=paste-input]");
    if (await paste.count()) await paste.fill('{"code":"50113","msg":"Invalid Sign"}');
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], `${p}: no CSP violation`);
    // An unknown code is served by 404.html with status 404; that one console line is expected.
    const expected = p === "e/99999/" ? ["console: Failed to load resource: the server responded with a status of 404 (Not Found)"] : [];
    assert.deepEqual(page.problems, expected, `${p}: no console errors`);
  }
  await page.context().close();
});
