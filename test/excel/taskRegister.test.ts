import { DEFAULT_TASK_RULES, evaluateTaskYear, leaderYear } from "../../src/domain/tasks";
import type { Level } from "../../src/domain";
import { ALL_FEATURES } from "../../src/excel/features";
import { createTaskRegister, evaluateTaskRegister } from "../../src/excel/taskRegister";
import { TASK_NAMES, TASK_RULE_NAMES } from "../../src/layout/tasks";
import { NAMED } from "../proof/taskCases";
import { NAMES } from "../../src/layout/schema";
import { parseCell } from "../../src/layout/addresses";
import { summaryTop, taskCapCell, UNIT_TASK_ROWS, unitTaskBlocks, unitTaskCells } from "../../src/layout/tasks";
import { roadmapRows, taskRegisterPositions } from "../../src/layout/tasks";
import { placeBlock, unitPlace } from "../../src/layout/units";
import { cellOf, SETUP, setup, unprotect } from "./helpers";
import { rendered } from "../support/rendered";

const LEVELS: readonly Level[] = ["excellent", "good", "complete", "incomplete"];

/** The block's cells on a unit's sheet: where its summary's title is. */
const blockOf = (emulator: ReturnType<typeof setup>["emulator"], unit = 1) =>
  unitTaskCells(summaryTop(cellOf(emulator, unit === 1 ? NAMES.count : `${NAMES.count}_${unit}`)));

/** Every cell of a sheet as a person or the add-in left it (values and formulas). */
const sheetCells = (emulator: ReturnType<typeof setup>["emulator"], sheet: string) =>
  JSON.stringify(emulator.snapshot().sheets.find((s) => s.name === sheet));

describe("the task register in the add-in", () => {
  test("created beside a set-up unit sheet, read back and judged as the engine judges the tasks written", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    emulator.resetStats();
    const created = await emulator.run((context) => createTaskRegister(context, { year: 2025, asOf: "2025-11-15", tasks: NAMED }, ALL_FEATURES));
    expect({ ...created, changes: rendered(created.changes) }).toEqual({
      changes: ['Đã tạo trang "Việc đột phá".', 'Đã tạo trang "Lộ trình".', 'Đã tạo trang "Tổng hợp đột phá".', 'Đã thêm khối "Việc đột phá, đổi mới" của người đứng đầu vào trang "Chỉ tiêu".'],
      problems: [],
    });
    // One more round trip than before: where the unit sheet's block goes is read first.
    expect(emulator.stats.syncs).toBe(3);
    expect(cellOf(emulator, TASK_NAMES.asOf)).toBe("B2");
    expect(cellOf(emulator, TASK_RULE_NAMES.dueSoonDays)).toMatch(/^B\d+$/);
    emulator.resetStats();
    const evaluated = await emulator.run((context) => evaluateTaskRegister(context, 2025, "2025-11-15"));
    expect(emulator.stats.syncs).toBe(2);
    expect(evaluated.tasks).toHaveLength(NAMED.length);
    expect(evaluated.results).toEqual(NAMED.map((t) => evaluateTaskYear(t, 2025, "2025-11-15")));
    // The engine's problems name their cell: task LOI has a zero target on an increase indicator.
    expect(evaluated.problems.map((p) => p.code)).toContain("LOI");
    expect(evaluated.problems.every((p) => p.cell !== null)).toBe(true);
  });

  test("refused before set-up, and never over existing register sheets", async () => {
    const { emulator, service } = setup();
    const before = await emulator.run((context) => createTaskRegister(context, { year: 2025, asOf: "2025-11-15" }, ALL_FEATURES));
    expect(before.problems.map((p) => p.message)).toEqual(['Trang "Quy tắc": Chưa có trang "Quy tắc": hãy chạy Thiết lập trước khi tạo sổ việc đột phá.']);
    await service.setUp(SETUP);
    await emulator.run((context) => createTaskRegister(context, { year: 2025, asOf: "2025-11-15" }, ALL_FEATURES));
    const snapshot = emulator.snapshot();
    const again = await emulator.run((context) => createTaskRegister(context, { year: 2025, asOf: "2025-11-15" }, ALL_FEATURES));
    expect(again.changes).toEqual([]);
    expect(again.problems.map((p) => p.sheet)).toEqual(["Việc đột phá", "Lộ trình", "Tổng hợp đột phá"]);
    expect(emulator.snapshot()).toEqual(snapshot);
  });

  test("a workbook set up before the task rules existed gets their lines and names", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    await emulator.run(async (context) => {
      for (const name of Object.values(TASK_RULE_NAMES)) context.workbook.names.getItem(name).delete();
      await context.sync();
    });
    const created = await emulator.run((context) => createTaskRegister(context, { year: 2025, asOf: "2025-11-15" }, ALL_FEATURES));
    expect(rendered(created.changes)).toContain('Đã thêm các ngưỡng mặc định của việc đột phá vào trang "Quy tắc".');
    expect(emulator.cell("Quy tắc", cellOf(emulator, TASK_RULE_NAMES.dueSoonDays)).value).toBe(30);
  });

  test("each unit sheet gets the block of its own leader's tasks, and stays protected", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    await service.setUp({ ...SETUP, unitName: "Đại Đình", head: "Trần Thị B", addUnit: true });
    const created = await emulator.run((context) => createTaskRegister(context, { year: 2021, asOf: "2021-12-31", tasks: NAMED }, ALL_FEATURES));
    expect(created.problems).toEqual([]);
    // The values are LibreOffice's to prove (test/proof/unitTasks.test.ts): here, the formulas and where they sit.
    const expected = unitTaskBlocks(summaryTop(cellOf(emulator, NAMES.count)), taskRegisterPositions(NAMED.length, roadmapRows(NAMED).length));
    for (const unit of [1, 2]) {
      const sheet = unitPlace(unit).sheet;
      for (const block of expected.map((b) => placeBlock(b, unitPlace(unit)))) {
        const content = block.cells[0][0];
        const written = emulator.cell(sheet, block.at);
        expect([block.at, "formula" in content ? written.formula : written.value]).toEqual([block.at, "formula" in content ? content.formula : content.value]);
        expect(written.locked).toBe(true);
      }
      expect(emulator.snapshot().sheets.find((s) => s.name === sheet)?.protection.protected).toBe(true);
    }
    expect(emulator.cell(unitPlace(2).sheet, blockOf(emulator, 2).count).formula).toContain(`TRIM(${NAMES.head}_2)`);
    // The cap's cell is named for each unit: evaluate reads it as the engine's input.
    expect([cellOf(emulator, NAMES.taskCap), cellOf(emulator, `${NAMES.taskCap}_2`)]).toEqual([blockOf(emulator, 1).cap, blockOf(emulator, 2).cap]);
    // The suggested and reachable levels are bounded by the block's cap, and evaluate keeps that form (no repair back).
    const levelsOf = () =>
      [1, 2].flatMap((unit) =>
        [NAMES.suggestedLevel, NAMES.ceilingLevel].map((name) => emulator.cell(unitPlace(unit).sheet, cellOf(emulator, unit === 1 ? name : `${name}_${unit}`)).formula),
      );
    const capped = levelsOf();
    capped.forEach((f, i) => expect(f).toContain(taskCapCell(cellOf(emulator, i < 2 ? NAMES.count : `${NAMES.count}_2`))));
    await emulator.run(async (context) => {
      context.workbook.worksheets.getItem(unitPlace(1).sheet).activate();
      await context.sync();
    });
    const evaluated = await service.evaluate();
    expect(evaluated.evaluation.indicators.length).toBeGreaterThan(0);
    expect(levelsOf()).toEqual(capped);
  });

  test("the preview computes the block as the engine does: the leader's tasks of the year in register order, counts per level", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    // All but two of the named tasks belong to the unit's head (one typed with other spaces and case): more than the block's rows.
    const tasks = NAMED.map((task, i) => (i === 1 || i === 6 ? task : { ...task, leader: i === 2 ? `  ${SETUP.head.toUpperCase()} ` : SETUP.head }));
    await emulator.run((context) => createTaskRegister(context, { year: 2025, asOf: "2025-11-15", tasks }, ALL_FEATURES));
    const results = tasks.map((task) => evaluateTaskYear(task, 2025, "2025-11-15"));
    const engine = leaderYear(tasks, results, SETUP.head, 2025, DEFAULT_TASK_RULES);
    expect(engine.tasks.length).toBeGreaterThan(UNIT_TASK_ROWS);
    const block = blockOf(emulator);
    const sheet = unitPlace(1).sheet;
    expect(block.taskRows.map((row) => emulator.cell(sheet, `F${row}`).value)).toEqual(engine.tasks.slice(0, UNIT_TASK_ROWS).map((t) => t.code));
    expect(emulator.cell(sheet, block.count).value).toBe(engine.tasks.length);
    expect(LEVELS.map((level) => emulator.cell(sheet, block.levels[level]).value)).toEqual(LEVELS.map((level) => engine.levels[level]));
    expect(String(emulator.cell(sheet, block.more).value)).toContain(`${engine.tasks.length - UNIT_TASK_ROWS} việc khác`);
  });

  test("never writes over what a person typed where the block would go", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    const block = blockOf(emulator);
    const note = `H${parseCell(block.cap).row + 1}`;
    await unprotect(emulator, "Chỉ tiêu");
    emulator.typeValue("Chỉ tiêu", note, "Ghi chú của tôi");
    const before = sheetCells(emulator, "Chỉ tiêu");
    const created = await emulator.run((context) => createTaskRegister(context, { year: 2021, asOf: "2021-12-31", tasks: NAMED }, ALL_FEATURES));
    expect(created.changes).toHaveLength(3);
    expect(created.problems.map((p) => [p.sheet, p.severity])).toEqual([["Chỉ tiêu", "warning"]]);
    expect(created.problems[0].message).toContain(block.area);
    expect(sheetCells(emulator, "Chỉ tiêu")).toBe(before);
  });

  test("a unit added beside the register, or its sheet made again, gets the block too", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    await emulator.run((context) => createTaskRegister(context, { year: 2021, asOf: "2021-12-31", tasks: NAMED }, ALL_FEATURES));
    const register = taskRegisterPositions(NAMED.length, roadmapRows(NAMED).length);
    const added = await service.setUp({ ...SETUP, unitName: "Đại Đình", head: "Trần Thị B", addUnit: true });
    expect(added.problems).toEqual([]);
    const expectFormulas = (unit: number) => {
      const blocks = unitTaskBlocks(summaryTop(cellOf(emulator, unit === 1 ? NAMES.count : `${NAMES.count}_${unit}`)), register);
      for (const block of blocks.map((b) => placeBlock(b, unitPlace(unit)))) {
        const content = block.cells[0][0];
        const written = emulator.cell(unitPlace(unit).sheet, block.at);
        expect([block.at, "formula" in content ? written.formula : written.value]).toEqual([block.at, "formula" in content ? content.formula : content.value]);
      }
    };
    expectFormulas(2);
    expect(cellOf(emulator, `${NAMES.taskCap}_2`)).toBe(blockOf(emulator, 2).cap);
    await emulator.run(async (context) => {
      context.workbook.worksheets.getItem(unitPlace(1).sheet).delete();
      await context.sync();
    });
    const again = await service.setUp(SETUP);
    expect(again.problems.filter((p) => p.severity === "error")).toEqual([]);
    expectFormulas(1);
    expect(cellOf(emulator, NAMES.taskCap)).toBe(blockOf(emulator, 1).cap);
  });
});
