// The test build's pane (npm run test:excel) builds, loads Office.js and reports to the test server.
// Outside Excel it can only say so: that is what is checked here, in Chromium.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { chromiumAvailable, CHROMIUM_PATH, INSTALL_HINT, isolateNetwork, launchChromium } from "../support/chromium";
import { buildBundle, serveDir, type PreviewServer } from "../support/previewServer";

const OUTPUT = path.resolve(__dirname, "..", "..", "test-output", "excel-tests");

let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: ${INSTALL_HINT}`);
  fs.rmSync(OUTPUT, { recursive: true, force: true });
  await buildBundle(OUTPUT, "development", { TEST_EXCEL: true });
  server = await serveDir(OUTPUT);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the test pane posts to the test server that it is not inside Excel", async () => {
  const context = await browser.newContext();
  await isolateNetwork(context, new URL(server.url).origin);
  const page = await context.newPage();
  const posted: { kind: string; body: unknown }[] = [];
  const done = new Promise<void>((resolve) =>
    page.route("**/test-results/*", async (route) => {
      const kind = new URL(route.request().url()).pathname.split("/").pop() ?? "";
      posted.push({ kind, body: route.request().postDataJSON() });
      await route.fulfill({ json: { ok: true } });
      if (kind === "done") resolve();
    }),
  );
  await page.goto(`${server.url}excel-tests.html`);
  await done;
  expect(posted).toEqual([{ kind: "done", body: expect.objectContaining({ error: "not running inside Excel" }) }]);
}, 60_000);

test("the production build has no test page", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PAGES } = require("../../webpack.config.js") as { PAGES: { name: string; devOnly?: boolean; testOnly?: boolean }[] };
  expect(PAGES.find((p) => p.name === "excel-tests")).toMatchObject({ devOnly: true, testOnly: true });
});

// Only where desktop Excel cannot exist: elsewhere the script would start a real run.
(process.platform === "linux" ? test : test.skip)("npm run test:excel without desktop Excel says so and exits 2", () => {
  const run = spawnSync(process.execPath, [path.resolve(__dirname, "..", "..", "scripts", "test-excel.js")], { encoding: "utf8" });
  expect(run.status).toBe(2);
  expect(run.stdout).toContain("desktop Excel does not run on");
});
