import type { TaskEntry } from "../../src/contract/workbook";
import { evaluateTaskYear, type Task } from "../../src/domain/tasks";
import { ALL_FEATURES } from "../../src/excel/features";
import { createTaskRegister } from "../../src/excel/taskRegister";
import { TASK_NAMES } from "../../src/layout/tasks";
import type { WorkbookSnapshot } from "../../src/preview/emulator/snapshot";
import { NAMED } from "../proof/taskCases";
import { cellOf, SETUP, setup } from "./helpers";
import { render } from "../../src/domain/messages/localize";

const FOLLOW_UP = { asOf: "2025-11-15", year: 2025 } as const;

async function withRegister(tasks: readonly Task[] = NAMED) {
  const { emulator, service } = setup();
  await service.setUp(SETUP);
  await emulator.run((context) => createTaskRegister(context, { ...FOLLOW_UP, tasks }, ALL_FEATURES));
  emulator.resetStats();
  return { emulator, service };
}

const ENTRY: TaskEntry = {
  code: "MOI-1",
  leader: "Lê Văn C",
  position: "Giám đốc Sở",
  unit: "Sở Nội vụ",
  title: "Số hóa hồ sơ cán bộ",
  kind: "innovation",
  firstYear: 2025,
  lastYear: 2026,
  goal: "Toàn bộ hồ sơ cán bộ được số hóa",
  focalBody: "Ban Tổ chức",
  focalPerson: "Phạm D",
  solutions: "Mua máy quét; tập huấn cán bộ",
  approval: { body: "Ban Thường vụ", number: "12-QĐ/TU", date: "2025-01-15" },
  targets: [
    { year: 2025, name: "Hồ sơ số hóa", unit: "%", direction: "increase", target: 60 },
    { year: 2026, name: "Hồ sơ số hóa", unit: "%", direction: "increase", target: 100 },
  ],
  milestones: [{ what: "Mua máy quét", due: "2025-12-20" }],
};

/** Tasks of distinct leaders, each a valid one-year task with two targets and a milestone. */
const many = (count: number): Task[] =>
  Array.from({ length: count }, (_, i) => ({
    code: `N${i}`,
    leader: `Người ${i}`,
    title: `Việc ${i}`,
    kind: "breakthrough",
    firstYear: 2025,
    lastYear: 2025,
    goal: "Mục tiêu",
    targets: [
      { year: 2025, name: "a", direction: "increase", target: 10, actual: 11 },
      { year: 2025, name: "b", direction: "decrease", target: 5, actual: 4 },
    ],
    milestones: [{ what: "m", due: "2025-10-01" }],
  }));

/** Cells whose formula, or constant value, differs between two snapshots. */
function typedCells(after: WorkbookSnapshot, before: WorkbookSnapshot): string[] {
  const typed = (snapshot: WorkbookSnapshot) =>
    new Map(snapshot.sheets.flatMap((sheet) => sheet.cells.map((c) => [`${sheet.name}!${c.address}`, c.formula ?? JSON.stringify(c.value)] as const)));
  const was = typed(before);
  return [...typed(after)].filter(([address, content]) => was.get(address) !== content).map(([address]) => address);
}

describe("the register through the contract", () => {
  test("a workbook without a register: nothing to read, check unchanged", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    expect(await service.readTaskRegister()).toEqual({ exists: false, followUp: null, tasks: [], problems: [] });
    emulator.resetStats();
    const before = await service.check();
    const syncs = emulator.stats.syncs;
    await service.createTaskRegister(FOLLOW_UP);
    expect(await service.check()).toEqual(before);
    // Reading the register for check costs one round trip more, only when there is one.
    emulator.resetStats();
    await service.check();
    expect(emulator.stats.syncs).toBe(syncs + 1);
  });

  test("read and evaluated as the engine does, with the cells of overdue and due-soon milestones, in two syncs", async () => {
    const { emulator, service } = await withRegister();
    const report = await service.readTaskRegister();
    expect(emulator.stats.syncs).toBe(2);
    expect(report.exists).toBe(true);
    expect(report.followUp).toEqual(FOLLOW_UP);
    const expected = NAMED.map((t) => evaluateTaskYear(t, 2025, "2025-11-15"));
    expect(report.tasks.map(({ code, level, ceiling, finalLevel, provisional, milestones, reasons }) => ({ code, level, ceiling, finalLevel, provisional, milestones, reasons }))).toEqual(expected);
    const moc = report.tasks.find((t) => t.code === "MOC");
    expect(moc?.attention.map((a) => [a.state, a.what, a.due])).toEqual([
      ["overdue", "quá hạn", "2025-10-31"],
      ["dueSoon", "sắp đến hạn", "2025-12-10"],
    ]);
    for (const a of moc?.attention ?? []) expect(emulator.cell(a.sheet, a.cell).value).toBe(a.what);
    // Another follow-up asked for: judged by it, the cells untouched.
    const later = await service.readTaskRegister({ asOf: "2026-12-31", year: 2026 });
    expect(later.tasks.map((t) => t.level)).toEqual(NAMED.map((t) => evaluateTaskYear(t, 2026, "2026-12-31").level));
    expect(emulator.cell("Việc đột phá", "E2").value).toBe(2025);
    const bad = await service.readTaskRegister({ asOf: "2026-02-30", year: 2026 });
    // The proof tasks carry registration problems of their own (a drop without its date, unreadable dates): B2 is among them.
    expect([bad.followUp, bad.tasks, bad.problems.map((p) => p.cell)]).toEqual([null, [], expect.arrayContaining(["B2"])]);
  });

  test("the follow-up writes only the two named input cells; a bad one is refused naming its cell", async () => {
    const { emulator, service } = await withRegister();
    const before = emulator.snapshot();
    expect(await service.setTaskFollowUp({ asOf: "2026-01-10", year: 2026 })).toEqual([]);
    expect(emulator.stats.syncs).toBe(2);
    // What a person could have typed (constants and formulas), not what formulas compute from it.
    expect(typedCells(emulator.snapshot(), before)).toEqual([`Việc đột phá!${cellOf(emulator, TASK_NAMES.asOf)}`, `Việc đột phá!${cellOf(emulator, TASK_NAMES.year)}`]);
    expect((await service.readTaskRegister()).followUp).toEqual({ asOf: "2026-01-10", year: 2026 });
    const refused = await service.setTaskFollowUp({ asOf: "10/01/2026", year: 26 });
    expect(refused.map((p) => [p.cell, p.severity])).toEqual([
      ["B2", "error"],
      ["E2", "error"],
    ]);
    expect((await service.readTaskRegister()).followUp).toEqual({ asOf: "2026-01-10", year: 2026 });
  });

  test("a valid task is appended in the spare rows, read back as entered, formulas kept, in three syncs", async () => {
    const { emulator, service } = await withRegister();
    const result = await service.registerTask(ENTRY);
    expect(emulator.stats.syncs).toBe(3);
    expect(result).toEqual({ ok: true, sheet: "Việc đột phá", cell: `A${6 + NAMED.length}` });
    const report = await service.readTaskRegister();
    expect(report.problems.filter((p) => p.message.includes("MOI-1") || p.cell?.startsWith(`A${6 + NAMED.length}`))).toEqual([]);
    const added = report.tasks.find((t) => t.code === "MOI-1");
    expect(added).toMatchObject({ leader: "Lê Văn C", position: "Giám đốc Sở", unit: "Sở Nội vụ", title: "Số hóa hồ sơ cán bộ", level: "incomplete", provisional: true });
    expect(added?.milestones).toEqual({ onTime: 0, late: 0, overdue: 0, dueSoon: 0, open: 1 });
    const row = 6 + NAMED.length;
    expect(emulator.cell("Việc đột phá", `F${row}`).value).toBe("Đổi mới");
    expect(emulator.cell("Việc đột phá", `J${row}`).value).toBe("Ban Tổ chức");
    expect(emulator.cell("Việc đột phá", `L${row}`).value).toBe("Đăng ký");
    // The plan's solutions and approval, at the end of the table.
    expect(["AG", "AH", "AI", "AJ"].map((c) => emulator.cell("Việc đột phá", `${c}${row}`).value)).toEqual(["Mua máy quét; tập huấn cán bộ", "Ban Thường vụ", "12-QĐ/TU", 45672]);
    expect(String(emulator.cell("Việc đột phá", `AD${row}`).formula)).toMatch(/^=/);
    // The sheet's own counts see the new roadmap rows: two targets for 2025/2026, one for 2025.
    expect(emulator.cell("Việc đột phá", `T${row}`).value).toBe(1);
    expect(emulator.cell("Việc đột phá", `AB${row}`).value).toBe(1);
  });

  test("refused with messages naming the form's fields, nothing written", async () => {
    const { emulator, service } = await withRegister();
    const snapshot = emulator.snapshot();
    const noGoal = await service.registerTask({ ...ENTRY, code: "xs", goal: " ", targets: [ENTRY.targets[0]] });
    expect(noGoal.ok).toBe(false);
    if (noGoal.ok) return;
    expect(noGoal.problems.map((p) => p.field)).toEqual(["code", "goal", "targets"]);
    expect(render(noGoal.problems[0].message, "vi")).toContain("A6");
    expect(render(noGoal.problems[2].message, "vi")).toContain("2026");
    // The per-leader limit counts the tasks already in the register: "Người XS" has one in 2025.
    const second = await service.registerTask({ ...ENTRY, code: "X2", leader: "Người XS" });
    expect(second.ok).toBe(true);
    const third = await service.registerTask({ ...ENTRY, code: "X3", leader: "người xs" });
    expect(third).toMatchObject({ ok: false, problems: [{ field: "firstYear" }] });
    const after = emulator.snapshot();
    expect(after).not.toEqual(snapshot);
    const again = await service.registerTask({ ...ENTRY, code: "X4", leader: "Người XS" });
    expect(again.ok).toBe(false);
    expect(emulator.snapshot()).toEqual(after);
  });

  test("when the spare rows are used up it refuses, saying how to add rows", async () => {
    const { emulator, service } = await withRegister([]);
    const snapshot = emulator.snapshot();
    const milestones = Array.from({ length: 40 }, (_, i) => ({ what: `mốc ${i}`, due: "2025-12-01" }));
    const result = await service.registerTask({ ...ENTRY, lastYear: 2025, targets: [ENTRY.targets[0]], milestones });
    expect(result).toMatchObject({ ok: false, problems: [{ field: "register" }] });
    if (result.ok) return;
    expect(render(result.problems[0].message, "vi")).toContain('Trang "Lộ trình" còn 40 dòng trống');
    expect(render(result.problems[0].message, "vi")).toContain("Dòng bảng phía trên");
    expect(emulator.snapshot()).toEqual(snapshot);
    expect((await service.registerTask({ ...ENTRY, lastYear: 2025, targets: [ENTRY.targets[0]], milestones: milestones.slice(1) })).ok).toBe(true);
  });

  test("check reports the register's problems, each naming its cell", async () => {
    const bad: Task = { ...many(1)[0], code: "BAD", goal: "", lastYear: 2026 };
    const { service } = await withRegister([...NAMED, bad]);
    const problems = await service.check();
    const row = 6 + NAMED.length;
    expect(problems.filter((p) => p.sheet === "Việc đột phá" && p.cell?.endsWith(String(row))).map((p) => [p.cell, p.detail])).toEqual([
      [`I${row}`, "Chưa có mục tiêu chung."],
      [`A${row}`, "Lộ trình chưa có chỉ tiêu cho năm 2026: năm này xếp loại Không hoàn thành."],
    ]);
    // Each unreadable date is named once, at its own cell on the roadmap (issue 18 §6).
    const dates = problems.filter((p) => p.sheet === "Lộ trình" && p.detail.includes("không đọc được ngày"));
    expect(dates.map((p) => p.detail)).toEqual([expect.stringContaining('"2025-02-30"'), expect.stringContaining('"xong"')]);
    expect(dates.map((p) => p.cell?.[0])).toEqual(["K", "L"]);
  });

  test.each(["readTaskRegister", "registerTask", "check"] as const)("%s takes as many syncs for 50 tasks as for 5", async (action) => {
    const syncs: number[] = [];
    for (const count of [5, 50]) {
      const { emulator, service } = await withRegister(many(count));
      if (action === "registerTask") expect((await service.registerTask(ENTRY)).ok).toBe(true);
      else await service[action]();
      syncs.push(emulator.stats.syncs);
    }
    expect(syncs[0]).toBe(syncs[1]);
    expect(syncs[0]).toBeLessThanOrEqual(3);
  });
});
