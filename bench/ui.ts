/**
 * UI measures for bench/run.ts: the task pane's initial JavaScript (gzip, budget 250 KB without
 * Office.js, which comes from Microsoft's CDN) and how long the preview takes to an interactive pane.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { chromiumAvailable, CHROMIUM_PATH, INSTALL_HINT, isolateNetwork, launchChromium } from "../test/support/chromium";
import { buildBundle, startPreview } from "../test/support/previewServer";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
export const BUNDLE_BUDGET_BYTES = 250 * 1024;
const LOAD_RUNS = 5;

export interface BundleSize {
  /** Scripts taskpane.html loads from dist/ (Office.js excluded), relative to dist/. */
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly budgetBytes: number;
  readonly withinBudget: boolean;
}

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

/** dist/ holds a production build newer than every source it was built from. */
function distIsFresh(): boolean {
  const page = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(page) || fs.existsSync(path.join(DIST, "preview.html"))) return false;
  const sources = ["src", "assets", "manifest.xml", "webpack.config.js", "package-lock.json"].map((p) => path.join(ROOT, p));
  return fs.statSync(page).mtimeMs > Math.max(...sources.filter((p) => fs.existsSync(p)).map(newestMtime));
}

/** Builds production into dist/ unless it is fresh, then measures taskpane.html's own scripts. */
export async function bundleSize(): Promise<BundleSize> {
  if (!distIsFresh()) await buildBundle(DIST, "production");
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  // Production HTML is minified: attribute values may come without quotes.
  const files = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((match) => match[1] ?? match[2] ?? match[3])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
  const contents = files.map((file) => fs.readFileSync(path.join(DIST, file)));
  const rawBytes = contents.reduce((sum, c) => sum + c.length, 0);
  const gzipBytes = contents.reduce((sum, c) => sum + zlib.gzipSync(c, { level: 9 }).length, 0);
  return { files, rawBytes, gzipBytes, budgetBytes: BUNDLE_BUDGET_BYTES, withinBudget: gzipBytes <= BUNDLE_BUDGET_BYTES };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Loads preview.html in headless Chromium LOAD_RUNS times, each in a fresh context (cold cache),
 * and returns the median milliseconds from navigation start until the pane's tabs are rendered
 * and the setup view has read the workbook (its form is filled in and enabled).
 */
export async function paneLoadMedian(): Promise<number> {
  if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: ${INSTALL_HINT}`);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-"));
  const server = await startPreview(outDir);
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      const context = await browser.newContext();
      await isolateNetwork(context, new URL(server.url).origin);
      const page = await context.newPage();
      await page.goto(`${server.url}preview.html`);
      await page.getByRole("button", { name: "Thiết lập bảng tính" }).waitFor();
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
