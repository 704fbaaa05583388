// Wizard scenarios from real threads, replayed in the browser: a sample written by the native
// scenario test (tests/wizard_scenarios.rs → target/wizard-scenarios-sample.json, half from the
// tuning part, half held out) is pasted into the home page, taken to the wizard by the finding's
// "Fix it step by step" link, answered click by click as the native walk answered, and must reach
// the same first fix as the native state machine. Prints how many of them that fix is the right one.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, newPage, appReady, useSite } from "./helpers.mjs";

const SAMPLE = path.join(ROOT, "target/wizard-scenarios-sample.json");

const site = useSite();

test("a sample of the wizard scenarios reaches the same first fix in the browser as natively", async () => {
  assert.ok(fs.existsSync(SAMPLE), `${SAMPLE} is missing: run cargo test --test wizard_scenarios first (./dev test does)`);
  const sample = JSON.parse(fs.readFileSync(SAMPLE, "utf8"));
  assert.ok(sample.length >= 6, `sample of ${sample.length}`);
  let right = { tune: 0, held: 0 }, total = { tune: 0, held: 0 };
  for (const s of sample) {
    const page = await newPage(site.browser);
    await page.goto(site.server.url(""));
    await appReady(page);
    await page.fill("[data-testid=paste-input]", s.paste);
    await page.dispatchEvent("[data-testid=paste-input]", "paste");
    const link = page.locator("[data-testid=finding-wizard]").first();
    await link.waitFor({ timeout: 20000 });
    await link.click();
    await page.waitForURL(/\/wizard\//);
    await appReady(page);
    for (const answer of s.clicks) {
      const button = page.locator(`[data-testid="wizard-answer-${answer}"]`);
      await button.waitFor({ timeout: 10000 }).catch(() => assert.fail(`${s.source}: no answer ${answer} on ${page.url()}`));
      await button.click();
    }
    const fix = page.locator("[data-testid=wizard-fix]");
    await fix.waitFor({ timeout: 10000 }).catch(() => assert.fail(`${s.source}: no fix after ${s.clicks.join(", ")}`));
    assert.equal(await fix.getAttribute("data-fix"), s.first_fix, `${s.source}: the browser's first fix differs from the native walk's`);
    const part = s.held_out ? "held" : "tune";
    total[part]++;
    right[part] += s.right ? 1 : 0;
    assert.deepEqual(page.problems, [], `${s.source}: console errors`);
    await page.context().close();
  }
  console.log(`# browser replay: first fix right in ${right.tune}/${total.tune} tuning and ${right.held}/${total.held} held-out scenarios (same fix as the native walk in all ${sample.length})`);
});
