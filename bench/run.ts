/**
 * `npm run bench`: prints measurements; it is not a timed test. Budgets are printed beside
 * the figures so a regression is visible in CI logs.
 */
import { benchEngine } from "./engine";
import { bundleSize, paneLoadMedian } from "./ui";
import { benchWorkbook } from "./workbook";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  benchEngine(10_000); // warm up the JIT
  const runs = [1, 2, 3].map(() => benchEngine(100_000));
  console.log(`engine: evaluate 100.000 chỉ tiêu: ${Math.min(...runs).toFixed(0)} ms (best of 3; budget 1000 ms)`);

  for (const rows of [18, 180, 1800]) {
    const measures = await benchWorkbook(rows, 100);
    for (const [action, m] of Object.entries(measures)) {
      console.log(
        `workbook ${rows} rows, ${action}: ${m.syncs} syncs, largest request ${kb(m.maxRequestBytes)} (limit 5120 KB), ` +
          `${m.ms.toFixed(0)} ms with 100 ms per sync`,
      );
    }
  }

  const bundle = await bundleSize();
  console.log(
    `task pane initial JavaScript: ${kb(bundle.gzipBytes)} gzip (${kb(bundle.rawBytes)} raw, ${bundle.files.join(", ")}; ` +
      `budget ${kb(bundle.budgetBytes)}, Office.js excluded)`,
  );
  console.log(`preview: page load to interactive pane, median of 5 in headless Chromium: ${(await paneLoadMedian()).toFixed(0)} ms`);
}

void main();
