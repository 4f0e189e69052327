/**
 * The production task pane's start-up beside another production task pane (Microsoft's React
 * template, built with its own `npm run build`): both served locally with the same Office.js stub
 * (bench/officeStub.ts) in place of the CDN, loaded alternately in one headless Chromium, a fresh
 * context each load (ABBA order, after one warm-up round not counted). Per load, from navigation start:
 * - fcp: the browser's first contentful paint (Chỉ Tiêu's spinner; the template paints nothing before its UI);
 * - drawn: the page's main button painted (its text's render time, Element Timing API), enabled or not;
 * - usable: the main button in the document and enabled (stamped as bench/ui.ts `loadMedian` does).
 *
 *   npx ts-node --transpile-only bench/startup.ts TEMPLATE_DIST [ROUNDS=9] [TEMPLATE_BUTTON="Insert text"]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import type { Browser } from "playwright-core";
import { chromiumAvailable, CHROMIUM_PATH, INSTALL_HINT, isolateNetwork, launchChromium } from "../test/support/chromium";
import { serveDir, type PreviewServer } from "../test/support/previewServer";
import { bundleSize, buildOfficeStub } from "./ui";

const DIST = path.resolve(__dirname, "..", "dist");
const MEASURES = ["fcp", "drawn", "usable"] as const;
type Measure = (typeof MEASURES)[number];
type Times = Record<Measure, number>;

interface Pane {
  readonly name: string;
  readonly server: PreviewServer;
  readonly button: string;
  readonly loads: Times[];
}

/**
 * Runs in the page before its scripts: stamps `drawn` (the Element Timing API's render time of the
 * button's text, marked when it enters the document, before it can be painted) and `usable`.
 */
function stampButton(name: string): void {
  const stamps = window as unknown as { __drawn?: number; __usable?: number };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
      if (entry.identifier === "main-button" && stamps.__drawn === undefined) stamps.__drawn = entry.renderTime;
    }
  }).observe({ type: "element", buffered: true });
  let marked = false;
  const stamp = () => {
    const button = Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.trim() === name);
    if (button && !marked) {
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (text.textContent?.trim()) text.parentElement?.setAttribute("elementtiming", "main-button");
      }
      marked = true;
    }
    if (button && !button.disabled && stamps.__usable === undefined) stamps.__usable = performance.now();
    return stamps.__usable !== undefined;
  };
  new MutationObserver((_records, observer) => stamp() && observer.disconnect()).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

async function load(browser: Browser, pane: Pane, stub: string): Promise<Times> {
  const context = await browser.newContext();
  try {
    await isolateNetwork(context, new URL(pane.server.url).origin);
    // Registered last, so it answers before isolateNetwork's CDN mirror.
    await context.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ path: stub, contentType: "text/javascript" }));
    await context.addInitScript(stampButton, pane.button);
    const tab = await context.newPage();
    await tab.goto(`${pane.server.url}taskpane.html`);
    await tab.waitForFunction(() => {
      const stamps = window as unknown as { __drawn?: number; __usable?: number };
      return stamps.__drawn !== undefined && stamps.__usable !== undefined && performance.getEntriesByName("first-contentful-paint").length > 0;
    });
    return await tab.evaluate(() => {
      const stamps = window as unknown as { __drawn: number; __usable: number };
      return { fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime, drawn: stamps.__drawn, usable: stamps.__usable };
    });
  } finally {
    await context.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** gzip -9 bytes of the scripts a production taskpane.html loads from its own folder. */
function initialScriptsGzip(dist: string): number {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((match) => match[1] ?? match[2] ?? match[3])
    .filter((src) => !/^https?:/.test(src))
    .reduce((sum, src) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, src)), { level: 9 }).length, 0);
}

async function main(): Promise<void> {
  const [templateArg, roundsArg, templateButton = "Insert text"] = process.argv.slice(2);
  if (!templateArg) throw new Error("usage: bench/startup.ts TEMPLATE_DIST [ROUNDS] [TEMPLATE_BUTTON]");
  if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: ${INSTALL_HINT}`);
  const templateDist = path.resolve(templateArg);
  const rounds = Number(roundsArg ?? 9);
  const ours = await bundleSize(); // builds dist/ in production mode unless it is fresh
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`initial JS gzip: Chỉ Tiêu ${kb(ours.gzipBytes)}, template ${kb(initialScriptsGzip(templateDist))}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-startup-"));
  const browser = await launchChromium();
  const panes: Pane[] = [
    { name: "Chỉ Tiêu", server: await serveDir(DIST), button: "Thiết lập bảng tính", loads: [] },
    { name: "template", server: await serveDir(templateDist), button: templateButton, loads: [] },
  ];
  try {
    const stub = await buildOfficeStub(path.join(work, "stub"));
    for (const pane of panes) await load(browser, pane, stub); // warm-up, not counted
    console.log(`load before: ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? [...panes].reverse() : panes;
      for (const pane of order) pane.loads.push(await load(browser, pane, stub));
    }
    console.log(`load after: ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`);
  } finally {
    await browser.close();
    await Promise.all(panes.map((pane) => pane.server.close()));
    fs.rmSync(work, { recursive: true, force: true });
  }

  const [ourPane, template] = panes;
  console.log(`median (min–max) ms over ${rounds} loads each; ratio = Chỉ Tiêu / template, of the medians and per round`);
  for (const measure of MEASURES) {
    const cell = (pane: Pane) => {
      const times = pane.loads.map((times) => times[measure]);
      return `${median(times).toFixed(0)} (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)})`;
    };
    const ratio = median(ourPane.loads.map((t) => t[measure])) / median(template.loads.map((t) => t[measure]));
    // Paired: each Chỉ Tiêu load against the template's load of the same round.
    const paired = ourPane.loads.map((t, round) => t[measure] / template.loads[round][measure]);
    console.log(
      `${measure.padEnd(7)} Chỉ Tiêu ${cell(ourPane).padEnd(18)} template ${cell(template).padEnd(18)} ` +
        `ratio ${ratio.toFixed(2)}; per round ${median(paired).toFixed(2)} (${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
