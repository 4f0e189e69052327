/**
 * `npm run bench`: prints measurements; it is not a timed test. Budgets are printed beside
 * the figures so a regression is visible in CI logs.
 */
import { benchEngine } from "./engine";
import { benchCli, EVALUATE_BUDGET_MS, READ_BUDGET_MS } from "./cli";
import { benchComparison } from "./comparison";
import { benchConsolidate, consolidateReport } from "./consolidate";
import { bundleSize, functionFileSize, paneLoadMedians } from "./ui";
import { benchLargeRegister, benchRegisterAdapter, benchRegisterCli, benchTasks, LARGE_REGISTER_TASKS, REGISTER_SIZE } from "./tasks";
import { benchWorkbook } from "./workbook";
import { benchYear, yearReport } from "./year";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  // `npm run bench -- --weight`: only the pane, ribbon and CLI figures.
  if (!process.argv.includes("--weight")) await benchSpeed();
  await benchWeight();
}

async function benchSpeed(): Promise<void> {
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

  // Putting 300 unit sheets into the emulator takes minutes (not measured): two sizes only.
  for (const [units, indicators] of [[30, 40], [300, 40]]) {
    const m = await benchComparison(units, indicators, 100);
    console.log(
      `comparison through the adapter, ${units} units × ${indicators} indicators (So sánh, Hạn mức, Biểu đồ and ${indicators + 1} charts): ` +
        `${m.syncs} syncs, largest request ${kb(m.maxRequestBytes)} (limit 5120 KB), ${m.ms.toFixed(0)} ms with 100 ms per sync`,
    );
  }

  console.log(consolidateReport(await benchConsolidate()).join("\n"));
  console.log(yearReport(await benchYear()).join("\n"));
  await benchRegister();
}

/** The breakthrough-task register of issue 9 §5, in the CLI and through the adapter. */
async function benchRegister(): Promise<void> {
  const { tasks: count, years, targets } = REGISTER_SIZE;
  const tasks = benchTasks(count, years, targets);
  const size = `${count} tasks × ${years} years × ${targets} targets`;
  const cli = benchRegisterCli(tasks);
  console.log(
    `CLI register of ${size}: write the .xlsx ${cli.writeMs.toFixed(0)} ms (${kb(cli.xlsxBytes)}), ` +
      `tasks evaluate on the JSON ${cli.evaluateJsonMs.toFixed(0)} ms, on the .xlsx ${cli.evaluateXlsxMs.toFixed(0)} ms (start to exit, one run)`,
  );
  const large = benchLargeRegister(benchTasks(LARGE_REGISTER_TASKS, years, targets));
  console.log(`CLI register of ${LARGE_REGISTER_TASKS} tasks × ${years} years × ${targets} targets (budget: writing under 15 s and 1 GB): .xlsx ${large.xlsxBytes === null ? "not written" : kb(large.xlsxBytes)}`);
  for (const [command, run] of Object.entries(large.runs)) {
    console.log(`  ${command}: ${(run.ms / 1000).toFixed(1)} s, peak ${run.maxRssMb.toFixed(0)} MB, ${run.failure === null ? `exit ${run.exitCode}` : `failed: ${run.failure}`}`);
  }
  // The emulator recalculates the register's counts itself: evaluating is measured on smaller registers.
  for (const n of [20, 50]) {
    const m = await benchRegisterAdapter(tasks.slice(0, n), 100, true);
    for (const [action, a] of Object.entries(m)) {
      console.log(`adapter register of ${n} tasks, ${action}: ${a.syncs} syncs, largest request ${kb(a.maxRequestBytes)}, ${a.ms.toFixed(0)} ms with 100 ms per sync`);
    }
  }
  const { create } = await benchRegisterAdapter(tasks, 100, false);
  console.log(`adapter register of ${size}, create: ${create.syncs} syncs, largest request ${kb(create.maxRequestBytes)} (limit 5120 KB), ${create.ms.toFixed(0)} ms with 100 ms per sync`);
}

async function benchWeight(): Promise<void> {
  // First: a build or a browser just closed leaves the machine busy for a while, and these are short.
  const cli = benchCli();
  console.log(`CLI start to exit, median of 7: evaluate 18 indicators ${cli.evaluateMs.toFixed(0)} ms (budget ${EVALUATE_BUDGET_MS} ms), ` +
    `read an 18-row workbook ${cli.readMs.toFixed(0)} ms (budget ${READ_BUDGET_MS} ms)`);
  const bundle = await bundleSize();
  console.log(
    `task pane initial JavaScript: ${kb(bundle.gzipBytes)} gzip, ${kb(bundle.rawBytes)} raw (${bundle.files.join(", ")}; ` +
      `budget ${kb(bundle.budgetBytes)} gzip, Office.js excluded); its CSS: ${kb(bundle.css.gzipBytes)} gzip, ${kb(bundle.css.rawBytes)} raw; ` +
      `the workbook service chunk, fetched while Office.js starts: ${kb(bundle.service.gzipBytes)} gzip, ${kb(bundle.service.rawBytes)} raw`,
  );
  const ribbon = await functionFileSize();
  console.log(
    `ribbon function file: ${kb(ribbon.gzipBytes)} gzip, ${kb(ribbon.rawBytes)} raw (${ribbon.files.join(", ")}; budget ${kb(ribbon.budgetBytes)} gzip); ` +
      `first click also loads ${kb(ribbon.onClick.gzipBytes)} gzip, ${kb(ribbon.onClick.rawBytes)} raw (${ribbon.onClick.files.join(", ")})`,
  );
  const load = await paneLoadMedians();
  console.log(`production pane (Office.js stub): navigation to "Thiết lập bảng tính" enabled, median of 7 in headless Chromium: ${load.productionMs.toFixed(0)} ms`);
  console.log(`development preview: navigation to "Thiết lập bảng tính" enabled, median of 7 in headless Chromium: ${load.previewMs.toFixed(0)} ms`);

}

void main();
