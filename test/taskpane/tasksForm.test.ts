// The Đột phá view's model: leaders and progress from a report, the follow-up and registration forms read.
import {
  addTargetRow,
  emptyTaskForm,
  entryFromForm,
  followUpFromForm,
  defaultFollowUp,
  leadersOf,
  problemsByField,
  progressOf,
  shownLeader,
  tasksOfLeader,
} from "../../src/taskpane/views/tasksForm";
import { REGISTER_REPORT } from "./fakeWorkbook";
import { VERBATIM } from "../../src/domain/messages/localize";

const tasks = REGISTER_REPORT.tasks;

it("lists each leader once, case aside, in register order, and keeps the one chosen while it exists", () => {
  const more = [...tasks, { ...tasks[2], code: "DP-04", leader: "trần thị b " }];
  expect(leadersOf(more)).toEqual(["Nguyễn Văn A", "Trần Thị B"]);
  expect(tasksOfLeader(more, "Trần Thị B").map((t) => t.code)).toEqual(["DP-03", "DP-04"]);
  expect(shownLeader(leadersOf(more), "Trần Thị B")).toBe("Trần Thị B");
  expect(shownLeader(leadersOf(more), "Gone")).toBe("Nguyễn Văn A");
  expect(shownLeader([], "Gone")).toBe("");
});

it("counts milestones done (on time or late) against all of them", () => {
  expect(progressOf(tasks[0])).toEqual({ done: 3, total: 5, overdue: 1, dueSoon: 1 });
  expect(progressOf(tasks[1])).toEqual({ done: 0, total: 2, overdue: 0, dueSoon: 0 });
});

it("reads the follow-up: an ISO date and a year from 2000 to 2100", () => {
  expect(followUpFromForm({ asOf: "2025-11-15", year: "2025" })).toEqual({ ok: true, followUp: { asOf: "2025-11-15", year: 2025 } });
  expect(followUpFromForm({ asOf: "2025-02-30", year: "1999" })).toEqual({ ok: false, invalid: new Set(["asOf", "year"]) });
  expect(followUpFromForm({ asOf: "", year: "2025,5" })).toEqual({ ok: false, invalid: new Set(["asOf", "year"]) });
});

it("starts the follow-up in the workbook's year: as of today within it, else its last or first day", () => {
  expect(defaultFollowUp(2025, new Date(2026, 11, 7))).toEqual({ asOf: "2025-12-31", year: 2025 });
  expect(defaultFollowUp(2025, new Date(2025, 8, 5))).toEqual({ asOf: "2025-09-05", year: 2025 });
  expect(defaultFollowUp(2027, new Date(2026, 11, 7))).toEqual({ asOf: "2027-01-01", year: 2027 });
  expect(defaultFollowUp(null, new Date(2026, 0, 5))).toEqual({ asOf: "2026-01-05", year: 2026 });
});

it("reads the registration form into an entry, Vietnamese numbers included, or says which field cannot be read", () => {
  const form = { ...emptyTaskForm(tasks, "Nguyễn Văn A", 2025), code: "DP-09", title: "Việc", goal: "Mục tiêu" };
  expect(form.position).toBe("Bí thư");
  const filled = { ...form, targets: [{ ...form.targets[0], name: "Hộ", target: "1.200,5" }, { year: "2025", name: "Xong", unit: "", direction: "milestone" as const, target: "" }] };
  const read = entryFromForm(filled);
  expect(read.ok && read.entry.targets).toEqual([
    { year: 2025, name: "Hộ", unit: "", direction: "increase", target: 1200.5 },
    { year: 2025, name: "Xong", unit: "", direction: "milestone", target: null },
  ]);
  expect(read.ok && [read.entry.firstYear, read.entry.lastYear, read.entry.leader]).toEqual([2025, 2025, "Nguyễn Văn A"]);
  const bad = entryFromForm({ ...filled, lastYear: "sau", targets: [{ ...filled.targets[0], target: "nhiều" }], milestones: [{ what: "Mốc", due: "" }] });
  expect(bad).toEqual({
    ok: false,
    invalid: new Map([
      ["lastYear", "taskYearInvalid"],
      ["targets", "taskTargetInvalid"],
      ["milestones", "taskMilestoneInvalid"],
    ]),
  });
});

it("carries the plan's solutions and approval; an approval date that is not a day is named at its field", () => {
  const form = { ...emptyTaskForm([], "A", 2025), code: "DP-09", title: "Việc", goal: "Mục tiêu", solutions: "Giải pháp 1", approvalBody: "Ban Thường vụ", approvalNumber: "12-QĐ/TU" };
  const filled = { ...form, targets: [{ ...form.targets[0], name: "Hộ", target: "5" }] };
  const read = entryFromForm({ ...filled, approvalDate: "2025-01-15" });
  expect(read.ok && [read.entry.solutions, read.entry.approval]).toEqual(["Giải pháp 1", { body: "Ban Thường vụ", number: "12-QĐ/TU", date: "2025-01-15" }]);
  expect(entryFromForm({ ...filled, approvalDate: "2025-02-30" })).toEqual({ ok: false, invalid: new Map([["approvalDate", "taskApprovalDateInvalid"]]) });
});

it("adds the next uncovered year of the span, and groups the workbook's messages by field in the form's order", () => {
  const form = { ...emptyTaskForm([], "", 2025), lastYear: "2026" };
  expect(addTargetRow(addTargetRow(form)).targets.map((t) => t.year)).toEqual(["2025", "2026", "2025"]);
  const [r, g, c] = ["r", "g", "c"].map((text) => ({ id: VERBATIM, params: [text] }));
  expect([...problemsByField([{ field: "register", message: r }, { field: "goal", message: g }, { field: "code", message: c }])]).toEqual([
    ["code", [c]],
    ["goal", [g]],
    ["register", [r]],
  ]);
});
