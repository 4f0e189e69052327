import { DIRECTION_NAMES, isBlank, numberMessage, parseCellNumber, parseYesNo, textKey, type Direction } from "../../domain";
import type { CatalogueText, Message } from "../../domain/messages/localize";
import { readMsg } from "../../domain/messages/taskRegister";
import { TASK_KIND_NAMES, TASK_STATE_NAMES, type Task, type TaskKind, type TaskMilestone, type TaskState, type TaskTarget } from "../../domain/tasks";
import { cellAddress, parseCell } from "../addresses";
import { columnsByHeader } from "../headers";
import { problem, type Problem } from "../problems";
import type { TableGrid } from "../grid";
import { ROADMAP_COLUMNS, ROADMAP_ROW_KINDS, TASK_COLUMNS, TASK_INPUT_COLUMNS, TASK_SHEETS, TASK_TABLES, type RoadmapColumnKey, type TaskColumnKey } from "./taskRegisterSchema";
import { parseDay, serialDay } from "../../domain/dates";

/**
 * Reading the task register back from its two tables (values as Office.js returns them: dates
 * as serial numbers) into the engine's Task[], shared by the Office.js adapter and the .xlsx
 * reader. Every problem names its cell. A word is read only as the sheet's formulas read it
 * (case aside), so that what the engine judges is what the sheet shows; a row that cannot be
 * read is left out, as the sheet's formulas leave it out.
 */

/** A reading problem, with the code of the task it concerns ("" when none). */
export type TaskRegisterProblem = Problem & { readonly code: string };

export interface TaskRegisterRead {
  readonly tasks: readonly Task[];
  readonly problems: readonly TaskRegisterProblem[];
  /** The cell of a task's field (code, goal, firstYear, lastYear …), for the engine's problems. */
  readonly cellOf: (code: string, field: string) => { sheet: string; cell: string } | null;
  /** The cell of a task's milestones, in the order of its `milestones` (its "Nội dung" cell). */
  readonly milestoneCellsOf: (code: string) => readonly { sheet: string; cell: string }[];
}

/** The roadmap rows a tasks-sheet count formula reaches ($C$5:$C$64 → 5 and 64). */
export const COVERED_ROWS = /\$[A-Z]+\$(\d+):\$[A-Z]+\$(\d+)/;

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).normalize("NFC").trim());
const shown = (v: unknown) => (typeof v === "string" ? `"${v}"` : String(v));

/** A word as the sheet's "=" compares it: the whole cell, case aside. */
function word<K extends string>(v: unknown, names: Readonly<Record<K, string>>): K | null {
  if (typeof v !== "string") return null;
  const key = v.normalize("NFC").toLowerCase();
  return (Object.keys(names) as K[]).find((k) => names[k].toLowerCase() === key) ?? null;
}

/**
 * A date cell as the sheet's formulas read it: a serial of one of Excel's days. A date typed as
 * text (30/09/2025) is read, with a problem, because the sheet's formulas cannot compute with it.
 * Anything else is kept as typed: the engine's check names it at its cell and counts the
 * milestone as not done (never leaves it out).
 */
function readDate(v: unknown, fail: (message: Message) => void): string {
  if (typeof v === "number") {
    const iso = serialDay(v);
    if (iso === null) return String(v);
    // The sheet compares the serials as typed: a time of day would judge a milestone done that same day late.
    if (!Number.isInteger(v)) fail(readMsg.timeOfDay.of(iso));
    return iso;
  }
  const iso = parseDay(v);
  if (iso === null) return text(v);
  fail(readMsg.textDate.of(shown(v)));
  return iso;
}

/** The columns of one table, found by header; each row's cells by key, with their addresses. */
function tableRows<K extends string>(grid: TableGrid, columns: readonly { key: K; header: string }[], required: readonly K[], table: string, problems: TaskRegisterProblem[]) {
  const origin = parseCell(grid.origin);
  const found = columnsByHeader(grid.values[0] ?? [], columns);
  const missing = required.filter((k) => found[k] === undefined);
  for (const key of missing) problems.push({ ...problem(grid.sheet, null, readMsg.missingColumn.of(table, columns.find((c) => c.key === key)?.header ?? key)), code: "" });
  if (missing.length > 0) return [];
  return grid.values.slice(1).map((values, i) => ({
    sheetRow: origin.row + 2 + i,
    get: (key: K) => (found[key] === undefined ? "" : values[found[key] as number]),
    /** Whether the cell holds a formula (true when the column is missing: nothing to say then). */
    computed: (key: K) => found[key] === undefined || String(grid.formulas[i + 1]?.[found[key] as number] ?? "").startsWith("="),
    formula: (key: K) => (found[key] === undefined ? "" : String(grid.formulas[i + 1]?.[found[key] as number] ?? "")),
    at: (key: K) => cellAddress(origin.row + 1 + i, origin.column + (found[key] ?? 0)),
  }));
}

const REQUIRED_TASK_COLUMNS: readonly TaskColumnKey[] = ["code", "leader", "title", "kind", "firstYear", "lastYear", "goal", "state", "dropApproved"];
const REQUIRED_ROADMAP_COLUMNS: readonly RoadmapColumnKey[] = ["code", "year", "rowKind", "name", "direction", "target", "actual", "due", "done"];
const ROADMAP_INPUTS: readonly RoadmapColumnKey[] = ["code", "year", "rowKind", "name", "unit", "direction", "target", "actual", "due", "done"];

interface Draft {
  task: Omit<Task, "targets" | "milestones">;
  targets: TaskTarget[];
  milestones: TaskMilestone[];
  milestoneCells: { name: string; due: string; done: string }[];
  /** The cell of each target's planned figure, in the order of its `targets`. */
  targetCells: string[];
  cells: Readonly<Record<string, string>>;
}

export function readTaskRegister(tasksGrid: TableGrid | null, roadmapGrid: TableGrid | null): TaskRegisterRead {
  const problems: TaskRegisterProblem[] = [];
  const drafts = new Map<string, Draft>();
  if (!tasksGrid) problems.push({ ...problem(TASK_SHEETS.tasks, null, readMsg.missingTable.of(TASK_TABLES.tasks, TASK_SHEETS.tasks)), code: "" });
  if (!roadmapGrid) problems.push({ ...problem(TASK_SHEETS.roadmap, null, readMsg.missingTable.of(TASK_TABLES.roadmap, TASK_SHEETS.roadmap)), code: "" });
  const tasksSheet = tasksGrid?.sheet ?? TASK_SHEETS.tasks;
  // The roadmap rows the tasks sheet's counts cover, as its first formula says.
  let covered: RegExpExecArray | null = null;
  for (const row of tasksGrid ? tableRows(tasksGrid, TASK_COLUMNS, REQUIRED_TASK_COLUMNS, TASK_TABLES.tasks, problems) : []) {
    if (TASK_INPUT_COLUMNS.every((k) => isBlank(row.get(k)))) continue;
    const code = text(row.get("code"));
    const fail = (key: TaskColumnKey, message: CatalogueText | Message) => problems.push({ ...problem(tasksSheet, row.at(key), message), code });
    if (code === "") {
      fail("code", readMsg.noCode);
      continue;
    }
    for (const key of ["yearTargets", "level", "finalLevel"] as const) if (!row.computed(key)) fail(key, readMsg.noFormula);
    covered ??= COVERED_ROWS.exec(row.formula("yearTargets"));
    const existing = drafts.get(textKey(code));
    if (existing) {
      fail("code", readMsg.duplicate.of(code, existing.cells.code));
      continue;
    }
    const year = (key: "firstYear" | "lastYear") => {
      const v = row.get(key);
      if (typeof v === "number" && Number.isInteger(v)) return v;
      fail(key, readMsg.notYear.of(shown(v)));
      return null;
    };
    const firstYear = year("firstYear");
    const lastYear = year("lastYear");
    const kind = word<TaskKind>(row.get("kind"), TASK_KIND_NAMES);
    if (kind === null) fail("kind", readMsg.unknownWord.of(shown(row.get("kind")), Object.values(TASK_KIND_NAMES)));
    const state = isBlank(row.get("state")) ? undefined : (word<TaskState>(row.get("state"), TASK_STATE_NAMES) ?? undefined);
    if (!isBlank(row.get("state")) && state === undefined) fail("state", readMsg.unknownWord.of(shown(row.get("state")), Object.values(TASK_STATE_NAMES)));
    const approved = parseYesNo(row.get("dropApproved"));
    if (approved.kind === "invalid") fail("dropApproved", readMsg.yesNo.of(approved.found));
    if (firstYear === null || lastYear === null) continue;
    const droppedOn = isBlank(row.get("droppedOn")) ? null : readDate(row.get("droppedOn"), (m) => fail("droppedOn", m));
    const optional = (key: TaskColumnKey) => (text(row.get(key)) === "" ? undefined : text(row.get(key)));
    const approvalDate = isBlank(row.get("approvalDate")) ? null : readDate(row.get("approvalDate"), (m) => fail("approvalDate", m));
    const approval = { body: optional("approvalBody"), number: optional("approvalNumber"), date: approvalDate };
    drafts.set(textKey(code), {
      task: {
        code,
        leader: text(row.get("leader")),
        position: optional("position"),
        unit: optional("unit"),
        title: text(row.get("title")),
        // The kind only describes the task; a wrong one is reported above and judged all the same.
        kind: kind ?? "breakthrough",
        firstYear,
        lastYear,
        state,
        dropApproved: approved.kind === "value" && approved.value,
        droppedOn,
        goal: text(row.get("goal")),
        solutions: optional("solutions"),
        focalBody: optional("focalBody"),
        focalPerson: optional("focalPerson"),
        ...(approval.body || approval.number || approval.date ? { approval } : {}),
      },
      targets: [],
      milestones: [],
      milestoneCells: [],
      targetCells: [],
      cells: Object.fromEntries(TASK_INPUT_COLUMNS.map((k) => [k, row.at(k)])),
    });
  }
  const roadmapSheet = roadmapGrid?.sheet ?? TASK_SHEETS.roadmap;
  const [first, last] = covered ? [Number(covered[1]), Number(covered[2])] : [0, Infinity];
  for (const row of roadmapGrid ? tableRows(roadmapGrid, ROADMAP_COLUMNS, REQUIRED_ROADMAP_COLUMNS, TASK_TABLES.roadmap, problems) : []) {
    if (ROADMAP_INPUTS.every((k) => isBlank(row.get(k)))) continue;
    const code = text(row.get("code"));
    const fail = (key: RoadmapColumnKey, message: CatalogueText | Message) => problems.push({ ...problem(roadmapSheet, row.at(key), message), code });
    if (row.sheetRow < first || row.sheetRow > last) {
      fail("code", readMsg.outsideFormulas.of(first, last));
      continue;
    }
    for (const key of ["status", "milestoneState"] as const) if (!row.computed(key)) fail(key, readMsg.noFormula);
    const draft = drafts.get(textKey(code));
    if (code === "") fail("code", readMsg.noCode);
    else if (!draft && tasksGrid) fail("code", readMsg.unknownCode.of(code));
    const rowKind = word<keyof typeof ROADMAP_ROW_KINDS>(row.get("rowKind"), ROADMAP_ROW_KINDS);
    if (rowKind === null) fail("rowKind", readMsg.unknownWord.of(shown(row.get("rowKind")), Object.values(ROADMAP_ROW_KINDS)));
    if (!draft || rowKind === null) continue;
    if (rowKind === "target") {
      const year = row.get("year");
      if (typeof year !== "number" || !Number.isInteger(year)) {
        fail("year", readMsg.notYear.of(shown(year)));
        continue;
      }
      const direction = word<Direction>(row.get("direction"), DIRECTION_NAMES);
      if (direction === null) fail("direction", readMsg.unknownWord.of(shown(row.get("direction")), Object.values(DIRECTION_NAMES)));
      const figure = (key: "target" | "actual") => {
        const v = row.get(key);
        if (isBlank(v)) return undefined;
        if (direction !== "milestone") {
          const parsed = parseCellNumber(v);
          if (parsed.kind === "invalid") fail(key, numberMessage(parsed));
        }
        return v;
      };
      draft.targets.push({ year, name: text(row.get("name")), ...(text(row.get("unit")) === "" ? {} : { unit: text(row.get("unit")) }), direction, target: figure("target"), actual: figure("actual") });
      draft.targetCells.push(row.at("target"));
    } else {
      const due = readDate(row.get("due"), (m) => fail("due", m));
      const done = isBlank(row.get("done")) ? null : readDate(row.get("done"), (m) => fail("done", m));
      const year = row.get("year");
      draft.milestones.push({ what: text(row.get("name")), due, done, ...(typeof year === "number" && Number.isInteger(year) ? { year } : {}) });
      draft.milestoneCells.push({ name: row.at("name"), due: row.at("due"), done: row.at("done") });
    }
  }
  const tasks = [...drafts.values()].map((d) => ({ ...d.task, targets: d.targets, milestones: d.milestones }));
  const cells = new Map([...drafts.values()].map((d) => [d.task.code, d.cells]));
  const milestoneCells = new Map([...drafts.values()].map((d) => [d.task.code, d.milestoneCells]));
  const targetCells = new Map([...drafts.values()].map((d) => [d.task.code, d.targetCells]));
  return {
    tasks,
    problems,
    cellOf: (code, field) => {
      const at = cells.get(code);
      if (!at) return null;
      // A milestone's date (milestones.J.due or .done, as the check names it) is on the roadmap.
      const milestone = /^milestones\.(\d+)\.(due|done)$/.exec(field);
      const dated = milestone ? milestoneCells.get(code)?.[Number(milestone[1])] : undefined;
      if (milestone && dated) return { sheet: roadmapSheet, cell: dated[milestone[2] as "due" | "done"] };
      // A target's figure (targets.J) is on its roadmap row.
      const target = /^targets\.(\d+)$/.exec(field);
      const figure = target ? targetCells.get(code)?.[Number(target[1])] : undefined;
      if (figure) return { sheet: roadmapSheet, cell: figure };
      return { sheet: tasksSheet, cell: at[field] ?? at.code };
    },
    milestoneCellsOf: (code) => (milestoneCells.get(code) ?? []).map((m) => ({ sheet: roadmapSheet, cell: m.name })),
  };
}
