/**
 * CLI start-up for bench/run.ts: wall time from spawn to exit of `node bin/chitieu.js …` (what
 * `npx chitieu` runs), median of RUNS, for `evaluate` on 18 indicators and `read` of an 18-row
 * workbook. bin/chitieu.js runs the compiled CLI (dist-cli/), built here first when stale.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "chitieu.js");
const RUNS = 7;
export const EVALUATE_BUDGET_MS = 150;
export const READ_BUDGET_MS = 300;

export interface CliTimes {
  readonly evaluateMs: number;
  readonly readMs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times one run from a small node process of its own, not from the bench: spawning from a parent
 * that holds webpack, Playwright and the emulator (hundreds of MB) cost tens of ms more than
 * spawning from a shell or from npx, and that was charged to the CLI.
 */
const TIMER = `
const { spawnSync } = require("child_process");
const [bin, ...args] = JSON.parse(process.argv[1]);
const start = process.hrtime.bigint();
const child = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ ms, status: child.status, stderr: child.stderr }));
`;

export function chitieu(args: readonly string[]): number {
  const timer = spawnSync(process.execPath, ["-e", TIMER, JSON.stringify([BIN, ...args])], { encoding: "utf8" });
  const { ms, status, stderr } = JSON.parse(timer.stdout) as { ms: number; status: number | null; stderr: string };
  if (status !== 0 && status !== 1) throw new Error(`chitieu ${args[0]} exited ${status}: ${stderr}`);
  return ms;
}

function medianOf(args: readonly string[]): number {
  chitieu(args); // warm the file cache
  return median(Array.from({ length: RUNS }, () => chitieu(args)));
}

/** `npm run build:cli`: bin/chitieu.js then runs dist-cli/, as an installed package does. */
export function buildCli(): void {
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`build:cli failed: ${build.stdout}${build.stderr}`);
}

export function benchCli(): CliTimes {
  buildCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-cli-bench-"));
  try {
    const indicators = Array.from({ length: 18 }, (_, i) => ({
      code: `${Math.floor(i / 4) + 1}.${(i % 4) + 1}`,
      group: String(Math.floor(i / 4) + 1),
      name: `Chỉ tiêu ${i + 1}`,
      unit: "người",
      direction: i % 5 === 4 ? "decrease" : "increase",
      target: 100 + i,
      actual: 95 + 2 * i,
    }));
    const data = path.join(dir, "18.json");
    fs.writeFileSync(data, JSON.stringify({ commonScore: 30, indicators }));
    const xlsx = path.join(dir, "18.xlsx");
    chitieu(["workbook", "--unit", "Tam Đảo", "--year", "2025", "--data", data, "-o", xlsx]);
    return { evaluateMs: medianOf(["evaluate", data]), readMs: medianOf(["read", xlsx]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
