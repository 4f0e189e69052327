import { isBlank, textKey, type Direction } from "../../domain";
import type { Message } from "../../domain/messages/localize";
import { entryMsg } from "../../domain/messages/taskEntry";
import { checkRegistration, type Task, type TaskMilestone, type TaskRules } from "../../domain/tasks";
import { cellAddress, parseCell } from "../addresses";
import { columnsByHeader } from "../headers";
import { COVERED_ROWS } from "./readTaskRegister";
import type { TableGrid } from "../grid";
import { ROADMAP_COLUMNS, ROADMAP_COMPUTED_COLUMNS, TASK_COLUMNS, TASK_INPUT_COLUMNS, type RoadmapColumnKey, type TaskColumnKey } from "./taskRegisterSchema";
import { roadmapRows, taskInputs } from "./taskRegisterSheets";
import type { Scalar } from "../types";

/**
 * Registering one new task from the pane's form into the register: the registration check
 * (engine) and the per-leader-per-year limit against the tasks already registered, then the
 * cells to write, in blank rows of the two tables that hold the register's formulas (the spare
 * rows the register was created with, or rows a person inserted inside the tables). Never a
 * typed cell: a row is used only when every cell a person types is blank.
 */

export interface TaskEntryTarget {
  readonly year: number;
  readonly name: string;
  /** Unit of measure (người, %, tỷ đồng …). */
  readonly unit?: string;
  readonly direction: Direction;
  /** Blank (null) for a done-or-not target. */
  readonly target: number | null;
}

/** A milestone as registered: not done yet. */
export type TaskEntryMilestone = Omit<TaskMilestone, "done">;

/** A new task as the registration form gives it: the engine's task fields, with the focal point. */
export interface TaskEntry
  extends Pick<Task, "code" | "leader" | "position" | "unit" | "title" | "kind" | "firstYear" | "lastYear" | "goal" | "solutions" | "focalBody" | "focalPerson" | "approval"> {
  readonly targets: readonly TaskEntryTarget[];
  readonly milestones: readonly TaskEntryMilestone[];
}

/** The form's fields a problem can name; "register" for the register as a whole. */
export type TaskEntryField = "code" | "leader" | "title" | "goal" | "firstYear" | "lastYear" | "targets" | "milestones" | "approvalDate" | "register";

export interface TaskEntryProblem {
  readonly field: TaskEntryField;
  /** As data: the pane renders it in its language. */
  readonly message: Message;
}

export interface CellWrite {
  readonly sheet: string;
  readonly address: string;
  readonly value: Scalar;
}

const optional = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());

/** The task an entry describes, as the engine sees it: registered, nothing done yet. */
export function taskOfEntry(entry: TaskEntry): Task {
  return {
    code: entry.code.trim(),
    leader: entry.leader.trim(),
    position: optional(entry.position),
    unit: optional(entry.unit),
    title: entry.title.trim(),
    kind: entry.kind,
    firstYear: entry.firstYear,
    lastYear: entry.lastYear,
    state: "registered",
    goal: entry.goal.trim(),
    solutions: optional(entry.solutions),
    focalBody: optional(entry.focalBody),
    focalPerson: optional(entry.focalPerson),
    ...(entry.approval ? { approval: { body: optional(entry.approval.body), number: optional(entry.approval.number), date: optional(entry.approval.date ?? undefined) ?? null } } : {}),
    targets: entry.targets.map((t) => ({ year: t.year, name: t.name.trim(), unit: optional(t.unit), direction: t.direction, target: t.target ?? undefined })),
    milestones: entry.milestones.map((m) => ({ what: m.what.trim(), due: m.due, done: null })),
  };
}

/** Body rows of a table, with each column found by header. */
function bodyRows<K extends string>(grid: TableGrid, columns: readonly { key: K; header: string }[]) {
  const origin = parseCell(grid.origin);
  const found = columnsByHeader(grid.values[0] ?? [], columns);
  const rows = grid.values.slice(1).map((values, i) => ({
    sheetRow: origin.row + 2 + i,
    blank: (keys: readonly K[]) => keys.every((k) => found[k] === undefined || isBlank(values[found[k] as number])),
    hasFormulas: (keys: readonly K[]) => keys.every((k) => found[k] === undefined || String(grid.formulas[i + 1]?.[found[k] as number] ?? "").startsWith("=")),
    formula: (key: K) => (found[key] === undefined ? "" : String(grid.formulas[i + 1]?.[found[key] as number] ?? "")),
    get: (key: K) => (found[key] === undefined ? undefined : values[found[key] as number]),
    at: (key: K) => cellAddress(origin.row + 1 + i, origin.column + (found[key] as number)),
  }));
  return { rows, found };
}

/** Blank rows after the last row in use, among those `usable` accepts, in order. */
function freeRowsAfterLast<R extends { blank: boolean }>(rows: readonly R[], usable: (row: R) => boolean): R[] {
  const lastUsed = rows.reduce((last, row, i) => (row.blank ? last : i), -1);
  return rows.slice(lastUsed + 1).filter(usable);
}

const TASK_COMPUTED: readonly TaskColumnKey[] = ["yearTargets", "level", "finalLevel"];
const ROADMAP_INPUTS = ROADMAP_COLUMNS.map((c) => c.key).filter((k) => !(ROADMAP_COMPUTED_COLUMNS as readonly string[]).includes(k));

export type TaskEntryPlan =
  | { readonly ok: true; readonly writes: readonly CellWrite[]; readonly taskCell: { readonly sheet: string; readonly cell: string } }
  | { readonly ok: false; readonly problems: readonly TaskEntryProblem[] };

/**
 * Checks a new task against the register (`existing`: the tasks read from it) and, when it is
 * valid, places it: the task's row and its roadmap rows (targets, then milestones).
 */
export function planTaskEntry(tasksGrid: TableGrid, roadmapGrid: TableGrid, entry: TaskEntry, existing: readonly Task[], rules: TaskRules): TaskEntryPlan {
  const task = taskOfEntry(entry);
  const problems: TaskEntryProblem[] = [];
  if (task.code === "") problems.push({ field: "code", message: entryMsg.noCode.of() });
  if (task.leader === "") problems.push({ field: "leader", message: entryMsg.noLeader.of() });
  if (task.title === "") problems.push({ field: "title", message: entryMsg.noTitle.of() });
  const tasks = bodyRows(tasksGrid, TASK_COLUMNS);
  const taken = tasks.rows.find((row) => task.code !== "" && textKey(String(row.get("code") ?? "")) === textKey(task.code));
  if (taken) problems.push({ field: "code", message: entryMsg.duplicate.of(task.code, taken.at("code")) });
  // The engine's problems of the new task alone: those after the existing tasks' own.
  const before = checkRegistration(existing, rules).length;
  // The code is checked above against the sheet's rows, naming the row that holds it; a target's or milestone's field (targets.J) is the form's list.
  for (const p of checkRegistration([...existing, task], rules).slice(before)) if (p.field !== "code") problems.push({ field: p.field.split(".")[0] as TaskEntryField, message: { id: p.id, params: p.params } });
  if (problems.length > 0) return { ok: false, problems };

  const taskRows = freeRowsAfterLast(
    tasks.rows.map((row) => ({ row, blank: row.blank(TASK_INPUT_COLUMNS) })),
    ({ row }) => row.hasFormulas(TASK_COMPUTED),
  );
  const roadmap = bodyRows(roadmapGrid, ROADMAP_COLUMNS);
  const covered = tasks.rows.map((row) => COVERED_ROWS.exec(row.formula("yearTargets"))).find((m) => m !== null);
  const [first, last] = covered ? [Number(covered[1]), Number(covered[2])] : [0, Infinity];
  const roadmapRowsFree = freeRowsAfterLast(
    roadmap.rows.map((row) => ({ row, blank: row.blank(ROADMAP_INPUTS) })),
    ({ row }) => row.sheetRow >= first && row.sheetRow <= last && row.hasFormulas(ROADMAP_COMPUTED_COLUMNS),
  );
  const lines = roadmapRows([task]);
  if (taskRows.length < 1) problems.push({ field: "register", message: entryMsg.noRoom.of(tasksGrid.sheet, taskRows.length, 1) });
  if (roadmapRowsFree.length < lines.length) problems.push({ field: "register", message: entryMsg.noRoom.of(roadmapGrid.sheet, roadmapRowsFree.length, lines.length) });
  if (problems.length > 0) return { ok: false, problems };

  const taskRow = taskRows[0].row;
  const inputs = taskInputs(task);
  const writes: CellWrite[] = TASK_INPUT_COLUMNS.flatMap((key, i) => {
    const value = inputs[i];
    return tasks.found[key] === undefined || value === null ? [] : [{ sheet: tasksGrid.sheet, address: taskRow.at(key), value }];
  });
  lines.forEach((line, i) => {
    const row = roadmapRowsFree[i].row;
    for (const key of Object.keys(line) as RoadmapColumnKey[]) {
      const value = line[key] ?? null;
      if (roadmap.found[key] !== undefined && value !== null) writes.push({ sheet: roadmapGrid.sheet, address: row.at(key), value });
    }
  });
  return { ok: true, writes, taskCell: { sheet: tasksGrid.sheet, cell: taskRow.at("code") } };
}
