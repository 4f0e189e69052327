/** The task register's proof cases, shared by the LibreOffice proof and the emulator test. */
import { DEFAULT_TASK_RULES, type Task, type TaskRules } from "../../src/domain/tasks";
import { LEVEL_NAMES } from "../../src/domain";
import { unitWorkbook, value, type WorkbookLayout } from "../../src/layout";
import { taskRuleCellAddress } from "../../src/layout/unit";
import { withTaskRegister } from "../../src/layout/tasks";
import { mulberry32 } from "../support/random";

export const inc = (year: number, name: string, target: unknown, actual?: unknown) => ({ year, name, direction: "increase", target, actual });
export const task = (code: string, over: Partial<Task>): Task => ({
  code,
  leader: `Người ${code}`,
  title: `Việc ${code}`,
  kind: "breakthrough",
  firstYear: 2025,
  lastYear: 2025,
  goal: "Mục tiêu",
  targets: [],
  milestones: [],
  ...over,
});

export const NAMED: readonly Task[] = [
  // Excellent: all met, 1 of 2 exceeded, milestones on time.
  task("XS", { targets: [inc(2025, "a", 50, 60), inc(2025, "b", 10, 10)], milestones: [{ what: "m", due: "2025-03-31", done: "2025-03-20" }] }),
  // Good: all met, one milestone late but within the year.
  task("T", { targets: [inc(2025, "a", 50, 60)], milestones: [{ what: "m", due: "2025-03-31", done: "2025-05-01" }] }),
  // Complete: 3 of 4 met (75 %), milestones done.
  task("HT", { targets: [inc(2025, "a", 10, 10), inc(2025, "b", 10, 11), inc(2025, "c", 10, 12), inc(2025, "d", 10, 9)] }),
  // Incomplete: 1 of 2 met.
  task("KHT", { targets: [inc(2025, "a", 10, 10), { year: 2025, name: "b", direction: "decrease", target: 5, actual: 8 }] }),
  // Pending figures: provisional, floor counts them as not met.
  task("CHO", { targets: [inc(2025, "a", 10, 12), inc(2025, "b", 10)] }),
  // Every milestone state as of 2025-11-15: on time, late, overdue, due soon, open.
  task("MOC", {
    firstYear: 2025,
    lastYear: 2026,
    targets: [inc(2025, "a", 5, 5), { year: 2025, name: "b", direction: "Đạt/Không", target: "Đạt", actual: "Đạt" }, inc(2026, "a", 8)],
    milestones: [
      { what: "đúng hạn", due: "2025-02-28", done: "2025-02-28" },
      { what: "trễ", due: "2025-04-30", done: "2025-06-01" },
      { what: "quá hạn", due: "2025-10-31" },
      { what: "sắp đến hạn", due: "2025-12-10" },
      { what: "chưa đến hạn", due: "2026-03-31" },
    ],
  }),
  // Dropped without approval: incomplete; with approval: no level.
  task("DUNG", { firstYear: 2024, lastYear: 2026, state: "dropped", targets: [2024, 2025, 2026].map((y) => inc(y, "a", 10, 11)) }),
  task("DUNGDUYET", { firstYear: 2024, lastYear: 2026, state: "dropped", dropApproved: true, targets: [2024, 2025, 2026].map((y) => inc(y, "a", 10, 11)) }),
  // A whole term, 2021–2025, with a milestone a year.
  task("NK", {
    firstYear: 2021,
    lastYear: 2025,
    targets: [2021, 2022, 2023, 2024, 2025].flatMap((y) => [inc(y, "a", 10 + y - 2021, 12), inc(y, "b", 100, 100)]),
    milestones: [2021, 2022, 2023, 2024, 2025].map((y) => ({ what: `năm ${y}`, due: `${y}-06-30`, done: y === 2023 ? `${y}-08-01` : `${y}-06-15` })),
  }),
  // A task that does not run in the year evaluated.
  task("SAU", { firstYear: 2027, lastYear: 2028, targets: [inc(2027, "a", 1, 1), inc(2028, "a", 1)] }),
  // An invalid target and a milestone due after the year with nothing else.
  task("LOI", { targets: [inc(2025, "a", 0, 3), inc(2025, "b", 4, 4)], milestones: [{ what: "m", due: "2025-12-31" }] }),
  // A year with no quantified target (2025): incomplete, never "0/0 all met".
  task("KCT", { firstYear: 2025, lastYear: 2026, targets: [inc(2026, "a", 5, 6)], milestones: [{ what: "m", due: "2025-03-31", done: "2025-03-01" }] }),
  // A completion dated after the follow-up date does not count yet.
  task("SAUNGAY", { targets: [inc(2025, "a", 5, 6)], milestones: [{ what: "m", due: "2025-09-30", done: "2025-12-01" }] }),
  // Done after its due date: late; done after the year's end, the year's milestone is not done (issue 15 §3, §4).
  task("TRE", { targets: [inc(2025, "a", 5, 6)], milestones: [{ what: "m", due: "2025-12-15", done: "2026-01-05" }] }),
  // Done late and after the follow-up date: overdue until then, late (good) once the date passes it.
  task("TRESAU", { targets: [inc(2025, "a", 5, 6)], milestones: [{ what: "m", due: "2025-06-30", done: "2025-12-20" }] }),
  // Dropped on 30/06/2025: 2024 keeps its level, 2025 incomplete (or unrated with approval), 2026 unrated.
  task("DUNGNGAY", { firstYear: 2024, lastYear: 2026, state: "dropped", droppedOn: "2025-06-30", targets: [2024, 2025, 2026].map((y) => inc(y, "a", 10, 11)) }),
  task("DUNGNGAYDUYET", { firstYear: 2024, lastYear: 2026, state: "dropped", dropApproved: true, droppedOn: "2025-06-30", targets: [2024, 2025, 2026].map((y) => inc(y, "a", 10, 11)) }),
  // Dates that cannot be read: the milestones stay, as not done, in their row's year.
  task("NGAYLOI", {
    targets: [inc(2025, "a", 5, 6)],
    milestones: [
      { what: "m", due: "2025-03-31", done: "2025-03-01" },
      { what: "hạn lỗi", due: "2025-02-30", year: 2025 },
      { what: "ngày xong lỗi", due: "2025-04-30", done: "xong" },
    ],
  }),
];

/** Deterministic pseudo-random tasks (mulberry32), so a failure can be replayed. */
function randomTasks(count: number, seed: number): Task[] {
  const random = mulberry32(seed);
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const day = (year: number) => new Date(Date.UTC(year, 0, int(1, 365))).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, n) => {
    const firstYear = int(2023, 2026);
    const lastYear = firstYear + int(0, 4);
    const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
    const targets = years.flatMap((year) =>
      Array.from({ length: int(1, 4) }, (_, i) => {
        const direction = pick(["increase", "increase", "decrease", "Đạt/Không"]);
        if (direction === "Đạt/Không") return { year, name: `t${i}`, direction, target: "Đạt", actual: pick(["Đạt", "Không đạt", undefined]) };
        const target = int(1, 20);
        return { year, name: `t${i}`, direction, target, actual: random() < 0.15 ? undefined : Math.max(0, target + int(-3, 3)) };
      }),
    );
    const milestones = Array.from({ length: int(0, 5) }, (_, i) => {
      const due = day(pick(years));
      const done = random() < 0.35 ? null : new Date(Date.parse(due) + int(-40, 60) * 86_400_000).toISOString().slice(0, 10);
      return { what: `m${i}`, due, done };
    });
    const dropped = random() < 0.1;
    // Leaders and units by position (no draw, so the tasks stay as they were), one leader's name typed
    // in another case and with spaces, and some tasks without a unit, for the totals per leader and unit.
    const people = { leader: n % 7 === 0 && n > 0 ? " lãnh đạo 0 " : `Lãnh đạo ${n % 7}`, unit: n % 4 === 3 ? undefined : `Đơn vị ${n % 3}` };
    return task(`R${n}`, { firstYear, lastYear, targets, milestones, ...people, ...(dropped ? { state: "dropped" as const, dropApproved: random() < 0.5 } : {}) });
  });
}

export const TASKS: readonly Task[] = [...NAMED, ...randomTasks(60, 11)];

export interface Scenario {
  readonly id: string;
  readonly year: number;
  readonly asOf: string;
  readonly rules: TaskRules;
}

/** Edited thresholds, and the optional cap rule switched on. */
const EDITED: TaskRules = { ...DEFAULT_TASK_RULES, excellentExceededShare: 0.5, completeMetShare: 0.5, completeMilestoneShare: 0.5, dueSoonDays: 10, failedTaskCap: "complete" };
export const SCENARIOS: readonly Scenario[] = [
  { id: "2025 as of 15/11/2025", year: 2025, asOf: "2025-11-15", rules: DEFAULT_TASK_RULES },
  { id: "2025 as of 10/01/2026", year: 2025, asOf: "2026-01-10", rules: DEFAULT_TASK_RULES },
  { id: "2024 as of 31/12/2024", year: 2024, asOf: "2024-12-31", rules: DEFAULT_TASK_RULES },
  { id: "2026 as of 01/07/2026", year: 2026, asOf: "2026-07-01", rules: DEFAULT_TASK_RULES },
  { id: "2025 as of 25/11/2025, edited thresholds", year: 2025, asOf: "2025-11-25", rules: EDITED },
];

/** The register workbook of a scenario (beside one unit, or the units given), with its thresholds typed into the rules sheet. */
export function layoutFor(s: Scenario, units: WorkbookLayout = unitWorkbook({ unitName: "Xã thử", head: "A", year: s.year }), tasks: readonly Task[] = TASKS): WorkbookLayout {
  const layout = withTaskRegister(units, { tasks, year: s.year, asOf: s.asOf });
  const typed = (k: keyof TaskRules) => (k !== "failedTaskCap" ? s.rules[k] : s.rules.failedTaskCap === null ? null : LEVEL_NAMES[s.rules.failedTaskCap]);
  const cells = new Map((Object.keys(s.rules) as (keyof TaskRules)[]).map((k) => [taskRuleCellAddress(k), typed(k)]));
  return {
    ...layout,
    sheets: layout.sheets.map((sheet) =>
      sheet.name !== "Quy tắc" ? sheet : { ...sheet, blocks: sheet.blocks.map((b) => (cells.has(b.at) ? { ...b, cells: [[value(cells.get(b.at) ?? null)]] } : b)) },
    ),
  };
}
