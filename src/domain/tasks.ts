/**
 * Breakthrough and innovation tasks (việc đột phá, đổi mới, docs/rules.md §4): the registration
 * check, milestone states as of a chosen date, and the yearly and final levels. Targets are
 * judged as indicators are (§3), with the same floor rule for pending figures (§4).
 */
import { assess } from "./achievement";
import { parseDirection } from "./direction";
import { round4 } from "./rounding";
import { isIsoDay } from "./dates";
import { said, type CatalogueText, type Message, type Said } from "./messages/localize";
import { taskMsg } from "./messages/tasks";
import type { Level } from "./types";

export type TaskKind = "breakthrough" | "innovation";
export type TaskState = "registered" | "approved" | "inProgress" | "finished" | "dropped";

export interface TaskTarget {
  readonly year: number;
  readonly name: string;
  /** Unit of measure (đơn vị tính: người, %, tỷ đồng …); describes the target, never judged. */
  readonly unit?: string;
  readonly direction: unknown;
  readonly target?: unknown;
  readonly actual?: unknown;
}

/** The decision approving a task's plan: the body that approved it, the decision's number and date. */
export interface TaskApproval {
  readonly body?: string;
  readonly number?: string;
  /** ISO date; one that cannot be read is kept as typed and named by the registration check. */
  readonly date?: string | null;
}

export interface TaskMilestone {
  readonly what: string;
  /** ISO dates (YYYY-MM-DD); one that cannot be read is kept as typed and counts as a milestone not done. */
  readonly due: string;
  readonly done?: string | null;
  /** The roadmap row's year: the year a milestone whose due date cannot be read counts in. */
  readonly year?: number;
}

export interface Task {
  readonly code: string;
  readonly leader: string;
  readonly position?: string;
  readonly unit?: string;
  readonly title: string;
  readonly kind: TaskKind;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly state?: TaskState;
  readonly dropApproved?: boolean;
  /** The day a dropped task stopped (ISO): the years before keep their levels, later years are not rated. */
  readonly droppedOn?: string | null;
  readonly goal: string;
  /** The plan's concrete solutions (giải pháp). */
  readonly solutions?: string;
  /** The focal point of the upper body that follows the task: its body and person. */
  readonly focalBody?: string;
  readonly focalPerson?: string;
  readonly approval?: TaskApproval;
  readonly targets: readonly TaskTarget[];
  readonly milestones: readonly TaskMilestone[];
}

/** Editable thresholds of the default rule (docs/rules.md §4 says they are a default). */
export interface TaskRules {
  readonly excellentExceededShare: number;
  readonly completeMetShare: number;
  readonly completeMilestoneShare: number;
  /** Days before its due date that an open milestone counts as "due soon". */
  readonly dueSoonDays: number;
  /** New tasks a leader may register per year. */
  readonly maxNewTasksPerYear: number;
  /** Longest span of a task in years (5: a whole term). */
  readonly maxSpanYears: number;
  /**
   * Optional rule, off (null) by default: when any of a leader's tasks is rated incomplete for the
   * year, the leader's own level may not be above this level (a cap, refused not lowered, as the others).
   */
  readonly failedTaskCap: Level | null;
}

export const DEFAULT_TASK_RULES: TaskRules = {
  excellentExceededShare: 0.3,
  completeMetShare: 0.7,
  completeMilestoneShare: 0.7,
  dueSoonDays: 30,
  maxNewTasksPerYear: 2,
  maxSpanYears: 5,
  failedTaskCap: null,
};

/**
 * The register's two sheets, by name: the task messages quote them in Vietnamese and say "the tasks
 * sheet" in English, so the name is the domain's word, not a parameter (src/layout takes it from here).
 */
export const TASK_SHEETS = { tasks: "Việc đột phá", roadmap: "Lộ trình" } as const;

/** Kinds, states and milestone states as the register sheets word them. */
export const TASK_KIND_NAMES: Readonly<Record<TaskKind, string>> = { breakthrough: "Đột phá", innovation: "Đổi mới" };
export const TASK_STATE_NAMES: Readonly<Record<TaskState, string>> = {
  registered: "Đăng ký",
  approved: "Đã duyệt",
  inProgress: "Đang thực hiện",
  finished: "Hoàn thành",
  dropped: "Dừng",
};

export interface MilestoneCounts {
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly open: number;
}

export type MilestoneState = keyof MilestoneCounts;

export const MILESTONE_STATE_NAMES: Readonly<Record<MilestoneState, string>> = {
  onTime: "Xong đúng hạn",
  late: "Xong trễ hạn",
  overdue: "Quá hạn",
  dueSoon: "Sắp đến hạn",
  open: "Chưa đến hạn",
};

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isIsoDate = isIsoDay;

/** Whether both dates of a milestone can be read (the others are input errors, counted as not done). */
const readable = (m: TaskMilestone) => isIsoDate(m.due) && (!m.done || isIsoDate(m.done));

/** Done as of the date: a completion dated after it does not count yet (docs/rules.md §4). */
const doneBy = (m: TaskMilestone, asOf: string): m is TaskMilestone & { done: string } => readable(m) && !!m.done && dayOf(m.done) <= dayOf(asOf);

/**
 * A milestone as of a date (both dates readable): done on or before its due date is on time, after
 * is late; a completion dated after the as-of date is not done yet.
 */
export function milestoneState(m: TaskMilestone, asOf: string, rules: TaskRules = DEFAULT_TASK_RULES): MilestoneState {
  if (doneBy(m, asOf)) return dayOf(m.done) <= dayOf(m.due) ? "onTime" : "late";
  const left = dayOf(m.due) - dayOf(asOf);
  if (left < 0) return "overdue";
  return left <= rules.dueSoonDays ? "dueSoon" : "open";
}

/** `message` is Vietnamese; `id` and `params` are the same message as data of the catalogue. */
export interface TaskProblem extends Said {
  readonly code: string;
  readonly field: string;
}

/** The registration check (before approval): every failure names its field. */
export function checkRegistration(tasks: readonly Task[], rules: TaskRules = DEFAULT_TASK_RULES): TaskProblem[] {
  const problems: TaskProblem[] = [];
  const newPerLeaderYear = new Map<string, number>();
  const seen = new Set<string>();
  for (const task of tasks) {
    const fail = (field: string, message: CatalogueText | Message) => problems.push({ code: task.code, field, ...said(message) });
    const codeKey = task.code.trim().normalize("NFC").toLowerCase();
    if (codeKey === "") fail("code", taskMsg.noCode);
    else if (seen.has(codeKey)) fail("code", taskMsg.duplicateCode.of(task.code.trim()));
    seen.add(codeKey);
    if (task.state === "dropped" && !task.droppedOn) fail("droppedOn", taskMsg.noDropDate);
    if (task.droppedOn && !isIsoDate(task.droppedOn)) fail("droppedOn", taskMsg.badDropDate.of(task.droppedOn));
    if (task.approval?.date && !isIsoDate(task.approval.date)) fail("approvalDate", taskMsg.badApprovalDate.of(task.approval.date));
    if (!task.goal || task.goal.trim() === "") fail("goal", taskMsg.noGoal);
    const span = task.lastYear - task.firstYear + 1;
    const spanOk = Number.isInteger(task.firstYear) && Number.isInteger(task.lastYear) && span >= 1 && span <= rules.maxSpanYears;
    if (!spanOk) fail("lastYear", taskMsg.badSpan.of(task.firstYear, task.lastYear, rules.maxSpanYears));
    if (task.targets.length === 0) fail("targets", taskMsg.noTarget);
    // The whole roadmap, whatever year is evaluated: a figure that cannot be judged in a later year is named now.
    task.targets.forEach((t, j) => {
      const direction = parseDirection(t.direction);
      if (direction === null) fail("targets", taskMsg.badDirection.of(t.name));
      if (spanOk && (t.year < task.firstYear || t.year > task.lastYear)) fail("targets", taskMsg.targetOutsideSpan.of(t.year));
      const assessed = direction === null ? null : assess(direction, t.target, t.actual);
      if (assessed?.status === "error") for (const e of assessed.errors) fail(`targets.${j}`, taskMsg.targetError.of(t.name, e));
    });
    if (spanOk && task.targets.length > 0) {
      for (let year = task.firstYear; year <= task.lastYear; year++) {
        if (!task.targets.some((t) => t.year === year)) fail("targets", taskMsg.yearUncovered.of(year));
      }
    }
    task.milestones.forEach((m, j) => {
      if (!isIsoDate(m.due)) fail(`milestones.${j}.due`, taskMsg.badDate.of(m.what, taskMsg.due, m.due));
      if (m.done && !isIsoDate(m.done)) fail(`milestones.${j}.done`, taskMsg.badDate.of(m.what, taskMsg.done, m.done));
    });
    const key = `${task.leader.trim().toLowerCase()}|${task.firstYear}`;
    newPerLeaderYear.set(key, (newPerLeaderYear.get(key) ?? 0) + 1);
    const count = newPerLeaderYear.get(key) ?? 0;
    if (count > rules.maxNewTasksPerYear) fail("firstYear", taskMsg.tooMany.of(task.leader, task.firstYear, count, rules.maxNewTasksPerYear));
  }
  return problems;
}

export interface TaskYearResult {
  readonly code: string;
  /** The level for the year; null when the task does not run that year (or was dropped with approval). */
  readonly level: Level | null;
  /** The highest level still reachable while the result is provisional (the level itself when it is not). */
  readonly ceiling: Level | null;
  /** The task's overall level, in its last year only (in the year of its drop, for a task dropped without approval). */
  readonly finalLevel: Level | null;
  readonly provisional: boolean;
  readonly milestones: MilestoneCounts;
  /** Why, as messages of the catalogue: whoever shows them renders them in its language. */
  readonly reasons: readonly Message[];
}

interface Judged {
  readonly level: Level;
  /** The highest level still reachable: pending targets exceeded, open milestones done in time. */
  readonly ceiling: Level;
  readonly provisional: boolean;
  readonly reasons: readonly Message[];
}

interface Counts {
  readonly total: number;
  readonly met: number;
  readonly exceeded: number;
  readonly milestones: number;
  readonly onTime: number;
  readonly done: number;
}

/** The default rule over counts; a year with no quantified target is never "all met" (0 of 0). */
function levelOf(c: Counts, rules: TaskRules): Level {
  if (c.total === 0) return "incomplete";
  const allMet = c.met === c.total;
  const share = (n: number, of: number) => (of === 0 ? 1 : round4(n / of));
  if (allMet && share(c.exceeded, c.total) >= rules.excellentExceededShare && c.onTime === c.milestones) return "excellent";
  if (allMet && c.done === c.milestones) return "good";
  if (share(c.met, c.total) >= rules.completeMetShare && share(c.done, c.milestones) >= rules.completeMilestoneShare) return "complete";
  return "incomplete";
}

/**
 * The default rule over a set of targets and milestones, as of a date: the floor counts pending
 * figures as not met and milestones not done by the as-of date as not done; the ceiling counts
 * pending figures as exceeded and every milestone that can still be done in time as done.
 */
function judge(targets: readonly TaskTarget[], milestones: readonly TaskMilestone[], yearEnd: string, asOf: string, rules: TaskRules): Judged {
  let met = 0;
  let exceeded = 0;
  const pending: string[] = [];
  for (const t of targets) {
    const direction = parseDirection(t.direction);
    const a = direction === null ? null : assess(direction, t.target, t.actual);
    // A figure in error is named by the registration check (over the whole roadmap) and counts as pending here.
    if (a === null || a.status === "error" || a.status === "pending") pending.push(t.name);
    else if (a.status !== "notMet") {
      met += 1;
      if (a.status === "exceeded") exceeded += 1;
    }
  }
  const total = targets.length;
  const done = milestones.filter((m) => doneBy(m, asOf));
  const onTime = done.filter((m) => dayOf(m.done) <= dayOf(m.due)).length;
  const byYearEnd = done.filter((m) => dayOf(m.done) <= dayOf(yearEnd)).length;
  const yearOver = dayOf(asOf) > dayOf(yearEnd);
  const open = milestones.filter((m) => !doneBy(m, asOf));
  // What can still happen: an open milestone not yet due can be done on time, any open one by the year's end.
  const canBeOnTime = open.filter((m) => !readable(m) || dayOf(m.due) >= dayOf(asOf)).length;
  const floor = levelOf({ total, met, exceeded, milestones: milestones.length, onTime, done: byYearEnd }, rules);
  const ceiling = levelOf(
    {
      total,
      met: met + pending.length,
      exceeded: exceeded + pending.length,
      milestones: milestones.length,
      onTime: onTime + (yearOver ? 0 : canBeOnTime),
      done: byYearEnd + (yearOver ? 0 : open.length),
    },
    rules,
  );
  const provisional = pending.length > 0 || (!yearOver && byYearEnd < milestones.length);
  return {
    level: floor,
    ceiling: provisional ? ceiling : floor,
    provisional,
    reasons: [
      ...(total === 0 ? [taskMsg.noQuantified.of()] : [taskMsg.counts.of(met, total, exceeded)]),
      taskMsg.milestones.of(byYearEnd, onTime, milestones.length),
      ...(pending.length > 0 ? [taskMsg.pending.of(pending)] : []),
      ...(!yearOver && byYearEnd < milestones.length ? [taskMsg.yearOpen.of()] : []),
      taskMsg.level.of(floor),
      ...(provisional && ceiling !== floor ? [taskMsg.ceiling.of(ceiling)] : []),
    ],
  };
}

/** The year a dropped task stopped in; the year evaluated when the date is missing or cannot be read (every year then counts as the drop's). */
function dropYear(task: Task, year: number): number {
  return isIsoDate(task.droppedOn) ? Number(task.droppedOn.slice(0, 4)) : year;
}

/** One task in one year, as of a date (never the computer's today: the user sets it). */
export function evaluateTaskYear(task: Task, year: number, asOf: string, rules: TaskRules = DEFAULT_TASK_RULES): TaskYearResult {
  const counts: Record<MilestoneState, number> = { onTime: 0, late: 0, overdue: 0, dueSoon: 0, open: 0 };
  for (const m of task.milestones) if (readable(m)) counts[milestoneState(m, asOf, rules)] += 1;
  const base = { code: task.code, milestones: counts };
  const none = { ...base, level: null, ceiling: null, finalLevel: null, provisional: false };
  if (year < task.firstYear || year > task.lastYear) return { ...none, reasons: [] };
  if (task.state === "dropped" && year >= dropYear(task, year)) {
    // The years before the drop keep their levels; the year of the drop is incomplete unless approved; later years are not rated.
    if (year > dropYear(task, year)) return { ...none, reasons: [taskMsg.droppedBefore.of(dropYear(task, year))] };
    return task.dropApproved
      ? { ...none, reasons: [taskMsg.droppedApproved.of()] }
      : { ...base, level: "incomplete", ceiling: "incomplete", finalLevel: isIsoDate(task.droppedOn) || year === task.lastYear ? "incomplete" : null, provisional: false, reasons: [taskMsg.dropped.of()] };
  }
  const yearEnd = `${year}-12-31`;
  // A milestone whose due date cannot be read counts in its roadmap row's year, as not done.
  const inYear = (m: TaskMilestone) => (isIsoDate(m.due) ? m.due.startsWith(`${year}-`) : m.year === year);
  const yearly = judge(task.targets.filter((t) => t.year === year), task.milestones.filter(inYear), yearEnd, asOf, rules);
  // The whole task: its last year's (overall) targets and all its milestones.
  const final = year === task.lastYear ? judge(task.targets.filter((t) => t.year === task.lastYear), task.milestones, yearEnd, asOf, rules) : null;
  return {
    ...base,
    level: yearly.level,
    ceiling: yearly.ceiling,
    finalLevel: final?.level ?? null,
    provisional: yearly.provisional || (final?.provisional ?? false),
    reasons: [...yearly.reasons, ...(final ? [taskMsg.wholeTask.of(final.reasons)] : [])],
  };
}

/** What a leader's or a unit's tasks add up to for the year, as of the follow-up date. */
export interface TaskTotals {
  readonly tasks: number;
  readonly overdue: number;
  readonly dueSoon: number;
  /** Tasks by their level for the year (tasks without one are not counted here). */
  readonly levels: Readonly<Record<Level, number>>;
}

/**
 * Totals per leader or per unit (the register's "Tổng hợp" sheet): keyed by the name as first
 * written, grouped whatever its case and surrounding spaces; tasks without a unit are not in a unit's totals.
 */
export function taskTotals(tasks: readonly Task[], results: readonly TaskYearResult[], by: "leader" | "unit"): Map<string, TaskTotals> {
  const names = new Map<string, string>();
  const totals = new Map<string, { tasks: number; overdue: number; dueSoon: number; levels: Record<Level, number> }>();
  tasks.forEach((task, i) => {
    const name = (task[by] ?? "").trim();
    if (name === "") return;
    const key = name.normalize("NFC").toLowerCase();
    if (!names.has(key)) names.set(key, name);
    const total = totals.get(key) ?? { tasks: 0, overdue: 0, dueSoon: 0, levels: { excellent: 0, good: 0, complete: 0, incomplete: 0 } };
    const result = results[i];
    total.tasks += 1;
    total.overdue += result.milestones.overdue;
    total.dueSoon += result.milestones.dueSoon;
    if (result.level !== null) total.levels[result.level] += 1;
    totals.set(key, total);
  });
  return new Map([...totals].map(([key, total]) => [names.get(key) as string, total]));
}

/** A leader's cap from the optional rule: the level they may not exceed, and the failed tasks that set it. */
export interface LeaderTaskCap {
  readonly leader: string;
  readonly cap: Level;
  readonly failed: readonly string[];
}

/**
 * The caps the optional rule sets (none while it is off): one per leader with a task rated
 * incomplete for the year, grouped as taskTotals groups them.
 */
export function leaderTaskCaps(tasks: readonly Task[], results: readonly TaskYearResult[], rules: TaskRules): LeaderTaskCap[] {
  const cap = rules.failedTaskCap;
  if (cap === null) return [];
  const failed = new Map<string, { leader: string; codes: string[] }>();
  tasks.forEach((task, i) => {
    const leader = task.leader.trim();
    if (leader === "" || results[i].level !== "incomplete") return;
    const key = leader.normalize("NFC").toLowerCase();
    const entry = failed.get(key) ?? { leader: tasks.find((t) => t.leader.trim().normalize("NFC").toLowerCase() === key)?.leader.trim() ?? leader, codes: [] };
    entry.codes.push(task.code);
    failed.set(key, entry);
  });
  return [...failed.values()].map((f) => ({ leader: f.leader, cap, failed: f.codes }));
}

/** One of a leader's tasks as their unit sheet lists it. */
export interface LeaderTask {
  readonly code: string;
  readonly title: string;
  readonly level: Level | null;
  readonly finalLevel: Level | null;
  readonly provisional: boolean;
}

/** A leader's tasks running in the year, their levels, and the cap of the optional rule (null while off or not set off). */
export interface LeaderYear {
  readonly tasks: readonly LeaderTask[];
  readonly levels: Readonly<Record<Level, number>>;
  readonly cap: Level | null;
  /** The codes of the tasks rated incomplete that set the cap. */
  readonly failed: readonly string[];
}

const leaderKey = (name: string) => name.trim().normalize("NFC").toLowerCase();

/**
 * What the leader's unit sheet shows of the register for the year (the twin of its block
 * "Việc đột phá, đổi mới"): the tasks whose leader is this one, grouped as taskTotals groups
 * names, and whose span holds the year, in register order.
 */
export function leaderYear(tasks: readonly Task[], results: readonly TaskYearResult[], leader: string, year: number, rules: TaskRules): LeaderYear {
  const key = leaderKey(leader);
  const mine = key === "" ? [] : tasks.flatMap((task, i) => (task.code.trim() !== "" && leaderKey(task.leader) === key && task.firstYear <= year && year <= task.lastYear ? [{ task, result: results[i] }] : []));
  const levels: Record<Level, number> = { excellent: 0, good: 0, complete: 0, incomplete: 0 };
  for (const { result } of mine) if (result.level !== null) levels[result.level] += 1;
  const failed = mine.filter(({ result }) => result.level === "incomplete").map(({ task }) => task.code);
  return {
    tasks: mine.map(({ task, result }) => ({ code: task.code, title: task.title, level: result.level, finalLevel: result.finalLevel, provisional: result.provisional })),
    levels,
    cap: rules.failedTaskCap !== null && failed.length > 0 ? rules.failedTaskCap : null,
    failed,
  };
}
