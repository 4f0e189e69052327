/**
 * Consolidation for bench/run.ts (issue 8 §2 budget: 300 unit files × 40 indicators under 3 s on
 * the 2-core machine): `chitieu consolidate DIR -o tong-hop.xlsx --json` start to exit (the
 * compiled CLI, median of RUNS), then one run in a child process that splits the time between
 * reading the files and writing the result, with the peak memory (RSS) while reading, for 100
 * and for 300 files with the heap still in use after reading (summaries, not workbooks: it
 * should barely grow with the files), and at the end (the comparison workbook written by src/xlsx/sheetsXlsx.ts).
 * `npx ts-node --transpile-only bench/consolidate.ts [FILES] [INDICATORS]` prints it alone.
 * The files are generated once into a cache folder: writing them is not measured.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Catalogue } from "../src/domain";
import { unitWorkbook } from "../src/layout";
import { writeUnitFile } from "../test/support/unitFiles";
import { buildCli, chitieu, median } from "./cli";

const ROOT = resolve(__dirname, "..");
const RUNS = 3;
export const CONSOLIDATE_BUDGET_MS = 3000;

function catalogue(count: number): Catalogue {
  const groups = [1, 2, 3, 4].map((g) => ({ code: String(g), name: `Nhóm ${g}` }));
  const indicators = Array.from({ length: count }, (_, i) => {
    const group = String(1 + Math.floor((i * 4) / count));
    return { code: `${group}.${i + 1}`, group, name: `Chỉ tiêu ${i + 1}`, unit: "người", direction: i % 7 === 3 ? ("decrease" as const) : ("increase" as const), key: false, weight: 1 };
  });
  return { groups, indicators };
}

/** The folder of unit files, written on first use; named by the layout's hash, so a changed writer writes new files. */
async function unitFiles(files: number, indicators: number): Promise<string[]> {
  const layout = createHash("sha256").update(JSON.stringify(unitWorkbook({ unitName: "", head: "", year: 2025, catalogue: catalogue(indicators) }))).digest("hex");
  const dir = join(tmpdir(), `chitieu-bench-consolidate-${files}x${indicators}-${layout.slice(0, 10)}`);
  const names = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith("don-vi")).sort() : []);
  if (names().length < files) {
    mkdirSync(dir, { recursive: true });
    const cat = catalogue(indicators);
    for (let i = 0; i < files; i += 1) {
      await writeUnitFile(dir, `don-vi-${String(i).padStart(4, "0")}.xlsx`, { unit: `Xã ${i + 1}`, kind: i % 3 === 0 ? "district" : "commune", result: i % 5 === 0 ? "excellent" : "good", common: 20 + (i % 11), catalogue: cat });
    }
  }
  return names().slice(0, files).map((f) => join(dir, f));
}

export interface ConsolidatePhases {
  readonly files: number;
  readonly readMs: number;
  /** Processor time (user + system) of reading: what a loaded machine does not inflate as much as wall time. */
  readonly readCpuMs: number;
  /** Consolidating the summaries and writing tong-hop.xlsx (sheetsXlsx.ts, no ExcelJS). */
  readonly writeMs: number;
  readonly writeCpuMs: number;
  readonly readingPeakRssMb: number;
  /** The heap in use once every file is read, after a full collection: what reading keeps. */
  readonly keptHeapMb: number;
  readonly peakRssMb: number;
  readonly units: number;
}

/** One consolidation in a fresh process, timed by phase through the progress callback. */
function phases(inputs: readonly string[], output: string): ConsolidatePhases {
  const script = `
    const { runConsolidate } = require(${JSON.stringify(join(ROOT, "dist-cli", "cli", "consolidateCommand.js"))});
    let readStart = 0, readEnd = 0, readingRss = 0, cpuStart, cpuEnd, keptHeap = 0, writeStart = 0, writeCpuStart = 0;
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    runConsolidate({
      inputs: ${JSON.stringify(inputs)}, output: ${JSON.stringify(output)}, json: true, exceptional: new Set(),
      progress: (done, total) => {
        readingRss = Math.max(readingRss, process.memoryUsage().rss);
        if (done === 0) { readStart = performance.now(); cpuStart = cpu(); }
        if (done === total) { readEnd = performance.now(); cpuEnd = cpu(); global.gc(); keptHeap = process.memoryUsage().heapUsed; writeStart = performance.now(); writeCpuStart = cpu(); }
      },
    }).then((result) => {
      const end = performance.now();
      process.stdout.write(JSON.stringify({
        files: ${inputs.length}, readMs: readEnd - readStart, readCpuMs: cpuEnd - cpuStart, writeMs: end - writeStart, writeCpuMs: cpu() - writeCpuStart,
        readingPeakRssMb: readingRss / 1048576, keptHeapMb: keptHeap / 1048576, peakRssMb: process.resourceUsage().maxRSS / 1024,
        units: JSON.parse(result.stdout).units.length,
      }));
    });`;
  const child = spawnSync(process.execPath, ["--expose-gc", "-e", script], { cwd: ROOT, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`consolidate bench failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ConsolidatePhases;
}

export interface ConsolidateFigures {
  readonly files: number;
  readonly indicators: number;
  /** `chitieu consolidate` start to exit, median of RUNS. */
  readonly totalMs: number;
  readonly phases: readonly ConsolidatePhases[];
}

export async function benchConsolidate(files = 300, indicators = 40): Promise<ConsolidateFigures> {
  const paths = await unitFiles(files, indicators);
  const dir = resolve(paths[0], "..");
  const output = join(tmpdir(), `chitieu-bench-tong-hop-${process.pid}.xlsx`);
  buildCli();
  chitieu(["consolidate", dir, "-o", output, "--json"]); // warm the file cache
  const totalMs = median(Array.from({ length: RUNS }, () => chitieu(["consolidate", dir, "-o", output, "--json"])));
  const sizes = [...new Set([Math.min(100, files), files])];
  return { files, indicators, totalMs, phases: sizes.map((n) => phases(paths.slice(0, n), output)) };
}

export function consolidateReport(f: ConsolidateFigures): string[] {
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  return [
    `consolidate ${f.files} files × ${f.indicators} indicators, chitieu start to exit, median of ${RUNS}: ${f.totalMs.toFixed(0)} ms (budget ${CONSOLIDATE_BUDGET_MS} ms)`,
    ...f.phases.map(
      (p) =>
        `  ${p.files} files in one run: reading ${p.readMs.toFixed(0)} ms, ${(p.readMs / p.files).toFixed(1)} ms per file ` +
        `(processor ${p.readCpuMs.toFixed(0)} ms, ${(p.readCpuMs / p.files).toFixed(1)} ms per file), peak RSS ${mb(p.readingPeakRssMb)}, ` +
        `heap kept ${mb(p.keptHeapMb)}; ` +
        `consolidating and writing tong-hop.xlsx ${p.writeMs.toFixed(0)} ms (processor ${p.writeCpuMs.toFixed(0)} ms), peak RSS ${mb(p.peakRssMb)}; ${p.units} units`,
    ),
  ];
}

if (require.main === module) {
  void benchConsolidate(Number(process.argv[2] ?? 300), Number(process.argv[3] ?? 40)).then((f) => console.log(consolidateReport(f).join("\n")));
}
