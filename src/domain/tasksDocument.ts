import { parseDay } from "./dates";
import { isMessage, type Message } from "./messages/localize";
import { docMsg } from "./messages/document";
import type { Task, TaskApproval, TaskKind, TaskMilestone, TaskState, TaskTarget } from "./tasks";

/**
 * The task register as a JSON document (the `chitieu tasks evaluate` contract). Only its shape is
 * checked here; rules about its contents are the registration check's and are reported per task.
 */
export type TasksRead = { readonly ok: true; readonly tasks: readonly Task[] } | { readonly ok: false; readonly problem: Message };

const KINDS: readonly TaskKind[] = ["breakthrough", "innovation"];
const STATES: readonly TaskState[] = ["registered", "approved", "inProgress", "finished", "dropped"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A date field: absent or null, or a real day written YYYY-MM-DD or DD/MM/YYYY (read as ISO). */
function day(raw: unknown, where: string): { iso: string | null; problem?: Message } {
  if (raw === undefined || raw === null || raw === "") return { iso: null };
  const iso = parseDay(raw);
  if (iso !== null) return { iso };
  return { iso: null, problem: docMsg.notADay.of(where, JSON.stringify(raw)) };
}

/** The approving decision: body and number as text, the date as a real day. */
function readApproval(raw: unknown, where: string): { approval?: TaskApproval } | { problem: Message } {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) return { problem: docMsg.approvalShape.of(where) };
  for (const field of ["body", "number"] as const) {
    if (raw[field] !== undefined && raw[field] !== null && typeof raw[field] !== "string") return { problem: docMsg.notString.of(`${where}.${field}`) };
  }
  const date = day(raw.date, `${where}.date`);
  if (date.problem) return { problem: date.problem };
  return { approval: { body: typeof raw.body === "string" ? raw.body : undefined, number: typeof raw.number === "string" ? raw.number : undefined, date: date.iso } };
}

function readTask(raw: unknown, i: number): Task | Message {
  const where = `tasks[${i}]`;
  if (!isObject(raw)) return docMsg.notObject.of(where);
  for (const field of ["code", "leader", "title", "goal"] as const) {
    if (typeof raw[field] !== "string") return docMsg.notString.of(`${where}.${field}`);
  }
  if (!KINDS.includes(raw.kind as TaskKind)) return docMsg.taskKind.of(`${where}.kind`);
  if (!Number.isInteger(raw.firstYear) || !Number.isInteger(raw.lastYear)) return docMsg.taskYears.of(where);
  if (raw.state !== undefined && !STATES.includes(raw.state as TaskState)) return docMsg.oneOf.of(`${where}.state`, STATES.join(", "));
  if (!Array.isArray(raw.targets) || !Array.isArray(raw.milestones)) return docMsg.taskArrays.of(where);
  const targets: TaskTarget[] = [];
  for (const [j, t] of raw.targets.entries()) {
    if (!isObject(t) || !Number.isInteger(t.year) || typeof t.name !== "string") return docMsg.targetShape.of(`${where}.targets[${j}]`);
    if (t.unit !== undefined && t.unit !== null && typeof t.unit !== "string") return docMsg.notString.of(`${where}.targets[${j}].unit`);
    targets.push({ year: t.year as number, name: t.name, ...(typeof t.unit === "string" ? { unit: t.unit } : {}), direction: t.direction, target: t.target, actual: t.actual });
  }
  const milestones: TaskMilestone[] = [];
  for (const [j, m] of raw.milestones.entries()) {
    if (!isObject(m) || typeof m.what !== "string" || typeof m.due !== "string") return docMsg.milestoneShape.of(`${where}.milestones[${j}]`);
    const due = day(m.due, `${where}.milestones[${j}].due`);
    if (due.problem) return due.problem;
    if (due.iso === null) return docMsg.milestoneNoDue.of(`${where}.milestones[${j}].due`);
    const done = day(m.done, `${where}.milestones[${j}].done`);
    if (done.problem) return done.problem;
    milestones.push({ what: m.what, due: due.iso, done: done.iso });
  }
  const droppedOn = day(raw.droppedOn, `${where}.droppedOn`);
  if (droppedOn.problem) return droppedOn.problem;
  for (const field of ["solutions", "focalBody", "focalPerson"] as const) {
    if (raw[field] !== undefined && raw[field] !== null && typeof raw[field] !== "string") return docMsg.notString.of(`${where}.${field}`);
  }
  const approval = readApproval(raw.approval, `${where}.approval`);
  if ("problem" in approval) return approval.problem;
  const optional = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    code: raw.code as string,
    leader: raw.leader as string,
    position: typeof raw.position === "string" ? raw.position : undefined,
    unit: typeof raw.unit === "string" ? raw.unit : undefined,
    title: raw.title as string,
    kind: raw.kind as TaskKind,
    firstYear: raw.firstYear as number,
    lastYear: raw.lastYear as number,
    state: raw.state as TaskState | undefined,
    dropApproved: raw.dropApproved === true,
    droppedOn: droppedOn.iso,
    goal: raw.goal as string,
    solutions: optional(raw.solutions),
    focalBody: optional(raw.focalBody),
    focalPerson: optional(raw.focalPerson),
    ...(approval.approval ? { approval: approval.approval } : {}),
    targets,
    milestones,
  };
}

export function readTasksDocument(json: unknown): TasksRead {
  if (!isObject(json) || !Array.isArray(json.tasks)) return { ok: false, problem: docMsg.noTasks.of() };
  const tasks: Task[] = [];
  for (const [i, raw] of json.tasks.entries()) {
    const task = readTask(raw, i);
    if (isMessage(task)) return { ok: false, problem: task };
    tasks.push(task);
  }
  return { ok: true, tasks };
}
