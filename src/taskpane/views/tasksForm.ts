// The Đột phá view's model, kept out of the components: the leaders and their tasks' progress
// from a register report, the follow-up inputs, and the registration form read into a TaskEntry.
// The registration rules themselves are the engine's, run by the workbook service.
import type { TaskEntry, TaskEntryField, TaskEntryProblem, TaskFollowUp, TaskProgress } from "../../contract/workbook";
import { parseNumber, textKey, type Direction } from "../../domain";
import type { TaskKind } from "../../domain/tasks";
import type { StringKey } from "../../i18n/strings";
import type { Message } from "../../domain/messages/localize";

/** The leader shown: the one chosen while the register still has them, else the first. */
export function shownLeader(leaders: readonly string[], chosen: string): string {
  return leaders.includes(chosen) ? chosen : (leaders[0] ?? "");
}

/** The leaders of the register, in the order their first task appears, each once (case aside). */
export function leadersOf(tasks: readonly TaskProgress[]): string[] {
  const seen = new Map<string, string>();
  for (const task of tasks) if (task.leader !== "" && !seen.has(textKey(task.leader))) seen.set(textKey(task.leader), task.leader);
  return [...seen.values()];
}

export function tasksOfLeader(tasks: readonly TaskProgress[], leader: string): TaskProgress[] {
  return tasks.filter((task) => textKey(task.leader) === textKey(leader));
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly overdue: number;
  readonly dueSoon: number;
}

export function progressOf(task: TaskProgress): Progress {
  const m = task.milestones;
  return { done: m.onTime + m.late, total: m.onTime + m.late + m.overdue + m.dueSoon + m.open, overdue: m.overdue, dueSoon: m.dueSoon };
}

// ---- Follow-up ---------------------------------------------------------------------------

export interface FollowUpForm {
  /** YYYY-MM-DD, as a date input gives it. */
  readonly asOf: string;
  readonly year: string;
}

export function followUpForm(followUp: TaskFollowUp | null): FollowUpForm {
  return followUp ? { asOf: followUp.asOf, year: String(followUp.year) } : { asOf: "", year: "" };
}

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
const isIsoDate = (text: string) => {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
};

function readYear(text: string): number | null {
  const parsed = parseNumber(text);
  return parsed.kind === "value" && Number.isInteger(parsed.value) && parsed.value >= 2000 && parsed.value <= 2100 ? parsed.value : null;
}

export type FollowUpRead =
  | { readonly ok: true; readonly followUp: TaskFollowUp }
  | { readonly ok: false; readonly invalid: ReadonlySet<keyof FollowUpForm> };

export function followUpFromForm(form: FollowUpForm): FollowUpRead {
  const year = readYear(form.year);
  const invalid = new Set<keyof FollowUpForm>();
  if (!isIsoDate(form.asOf)) invalid.add("asOf");
  if (year === null) invalid.add("year");
  return year !== null && invalid.size === 0 ? { ok: true, followUp: { asOf: form.asOf, year } } : { ok: false, invalid };
}

// ---- Registration form -------------------------------------------------------------------

export interface TargetRow {
  readonly year: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: Direction;
  readonly target: string;
}

export interface MilestoneRow {
  readonly what: string;
  readonly due: string;
}

export interface TaskForm {
  readonly code: string;
  readonly leader: string;
  readonly position: string;
  readonly unit: string;
  readonly title: string;
  readonly kind: TaskKind;
  readonly firstYear: string;
  readonly lastYear: string;
  readonly goal: string;
  readonly focalBody: string;
  readonly focalPerson: string;
  readonly solutions: string;
  readonly approvalBody: string;
  readonly approvalNumber: string;
  /** YYYY-MM-DD as the date input gives it; blank while not approved yet. */
  readonly approvalDate: string;
  readonly targets: readonly TargetRow[];
  readonly milestones: readonly MilestoneRow[];
}

export const TASK_KINDS: readonly { readonly kind: TaskKind; readonly label: StringKey }[] = [
  { kind: "breakthrough", label: "taskKindBreakthrough" },
  { kind: "innovation", label: "taskKindInnovation" },
];

export const DIRECTIONS: readonly { readonly direction: Direction; readonly label: StringKey }[] = [
  { direction: "increase", label: "taskDirectionIncrease" },
  { direction: "decrease", label: "taskDirectionDecrease" },
  { direction: "milestone", label: "taskDirectionMilestone" },
];

/** A new form for a leader (the one chosen in the list, with the position and unit of their tasks) and a year. */
export function emptyTaskForm(tasks: readonly TaskProgress[], leader: string, year: number | null): TaskForm {
  const known = tasksOfLeader(tasks, leader)[0];
  const y = year === null ? "" : String(year);
  return {
    code: "",
    leader,
    position: known?.position ?? "",
    unit: known?.unit ?? "",
    title: "",
    kind: "breakthrough",
    firstYear: y,
    lastYear: y,
    goal: "",
    focalBody: "",
    focalPerson: "",
    solutions: "",
    approvalBody: "",
    approvalNumber: "",
    approvalDate: "",
    targets: [{ year: y, name: "", unit: "", direction: "increase", target: "" }],
    milestones: [],
  };
}

/** A new target row: for the first year of the span that has no target yet, else the first year. */
export function addTargetRow(form: TaskForm): TaskForm {
  const first = readYear(form.firstYear);
  const last = readYear(form.lastYear);
  const covered = new Set(form.targets.map((t) => readYear(t.year)));
  let year = form.firstYear;
  if (first !== null && last !== null) {
    for (let y = first; y <= last; y++) {
      if (!covered.has(y)) {
        year = String(y);
        break;
      }
    }
  }
  return { ...form, targets: [...form.targets, { year, name: "", unit: "", direction: "increase", target: "" }] };
}

/** The form's fields a message can be shown under. */
export type FormField = Exclude<TaskEntryField, "register">;

export const FIELD_LABEL: { readonly [F in TaskEntryField]: StringKey } = {
  code: "taskCodeLabel",
  leader: "tasksLeaderLabel",
  title: "taskTitleLabel",
  goal: "taskGoalLabel",
  firstYear: "taskFirstYearLabel",
  lastYear: "taskLastYearLabel",
  targets: "taskTargetsTitle",
  milestones: "taskMilestonesTitle",
  approvalDate: "taskApprovalDateLabel",
  register: "taskRegisterField",
};

export type EntryRead = { readonly ok: true; readonly entry: TaskEntry } | { readonly ok: false; readonly invalid: ReadonlyMap<FormField, StringKey> };

/** The form as a TaskEntry, or what cannot be read (years, numbers, dates), by field. */
export function entryFromForm(form: TaskForm): EntryRead {
  const invalid = new Map<FormField, StringKey>();
  const firstYear = readYear(form.firstYear);
  const lastYear = readYear(form.lastYear);
  if (firstYear === null) invalid.set("firstYear", "taskYearInvalid");
  if (lastYear === null) invalid.set("lastYear", "taskYearInvalid");
  const targets = form.targets.map((t) => {
    const year = readYear(t.year);
    const parsed = parseNumber(t.target);
    const target = t.direction === "milestone" ? null : parsed.kind === "value" ? parsed.value : undefined;
    if (year === null || t.name.trim() === "" || target === undefined) invalid.set("targets", "taskTargetInvalid");
    return { year: year ?? 0, name: t.name, unit: t.unit, direction: t.direction, target: target ?? null };
  });
  const milestones = form.milestones.map((m) => {
    if (m.what.trim() === "" || !isIsoDate(m.due)) invalid.set("milestones", "taskMilestoneInvalid");
    return { what: m.what, due: m.due };
  });
  if (form.approvalDate.trim() !== "" && !isIsoDate(form.approvalDate.trim())) invalid.set("approvalDate", "taskApprovalDateInvalid");
  if (invalid.size > 0 || firstYear === null || lastYear === null) return { ok: false, invalid };
  const { code, leader, position, unit, title, kind, goal, focalBody, focalPerson, solutions } = form;
  const approval = { body: form.approvalBody, number: form.approvalNumber, date: form.approvalDate.trim() || null };
  return { ok: true, entry: { code, leader, position, unit, title, kind, firstYear, lastYear, goal, solutions, focalBody, focalPerson, approval, targets, milestones } };
}

/** The workbook's refusal, grouped by the field each message names (in the form's order). */
export function problemsByField(problems: readonly TaskEntryProblem[]): Map<TaskEntryField, Message[]> {
  const grouped = new Map<TaskEntryField, Message[]>();
  for (const field of Object.keys(FIELD_LABEL) as TaskEntryField[]) {
    const messages = problems.filter((p) => p.field === field).map((p) => p.message);
    if (messages.length > 0) grouped.set(field, messages);
  }
  return grouped;
}

/**
 * The follow-up the view starts from when the register holds none: the workbook's year (today's
 * while it has none), as of today when today falls in that year, else that year's last day (a
 * past year, evaluated after it ended) or its first (a coming one). A 2025 workbook opened in
 * 2026 is followed up for 2025 as of 31/12/2025, not for 2026.
 */
export function defaultFollowUp(workbookYear: number | null, today: Date): TaskFollowUp {
  const pad = (n: number) => String(n).padStart(2, "0");
  const year = workbookYear ?? today.getFullYear();
  if (today.getFullYear() > year) return { asOf: `${year}-12-31`, year };
  if (today.getFullYear() < year) return { asOf: `${year}-01-01`, year };
  return { asOf: `${year}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`, year };
}
