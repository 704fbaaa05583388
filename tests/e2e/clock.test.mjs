// End-to-end: the clock check in the browser against a fake OKX time server on loopback
// (?okx_base=, which accepts loopback addresses only). Fake skews with added latency must be
// measured within ±(RTT/2 + 20 ms); every fault gives its own message within 10 s.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, newPage, appReady, startScript } from "./helpers.mjs";

let browser, site;
const servers = [];
before(async () => { browser = await launch(); site = await serveDist("dist", "/"); servers.push(site); });
after(async () => { await browser?.close(); for (const s of servers) s.stop(); });

async function fake(args) {
  const s = await startScript("tests/support/fake-okx.mjs", ["--port", "0", ...args]);
  servers.push(s);
  return `http://127.0.0.1:${s.port}`;
}

async function runCheck(base) {
  const page = await newPage(browser);
  const t0 = Date.now();
  await page.goto(site.url(`clock/?okx_base=${encodeURIComponent(base)}`));
  await appReady(page);
  await page.waitForSelector("[data-testid=clock-result], [data-testid=clock-error]", { timeout: 12000 });
  return { page, ms: Date.now() - t0 };
}

const WINDOWS_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const MAC_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const results = [];
for (const skew of [-45000, -3000, 0, 2000, 31000]) {
  test(`fake skew ${skew} ms with 40 ms latency is measured within ±(RTT/2 + 20 ms)`, async () => {
    const base = await fake(["--skew-ms", String(skew), "--latency-ms", "40"]);
    const { page } = await runCheck(base);
    const el = page.locator("[data-testid=clock-offset]");
    const offset = Number(await el.getAttribute("data-offset-ms"));
    const unc = Number(await el.getAttribute("data-uncertainty-ms"));
    const rtt = Number(await el.getAttribute("data-rtt-ms"));
    const truth = -skew; // device − server
    results.push(`skew ${skew}: measured ${offset} ms ±${unc} (rtt ${rtt}), truth ${truth}`);
    assert.ok(Math.abs(offset - truth) <= rtt / 2 + 20, `offset ${offset} vs truth ${truth} (rtt ${rtt})`);
    assert.match(await page.getAttribute("[data-testid=clock-result]", "data-method"), /^REST/);
    const verdict = await page.getAttribute("[data-testid=clock-result]", "data-verdict");
    if (Math.abs(truth) >= 30000) assert.equal(verdict, "will-be-rejected");
    if (truth === 0) assert.equal(verdict, "fine");
    const text = await page.textContent("[data-testid=clock-offset]");
    assert.match(text, truth > 0 ? /ahead/ : truth < 0 ? /behind/ : /in sync|ahead|behind/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// Each fault's own message (the first lines of the error box, before the generic manual check).
const FAULTS = [
  ["500", /HTTP 500|status 500/i],
  ["nonjson", /not JSON|JSON/],
  ["missing-ts", /no time in it \(no data\[0\]\.ts\)/],
];
for (const [fault, pattern] of FAULTS) {
  test(`fault ${fault} gives its own message within 10 s`, async () => {
    const base = await fake(["--fault", fault]);
    const { page, ms } = await runCheck(base);
    await page.waitForSelector("[data-testid=clock-error]", { timeout: 12000 });
    const msg = await page.textContent("[data-testid=clock-error] .clock-error-rest");
    results.push(`fault ${fault}: ${ms} ms: ${msg.slice(0, 110)}`);
    assert.match(msg, pattern);
    assert.ok(ms < 12000, `${fault} took ${ms} ms`);
    await page.context().close();
  });
}

test("hang: REST times out within the limit, the WebSocket measures instead, and the page says why", async () => {
  const base = await fake(["--fault", "hang", "--skew-ms", "-4000"]);
  const { page, ms } = await runCheck(base);
  await page.waitForSelector("[data-testid=clock-result]", { timeout: 12000 });
  const note = await page.textContent("[data-testid=clock-fallback-note]");
  results.push(`fault hang: ${ms} ms: ${note.slice(0, 120)}`);
  assert.match(note, /did not answer within/);
  assert.ok(ms < 12000, `took ${ms} ms`);
  const offset = Number(await page.getAttribute("[data-testid=clock-offset]", "data-offset-ms"));
  const unc = Number(await page.getAttribute("[data-testid=clock-offset]", "data-uncertainty-ms"));
  assert.ok(Math.abs(offset - 4000) <= unc + 20);
  await page.context().close();
});

test("a very slow server (3.5 s per answer): the whole check still ends within 10 s", async () => {
  const base = await fake(["--latency-ms", "3500", "--skew-ms", "-2500"]);
  const page = await newPage(browser);
  await page.goto(site.url(`clock/?okx_base=${encodeURIComponent(base)}`));
  await appReady(page);
  const t0 = Date.now();
  await page.waitForSelector("[data-testid=clock-result], [data-testid=clock-error]", { timeout: 15000 });
  const ms = Date.now() - t0;
  results.push(`slow server: ended after ${ms} ms`);
  assert.ok(ms <= 10000, `the check took ${ms} ms`);
  await page.context().close();
});

test("no CORS header: falls back to the WebSocket and says so", async () => {
  const base = await fake(["--fault", "no-cors", "--skew-ms", "-7000"]);
  const { page } = await runCheck(base);
  await page.waitForSelector("[data-testid=clock-result]", { timeout: 12000 });
  assert.match(await page.getAttribute("[data-testid=clock-result]", "data-method"), /^WebSocket/);
  const offset = Number(await page.getAttribute("[data-testid=clock-offset]", "data-offset-ms"));
  const unc = Number(await page.getAttribute("[data-testid=clock-offset]", "data-uncertainty-ms"));
  results.push(`no-cors (WebSocket): measured ${offset} ±${unc}, truth 7000`);
  assert.ok(Math.abs(offset - 7000) <= unc + 20, `${offset} ±${unc}`);
  await page.context().close();
});

test("connection refused gives its own message; a non-loopback okx_base is refused", async () => {
  const { page, ms } = await runCheck("http://127.0.0.1:9");
  await page.waitForSelector("[data-testid=clock-error]", { timeout: 12000 });
  const msg = await page.textContent("[data-testid=clock-error]");
  results.push(`refused: ${ms} ms: ${msg.slice(0, 110)}`);
  // A browser cannot tell a refused connection from a cross-origin block; the page says both.
  assert.match(msg, /request failed before reaching the server/);
  assert.match(msg, /WebSocket method failed too/);
  assert.ok(ms < 12000);
  await page.context().close();
  const p2 = await newPage(browser);
  const requests = [];
  p2.on("request", (r) => requests.push(r.url()));
  await p2.goto(site.url(`clock/?okx_base=${encodeURIComponent("http://127.0.0.1@evil.example")}`));
  await appReady(p2);
  await p2.waitForSelector(".clock-override-refused");
  assert.ok(!requests.some((u) => new URL(u).hostname.endsWith("evil.example")));
  await p2.context().close();
});

test("the verdict is one sentence in words, and the fix for the visitor's own system comes first", async () => {
  const base = await fake(["--skew-ms", "-45000", "--latency-ms", "20"]);
  for (const [ua, os, label, copied] of [[WINDOWS_UA, "windows", "Windows", "w32tm /resync"], [MAC_UA, "macos", "macOS", "sudo sntp -sS time.apple.com"]]) {
    const page = await newPage(browser, { userAgent: ua, permissions: ["clipboard-read", "clipboard-write"] });
    await page.goto(site.url(`clock/?okx_base=${encodeURIComponent(base)}`));
    await appReady(page);
    await page.waitForSelector("[data-testid=clock-result]", { timeout: 12000 });

    // One sentence, in words, says how far off the clock is and what OKX makes of it; it is the
    // largest text of the result, and the live region reads it out.
    const verdict = (await page.textContent("[data-testid=clock-verdict]")).trim();
    assert.match(verdict, /^Your clock is 4[45]\.\d s fast — too far off: OKX will refuse signed requests\.$/);
    const sizes = await page.evaluate(() => {
      const px = (el) => parseFloat(getComputedStyle(el).fontSize);
      const v = document.querySelector("[data-testid=clock-verdict]");
      const others = [...document.querySelectorAll("[data-testid=clock-result] p")].filter((p) => p !== v);
      return { verdict: px(v), max: Math.max(...others.map(px)) };
    });
    assert.ok(sizes.verdict > sizes.max, `the verdict is the biggest text (${JSON.stringify(sizes)})`);
    assert.equal((await page.textContent("[data-testid=clock-announce]")).trim(), verdict);

    // The visitor's own system first, the others behind a closed disclosure after it.
    const own = page.locator("[data-testid=clock-fix-own]");
    assert.equal(await own.getAttribute("data-os"), os);
    assert.match(await own.textContent(), new RegExp(`Fix it on ${label}`));
    assert.ok(await page.evaluate(() => {
      const a = document.querySelector("[data-testid=clock-fix-own]");
      const b = document.querySelector("[data-testid=clock-fix-others]");
      return b.tagName === "DETAILS" && !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    }), "the others follow, in a <details>");
    assert.equal(await page.getAttribute("[data-testid=clock-fix-others]", "open"), null, "the disclosure starts closed");
    const other = os === "windows" ? "linux" : "windows";
    assert.equal(await page.isVisible(`[data-testid=clock-fix-others] [data-os=${other}]`), false);
    assert.equal(await page.locator(`[data-testid=clock-fix-others] [data-os=${os}]`).count(), 0, "not listed twice");
    await page.click("[data-testid=clock-fix-others] summary");
    assert.equal(await page.isVisible(`[data-testid=clock-fix-others] [data-os=${other}]`), true);

    // Its command has a copy button that copies exactly the command.
    await page.click(`[data-testid=clock-copy-${os}-0]`);
    await page.waitForSelector(`[data-testid=clock-copy-${os}-0]:text('Copied')`);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied);

    // The manual check for the bot's machine needs no arithmetic: the command prints the difference.
    const manual = await page.textContent("[data-testid=clock-manual]");
    assert.match(manual, os === "windows" ? /Windows PowerShell/ : /Linux \/ macOS \/ WSL/);
    assert.match(manual, /prints how many seconds/);
    await page.click("[data-testid=clock-copy-manual]");
    await page.waitForSelector("[data-testid=clock-copy-manual]:text('Copied')");
    const cmd = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(cmd, os === "windows" ? /^\$ts = \(Invoke-RestMethod https:\/\/www\.okx\.com\/api\/v5\/public\/time\)/ : /^ts=\$\(curl -s https:\/\/www\.okx\.com\/api\/v5\/public\/time/);
    results.push(`verdict (${os}): ${verdict}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test("a fine clock: the verdict says so in words and no fix is offered", async () => {
  const base = await fake(["--skew-ms", "0", "--latency-ms", "20"]);
  const { page } = await runCheck(base);
  await page.waitForSelector("[data-testid=clock-result]", { timeout: 12000 });
  assert.match((await page.textContent("[data-testid=clock-verdict]")).trim(), /^Your clock is (on time|\d+\.\d s (fast|slow)) — fine for OKX\.$/);
  assert.equal(await page.locator("[data-testid=clock-fixes]").count(), 0);
  await page.context().close();
});

test("when the clock cannot be measured, the page offers a manual check with a copy button", async () => {
  const { page } = await runCheck("http://127.0.0.1:9");
  await page.waitForSelector("[data-testid=clock-error]", { timeout: 12000 });
  const manual = await page.textContent("[data-testid=clock-error] [data-testid=clock-manual]");
  assert.match(manual, /ts=\$\(curl -s https:\/\/www\.okx\.com\/api\/v5\/public\/time/);
  assert.ok(await page.isVisible("[data-testid=clock-error] [data-testid=clock-copy-manual]"));
  assert.equal((await page.textContent("[data-testid=clock-announce]")).trim(), "The clock could not be measured from this page.");
  await page.context().close();
});

after(() => { for (const r of results) console.log(`# ${r}`); });
