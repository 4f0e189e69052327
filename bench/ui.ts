/**
 * UI measures for bench/run.ts, from a production dist/ (built here unless fresh):
 * - the task pane's initial JavaScript (the scripts taskpane.html loads; Office.js excluded, it
 *   comes from Microsoft's CDN) and its extracted CSS;
 * - the ribbon's function file (the scripts commands.html loads) and the chunk a click loads;
 * - load time, navigation start → the first view's main button in the page and enabled, median of LOAD_RUNS cold
 *   loads in headless Chromium: the production taskpane.html with a local Office.js stub
 *   (bench/officeStub.ts: Excel host, Excel.run over the emulator), and the development preview.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import type { Browser } from "playwright-core";
import { chromiumAvailable, CHROMIUM_PATH, INSTALL_HINT, isolateNetwork, launchChromium } from "../test/support/chromium";
import { buildBundle, runCompiler, serveDir, startPreview, type PreviewServer } from "../test/support/previewServer";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
export const BUNDLE_BUDGET_BYTES = 150 * 1024;
export const FUNCTION_FILE_BUDGET_BYTES = 20 * 1024;
const LOAD_RUNS = 7;
const MAIN_BUTTON = "Thiết lập bảng tính";

export interface Sizes {
  /** Files relative to dist/. */
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

export interface BundleSize extends Sizes {
  readonly budgetBytes: number;
  readonly withinBudget: boolean;
  /** Stylesheets taskpane.html links (Fluent's styles extracted at build time). */
  readonly css: Sizes;
  /** The workbook service chunk, fetched at start while Office.js initialises (not before the first paint). */
  readonly service: Sizes;
}

export interface FunctionFileSize extends Sizes {
  readonly budgetBytes: number;
  readonly withinBudget: boolean;
  /** The chunk the first click of a ribbon button loads: the workbook service, shared with the pane. */
  readonly onClick: Sizes;
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

async function productionDist(): Promise<string> {
  if (!distIsFresh()) await buildBundle(DIST, "production");
  return DIST;
}

function sizes(files: readonly string[]): Sizes {
  const contents = files.map((file) => fs.readFileSync(path.join(DIST, file)));
  return {
    files,
    rawBytes: contents.reduce((sum, c) => sum + c.length, 0),
    gzipBytes: contents.reduce((sum, c) => sum + zlib.gzipSync(c, { level: 9 }).length, 0),
  };
}

/** Local files a page loads through `tag attr=…` (production HTML is minified: values may come unquoted). */
function pageAssets(page: string, pattern: RegExp): string[] {
  const html = fs.readFileSync(path.join(DIST, page), "utf8");
  return [...html.matchAll(pattern)]
    .map((match) => match[1] ?? match[2] ?? match[3])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

const SCRIPTS = /<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g;
const STYLESHEETS = /<link[^>]*\bhref=(?:"([^"]+\.css)"|'([^']+\.css)'|([^\s>]+\.css))/g;

/** The task pane's initial JavaScript (and CSS) from a production dist/. */
export async function bundleSize(): Promise<BundleSize> {
  await productionDist();
  const js = sizes(pageAssets("taskpane.html", SCRIPTS));
  const css = sizes(pageAssets("taskpane.html", STYLESHEETS));
  const service = sizes(fs.readdirSync(DIST).filter((file) => /^workbook\..*\.js$/.test(file)));
  return { ...js, css, service, budgetBytes: BUNDLE_BUDGET_BYTES, withinBudget: js.gzipBytes <= BUNDLE_BUDGET_BYTES };
}

/** The ribbon's function file (commands.html's scripts) and the chunk its first click loads. */
export async function functionFileSize(): Promise<FunctionFileSize> {
  await productionDist();
  const initial = sizes(pageAssets("commands.html", SCRIPTS));
  const onClick = sizes(fs.readdirSync(DIST).filter((file) => /^workbook\..*\.js$/.test(file)));
  return { ...initial, onClick, budgetBytes: FUNCTION_FILE_BUDGET_BYTES, withinBudget: initial.gzipBytes <= FUNCTION_FILE_BUDGET_BYTES };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Bundles bench/officeStub.ts into one script (production mode, like what it stands in for). */
export async function buildOfficeStub(outDir: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as typeof import("webpack");
  const compiler = webpack({
    mode: "production",
    entry: path.join(__dirname, "officeStub.ts"),
    output: { path: outDir, filename: "office.js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
  });
  await runCompiler(compiler);
  return path.join(outDir, "office.js");
}

/**
 * Stamps, inside the page, the first moment a <button> named `name` is in the document and enabled.
 * Stamped from a MutationObserver rather than by polling from outside: after the first render the
 * pane asks Excel for the workbook status, and over the stub that is the emulator computing on the
 * page's main thread, which real Excel does out of process; polling would charge it to start-up.
 */
function stampWhenEnabled(name: string): void {
  const stamp = () => {
    const found = Array.from(document.querySelectorAll("button")).some((b) => !b.disabled && b.textContent?.trim() === name);
    if (found && !("__ready" in window)) Object.assign(window, { __ready: performance.now() });
    return found;
  };
  new MutationObserver((_records, observer) => stamp() && observer.disconnect()).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

/** Median ms from navigation start to a page's main button enabled, over LOAD_RUNS cold loads. */
export async function loadMedian(browser: Browser, server: PreviewServer, page: string, officeStub?: string, button = MAIN_BUTTON): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    const context = await browser.newContext();
    await isolateNetwork(context, new URL(server.url).origin);
    if (officeStub) {
      // Registered last, so it answers before isolateNetwork's CDN mirror.
      await context.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.fulfill({ path: officeStub, contentType: "text/javascript" }),
      );
    }
    await context.addInitScript(stampWhenEnabled, button);
    const tab = await context.newPage();
    await tab.goto(`${server.url}${page}`);
    await tab.waitForFunction(() => "__ready" in window);
    times.push(await tab.evaluate(() => (window as unknown as { __ready: number }).__ready));
    await context.close();
  }
  return median(times);
}

export interface PaneLoad {
  /** Production taskpane.html with the local Office.js stub. */
  readonly productionMs: number;
  /** Development preview.html (the workbench over the emulator). */
  readonly previewMs: number;
}

export async function paneLoadMedians(): Promise<PaneLoad> {
  if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: ${INSTALL_HINT}`);
  await productionDist();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-"));
  const browser = await launchChromium();
  try {
    const stub = await buildOfficeStub(path.join(work, "stub"));
    const production = await serveDir(DIST);
    let productionMs: number;
    try {
      productionMs = await loadMedian(browser, production, "taskpane.html", stub);
    } finally {
      await production.close();
    }
    const preview = await startPreview(path.join(work, "preview"));
    try {
      return { productionMs, previewMs: await loadMedian(browser, preview, "preview.html") };
    } finally {
      await preview.close();
    }
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
