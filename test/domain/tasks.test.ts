import { checkRegistration, DEFAULT_TASK_RULES, evaluateTaskYear, leaderTaskCaps, leaderYear, milestoneState, taskTotals, type Task } from "../../src/domain/tasks";
import { evaluate } from "../../src/domain";
import { rendered } from "../support/rendered";

const task = (over: Partial<Task> = {}): Task => ({
  code: "DP-01",
  leader: "Nguyễn Văn A",
  title: "Chuyển đổi số cấp xã",
  kind: "breakthrough",
  firstYear: 2025,
  lastYear: 2026,
  goal: "Hoàn thành chuyển đổi số",
  targets: [
    { year: 2025, name: "Thủ tục trực tuyến", direction: "increase", target: 50, actual: 60 },
    { year: 2025, name: "Xã số", direction: "increase", target: 10, actual: 10 },
    { year: 2026, name: "Thủ tục trực tuyến", direction: "increase", target: 80 },
  ],
  milestones: [
    { what: "Đề án", due: "2025-03-31", done: "2025-03-20" },
    { what: "Nền tảng", due: "2025-09-30", done: "2025-09-30" },
    { what: "Tổng kết", due: "2026-12-15" },
  ],
  ...over,
});

describe("registration check", () => {
  test("a complete plan passes", () => {
    expect(checkRegistration([task()])).toEqual([]);
  });

  test("each rule fails by its field", () => {
    const problems = checkRegistration([
      task({ goal: " " }),
      task({ code: "DP-02", leader: "B", targets: [] }),
      task({ code: "DP-03", leader: "C", targets: [task().targets[0]] }),
      task({ code: "DP-04", leader: "D", firstYear: 2021, lastYear: 2026 }),
    ]);
    expect(problems.map((p) => [p.code, p.field])).toEqual([["DP-01", "goal"], ["DP-02", "targets"], ["DP-03", "targets"], ["DP-04", "lastYear"]]);
    expect(problems.find((p) => p.code === "DP-03")?.message).toBe("Lộ trình chưa có chỉ tiêu cho năm 2026: năm này xếp loại Không hoàn thành.");
  });

  test("at most two new tasks per leader per year, as the rules allow", () => {
    const three = [task(), task({ code: "b" }), task({ code: "c" })];
    expect(checkRegistration(three).map((p) => p.code)).toEqual(["c"]);
    expect(checkRegistration(three, { ...checkRulesDefault(), maxNewTasksPerYear: 3 })).toEqual([]);
  });
});

function checkRulesDefault() {
  return { excellentExceededShare: 0.3, completeMetShare: 0.7, completeMilestoneShare: 0.7, dueSoonDays: 30, maxNewTasksPerYear: 2, maxSpanYears: 5, failedTaskCap: null };
}

describe("milestone states as of a date", () => {
  test.each([
    [{ what: "a", due: "2025-06-30", done: "2025-06-30" }, "onTime"],
    [{ what: "a", due: "2025-06-30", done: "2025-07-01" }, "late"],
    [{ what: "a", due: "2025-06-30" }, "overdue"],
    [{ what: "a", due: "2025-07-20" }, "dueSoon"],
    [{ what: "a", due: "2025-09-30" }, "open"],
  ])("%p is %s on 2025-07-01", (m, state) => {
    expect(milestoneState(m, "2025-07-01")).toBe(state);
  });
});

describe("yearly and final levels", () => {
  test("all targets met, 50 % exceeded, milestones on time: excellent", () => {
    const r = evaluateTaskYear(task(), 2025, "2026-01-15");
    expect(r).toMatchObject({ level: "excellent", finalLevel: null, provisional: false });
    expect(r.milestones).toEqual({ onTime: 2, late: 0, overdue: 0, dueSoon: 0, open: 1 });
  });

  test("a milestone done late but within the year: good", () => {
    const late = task({ milestones: [{ what: "Đề án", due: "2025-03-31", done: "2025-05-01" }] });
    expect(evaluateTaskYear(late, 2025, "2026-01-15").level).toBe("good");
  });

  test("a pending target counts as not met and keeps the year provisional", () => {
    const r = evaluateTaskYear(task(), 2026, "2026-06-01");
    expect(r).toMatchObject({ level: "incomplete", finalLevel: "incomplete", provisional: true });
    expect(rendered(r.reasons).join(" ")).toContain("chưa có số liệu");
  });

  test("the last year gives the final level from the overall targets and all milestones", () => {
    const done = task({
      targets: [...task().targets.slice(0, 2), { year: 2026, name: "Thủ tục trực tuyến", direction: "increase", target: 80, actual: 85 }],
      milestones: [...task().milestones.slice(0, 2), { what: "Tổng kết", due: "2026-12-15", done: "2026-12-20" }],
    });
    expect(evaluateTaskYear(done, 2026, "2027-01-10")).toMatchObject({ level: "good", finalLevel: "good", provisional: false });
  });

  test("a year outside the span has no level; a task spanning the whole term is judged each year", () => {
    expect(evaluateTaskYear(task(), 2024, "2025-01-01")).toMatchObject({ level: null, finalLevel: null });
    const term = task({
      firstYear: 2021,
      lastYear: 2025,
      targets: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, name: "Kết quả", direction: "increase", target: 10, actual: 12 })),
      milestones: [],
    });
    expect(checkRegistration([term])).toEqual([]);
    expect([2021, 2023, 2025].map((y) => evaluateTaskYear(term, y, "2026-01-01").level)).toEqual(["excellent", "excellent", "excellent"]);
    expect(evaluateTaskYear(term, 2025, "2026-01-01").finalLevel).toBe("excellent");
  });

  test("dropped mid-way: incomplete unless the committee approved it", () => {
    expect(evaluateTaskYear(task({ state: "dropped" }), 2025, "2026-01-01")).toMatchObject({ level: "incomplete" });
    expect(evaluateTaskYear(task({ state: "dropped", dropApproved: true }), 2025, "2026-01-01")).toMatchObject({ level: null });
  });
});

describe("wrong results in the register (issue 15 §4, issue 18 §6)", () => {
  test("a year with no quantified target is incomplete, never 0/0 all met", () => {
    const noTarget = task({ targets: [task().targets[0]], milestones: [] });
    const r = evaluateTaskYear(noTarget, 2026, "2027-01-10");
    expect(r).toMatchObject({ level: "incomplete", finalLevel: "incomplete" });
    expect(rendered(r.reasons).join(" ")).toContain("không có chỉ tiêu lượng hóa");
    expect(rendered(r.reasons).join(" ")).not.toContain("0/0 chỉ tiêu");
  });

  test("a milestone done after the as-of date does not count as done yet", () => {
    const late = task({ milestones: [{ what: "Đề án", due: "2025-03-31", done: "2025-03-20" }, { what: "Nền tảng", due: "2025-09-30", done: "2025-12-01" }] });
    expect(milestoneState(late.milestones[1], "2025-11-15")).toBe("overdue");
    // 1 of 2 milestones done as of 15/11 (50 %): incomplete, not "good" as when the December completion counted.
    expect(evaluateTaskYear(late, 2025, "2025-11-15")).toMatchObject({ level: "incomplete", provisional: true, milestones: { onTime: 1, late: 0, overdue: 1, dueSoon: 0, open: 0 } });
    expect(evaluateTaskYear(late, 2025, "2026-01-10").level).toBe("good");
  });

  test("a milestone done after its due date is late: done after the year's end, the year's milestone is not done", () => {
    const crossing = task({ milestones: [{ what: "Đề án", due: "2025-12-15", done: "2026-01-05" }] });
    expect(milestoneState(crossing.milestones[0], "2026-01-10")).toBe("late");
    expect(evaluateTaskYear(crossing, 2025, "2026-01-10")).toMatchObject({ level: "incomplete", milestones: { late: 1, onTime: 0 } });
    const lateInYear = task({ milestones: [{ what: "Đề án", due: "2025-06-30", done: "2025-07-15" }] });
    expect(evaluateTaskYear(lateInYear, 2025, "2026-01-10")).toMatchObject({ level: "good", milestones: { late: 1 } });
  });

  test("a dropped task needs its date; the years before keep their levels, the year of the drop is incomplete, later years unrated", () => {
    const three = task({ firstYear: 2024, lastYear: 2026, targets: [2024, 2025, 2026].map((year) => ({ year, name: "a", direction: "increase", target: 10, actual: 12 })), milestones: [] });
    expect(checkRegistration([{ ...three, state: "dropped" }]).map((p) => p.field)).toEqual(["droppedOn"]);
    expect(checkRegistration([{ ...three, state: "dropped", droppedOn: "2025-02-30" }]).map((p) => p.field)).toEqual(["droppedOn"]);
    const dropped: Task = { ...three, state: "dropped", droppedOn: "2025-06-30" };
    expect(checkRegistration([dropped])).toEqual([]);
    expect([2024, 2025, 2026].map((y) => [evaluateTaskYear(dropped, y, "2027-01-10").level, evaluateTaskYear(dropped, y, "2027-01-10").finalLevel])).toEqual([
      ["excellent", null],
      ["incomplete", "incomplete"],
      [null, null],
    ]);
    const approved = { ...dropped, dropApproved: true };
    expect([2024, 2025, 2026].map((y) => evaluateTaskYear(approved, y, "2027-01-10").level)).toEqual(["excellent", null, null]);
  });

  test("a milestone whose date cannot be read stays, as not done, and the check names it", () => {
    const bad = task({ milestones: [{ what: "Đề án", due: "2025-03-31", done: "2025-03-20" }, { what: "Nền tảng", due: "2025-02-30", year: 2025 }] });
    // 1 of 2 milestones done: incomplete (leaving the unreadable one out made it excellent).
    expect(evaluateTaskYear(bad, 2025, "2026-01-10").level).toBe("incomplete");
    expect(checkRegistration([bad]).map((p) => p.message)).toEqual([expect.stringContaining('Mốc "Nền tảng": không đọc được ngày hạn')]);
  });

  test("the check covers the whole roadmap whatever year is evaluated: a later year's figure in error is named now", () => {
    const later = task({ targets: [...task().targets.slice(0, 2), { year: 2026, name: "Thủ tục trực tuyến", direction: "increase", target: 0 }] });
    expect(checkRegistration([later])).toEqual([
      {
        code: "DP-01",
        field: "targets.2",
        message: expect.stringContaining('Chỉ tiêu "Thủ tục trực tuyến": Kế hoạch 0 không hợp lệ'),
        id: "task.targetError",
        params: ["Thủ tục trực tuyến", { id: "engine.targetNotPositive", params: [0] }],
      },
    ]);
    // Judged in its own year as a figure not yet there (the floor), never reported twice.
    expect(evaluateTaskYear(later, 2026, "2026-06-30")).toMatchObject({ level: "incomplete", provisional: true });
  });

  test("the plan's approval date must be a real day (the check names the field)", () => {
    expect(checkRegistration([task({ approval: { body: "Ban Thường vụ", number: "12-QĐ/TU", date: "2025-02-30" } })])).toEqual([
      {
        code: "DP-01",
        field: "approvalDate",
        message: "Ngày phê duyệt 2025-02-30 không đọc được (cần một ngày có thật, ví dụ 30/09/2025).",
        id: "task.badApprovalDate",
        params: ["2025-02-30"],
      },
    ]);
    expect(checkRegistration([task({ approval: { body: "Ban Thường vụ", date: "2025-01-15" } })])).toEqual([]);
  });

  test("empty and duplicate task codes are named", () => {
    const problems = checkRegistration([task(), task({ code: " dp-01 ", leader: "B" }), task({ code: " ", leader: "C" })]);
    expect(problems.map((p) => [p.code, p.field])).toEqual([[" dp-01 ", "code"], [" ", "code"]]);
  });

  test("a running year shows its ceiling beside its floor", () => {
    const running = task({ targets: [{ year: 2025, name: "a", direction: "increase", target: 10 }, { year: 2025, name: "b", direction: "increase", target: 5, actual: 6 }] });
    const r = evaluateTaskYear(running, 2025, "2025-11-15");
    expect(r).toMatchObject({ level: "incomplete", ceiling: "excellent", provisional: true });
    expect(rendered(r.reasons).join(" ")).toContain("Có thể đạt tối đa: Hoàn thành xuất sắc");
    const over = evaluateTaskYear(task(), 2025, "2026-01-15");
    expect([over.level, over.ceiling]).toEqual(["excellent", "excellent"]);
    // An overdue milestone can still be done, but late: the ceiling is good, not excellent.
    const overdue = task({ milestones: [{ what: "m", due: "2025-06-30" }] });
    expect(evaluateTaskYear(overdue, 2025, "2025-11-15")).toMatchObject({ level: "incomplete", ceiling: "good" });
  });
});

describe("totals per leader and unit, and the optional cap rule", () => {
  const register = [
    task(),
    task({ code: "b", leader: " nguyễn văn a ", unit: "Xã B", targets: [{ year: 2025, name: "x", direction: "increase", target: 10, actual: 1 }] }),
    task({ code: "c", leader: "Trần Thị C", unit: "Xã B", milestones: [{ what: "quá hạn", due: "2025-10-01" }, { what: "sắp", due: "2025-11-20" }] }),
  ];
  const results = register.map((t) => evaluateTaskYear(t, 2025, "2025-11-15"));

  test("grouped by the name as first written, whatever its case and spaces; tasks without a unit left out of the units", () => {
    expect(results.map((r) => r.level)).toEqual(["excellent", "incomplete", "incomplete"]);
    expect(taskTotals(register, results, "leader")).toEqual(
      new Map([
        ["Nguyễn Văn A", { tasks: 2, overdue: 0, dueSoon: 0, levels: { excellent: 1, good: 0, complete: 0, incomplete: 1 } }],
        ["Trần Thị C", { tasks: 1, overdue: 1, dueSoon: 1, levels: { excellent: 0, good: 0, complete: 0, incomplete: 1 } }],
      ]),
    );
    expect([...taskTotals(register, results, "unit").keys()]).toEqual(["Xã B"]);
  });

  test("off by default; on, every leader with an incomplete task gets the cap, naming the tasks", () => {
    expect(leaderTaskCaps(register, results, DEFAULT_TASK_RULES)).toEqual([]);
    expect(leaderTaskCaps(register, results, { ...DEFAULT_TASK_RULES, failedTaskCap: "complete" })).toEqual([
      { leader: "Nguyễn Văn A", cap: "complete", failed: ["b"] },
      { leader: "Trần Thị C", cap: "complete", failed: ["c"] },
    ]);
  });
});

describe("the leader's tasks of the year and the cap on the unit's level (issue 9 §3)", () => {
  const t = (code: string, leader: string, first: number, last: number, actual: number) => ({
    code,
    leader,
    title: `Việc ${code}`,
    kind: "breakthrough" as const,
    firstYear: first,
    lastYear: last,
    goal: "Mục tiêu",
    targets: [{ year: 2025, name: "a", direction: "increase", target: 10, actual }],
    milestones: [],
  });
  const tasks = [t("A1", " Nguyễn Văn A ", 2025, 2025, 12), t("A2", "nguyễn văn a", 2025, 2026, 5), t("A3", "Nguyễn Văn A", 2027, 2027, 12), t("B1", "Trần Thị B", 2025, 2025, 5)];
  const results = tasks.map((task) => evaluateTaskYear(task, 2025, "2026-01-10"));

  test("the leader's tasks running in the year, grouped whatever the case and spaces; the cap only with the rule on", () => {
    const off = leaderYear(tasks, results, "NGUYỄN VĂN A", 2025, DEFAULT_TASK_RULES);
    expect(off.tasks.map((x) => [x.code, x.level, x.finalLevel])).toEqual([["A1", "excellent", "excellent"], ["A2", "incomplete", null]]);
    expect(off.levels).toEqual({ excellent: 1, good: 0, complete: 0, incomplete: 1 });
    expect([off.cap, off.failed]).toEqual([null, ["A2"]]);
    expect(leaderYear(tasks, results, "Nguyễn Văn A", 2025, { ...DEFAULT_TASK_RULES, failedTaskCap: "good" }).cap).toBe("good");
    expect(leaderYear(tasks, results, "", 2025, { ...DEFAULT_TASK_RULES, failedTaskCap: "good" })).toMatchObject({ tasks: [], cap: null });
  });

  test("evaluate bounds the suggested and reachable levels by the cap, with the reason; without one the result is as before", () => {
    const input = {
      commonScore: 30,
      excellence: { disciplineBelow: "Không", shortcomingsRemedied: "Có" },
      indicators: [{ code: "1", direction: "increase", target: 10, actual: 20 }],
    };
    const plain = evaluate(input);
    expect(plain.summary.level).toBe("excellent");
    expect(evaluate({ ...input, taskCap: null })).toEqual(plain);
    expect(evaluate({ ...input, taskCap: "excellent" })).toEqual(plain);
    const capped = evaluate({ ...input, taskCap: "complete" });
    expect([capped.summary.level, capped.summary.ceilingLevel]).toEqual(["complete", "complete"]);
    expect(rendered(capped.summary.reasons).at(-1)).toContain("không cao hơn Hoàn thành nhiệm vụ");
  });
});
