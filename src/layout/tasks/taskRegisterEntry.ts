import { isBlank, textKey, type Direction } from "../../domain";
import { defineMessages, message, sentence, type Message } from "../../domain/messages/localize";
import { checkRegistration, type Task, type TaskMilestone, type TaskRules } from "../../domain/tasks";
import { cellAddress, parseCell } from "../addresses";
import { columnsByHeader } from "../headers";
import { COVERED_ROWS } from "./readTaskRegister";
import type { TableGrid } from "../grid";
import { ROADMAP_COLUMNS, ROADMAP_COMPUTED_COLUMNS, TASK_COLUMNS, TASK_INPUT_COLUMNS, TASK_SHEETS, type RoadmapColumnKey, type TaskColumnKey } from "./taskRegisterSchema";
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

export const entryMsg = defineMessages("taskEntry", {
  noCode: sentence("Chưa có Mã việc.", "No task code yet."),
  noLeader: sentence("Chưa có người đứng đầu.", "No leader yet."),
  noTitle: sentence("Chưa có tên việc.", "No task title yet."),
  duplicate: message(
    (code: string, cell: string) => `Mã việc ${code} đã có ở ô ${cell} của trang "${TASK_SHEETS.tasks}": hãy chọn mã khác.`,
    (code, cell) => `The task code ${code} is already used at cell ${cell} of the tasks sheet: choose another code.`,
    ["DP-01", "A6"],
  ),
  noRoom: message(
    (sheet: string, free: number, needed: number) =>
      `Trang "${sheet}" còn ${free} dòng trống trong vùng công thức của sổ tính đến, cần ${needed}. Để thêm dòng: bỏ bảo vệ trang, ` +
      "chọn một dòng ở giữa bảng (không phải dòng cuối), bấm chuột phải, Chèn, Dòng bảng phía trên, chèn đủ số dòng cần, " +
      "chép công thức của các cột tính từ dòng trên xuống các dòng mới, rồi đăng ký lại.",
    (sheet, free, needed) =>
      `The sheet "${sheet}" has ${free} blank rows left within the rows the register's formulas reach, and ${needed} are needed. ` +
      "To add rows: unprotect the sheet, select a row in the middle of the table (not the last one), right-click, Insert, Table Rows Above, " +
      "insert as many rows as needed, copy the computed columns' formulas from the row above into the new rows, then register again.",
    [TASK_SHEETS.roadmap, 2, 7],
  ),
  noFollowUpCells: message(
    (names: readonly string[]) => `Không tìm thấy ô ${names.join(", ")} của sổ việc đột phá; hãy tạo lại sổ hoặc đặt lại tên ô.`,
    (names) => `The register's cells ${names.join(", ")} were not found; create the register again or name the cells again.`,
    [["NgayTheoDoi", "NamDotPha"]],
  ),
  badDate: message(
    (found: string) => `${found} không phải một ngày theo dõi (cần dạng YYYY-MM-DD, ví dụ 2025-11-15).`,
    (found) => `${found} is not a follow-up date (write it YYYY-MM-DD, e.g. 2025-11-15).`,
    ['"15/11"'],
  ),
  badYear: message(
    (found: string) => `${found} không phải năm xếp loại (một năm từ 2000 đến 2100).`,
    (found) => `${found} is not an evaluation year (a year from 2000 to 2100).`,
    ['"25"'],
  ),
  noRegister: sentence(
    `Chưa có sổ việc đột phá (trang "${TASK_SHEETS.tasks}" và "${TASK_SHEETS.roadmap}"): hãy tạo sổ trước.`,
    "There is no task register yet (the tasks and roadmap sheets): create it first.",
  ),
});

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
