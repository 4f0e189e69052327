/**
 * The breakthrough-task register at scale (issue 9 §5): TASKS tasks × YEARS years × TARGETS
 * targets a year, with a milestone a year. In the CLI: writing the register (`workbook --tasks`),
 * then `tasks evaluate` on the JSON document and on the written .xlsx. Through the adapter on the
 * emulator: creating the register and evaluating it, with syncs, largest request and time at a
 * given latency per sync (syncs must not grow with the number of tasks). At scale (issue 15 §4:
 * 5,000 tasks, a merged province over a term), writing and every command that reads the register
 * back, with time and peak memory.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "node:perf_hooks";
import type { Task } from "../src/domain/tasks";
import { ALL_FEATURES } from "../src/excel/features";
import { createTaskRegister, evaluateTaskRegister } from "../src/excel/taskRegister";
import { createWorkbookService } from "../src/excel/workbookService";
import { createWorkbookEmulator } from "../src/preview/emulator";
import { TASK_SHEETS } from "../src/layout/tasks";
import { spawnSync } from "child_process";
import { buildCli, chitieu } from "./cli";
import type { ActionMeasure } from "./workbook";

export const REGISTER_SIZE = { tasks: 500, years: 5, targets: 5 } as const;
const FIRST_YEAR = 2021;
const AS_OF = "2025-11-15";

/** A register of `count` tasks of `years` years, `targets` targets and one milestone a year each. */
export function benchTasks(count: number, years: number, targets: number): Task[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `DP-${String(i + 1).padStart(3, "0")}`,
    leader: `Người đứng đầu ${Math.floor(i / 2) + 1}`,
    position: "Bí thư",
    unit: `Đơn vị ${Math.floor(i / 6) + 1}`,
    title: `Việc đột phá ${i + 1}`,
    kind: i % 2 === 0 ? "breakthrough" : "innovation",
    firstYear: FIRST_YEAR,
    lastYear: FIRST_YEAR + years - 1,
    state: "inProgress",
    goal: "Mục tiêu chung của việc",
    targets: Array.from({ length: years * targets }, (_, k) => ({
      year: FIRST_YEAR + Math.floor(k / targets),
      name: `Chỉ tiêu ${(k % targets) + 1}`,
      direction: k % 5 === 4 ? "decrease" : "increase",
      target: 100,
      actual: 90 + ((i + k) % 20),
    })),
    milestones: Array.from({ length: years }, (_, y) => ({
      what: `Mốc năm ${FIRST_YEAR + y}`,
      due: `${FIRST_YEAR + y}-09-30`,
      done: (i + y) % 3 === 0 ? null : `${FIRST_YEAR + y}-${(i + y) % 3 === 1 ? "09-15" : "10-20"}`,
    })),
  }));
}

export interface RegisterCliTimes {
  readonly writeMs: number;
  readonly xlsxBytes: number;
  readonly evaluateJsonMs: number;
  readonly evaluateXlsxMs: number;
}

/** One run each (the register takes seconds, not milliseconds). */
export function benchRegisterCli(tasks: readonly Task[]): RegisterCliTimes {
  buildCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-tasks-bench-"));
  try {
    const json = path.join(dir, "tasks.json");
    fs.writeFileSync(json, JSON.stringify({ tasks }));
    const xlsx = path.join(dir, "tasks.xlsx");
    const year = String(FIRST_YEAR + REGISTER_SIZE.years - 1);
    const writeMs = chitieu(["workbook", "--unit", "Tỉnh thử", "--year", year, "--tasks", json, "--as-of", AS_OF, "-o", xlsx]);
    return {
      writeMs,
      xlsxBytes: fs.statSync(xlsx).size,
      evaluateJsonMs: chitieu(["tasks", "evaluate", json, "--year", year, "--as-of", AS_OF]),
      evaluateXlsxMs: chitieu(["tasks", "evaluate", xlsx, "--year", year, "--as-of", AS_OF]),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Creating and evaluating the register through the adapter, on a set-up emulated workbook.
 * `withEvaluate` false: creating only; the emulator's own formula engine (not the adapter)
 * cannot recalculate the register's SUMPRODUCT counts for hundreds of tasks within its memory.
 */
export async function benchRegisterAdapter(
  tasks: readonly Task[],
  latencyMs: number,
  withEvaluate: boolean,
): Promise<{ create: ActionMeasure; evaluate?: ActionMeasure }> {
  const emulator = createWorkbookEmulator({ sheets: ["Sheet1"] });
  const service = createWorkbookService((batch) => emulator.run(batch), ALL_FEATURES);
  await service.setUp({ unitName: "Tỉnh thử", head: "", year: FIRST_YEAR, preset: "qd366-2025", catalogue: "default" });
  const year = FIRST_YEAR + REGISTER_SIZE.years - 1;
  const measure = async (action: () => Promise<unknown>): Promise<ActionMeasure> => {
    emulator.resetStats();
    emulator.setLatency(latencyMs);
    const start = performance.now();
    await action();
    const ms = performance.now() - start;
    emulator.setLatency(0);
    return { syncs: emulator.stats.syncs, maxRequestBytes: Math.max(...emulator.stats.requestBytes), ms };
  };
  const create = await measure(() => emulator.run((context) => createTaskRegister(context, { year, asOf: AS_OF, tasks }, ALL_FEATURES)));
  if (!withEvaluate) return { create };
  // Recalculate the emulator's formulas now, so the timing below is the adapter's, not the emulator's.
  emulator.cell(TASK_SHEETS.tasks, "O6");
  const evaluate = await measure(() => emulator.run((context) => evaluateTaskRegister(context, year, AS_OF)));
  return { create, evaluate };
}

export const LARGE_REGISTER_TASKS = 5_000;

/** One command's run: wall time, its process's peak resident memory, and how it ended. */
export interface CommandRun {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly exitCode: number | null;
  /** The first line of stderr when it failed (a refusal, or node running out of memory). */
  readonly failure: string | null;
}

const BIN = path.resolve(__dirname, "..", "bin", "chitieu.js");
/** Loaded before the CLI: writes the process's peak resident memory (KB) to CHITIEU_BENCH_RSS as it exits. */
const RSS_PRELOAD = `process.on("exit", () => require("fs").writeFileSync(process.env.CHITIEU_BENCH_RSS, String(process.resourceUsage().maxRSS)));`;

function measured(dir: string, args: readonly string[]): CommandRun {
  const preload = path.join(dir, "rss.js");
  const rss = path.join(dir, "rss.txt");
  fs.writeFileSync(preload, RSS_PRELOAD);
  fs.rmSync(rss, { force: true });
  const start = performance.now();
  const child = spawnSync(process.execPath, ["-r", preload, BIN, ...args], { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, CHITIEU_BENCH_RSS: rss } });
  const ms = performance.now() - start;
  const maxRssMb = fs.existsSync(rss) ? Number(fs.readFileSync(rss, "utf8")) / 1024 : NaN;
  const ok = child.status === 0 || child.status === 1;
  return { ms, maxRssMb, exitCode: child.status, failure: ok ? null : (child.stderr.split("\n").find((line) => line.trim() !== "") ?? `signal ${child.signal}`) };
}

/** Writing a register of `tasks` (`workbook --tasks`), then reading it back with tasks evaluate, tasks term and read. */
export function benchLargeRegister(tasks: readonly Task[]): { xlsxBytes: number | null; runs: Record<string, CommandRun> } {
  buildCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-tasks-large-"));
  try {
    const json = path.join(dir, "tasks.json");
    fs.writeFileSync(json, JSON.stringify({ tasks }));
    const xlsx = path.join(dir, "tasks.xlsx");
    const year = String(FIRST_YEAR + REGISTER_SIZE.years - 1);
    const write = measured(dir, ["workbook", "--unit", "Tỉnh thử", "--head", tasks[0]?.leader ?? "", "--year", year, "--tasks", json, "--as-of", AS_OF, "-o", xlsx]);
    if (!fs.existsSync(xlsx)) return { xlsxBytes: null, runs: { write } };
    return {
      xlsxBytes: fs.statSync(xlsx).size,
      runs: {
        write,
        "tasks evaluate": measured(dir, ["tasks", "evaluate", xlsx, "--year", year, "--as-of", AS_OF]),
        "tasks term": measured(dir, ["tasks", "term", xlsx, "--json"]),
        read: measured(dir, ["read", xlsx]),
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
