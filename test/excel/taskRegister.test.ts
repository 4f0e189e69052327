import { evaluateTaskYear } from "../../src/domain/tasks";
import { ALL_FEATURES } from "../../src/excel/features";
import { createTaskRegister, evaluateTaskRegister } from "../../src/excel/taskRegister";
import { TASK_NAMES, TASK_RULE_NAMES } from "../../src/layout/taskRegisterSchema";
import { NAMED } from "../proof/taskCases";
import { cellOf, SETUP, setup } from "./helpers";

describe("the task register in the add-in", () => {
  test("created beside a set-up unit sheet, read back and judged as the engine judges the tasks written", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    emulator.resetStats();
    const created = await emulator.run((context) => createTaskRegister(context, { year: 2025, asOf: "2025-11-15", tasks: NAMED }, ALL_FEATURES));
    expect(created).toEqual({ changes: ['Đã tạo trang "Việc đột phá".', 'Đã tạo trang "Lộ trình".', 'Đã tạo trang "Tổng hợp đột phá".'], problems: [] });
    expect(emulator.stats.syncs).toBe(2);
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
    expect(created.changes).toContain('Đã thêm các ngưỡng mặc định của việc đột phá vào trang "Quy tắc".');
    expect(emulator.cell("Quy tắc", cellOf(emulator, TASK_RULE_NAMES.dueSoonDays)).value).toBe(30);
  });
});
