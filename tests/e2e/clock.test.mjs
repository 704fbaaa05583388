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

after(() => { for (const r of results) console.log(`# ${r}`); });
