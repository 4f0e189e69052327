/**
 * `chitieu read`, `chitieu tasks evaluate FILE.xlsx` and the reading part of `chitieu consolidate` use the narrow .xlsx reader:
 * ExcelJS (about half a second to load) is not loaded for them; consolidate writes its result
 * and assign the unit files with the light writer (src/xlsx/sheetsXlsx.ts), so neither loads ExcelJS. Checked in a fresh Node process, where require.cache lists what was loaded.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { run as chitieu } from "../../src/cli/main";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS, assignmentSheetName } from "../../src/layout/province";
import { writeUnitFile } from "../support/unitFiles";

const ROOT = resolve(__dirname, "..", "..");

test("read, tasks evaluate, consolidate and assign load no ExcelJS, not even to write", async () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-no-exceljs-"));
  const units = join(dir, "units");
  mkdirSync(units);
  const file = await writeUnitFile(units, "a.xlsx", { unit: "An Hòa", kind: "commune" });
  await writeUnitFile(units, "b.xlsx", { unit: "Bình Minh", kind: "commune" });
  const tasks = join(dir, "tasks.json");
  writeFileSync(tasks, JSON.stringify({ tasks: [{ code: "DP-01", leader: "A", title: "Việc", kind: "breakthrough", firstYear: 2025, lastYear: 2025, goal: "G", targets: [{ year: 2025, name: "t", direction: "increase", target: 1, actual: 1 }], milestones: [] }] }));
  const province = join(dir, "tinh.xlsx");
  expect((await chitieu(["province", "--year", "2025", "--group", "Huyện: An Hòa; Bình Minh", "-o", province])).exitCode).toBe(0);
  // Every unit's targets typed (here, where ExcelJS may be loaded), so that assign writes the unit files.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(province) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(assignmentSheetName(1)) as ExcelJS.Worksheet;
  for (const column of [ASSIGNMENT_COLUMNS.length + 1, ASSIGNMENT_COLUMNS.length + 2]) {
    DEFAULT_CATALOGUE.indicators.forEach((ind, i) => (sheet.getCell(ASSIGNMENT_ROWS.first + i, column).value = ind.direction === "milestone" ? "Đạt" : 10));
  }
  writeFileSync(province, Buffer.from(await book.xlsx.writeBuffer()));
  const register = join(dir, "register.xlsx");
  expect((await chitieu(["workbook", "--unit", "An Hòa", "--year", "2025", "--tasks", tasks, "--as-of", "2025-11-15", "-o", register])).exitCode).toBe(0);
  const script = `
    require("ts-node").register({ transpileOnly: true, project: ${JSON.stringify(join(ROOT, "tsconfig.json"))} });
    const loaded = () => Object.keys(require.cache).some((m) => /node_modules[\\\\/]exceljs[\\\\/]/.test(m));
    (async () => {
      const { run } = require(${JSON.stringify(join(ROOT, "src", "cli", "main.ts"))});
      const evaluated = await run(["tasks", "evaluate", ${JSON.stringify(register)}, "--year", "2025", "--as-of", "2025-11-15"]);
      const afterTasks = loaded();
      const read = await run(["read", ${JSON.stringify(file)}]);
      const afterRead = loaded();
      let whileReading = null;
      const { runConsolidate } = require(${JSON.stringify(join(ROOT, "src", "cli", "consolidateCommand.ts"))});
      const result = await runConsolidate({
        inputs: [${JSON.stringify(units)}], output: ${JSON.stringify(join(dir, "tong-hop.xlsx"))}, json: true, exceptional: new Set(),
        progress: (done, total) => { if (done === total) whileReading = loaded(); },
      });
      const afterWriting = loaded();
      const assigned = await run(["assign", ${JSON.stringify(province)}, "-o", ${JSON.stringify(join(dir, "assigned"))}]);
      process.stdout.write(JSON.stringify({ tasks: evaluated.exitCode, afterTasks, read: read.exitCode, afterRead, whileReading, consolidate: result.exitCode, afterWriting, assign: assigned.exitCode, afterAssign: loaded() }));
    })();`;
  const child = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(child.stderr).toBe("");
  expect(JSON.parse(child.stdout)).toEqual({ tasks: 0, afterTasks: false, read: 0, afterRead: false, whileReading: false, consolidate: 0, afterWriting: false, assign: 0, afterAssign: false });
  expect(readdirSync(join(dir, "assigned")).sort()).toEqual(["An Hòa.xlsx", "Bình Minh.xlsx"]);
}, 60_000);
