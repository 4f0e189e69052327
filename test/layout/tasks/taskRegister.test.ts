import { checkRegistration, DEFAULT_TASK_RULES, type Task } from "../../../src/domain/tasks";
import { readTaskRegister } from "../../../src/layout/tasks";
import { readTaskRules, rulesSheet, taskRuleCellAddress } from "../../../src/layout/unit";
import { ruleSet } from "../../../src/domain";
import { ROADMAP_COLUMNS, TASK_COLUMNS, TASK_INPUT_COLUMNS, TASK_NAMES } from "../../../src/layout/tasks";
import { excelDate, roadmapHelperFormulas, roadmapRowFormulas, roadmapRows, taskCountFormulas, taskLevelFormulas, taskRegisterLayout, taskRegisterPositions, withTaskRegister } from "../../../src/layout/tasks";
import { benchTasks } from "../../../bench/tasks";
import { TASK_PRINT_SHEETS } from "../../../src/layout/tasks";
import { unitWorkbook } from "../../../src/layout";
import type { TableGrid } from "../../../src/layout/read";

/** Formulas of the computed columns, as the sheets hold them (the counts cover roadmap rows 5 to 60). */
const COMPUTED: Record<string, string> = {
  yearTargets: "=SUMPRODUCT((TRIM('Lộ trình'!$A$5:$A$60)=TRIM($A6)))",
  level: "=IF(…)",
  finalLevel: "=IF(…)",
  status: "=IF(…)",
  milestoneState: "=IF(…)",
};

/** A table as Office.js returns it, from rows keyed by column (a row's `typed` cells hold no formula). */
function grid(sheet: string, origin: string, columns: readonly { key: string; header: string }[], rows: Record<string, unknown>[]): TableGrid {
  const values = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => r[c.key] ?? ""))];
  const formulas = [values[0], ...rows.map((r, i) => columns.map((c, j) => (COMPUTED[c.key] && !(r.typed as string[] | undefined)?.includes(c.key) ? COMPUTED[c.key] : values[i + 1][j])))];
  return { sheet, origin, values, formulas };
}

const taskRow = (over: Record<string, unknown> = {}) => ({ code: "DP-01", leader: "A", title: "Việc", kind: "Đột phá", firstYear: 2025, lastYear: 2025, goal: "Mục tiêu", ...over });
const tasks = (...rows: Record<string, unknown>[]) => grid("Việc đột phá", "A5", TASK_COLUMNS, rows);
const roadmap = (...rows: Record<string, unknown>[]) => grid("Lộ trình", "A4", ROADMAP_COLUMNS, rows);

describe("reading the task register", () => {
  test("tasks, targets and milestones as the engine takes them; text numbers read in Vietnamese style and reported", () => {
    const read = readTaskRegister(
      tasks(taskRow({ state: "đang thực hiện" })),
      roadmap(
        { code: "DP-01", year: 2025, rowKind: "Chỉ tiêu", name: "Hồ sơ", direction: "Tăng", target: "2.100", actual: 2200 },
        { code: "dp-01", rowKind: "Mốc", name: "Đề án", due: excelDate("2025-03-31"), done: excelDate("2025-03-20") },
      ),
    );
    expect(read.tasks).toEqual([
      expect.objectContaining({
        code: "DP-01",
        state: "inProgress",
        targets: [{ year: 2025, name: "Hồ sơ", direction: "increase", target: "2.100", actual: 2200 }],
        milestones: [{ what: "Đề án", due: "2025-03-31", done: "2025-03-20" }],
      }),
    ]);
    expect(read.problems.map((p) => [p.cell, p.code])).toEqual([["G5", "DP-01"]]);
    expect(read.problems[0].detail).toContain("2.100");
  });

  test("the plan: unit per target, solutions, focal point and approval read back; a bad approval date named at its cell", () => {
    const plan = { solutions: "Tập huấn", focalBody: "Ban Tổ chức", focalPerson: "Phạm D", approvalBody: "Ban Thường vụ", approvalNumber: "12-QĐ/TU" };
    const read = readTaskRegister(
      tasks(taskRow({ ...plan, approvalDate: excelDate("2025-01-15") }), taskRow({ code: "DP-02", approvalDate: "30/02/2025" })),
      roadmap({ code: "DP-01", year: 2025, rowKind: "Chỉ tiêu", name: "Hồ sơ", unit: "%", direction: "Tăng", target: 60 }),
    );
    expect(read.tasks[0]).toMatchObject({ solutions: "Tập huấn", focalBody: "Ban Tổ chức", focalPerson: "Phạm D", approval: { body: "Ban Thường vụ", number: "12-QĐ/TU", date: "2025-01-15" } });
    expect(read.tasks[0].targets[0]).toMatchObject({ unit: "%" });
    const bad = checkRegistration(read.tasks).find((p) => p.field === "approvalDate");
    expect(bad?.message).toContain("30/02/2025");
    expect(read.cellOf("DP-02", "approvalDate")).toEqual({ sheet: "Việc đột phá", cell: "AJ7" });
  });

  test("every unreadable cell is named, and rows that cannot be read are left out", () => {
    const read = readTaskRegister(
      tasks(taskRow({ kind: "Sáng kiến", state: "Tạm dừng" }), taskRow({ leader: "B" }), taskRow({ code: "", leader: "C" }), taskRow({ code: "DP-02", firstYear: "2025" })),
      roadmap(
        { code: "DP-01", year: 2025, rowKind: "Chỉ tiêu", name: "a", direction: "Tăng dần", target: 1 },
        { code: "DP-01", year: "2025", rowKind: "Chỉ tiêu", name: "b", direction: "Tăng", target: 1 },
        { code: "DP-01", rowKind: "Việc", name: "c" },
        { code: "DP-01", rowKind: "Mốc", name: "d", due: "31/03/2025" },
        { code: "DP-09", rowKind: "Mốc", name: "e", due: excelDate("2025-03-31") },
      ),
    );
    expect(read.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual([
      "Việc đột phá!F6",
      "Việc đột phá!L6",
      "Việc đột phá!A7",
      "Việc đột phá!A8",
      "Việc đột phá!G9",
      "Lộ trình!F5",
      "Lộ trình!B6",
      "Lộ trình!C7",
      "Lộ trình!K8",
      "Lộ trình!A9",
    ]);
    expect(read.problems[2].message).toBe('Trang "Việc đột phá", ô A7: Mã việc DP-01 trùng với dòng ở ô A6; dòng này không được xếp loại.');
    expect(read.tasks.map((t) => [t.code, t.targets.length, t.milestones.length, t.state])).toEqual([["DP-01", 1, 1, undefined]]);
    // An unknown direction reaches the engine as none at all: pending, as the sheet's error is.
    expect(read.tasks[0].targets[0].direction).toBeNull();
  });

  test("rows the sheet's formulas do not reach are named and left out, as the sheet leaves them out", () => {
    const beyond = Array.from({ length: 57 }, () => ({}));
    const read = readTaskRegister(
      tasks(taskRow({ typed: ["level"] })),
      roadmap({ code: "DP-01", year: 2025, rowKind: "Chỉ tiêu", name: "a", direction: "Tăng", target: 1, typed: ["status"] }, ...beyond, {
        code: "DP-01",
        year: 2025,
        rowKind: "Chỉ tiêu",
        name: "b",
        direction: "Tăng",
        target: 2,
      }),
    );
    expect(read.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Việc đột phá!AD6", "Lộ trình!J5", "Lộ trình!A63"]);
    expect(read.problems[2].detail).toContain("dòng 5–60");
    expect(read.tasks[0].targets.map((t) => t.name)).toEqual(["a"]);
  });

  test("a date with a time of day is named: the sheet would compare the time too", () => {
    const read = readTaskRegister(tasks(taskRow()), roadmap({ code: "DP-01", rowKind: "Mốc", name: "m", due: excelDate("2025-03-31"), done: excelDate("2025-03-31") + 0.6 }));
    expect(read.problems.map((p) => p.cell)).toEqual(["L5"]);
    expect(read.tasks[0].milestones).toEqual([{ what: "m", due: "2025-03-31", done: "2025-03-31" }]);
  });

  test("dates (issue 18 §6): DD/MM/YYYY read and named, impossible days and serials like 1e9 named at their cell, the milestone kept as not done", () => {
    const read = readTaskRegister(
      tasks(taskRow({ state: "Dừng", droppedOn: excelDate("2025-06-30") }), taskRow({ code: "DP-02", state: "Dừng", droppedOn: "2025-02-30" })),
      roadmap(
        { code: "DP-01", year: 2025, rowKind: "Mốc", name: "chữ", due: "30/09/2025", done: excelDate("2025-09-01") },
        { code: "DP-01", year: 2025, rowKind: "Mốc", name: "không có thật", due: "2025-02-30" },
        { code: "DP-01", year: 2025, rowKind: "Mốc", name: "serial", due: excelDate("2025-03-31"), done: 1e9 },
      ),
    );
    // The text date is read and named; the others are the engine check's, which names their cells through cellOf.
    expect(read.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Lộ trình!K5"]);
    expect(read.problems[0].detail).toContain("dạng chữ");
    expect(checkRegistration(read.tasks).filter((p) => /droppedOn|milestones\./.test(p.field)).map((p) => [p.message.includes("2025-02-30") || p.message.includes("1000000000"), read.cellOf(p.code, p.field)?.cell])).toEqual([
      [true, "K6"],
      [true, "L7"],
      [true, "O7"],
    ]);
    expect(read.tasks.map((t) => t.droppedOn)).toEqual(["2025-06-30", "2025-02-30"]);
    expect(read.tasks[0].milestones).toEqual([
      { what: "chữ", due: "2025-09-30", done: "2025-09-01", year: 2025 },
      { what: "không có thật", due: "2025-02-30", done: null, year: 2025 },
      { what: "serial", due: "2025-03-31", done: "1000000000", year: 2025 },
    ]);
  });

  test("the task rules read back, a bad cell reported and replaced by the default", () => {
    expect(readTaskRules({ ...DEFAULT_TASK_RULES })).toEqual({ rules: DEFAULT_TASK_RULES, problems: [] });
    const read = readTaskRules({ ...DEFAULT_TASK_RULES, completeMetShare: 1.5, dueSoonDays: "ba mươi" });
    expect(read.rules).toEqual(DEFAULT_TASK_RULES);
    expect(read.problems.map((p) => p.cell)).toEqual([taskRuleCellAddress("completeMetShare"), taskRuleCellAddress("dueSoonDays")]);
  });

  test("the optional cap rule: blank or missing is off, a level's name (any case) switches it on, anything else is reported", () => {
    expect(readTaskRules({ ...DEFAULT_TASK_RULES, failedTaskCap: undefined })).toEqual({ rules: DEFAULT_TASK_RULES, problems: [] });
    expect(readTaskRules({ ...DEFAULT_TASK_RULES, failedTaskCap: " " }).rules.failedTaskCap).toBeNull();
    expect(readTaskRules({ ...DEFAULT_TASK_RULES, failedTaskCap: "hoàn thành nhiệm vụ" })).toEqual({ rules: { ...DEFAULT_TASK_RULES, failedTaskCap: "complete" }, problems: [] });
    const bad = readTaskRules({ ...DEFAULT_TASK_RULES, failedTaskCap: "Có" });
    expect([bad.rules.failedTaskCap, bad.problems.map((p) => p.cell)]).toEqual([null, [taskRuleCellAddress("failedTaskCap")]]);
  });
});

describe("the printed results (issue 15 §4)", () => {
  test("only the tasks running in the year, with a number line and Nơi nhận typed on the sheet", () => {
    const t = (code: string, firstYear: number, lastYear: number): Task => ({ code, leader: "A", title: `Việc ${code}`, kind: "breakthrough", firstYear, lastYear, goal: "g", targets: [], milestones: [] });
    const layout = withTaskRegister(unitWorkbook({ unitName: "Xã A", head: "A", year: 2025 }), { tasks: [t("CU", 2023, 2024), t("NAY", 2025, 2026), t("SAU", 2026, 2027)], year: 2025, asOf: "2025-11-15" });
    const sheet = layout.sheets.find((x) => x.name === TASK_PRINT_SHEETS.results);
    const cells = (sheet?.blocks ?? []).flatMap((b) => b.cells.flat().map((c) => ("formula" in c ? c.formula : c.value)));
    expect(new Set(cells.flatMap((c) => (typeof c === "string" ? [...c.matchAll(/"(CU|NAY|SAU)"/g)].map((m) => m[1]) : [])))).toEqual(new Set(["NAY"]));
    const typed = (sheet?.blocks ?? []).filter((b) => b.owner === "user").map((b) => [b.at, b.cells[0][0]]);
    expect(typed).toEqual([
      ["A4", { value: "Số    -BC/..." }],
      [expect.stringMatching(/^A\d+$/), { value: "- Như trên,\n- Lưu Văn phòng." }],
    ]);
    expect(cells).toContain("Nơi nhận:");
    // The register's leaders with no task that year are listed under the table.
    const idle = withTaskRegister(unitWorkbook({ unitName: "Xã A", head: "A", year: 2025 }), { tasks: [t("NAY", 2025, 2026), { ...t("SAU", 2026, 2027), leader: "B" }], year: 2025, asOf: "2025-11-15" });
    const printed = (idle.sheets.find((x) => x.name === TASK_PRINT_SHEETS.results)?.blocks ?? []).flatMap((b) => b.cells.flat().map((c) => ("value" in c ? c.value : null)));
    expect(printed).toContain("Đồng chí chưa có việc đột phá, đổi mới năm 2025: B.");
  });

  test("the registration form prints the plan (solutions, focal point, approval, unit per target) and the task's problems", () => {
    const planned: Task = {
      code: "KH",
      leader: "A",
      title: "Việc KH",
      kind: "breakthrough",
      firstYear: 2025,
      lastYear: 2026,
      goal: "g",
      solutions: "Tập huấn",
      approval: { body: "Ban Thường vụ", number: "12-QĐ/TU", date: "2025-01-15" },
      targets: [{ year: 2025, name: "Hồ sơ", unit: "%", direction: "increase", target: 0 }],
      milestones: [],
    };
    const layout = withTaskRegister(unitWorkbook({ unitName: "Xã A", head: "A", year: 2025 }), { tasks: [planned], year: 2025, asOf: "2025-11-15" });
    const sheet = layout.sheets.find((x) => x.name === TASK_PRINT_SHEETS.form);
    const cells = (sheet?.blocks ?? []).flatMap((b) => b.cells.flat().map((c) => String("formula" in c ? c.formula : c.value)));
    for (const label of ["Giải pháp: ", "Cơ quan, người theo dõi: ", "Phê duyệt: ", "Quyết định số "]) expect(cells.some((c) => c.includes(label))).toBe(true);
    // The check's findings for this task: a 2026 without target and a planned figure that cannot be judged.
    expect(cells).toContain("Cần sửa, bổ sung trước khi phê duyệt (kiểm tra khi lập phiếu):");
    expect(cells).toContain("- Lộ trình chưa có chỉ tiêu cho năm 2026: năm này xếp loại Không hoàn thành.");
    expect(cells.some((c) => c.startsWith('- Chỉ tiêu "Hồ sơ": Kế hoạch 0'))).toBe(true);
    // The unit of measure column of the roadmap, printed beside each target.
    expect(layout.sheets.find((x) => x.name === "Lộ trình")?.blocks.some((b) => b.cells.flat().some((c) => "value" in c && c.value === "%"))).toBe(true);
  });
});

describe("the register's layout", () => {
  test("protected sheets with unlocked inputs, lists to choose from, and the two named input cells", () => {
    const layout = taskRegisterLayout({ tasks: [], year: 2025, asOf: "2025-11-15" });
    const [taskSheet, roadmapSheet] = layout.sheets;
    expect([taskSheet.protect, roadmapSheet.protect]).toEqual([true, true]);
    expect(layout.names.map((n) => [n.name, n.ref])).toEqual([
      [TASK_NAMES.asOf, "$B$2"],
      [TASK_NAMES.year, "$E$2"],
    ]);
    const unlocked = taskSheet.rangeStyles.filter((r) => r.unlocked).length;
    expect(unlocked).toBe(TASK_INPUT_COLUMNS.length);
    expect(taskSheet.validations.map((v) => v.rule.kind === "list" && v.rule.source).filter(Boolean)).toEqual([
      "Đột phá,Đổi mới",
      "Đăng ký,Đã duyệt,Đang thực hiện,Hoàn thành,Dừng",
      "Có,Không",
    ]);
    // No volatile function anywhere: the follow-up date is a typed cell.
    const formulas = layout.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat().flatMap((c) => ("formula" in c ? [c.formula] : []))));
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((f) => /TODAY|NOW|INDIRECT|OFFSET/.test(f))).toEqual([]);
  });

  test("the formula columns are stated once, and spelled out they are each row's own formulas (issue 15 §4)", () => {
    const some = benchTasks(3, 2, 2);
    const layout = taskRegisterLayout({ tasks: some, year: 2022, asOf: "2022-11-15" });
    const [taskSheet, roadmapSheet] = layout.sheets;
    const runs = [...taskSheet.blocks, ...roadmapSheet.blocks].filter((b) => b.run);
    expect(runs.map((b) => [b.at, b.run?.formulas.length, b.run?.rows])).toEqual([
      ["P6", 14, 13],
      ["AD6", 3, 13],
      ["I5", 2, 58],
      ["M5", 1, 58],
      ["Q5", 5, 58],
    ]);
    // What a reader of the layout sees: row r of a run is row r's formulas as written for that row.
    const pos = taskRegisterPositions(some.length, roadmapRows(some).length);
    const expected = (at: string, row: number): string[] => {
      const counts = taskCountFormulas(row, pos.roadmapFirst, pos.roadmapLast);
      const levels = taskLevelFormulas(row);
      const own = roadmapRowFormulas(row);
      const helpers = roadmapHelperFormulas(row);
      return {
        P6: Object.values(counts),
        AD6: [levels.level, levels.provisional, levels.finalLevel],
        I5: [own.achievement, own.status],
        M5: [own.milestoneState],
        Q5: Object.values(helpers),
      }[at] as string[];
    };
    for (const block of runs) {
      const first = Number(block.at.replace(/^[A-Z]+/, ""));
      block.cells.forEach((row, r) => expect(row.map((c) => ("formula" in c ? c.formula : c.value))).toEqual(expected(block.at, first + r)));
    }
  });

  test("the rules sheet carries the task thresholds, marked as the default", () => {
    const sheet = rulesSheet(ruleSet("qd366-2025"));
    const texts = sheet.blocks.flatMap((b) => b.cells.flat().map((c) => ("value" in c ? c.value : null)));
    expect(texts).toContain("VIỆC ĐỘT PHÁ, ĐỔI MỚI");
    expect(sheet.blocks.find((b) => b.at === taskRuleCellAddress("dueSoonDays"))?.cells).toEqual([[{ value: 30 }]]);
  });
});
