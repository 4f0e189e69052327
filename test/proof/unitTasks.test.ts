/**
 * Proof of the block "Việc đột phá, đổi mới" on the unit sheets of a workbook that holds the task
 * register: several units (their leaders typed in another case, with spaces, with more tasks than
 * the block lists, with none, or not at all) beside the proof register, recalculated by
 * LibreOffice; each block's tasks, levels, provisional marks, counts and cap must equal
 * leaderYear, with the optional cap rule off and on.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { evaluateTaskYear, leaderYear } from "../../src/domain/tasks";
import { DIRECTION_NAMES, evaluate, LEVEL_NAMES, type Level } from "../../src/domain";
import { NAMES } from "../../src/layout/schema";
import { unitValues } from "../support/sharedUnits";
import { sharedWorkbook } from "../../src/layout/unit";
import { placedName, unitPlace } from "../../src/layout/units";
import { SHORT_TASK_LEVEL, PROVISIONAL_MARK, UNIT_TASK_ROWS, summaryTop, unitTaskCells } from "../../src/layout/tasks";
import { unitSheetPositions } from "../../src/layout/unit";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { cellScalar, makeTempDir, recalculateXlsx, requireSoffice } from "../support/libreoffice";
import { inc, layoutFor, SCENARIOS, task, TASKS as REGISTER } from "./taskCases";
import { ANSWERED } from "../support/unitFiles";

jest.setTimeout(300_000);

// Two more tasks of a leader typed in capitals, so that one leader has more tasks than the block lists.
const TASKS = [...REGISTER, ...["THEM1", "THEM2"].map((code) => task(code, { leader: " LÃNH ĐẠO 0", targets: [inc(2025, "a", 10, 12)] }))];
// Unit 1 (the one the reader evaluates) is led by the leader of a task rated incomplete.
const HEADS = ["Người KHT", "Lãnh đạo 0", "  lãnh đạo 1 ", "Người MOC", "Không có việc", ""];
// Figures that rate every unit above the cap, so that the cap shows where it applies.
const FIGURES = { name: "", kind: null, exceeded: 8, common: 28 } as const;
const VALUES = unitValues(FIGURES);
const COMMON = FIGURES.common;
const engineUnit = (taskCap: Level | null) =>
  evaluate({
    source: "sheet",
    commonScore: COMMON,
    excellence: ANSWERED,
    taskCap,
    indicators: DEFAULT_CATALOGUE.indicators.map((ind) => ({ ...ind, direction: DIRECTION_NAMES[ind.direction], key: ind.key ? "x" : null, ...VALUES.get(ind.code) })),
  }).summary;
const CASES = [SCENARIOS[0], SCENARIOS.find((s) => s.rules.failedTaskCap !== null)!];

describe("the unit sheets' task blocks equal leaderYear (LibreOffice recalculation)", () => {
  const dir = makeTempDir("chitieu-unit-tasks-");
  const outputs: string[] = [];

  beforeAll(async () => {
    requireSoffice();
    const files = await Promise.all(
      CASES.map(async (s, i) => {
        const units = sharedWorkbook(HEADS.map((head, u) => ({ unitName: `Đơn vị ${u + 1}`, head, year: s.year, values: VALUES, commonScore: COMMON, excellence: ANSWERED })));
        const file = join(dir, `unit-tasks-${i}.xlsx`);
        writeFileSync(file, writeSheetsXlsx(layoutFor(s, units, TASKS)));
        return file;
      }),
    );
    outputs.push(...(await recalculateXlsx(files, join(dir, "out"), { timeoutMs: 280_000 })));
  }, 300_000);

  test("the cases list more tasks than the rows, none, and a cap only with the rule on", () => {
    const years = CASES.map((s) => {
      const results = TASKS.map((t) => evaluateTaskYear(t, s.year, s.asOf, s.rules));
      return HEADS.map((head) => leaderYear(TASKS, results, head, s.year, s.rules));
    });
    expect(years.flat().some((y) => y.tasks.length > UNIT_TASK_ROWS)).toBe(true);
    expect(years.flat().some((y) => y.tasks.length === 0)).toBe(true);
    expect(years[0].every((y) => y.cap === null)).toBe(true);
    expect(years[1].some((y) => y.cap !== null)).toBe(true);
    expect(years.flat().some((y) => y.tasks.some((t) => t.provisional))).toBe(true);
    // The cap lowers a level somewhere, and leaves the others as they were.
    expect(engineUnit(null).level).toBe("excellent");
    expect(years[1].some((y) => y.cap !== null && engineUnit(y.cap).level !== engineUnit(null).level)).toBe(true);
  });

  test.each(CASES.map((s, i) => [s.id, i] as const))("%s", async (_id, index) => {
    const s = CASES[index];
    const results0 = TASKS.map((t) => evaluateTaskYear(t, s.year, s.asOf, s.rules));
    // The reader takes the cap from the recalculated sheet (named MucTranDotPha) into the engine, as the adapter does.
    const read = await readUnitWorkbook(readFileSync(outputs[index]));
    expect(read.evaluation?.summary.level).toBe(engineUnit(leaderYear(TASKS, results0, HEADS[0], s.year, s.rules).cap).level);
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outputs[index]);
    const results = TASKS.map((t) => evaluateTaskYear(t, s.year, s.asOf, s.rules));
    const top = summaryTop(`D${unitSheetPositions(DEFAULT_CATALOGUE.indicators.length).summaryRow + 1}`);
    HEADS.forEach((head, u) => {
      const ws = wb.getWorksheet(unitPlace(u + 1).sheet);
      if (!ws) throw new Error(`no sheet for unit ${u + 1}`);
      // A formula's "" comes back from LibreOffice as an empty cell.
      const at = (address: string) => cellScalar(ws.getCell(address)) ?? "";
      const cells = unitTaskCells(top);
      const expected = leaderYear(TASKS, results, head, s.year, s.rules);
      const listed = expected.tasks.slice(0, UNIT_TASK_ROWS);
      const rows = cells.taskRows.map((r) => [at(`F${r}`), at(`G${r}`), at(`J${r}`), at(`L${r}`)]);
      const expectedRows = cells.taskRows.map((_, i) => {
        const t = listed[i];
        if (!t) return ["", "", "", ""];
        const level = t.level === null ? "" : SHORT_TASK_LEVEL[t.level] + (t.provisional ? PROVISIONAL_MARK : "");
        return [t.code, t.title, level, t.finalLevel === null ? "" : SHORT_TASK_LEVEL[t.finalLevel]];
      });
      expect({ head, rows }).toEqual({ head, rows: expectedRows });
      const more = expected.tasks.length - UNIT_TASK_ROWS;
      expect(String(at(cells.more))).toBe(more > 0 ? `… và ${more} việc khác (xem trang "Việc đột phá")` : "");
      const counts = [at(cells.count), ...(["excellent", "good", "complete", "incomplete"] as const).map((l) => at(cells.levels[l]))];
      expect({ head, counts }).toEqual({ head, counts: [expected.tasks.length, ...(["excellent", "good", "complete", "incomplete"] as const).map((l) => expected.levels[l])] });
      expect({ head, cap: at(cells.cap) }).toEqual({ head, cap: expected.cap === null ? "" : LEVEL_NAMES[expected.cap] });
      // The unit's suggested and reachable levels, bounded by the cap as the engine bounds them.
      const unit = engineUnit(expected.cap);
      const named = (name: string) => {
        const ref = wb.definedNames.getRanges(placedName(name, unitPlace(u + 1))).ranges[0];
        return cellScalar(ws.getCell(ref.replace(/^.*!/, "").replace(/\$/g, "")));
      };
      expect({ head, levels: [named(NAMES.suggestedLevel), named(NAMES.ceilingLevel)] }).toEqual({
        head,
        levels: [unit.level === null ? null : LEVEL_NAMES[unit.level], unit.ceilingLevel === null ? null : LEVEL_NAMES[unit.ceilingLevel]],
      });
    });
  });
});
