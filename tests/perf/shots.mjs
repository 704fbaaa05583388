// `./dev shots`: screenshots of the release build for a reviewer, at a phone (360 px) and a desktop
// (1280 px) width, light theme, in both languages, into target/shots/ (full page, PNG), with each
// page's height printed. Not a test: it asserts nothing and never fails on looks.
//
//   node tests/perf/shots.mjs [--out DIR] [--lang en|zh|both]
import fs from "node:fs";
import path from "node:path";
import { serveDist, launch, startScript, ROOT } from "../e2e/helpers.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const OUT = path.resolve(ROOT, opt("--out", "target/shots"));
const LANGS = { en: [""], zh: ["zh/"], both: ["", "zh/"] }[opt("--lang", "both")] ?? [""];

const PASTE = `2026-11-23 10:00:01 ERROR okx {"code":"50102","msg":"Timestamp request expired","data":[]}
ccxt.base.errors.AuthenticationError: okx {"msg":"Invalid Sign","code":"50113"}`;

// [file name, path, set-up]
const SHOTS = [
  ["home-findings", "", async (p) => {
    await p.fill("[data-testid=paste-input]", PASTE);
    await p.waitForSelector("[data-testid=finding]");
  }],
  ["error-50113", "e/50113/", null],
  ["wizard-fix", "wizard/?c=rate_limit&code=50011&lib=ccxt-python&a=rate_pattern.startup", async (p) => {
    await p.waitForSelector("[data-testid=wizard-fix]");
  }],
  ["clock-result", (okx) => `clock/?okx_base=${encodeURIComponent(okx)}`, async (p) => {
    await p.waitForSelector("[data-testid=clock-result], .clock-verdict", { timeout: 20000 }).catch(() => {});
  }],
  ["sign-lint", "sign/", async (p) => {
    await p.fill("[data-testid=sign-key]", "5d0f6b3e-1a2b-4c3d-9e8f-7a6b5c4d3e2f ");
    await p.keyboard.press("Tab");
    await p.waitForTimeout(300);
  }],
  ["embed-error-card", "embed/e/50011/", null],
];
const WIDTHS = [360, 1280];

fs.mkdirSync(OUT, { recursive: true });
const site = await serveDist("dist", "/");
const okx = await startScript("tests/support/fake-okx.mjs", ["--port", "0", "--skew-ms", "2300"]);
const okxUrl = `http://127.0.0.1:${okx.port}`;
const browser = await launch();
try {
  for (const lang of LANGS) {
    for (const [name, p, setup] of SHOTS) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: "light" });
        const page = await context.newPage();
        const url = site.root(lang + (typeof p === "function" ? p(okxUrl) : p));
        await page.goto(url);
        await page.waitForSelector("html[data-started]", { state: "attached", timeout: 20000 }).catch(() => {});
        if (setup) await setup(page);
        await page.waitForTimeout(200);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = path.join(OUT, `${lang ? "zh-" : ""}${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${path.relative(ROOT, file)}\t${width} × ${height} px`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  site.stop();
  okx.stop();
}
