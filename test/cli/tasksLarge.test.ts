/**
 * A register the product writes is one it reads (issue 15 §4): 550 tasks of five years (16,500
 * roadmap rows) written by `chitieu workbook --tasks` are read back by every command that reads a
 * register, with the levels of the JSON document. Before, each roadmap row carried about 1.2 KB of
 * formula text and the file unzipped to over 50 MB, which every reader refuses. How fast is the
 * bench's (bench/tasks.ts, `npm run bench`), not this test's.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { benchTasks } from "../../bench/tasks";

const dir = mkdtempSync(join(tmpdir(), "chitieu-tasks-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a register of 550 tasks written by chitieu workbook is read back by tasks evaluate, tasks term and read", async () => {
  const json = join(dir, "tasks.json");
  writeFileSync(json, JSON.stringify({ tasks: benchTasks(550, 5, 5) }));
  const xlsx = join(dir, "tasks.xlsx");
  const written = await run(["workbook", "--unit", "Tỉnh thử", "--head", "Người đứng đầu 1", "--year", "2025", "--tasks", json, "--as-of", "2025-11-15", "-o", xlsx]);
  expect(written.exitCode).toBe(0);

  const args = ["--year", "2025", "--as-of", "2025-11-15"];
  const fromJson = JSON.parse((await run(["tasks", "evaluate", json, ...args])).stdout);
  const fromXlsx = JSON.parse((await run(["tasks", "evaluate", xlsx, ...args])).stdout);
  expect(fromXlsx.tasks).toHaveLength(550);
  expect(fromXlsx.tasks).toEqual(fromJson.tasks);

  const term = JSON.parse((await run(["tasks", "term", xlsx, "--json"])).stdout);
  expect(term).toMatchObject({ from: 2021, to: 2025 });
  expect(term.leaders.flatMap((l: { tasks: unknown[] }) => l.tasks)).toHaveLength(550);

  // The unit workbook around the register: its head's two tasks found in it.
  const read = JSON.parse((await run(["read", xlsx])).stdout);
  expect(read.leaderTasks.tasks.map((t: { code: string }) => t.code)).toEqual(["DP-001", "DP-002"]);
}, 600_000);
