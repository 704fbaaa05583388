// End-to-end: the signature lab computes the OKX signature locally (checked against Node's own
// HMAC), and nothing typed into it reaches the network, storage or the URL. Its findings point at
// the problem: next to the field, which is marked and described by them, never "empty" before
// the user typed there; the masked fields can be shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { serveDist, launch, newPage, appReady, ROOT } from "./helpers.mjs";

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

const KEY = "3f1c7b2a-9d4e-4a5b-8c6d-0e1f2a3b4c5d";
const SECRET = "A1B2C3D4E5F60718293A4B5C6D7E8F90";
const PASS = "Canary-Pass$phrase-7731";
const PATH = "/api/v5/account/balance?ccy=BTC";
const TS = "2026-11-23T10:11:12.345Z";

test("sign lab: right signature, and no input leaks to network, storage or URL", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser);
  const requests = [];
  page.context().on("request", (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ""} ${JSON.stringify(r.headers())}`));
  // Record every storage write.
  await page.addInitScript(() => {
    window.__writes = [];
    for (const store of [localStorage, sessionStorage]) {
      const orig = store.setItem.bind(store);
      store.setItem = (k, v) => { window.__writes.push(`${k}=${v}`); return orig(k, v); };
    }
  });
  await page.goto(site.url("sign/"));
  await appReady(page);
  await page.fill("[data-testid=sign-key]", KEY);
  await page.fill("[data-testid=sign-secret]", SECRET);
  await page.fill("[data-testid=sign-passphrase]", PASS);
  await page.selectOption("[data-testid=sign-method]", "GET");
  await page.fill("[data-testid=sign-path]", PATH);
  if (await page.isChecked("[data-testid=sign-timestamp-now]")) await page.uncheck("[data-testid=sign-timestamp-now]");
  await page.fill("[data-testid=sign-timestamp]", TS);

  const expected = crypto.createHmac("sha256", SECRET).update(`${TS}GET${PATH}`).digest("base64");
  await page.waitForFunction((sig) => document.querySelector("[data-testid=sign-signature]")?.textContent.includes(sig), expected);
  assert.ok((await page.textContent("[data-testid=sign-prehash]")).includes(`${TS}GET${PATH}`));

  // The command-line tool gives the same signature for the same input.
  const bin = path.join(ROOT, "target/debug/okx-doctor");
  if (!fs.existsSync(bin)) execFileSync("cargo", ["build", "--quiet", "--bin", "okx-doctor"], { cwd: ROOT });
  const cli = JSON.parse(execFileSync(bin, ["sign", "--method", "GET", "--path", PATH, "--timestamp", TS, "--json"], {
    env: { ...process.env, OKX_API_KEY: KEY, OKX_SECRET_KEY: SECRET, OKX_PASSPHRASE: PASS },
  }).toString());
  const cliSign = cli.headers.find((h) => h.name === "OK-ACCESS-SIGN").value;
  assert.equal(cliSign, expected, "CLI and browser agree");
  assert.ok((await page.textContent("[data-testid=sign-signature]")).includes(cliSign));
  const headers = await page.textContent("[data-testid=sign-headers]");
  assert.ok(headers.includes("OK-ACCESS-SIGN") && headers.includes(expected));
  assert.ok(!headers.includes(PASS), "passphrase masked in the header listing");

  // A pasted signature that differs points at the first differing character.
  await page.fill("[data-testid=sign-compare]", expected.slice(0, 10) + (expected[10] === "A" ? "B" : "A") + expected.slice(11));
  await page.waitForSelector("[data-testid=sign-diff]");
  assert.match(await page.textContent("[data-testid=sign-diff]"), /11|10/);

  // Skew: a fixed timestamp far from this device's clock is flagged (TS is hours old).
  await page.waitForFunction(() => /more than\s+30 s/.test(document.querySelector("[data-testid=sign-lint]")?.textContent ?? ""));

  // Lint: a trailing space in the passphrase is reported.
  await page.fill("[data-testid=sign-passphrase]", PASS + " ");
  await page.waitForFunction(() => /space/i.test(document.querySelector("[data-testid=sign-lint]")?.textContent ?? ""));

  // Leave the page and come back: the fields are empty.
  await page.click("header a.brand");
  await page.waitForURL(site.url(""));
  await appReady(page);
  await page.waitForSelector("[data-testid=catalog-table-static] tr[data-code]");
  await page.goBack();
  await appReady(page);
  await page.waitForSelector("[data-testid=sign-key]");
  assert.equal(await page.inputValue("[data-testid=sign-key]"), "");
  assert.equal(await page.inputValue("[data-testid=sign-secret]"), "");

  const inputs = [KEY, SECRET, PASS, expected, "Canary-Pass"];
  const writes = await page.evaluate(() => window.__writes);
  for (const v of inputs) {
    for (const r of requests) assert.ok(!r.includes(v) && !r.includes(encodeURIComponent(v)), `request leaks ${v}: ${r.slice(0, 200)}`);
    for (const w of writes) assert.ok(!w.includes(v), `storage write leaks ${v}`);
    assert.ok(!page.url().includes(v));
  }
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  for (const v of inputs) assert.ok(!stored.includes(v));
  // Only our own origin was contacted.
  for (const r of requests) assert.ok(r.split(" ")[1].startsWith(site.origin), `unexpected destination: ${r.slice(0, 120)}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("sign lab: a finding sits next to its field and describes it; nothing is flagged before typing", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser);
  await page.goto(site.url("sign/"));
  await appReady(page);

  // Before typing: no field marked, no finding, and no "empty" anywhere.
  for (const id of ["sign-key", "sign-secret", "sign-passphrase", "sign-path", "sign-timestamp"]) {
    assert.equal(await page.getAttribute(`[data-testid=${id}]`, "aria-invalid"), null, id);
    assert.equal(await page.getAttribute(`[data-testid=${id}]`, "aria-describedby"), null, id);
    assert.equal((await page.textContent(`[data-testid=${id}-msg]`)).trim(), "", id);
  }
  assert.doesNotMatch(await page.textContent("[data-testid=sign-lint]"), /is empty|Problem/);

  // A trailing space in the passphrase: the field is marked, and described by a finding right
  // under it that says where the space is.
  await page.fill("[data-testid=sign-passphrase]", PASS + " ");
  await page.waitForFunction(() => document.querySelector("[data-testid=sign-passphrase]").getAttribute("aria-invalid") === "true");
  const field = page.locator("[data-testid=sign-passphrase]");
  const describedBy = await field.getAttribute("aria-describedby");
  assert.ok(describedBy, "aria-describedby names the finding");
  const msg = page.locator(`[id="${describedBy}"]`);
  assert.match(await msg.textContent(), /Problem: The passphrase ends with a space \(position 24\)/);
  assert.ok(await page.evaluate((id) => {
    const input = document.querySelector("[data-testid=sign-passphrase]");
    return input.closest(".sign-field") === document.getElementById(id).closest(".sign-field");
  }, describedBy), "the finding is in the field's own block");
  const [ib, mb] = [await field.boundingBox(), await msg.boundingBox()];
  assert.ok(mb.y >= ib.y + ib.height - 1 && mb.y - (ib.y + ib.height) < 48, `finding right under the field (${JSON.stringify([ib, mb])})`);
  // Marked visibly: its border is not the one of a valid field.
  const borders = await page.evaluate(() => ["sign-passphrase", "sign-path"].map((id) => getComputedStyle(document.querySelector(`[data-testid=${id}]`)).borderTopColor));
  assert.notEqual(borders[0], borders[1], "the invalid field looks different");
  // The fields not typed into are still not flagged, even though they are empty.
  assert.equal(await page.getAttribute("[data-testid=sign-secret]", "aria-invalid"), null);
  assert.equal((await page.textContent("[data-testid=sign-secret-msg]")).trim(), "");

  // A note is marked by its word, not by colour alone, and does not make the field invalid.
  await page.fill("[data-testid=sign-passphrase]", "pa$$word");
  await page.waitForFunction(() => /Note:/.test(document.querySelector("[data-testid=sign-passphrase-msg]").textContent));
  assert.equal(await page.getAttribute("[data-testid=sign-passphrase]", "aria-invalid"), null);
  assert.doesNotMatch(await page.textContent("[data-testid=sign-passphrase-msg]"), /Problem:/);

  // Screen readers hear it: a polite live region reads the edited field's findings once typing pauses.
  assert.equal(await page.getAttribute("[data-testid=sign-announce]", "aria-live"), "polite");
  await page.waitForFunction(() => /^Passphrase: Note:/.test(document.querySelector("[data-testid=sign-announce]").textContent), null, { timeout: 5000 });

  // Typed and emptied again: now it is empty, and says so next to the field.
  await page.fill("[data-testid=sign-key]", "x");
  await page.fill("[data-testid=sign-key]", "");
  await page.waitForFunction(() => /The API key is empty\./.test(document.querySelector("[data-testid=sign-key-msg]").textContent));
  assert.equal(await page.getAttribute("[data-testid=sign-key]", "aria-invalid"), "true");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("sign lab: the show buttons reveal the masked secret and passphrase, and mask them again", async () => {
  const site = await serveDist("dist", "/");
  servers.push(site);
  const page = await newPage(browser);
  await page.goto(site.url("sign/"));
  await appReady(page);
  for (const [id, value] of [["sign-secret", SECRET], ["sign-passphrase", PASS]]) {
    await page.fill(`[data-testid=${id}]`, value);
    const input = page.locator(`[data-testid=${id}]`);
    const toggle = page.locator(`[data-testid=${id}-toggle]`);
    assert.equal(await input.getAttribute("type"), "password", id);
    assert.match(await toggle.textContent(), /^Show/);
    await toggle.click();
    assert.equal(await input.getAttribute("type"), "text", `${id} shown`);
    assert.equal(await input.inputValue(), value);
    assert.match(await toggle.textContent(), /^Hide/);
    await toggle.click();
    assert.equal(await input.getAttribute("type"), "password", `${id} masked again`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
