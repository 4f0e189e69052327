import { DIRECTION_NAMES, parseDirection, parseNumber, STATUS_NAMES, YES_NO, YES_WORDS } from "../../domain";
import { parseDay } from "../../domain/dates";
import { MILESTONE_STATE_NAMES, TASK_KIND_NAMES, TASK_STATE_NAMES, type Task } from "../../domain/tasks";
import { TASK_LEVEL_NAMES } from "../../domain/messages/tasks";
import type { Level } from "../../domain";
import { absolute, columnLetter, qualified } from "../addresses";
import { formulaRunBlock } from "../formulaRuns";
import { cell, formula, value } from "../cells";
import { PROVISIONAL_TEXT, targetAchievementFormula, targetStatusFormula } from "../formulas";
import { FONT } from "../schema";
import { taskFormSheet, taskResultsSheet } from "./taskPrintSheets";
import { taskTotalsSheet } from "./taskTotalsSheet";
import { withUnitTaskBlocks } from "./unitTasksBlock";
import { a4Print, NUMBER_FORMATS, STATUS_COLORS, STYLE } from "../styles";
import {
  BAD_DATE_TEXT,
  ROADMAP_COLUMNS,
  ROADMAP_COMPUTED_COLUMNS,
  ROADMAP_HELPER_COLUMNS,
  ROADMAP_ROW_KINDS,
  TASK_COLUMNS,
  TASK_INPUT_COLUMNS,
  TASK_NAMES,
  TASK_RULE_NAMES,
  TASK_SHEETS,
  TASK_TABLES,
  type RoadmapColumnKey,
  type TaskColumnKey,
} from "./taskRegisterSchema";
import type { Block, ConditionalFormatSpec, NameSpec, RangeStyle, Scalar, SheetLayout, ValidationSpec, WorkbookLayout } from "../types";

/**
 * The register of breakthrough and innovation tasks (docs/rules.md §4) as two sheets: "Việc đột
 * phá", one row per task with its milestone counts as of the follow-up date and its level for
 * the chosen year, and "Lộ trình", one row per target (per task and year) or milestone. The
 * formulas are the twins of milestoneState and evaluateTaskYear (src/domain/tasks.ts), with the
 * thresholds read from the rules sheet; the LibreOffice proof checks they agree.
 */

export interface TaskRegisterParams {
  readonly tasks: readonly Task[];
  /** The year evaluated (named cell NamDotPha). */
  readonly year: number;
  /** The follow-up date as YYYY-MM-DD (named cell NgayTheoDoi); blank when not given. */
  readonly asOf?: string | null;
  /** The leader whose registration form is printed ("Phiếu đăng ký"); default: the first task's. */
  readonly formLeader?: string;
}

/** Blank rows left in each table for new entries. */
export const TASK_SPARE_ROWS = 10;
export const ROADMAP_SPARE_ROWS = 40;

export const TASK_HEADER_ROW = 5;
export const ROADMAP_HEADER_ROW = 4;

const T = Object.fromEntries(TASK_COLUMNS.map((c, i) => [c.key, columnLetter(i)])) as Record<TaskColumnKey, string>;
const RM = Object.fromEntries(ROADMAP_COLUMNS.map((c, i) => [c.key, columnLetter(i)])) as Record<RoadmapColumnKey, string>;
const LAST_TASK_COLUMN = columnLetter(TASK_COLUMNS.length - 1);
const LAST_ROADMAP_COLUMN = columnLetter(ROADMAP_COLUMNS.length - 1);

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const R = TASK_RULE_NAMES;
const Y = TASK_NAMES.year;
const D = TASK_NAMES.asOf;

/** Serial day of an ISO date, as Excel stores dates (1900 date system). */
export function excelDate(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
}

export function taskRegisterPositions(taskCount: number, roadmapCount: number) {
  return {
    taskFirst: TASK_HEADER_ROW + 1,
    taskLast: TASK_HEADER_ROW + taskCount + TASK_SPARE_ROWS,
    roadmapFirst: ROADMAP_HEADER_ROW + 1,
    roadmapLast: ROADMAP_HEADER_ROW + roadmapCount + ROADMAP_SPARE_ROWS,
  };
}

// ---- Roadmap row formulas -------------------------------------------------------------

const rowCell = (key: RoadmapColumnKey, row: number) => `$${RM[key]}${row}`;

/** The follow-up date, or the end of the year evaluated when it is blank (as the readers judge then). */
const AS_OF = `IF(ISNUMBER(${D}),${D},DATE(${Y},12,31))`;

/**
 * Mirrors milestoneState; dates that cannot be read show BAD_DATE_TEXT and count in no state. A
 * completion dated after the follow-up date is not done yet.
 */
export function milestoneStateFormula(row: number): string {
  const due = rowCell("due", row);
  const done = rowCell("done", row);
  const M = MILESTONE_STATE_NAMES;
  return (
    `=IF(${rowCell("rowKind", row)}<>${q(ROADMAP_ROW_KINDS.milestone)},"",` +
    `IF(OR(NOT(ISNUMBER(${due})),AND(LEN(TRIM(${done}))>0,NOT(ISNUMBER(${done})))),${q(BAD_DATE_TEXT)},` +
    `IF(AND(ISNUMBER(${done}),${done}<=${AS_OF}),IF(${done}<=${due},${q(M.onTime)},${q(M.late)}),` +
    `IF(NOT(ISNUMBER(${D})),"",IF(${due}<${D},${q(M.overdue)},IF(${due}-${D}<=${R.dueSoonDays},${q(M.dueSoon)},${q(M.open)}))))))`
  );
}

/** What a key column holds for a code: "#" and the code trimmed ("#" keeps a code of digits text, never a number). */
const KEY_PREFIX = "#";

/**
 * The helpers of one roadmap row, for the year evaluated: its task's key, and 1 or 0 for a target
 * of that year, a milestone due in it (by its year when its due date cannot be read), a milestone
 * done by its due date and by the end of the year (a completion after the follow-up date does not
 * count yet; a date that cannot be read is not done). The tasks sheet counts them with COUNTIFS.
 */
export function roadmapHelperFormulas(row: number): Record<"matchKey" | "yearTarget" | "yearMilestone" | "doneOnTime" | "doneByYearEnd", string> {
  const at = (key: RoadmapColumnKey) => rowCell(key, row);
  const due = at("due");
  const done = at("done");
  const milestone = `(${at("rowKind")}=${q(ROADMAP_ROW_KINDS.milestone)})`;
  const doneBy = (limit: string) => `=${milestone}*ISNUMBER(${due})*ISNUMBER(${done})*(${done}<=${limit})*(${done}<=${AS_OF})`;
  return {
    matchKey: `=${q(KEY_PREFIX)}&TRIM(${at("code")})`,
    yearTarget: `=(${at("rowKind")}=${q(ROADMAP_ROW_KINDS.target)})*(${at("year")}=${Y})`,
    yearMilestone: `=${milestone}*(ISNUMBER(${due})*(${due}>=DATE(${Y},1,1))*(${due}<=DATE(${Y},12,31))+NOT(ISNUMBER(${due}))*(${at("year")}=${Y}))`,
    doneOnTime: doneBy(due),
    doneByYearEnd: doneBy(`DATE(${Y},12,31)`),
  };
}

export function roadmapRowFormulas(row: number): Record<"achievement" | "status" | "milestoneState", string> {
  const cells = { direction: rowCell("direction", row), target: rowCell("target", row), actual: rowCell("actual", row) };
  return {
    status: targetStatusFormula(`${rowCell("rowKind", row)}=${q(ROADMAP_ROW_KINDS.target)}`, cells),
    achievement: targetAchievementFormula(rowCell("status", row), cells),
    milestoneState: milestoneStateFormula(row),
  };
}

// ---- Task row formulas ----------------------------------------------------------------

/** The roadmap's body column `key`, absolute and qualified (the formulas sit on the tasks sheet). */
function roadmapRange(key: RoadmapColumnKey, first: number, last: number): string {
  return qualified(TASK_SHEETS.roadmap, `$${RM[key]}$${first}:$${RM[key]}$${last}`);
}

/**
 * The counts of one task row (mirroring judge's counts and the milestone states): COUNTIFS over
 * the roadmap's helper columns, its rows whose key is the task's code, so that a row costs its
 * own work once, not once per task. The criterion escapes ~ * ? (COUNTIFS takes them as
 * wildcards) and starts with "=" and the key's "#", so that no code is read as a comparison or a number.
 */
export function taskCountFormulas(row: number, roadmapFirst: number, roadmapLast: number): Record<string, string> {
  const rm = (key: RoadmapColumnKey) => roadmapRange(key, roadmapFirst, roadmapLast);
  const code = `$${T.code}${row}`;
  const criterion = `"=${KEY_PREFIX}"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(${code}),"~","~~"),"*","~*"),"?","~?")`;
  const countIfs = (pairs: readonly (readonly [RoadmapColumnKey, string])[]) =>
    `COUNTIFS(${[["matchKey", criterion] as const, ...pairs].map(([key, test]) => `${rm(key)},${test}`).join(",")})`;
  const count = (...alternatives: (readonly (readonly [RoadmapColumnKey, string])[])[]) => `=IF(TRIM(${code})="","",${alternatives.map(countIfs).join("+")})`;
  const state = (s: keyof typeof MILESTONE_STATE_NAMES) => count([["milestoneState", q(MILESTONE_STATE_NAMES[s])]]);
  const yearTarget = ["yearTarget", "1"] as const;
  const status = (s: keyof typeof STATUS_NAMES) => [yearTarget, ["status", q(STATUS_NAMES[s])] as const];
  const yearMilestone = ["yearMilestone", "1"] as const;
  return {
    onTime: state("onTime"),
    late: state("late"),
    overdue: state("overdue"),
    dueSoon: state("dueSoon"),
    open: state("open"),
    yearTargets: count([yearTarget]),
    yearMet: count(status("exceeded"), status("met")),
    yearExceeded: count(status("exceeded")),
    yearOpen: count(status("pending"), status("error")),
    yearMilestones: count([yearMilestone]),
    yearOnTime: count([yearMilestone, ["doneOnTime", "1"]]),
    yearDone: count([yearMilestone, ["doneByYearEnd", "1"]]),
    allMilestones: count([["rowKind", q(ROADMAP_ROW_KINDS.milestone)]]),
    allDone: count([["doneByYearEnd", "1"]]),
  };
}

const L = (level: Level) => q(TASK_LEVEL_NAMES[level]);

/** Mirrors judge(): the default rule over counts of targets and milestones. */
function judgeFormula(c: { total: string; met: string; exceeded: string; milestones: string; onTime: string; done: string }): string {
  const share = (n: string, of: string) => `IF(${of}=0,1,ROUND(${n}/${of},4))`;
  const allMet = `${c.met}=${c.total}`;
  return (
    `IF(${c.total}=0,${L("incomplete")},` +
    `IF(AND(${allMet},${share(c.exceeded, c.total)}>=${R.excellentExceededShare},${c.onTime}=${c.milestones}),${L("excellent")},` +
    `IF(AND(${allMet},${c.done}=${c.milestones}),${L("good")},` +
    `IF(AND(${share(c.met, c.total)}>=${R.completeMetShare},${share(c.done, c.milestones)}>=${R.completeMilestoneShare}),${L("complete")},${L("incomplete")}))))`
  );
}

/** The level, final level and provisional mark of one task row, mirroring evaluateTaskYear. */
export function taskLevelFormulas(row: number): Record<"level" | "finalLevel" | "provisional", string> {
  const at = (key: TaskColumnKey) => `$${T[key]}${row}`;
  const droppedOn = at("droppedOn");
  // Without a readable drop date every year of the span counts as the year of the drop (the check asks for the date).
  const dropped = `AND(${at("state")}=${q(TASK_STATE_NAMES.dropped)},OR(NOT(ISNUMBER(${droppedOn})),${droppedOn}<DATE(${Y}+1,1,1)))`;
  const droppedBefore = `AND(ISNUMBER(${droppedOn}),${droppedOn}<DATE(${Y},1,1))`;
  const approved = `OR(${YES_WORDS.map((w) => `TRIM(${at("dropApproved")})=${q(w)}`).join(",")})`;
  const outside = `OR(NOT(ISNUMBER(${Y})),${Y}<${at("firstYear")},${Y}>${at("lastYear")})`;
  const counts = { total: at("yearTargets"), met: at("yearMet"), exceeded: at("yearExceeded") };
  const yearly = judgeFormula({ ...counts, milestones: at("yearMilestones"), onTime: at("yearOnTime"), done: at("yearDone") });
  const whole = judgeFormula({ ...counts, milestones: at("allMilestones"), onTime: at("onTime"), done: at("allDone") });
  const level = (judged: string, unrated: string) =>
    `=IF(TRIM(${at("code")})="","",IF(${outside},"",IF(${dropped},IF(OR(${droppedBefore},${approved}${unrated}),"",${L("incomplete")}),${judged})))`;
  const lastYear = `${Y}<>${at("lastYear")}`;
  const yearOpen = `${D}<=DATE(${Y},12,31)`;
  return {
    level: level(yearly, ""),
    // The final level: in the last year, or in the year of a drop without approval (when its date is known).
    finalLevel: level(`IF(${lastYear},"",${whole})`, `,AND(NOT(ISNUMBER(${droppedOn})),${lastYear})`),
    provisional:
      `=IF(OR(${at("level")}="",${dropped}),"",IF(OR(${at("yearOpen")}>0,AND(${yearOpen},${at("yearDone")}<${at("yearMilestones")}),` +
      `AND(${Y}=${at("lastYear")},${yearOpen},${at("allDone")}<${at("allMilestones")})),${q(PROVISIONAL_TEXT)},""))`,
  };
}

// ---- Sheets ---------------------------------------------------------------------------

/** A document value as a cell: numbers typed as text become numbers; words stay as typed. */
function scalar(raw: unknown, keepWords: boolean): Scalar {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw !== "string") return String(raw);
  const parsed = parseNumber(raw);
  return !keepWords && parsed.kind === "value" ? parsed.value : raw;
}

/** A date as a cell: a real day as its serial, anything else kept as typed (the sheet then shows it cannot read it). */
const dateCell = (raw: string | null | undefined): Scalar => {
  if (!raw) return null;
  const iso = parseDay(raw);
  return iso === null ? raw : excelDate(iso);
};

/** TASK_INPUT_COLUMNS as runs of adjacent columns: each run's keys and its offset in taskInputs' values. */
function inputRuns(): { from: number; keys: (typeof TASK_INPUT_COLUMNS)[number][] }[] {
  const runs: { from: number; keys: (typeof TASK_INPUT_COLUMNS)[number][] }[] = [];
  const index = (key: TaskColumnKey) => TASK_COLUMNS.findIndex((c) => c.key === key);
  TASK_INPUT_COLUMNS.forEach((key, i) => {
    const last = runs[runs.length - 1];
    if (last && index(last.keys[last.keys.length - 1]) + 1 === index(key)) last.keys.push(key);
    else runs.push({ from: i, keys: [key] });
  });
  return runs;
}

export function taskInputs(task: Task): Scalar[] {
  const values: Record<(typeof TASK_INPUT_COLUMNS)[number], Scalar> = {
    code: task.code,
    leader: task.leader,
    position: task.position ?? null,
    unit: task.unit ?? null,
    title: task.title,
    kind: TASK_KIND_NAMES[task.kind],
    firstYear: task.firstYear,
    lastYear: task.lastYear,
    goal: task.goal,
    focalBody: task.focalBody ?? null,
    focalPerson: task.focalPerson ?? null,
    state: task.state ? TASK_STATE_NAMES[task.state] : null,
    dropReason: null,
    dropApproved: task.state === "dropped" ? (task.dropApproved ? YES_NO.yes : YES_NO.no) : null,
    droppedOn: dateCell(task.droppedOn),
    solutions: task.solutions ?? null,
    approvalBody: task.approval?.body ?? null,
    approvalNumber: task.approval?.number ?? null,
    approvalDate: dateCell(task.approval?.date),
  };
  return TASK_INPUT_COLUMNS.map((key) => values[key]);
}

const directionText = (raw: unknown): Scalar => {
  const direction = parseDirection(raw);
  return direction === null ? scalar(raw, true) : DIRECTION_NAMES[direction];
};

/** Roadmap rows: each task's targets, then its milestones, in register order. */
export function roadmapRows(tasks: readonly Task[]): Partial<Record<RoadmapColumnKey, Scalar>>[] {
  return tasks.flatMap((task) => [
    ...task.targets.map((t) => {
      const milestone = parseDirection(t.direction) === "milestone";
      return {
        code: task.code,
        year: t.year,
        rowKind: ROADMAP_ROW_KINDS.target,
        name: t.name,
        unit: t.unit ?? null,
        direction: directionText(t.direction),
        target: scalar(t.target, milestone),
        actual: scalar(t.actual, milestone),
      };
    }),
    ...task.milestones.map((m) => {
      const due = parseDay(m.due);
      return { code: task.code, year: due ? Number(due.slice(0, 4)) : (m.year ?? null), rowKind: ROADMAP_ROW_KINDS.milestone, name: m.what, due: dateCell(m.due), done: dateCell(m.done) };
    }),
  ]);
}

/** The register's totals of overdue and due-soon milestones (row 2 of the tasks sheet). */
export const REGISTER_TOTALS = { overdue: `${T.goal}2`, dueSoon: `${T.state}2` } as const;

const COUNT_STYLE = { ...STYLE.body, horizontal: "center", numberFormat: NUMBER_FORMATS.count } as const;
const DATE_FORMAT = "dd/mm/yyyy";
const DATE_STYLE = { ...STYLE.body, horizontal: "center", numberFormat: DATE_FORMAT } as const;
const YEAR_STYLE = { ...STYLE.body, horizontal: "center", numberFormat: "0" } as const;

const list = (range: string, source: readonly string[], title: string, message: string): ValidationSpec => ({
  range,
  rule: { kind: "list", source: source.join(",") },
  errorTitle: title,
  errorMessage: message,
});

const yearValidation = (range: string): ValidationSpec => ({
  range,
  rule: { kind: "decimal", operator: "between", formula1: "2000", formula2: "2100" },
  errorTitle: "Năm không hợp lệ",
  errorMessage: "Nhập năm bằng số, ví dụ 2025.",
});

const dateValidation = (range: string, first: string): ValidationSpec => ({
  range,
  rule: { kind: "custom", formula: `=OR(LEN(TRIM(${first}))=0,AND(ISNUMBER(${first}),${first}=INT(${first})))` },
  errorTitle: "Ngày không hợp lệ",
  errorMessage: "Nhập một ngày (không kèm giờ), ví dụ 31/03/2025.",
});

const RED = { fill: STATUS_COLORS.notMet.fill, fontColor: STATUS_COLORS.notMet.fontColor, bold: true };
const AMBER = { fill: STATUS_COLORS.error.fill, fontColor: STATUS_COLORS.error.fontColor, bold: true };
const GREEN = { fill: STATUS_COLORS.exceeded.fill, fontColor: STATUS_COLORS.exceeded.fontColor };

export function tasksSheet(p: TaskRegisterParams, roadmapCount: number): SheetLayout {
  const pos = taskRegisterPositions(p.tasks.length, roadmapCount);
  const rows = pos.taskLast - pos.taskFirst + 1;
  const col = (key: TaskColumnKey) => `${T[key]}${pos.taskFirst}:${T[key]}${pos.taskLast}`;
  const first = (key: TaskColumnKey) => `$${T[key]}${pos.taskFirst}`;
  const inputs = p.tasks.map(taskInputs);
  const counts = taskCountFormulas(pos.taskFirst, pos.roadmapFirst, pos.roadmapLast);
  const levels = taskLevelFormulas(pos.taskFirst);
  const countKeys = ["onTime", "late", "overdue", "dueSoon", "open", "yearTargets", "yearMet", "yearExceeded", "yearOpen", "yearMilestones", "yearOnTime", "yearDone", "allMilestones", "allDone"] as const;
  const blocks: Block[] = [
    cell("A1", value("SỔ THEO DÕI VIỆC ĐỘT PHÁ, ĐỔI MỚI"), "addin", STYLE.title, { mergeTo: "I1" }),
    cell("A2", value("Ngày theo dõi:"), "addin", STYLE.labelBold),
    cell("B2", value(p.asOf ? excelDate(p.asOf) : null), "user", { ...STYLE.input, numberFormat: DATE_FORMAT, border: true }, { unlocked: true }),
    cell("D2", value("Năm xếp loại:"), "addin", STYLE.labelBold),
    cell("E2", value(p.year), "user", { ...STYLE.input, numberFormat: "0", border: true }, { unlocked: true }),
    // The whole register at a glance, as of the follow-up date.
    cell(`${T.firstYear}2`, value("Toàn sổ: mốc quá hạn"), "addin", STYLE.labelBold),
    cell(REGISTER_TOTALS.overdue, formula(`=SUM(${col("overdue")})`), "addin", { ...STYLE.labelBold, horizontal: "center", border: true }),
    cell(`${T.focalPerson}2`, value("mốc sắp đến hạn"), "addin", { ...STYLE.labelBold, horizontal: "right" }),
    cell(REGISTER_TOTALS.dueSoon, formula(`=SUM(${col("dueSoon")})`), "addin", { ...STYLE.labelBold, horizontal: "center", border: true }),
    cell(
      "A3",
      value(
        "Trạng thái mốc tính theo Ngày theo dõi (không theo ngày của máy). Xếp loại tính cho Năm xếp loại từ các chỉ tiêu và mốc ở trang " +
          `"${TASK_SHEETS.roadmap}", theo ngưỡng ở trang "Quy tắc" (ngưỡng mặc định, tỉnh có thể sửa).`,
      ),
      "addin",
      STYLE.note,
      { mergeTo: `${LAST_TASK_COLUMN}3` },
    ),
    { at: `A${TASK_HEADER_ROW}`, cells: [TASK_COLUMNS.map((c) => value(c.header))], owner: "addin", style: STYLE.header },
    // The typed columns in their runs of adjacent columns (the plan's run sits after the computed columns).
    ...(inputs.length === 0
      ? []
      : inputRuns().map((run) => ({ at: `${T[run.keys[0]]}${pos.taskFirst}`, cells: inputs.map((r) => r.slice(run.from, run.from + run.keys.length).map(value)), owner: "user" as const, unlocked: true }))),
    // Each row's formulas are the first row's shifted down: stated once (formulaRunBlock).
    formulaRunBlock(`${T.onTime}${pos.taskFirst}`, countKeys.map((k) => counts[k]), rows, "addin"),
    formulaRunBlock(`${T.level}${pos.taskFirst}`, [levels.level, levels.provisional, levels.finalLevel], rows, "addin"),
  ];
  const text = ["code", "leader", "position", "unit", "title", "goal", "focalBody", "focalPerson", "dropReason", "solutions", "approvalBody", "approvalNumber"] as const;
  const rangeStyles: RangeStyle[] = [
    ...text.map((key) => ({ range: col(key), style: key === "code" ? STYLE.bodyCenter : STYLE.bodyText, unlocked: true })),
    ...(["kind", "state", "dropApproved"] as const).map((key) => ({ range: col(key), style: STYLE.bodyCenter, unlocked: true })),
    ...(["firstYear", "lastYear"] as const).map((key) => ({ range: col(key), style: YEAR_STYLE, unlocked: true })),
    { range: col("droppedOn"), style: DATE_STYLE, unlocked: true },
    { range: col("approvalDate"), style: DATE_STYLE, unlocked: true },
    { range: `${T.onTime}${pos.taskFirst}:${T.allDone}${pos.taskLast}`, style: COUNT_STYLE },
    { range: `${T.level}${pos.taskFirst}:${T.finalLevel}${pos.taskLast}`, style: { ...STYLE.bodyText, numberFormat: NUMBER_FORMATS.general } },
  ];
  const conditionalFormats: ConditionalFormatSpec[] = [
    { range: REGISTER_TOTALS.overdue, formula: `N(${absolute(REGISTER_TOTALS.overdue)})>0`, ...RED },
    { range: REGISTER_TOTALS.dueSoon, formula: `N(${absolute(REGISTER_TOTALS.dueSoon)})>0`, ...AMBER },
    { range: col("overdue"), formula: `N(${first("overdue")})>0`, ...RED },
    { range: col("dueSoon"), formula: `N(${first("dueSoon")})>0`, ...AMBER },
    ...(["level", "finalLevel"] as const).flatMap((key) => [
      { range: col(key), formula: `${first(key)}=${L("excellent")}`, ...GREEN },
      { range: col(key), formula: `${first(key)}=${L("incomplete")}`, ...RED },
    ]),
    { range: col("provisional"), formula: `LEN(${first("provisional")})>0`, fill: STATUS_COLORS.pending.fill, fontColor: STATUS_COLORS.pending.fontColor },
  ];
  return {
    name: TASK_SHEETS.tasks,
    font: { name: FONT, size: 12 },
    columnWidths: TASK_COLUMNS.map((c) => c.width),
    blocks,
    rangeStyles,
    numberFormats: [],
    tables: [{ name: TASK_TABLES.tasks, range: `A${TASK_HEADER_ROW}:${LAST_TASK_COLUMN}${pos.taskLast}`, style: "TableStyleLight1" }],
    validations: [
      list(col("kind"), Object.values(TASK_KIND_NAMES), "Loại không hợp lệ", "Chọn Đột phá hoặc Đổi mới."),
      list(col("state"), Object.values(TASK_STATE_NAMES), "Trạng thái không hợp lệ", "Chọn Đăng ký, Đã duyệt, Đang thực hiện, Hoàn thành hoặc Dừng."),
      list(col("dropApproved"), [YES_NO.yes, YES_NO.no], "Dừng được chấp thuận", 'Chọn "Có" khi cấp có thẩm quyền đã chấp thuận cho dừng, "Không" nếu chưa.'),
      yearValidation(col("firstYear")),
      yearValidation(col("lastYear")),
      yearValidation("E2"),
      dateValidation("B2", "B2"),
      dateValidation(col("droppedOn"), first("droppedOn")),
      dateValidation(col("approvalDate"), first("approvalDate")),
    ],
    conditionalFormats,
    protect: true,
    sharedFormulas: true,
    freezeRows: TASK_HEADER_ROW,
    print: a4Print("landscape", `A1:${LAST_TASK_COLUMN}${pos.taskLast}`, `$${TASK_HEADER_ROW}:$${TASK_HEADER_ROW}`),
  };
}

export function roadmapSheet(p: TaskRegisterParams): SheetLayout {
  const rows = roadmapRows(p.tasks);
  const pos = taskRegisterPositions(p.tasks.length, rows.length);
  const height = pos.roadmapLast - pos.roadmapFirst + 1;
  const col = (key: RoadmapColumnKey) => `${RM[key]}${pos.roadmapFirst}:${RM[key]}${pos.roadmapLast}`;
  const first = (key: RoadmapColumnKey) => `${RM[key]}${pos.roadmapFirst}`;
  const formulas = roadmapRowFormulas(pos.roadmapFirst);
  const helpers = roadmapHelperFormulas(pos.roadmapFirst);
  const computed: readonly RoadmapColumnKey[] = ROADMAP_COMPUTED_COLUMNS;
  const inputKeys = ROADMAP_COLUMNS.map((c) => c.key).filter((k) => !computed.includes(k));
  const firstInputs = inputKeys.slice(0, inputKeys.indexOf("actual") + 1);
  const lastInputs = inputKeys.slice(inputKeys.indexOf("due"), inputKeys.indexOf("done") + 1);
  const evidence = inputKeys.slice(inputKeys.indexOf("documentNumber"));
  const inputBlock = (keys: readonly RoadmapColumnKey[]): Block[] =>
    rows.length === 0 ? [] : [{ at: `${RM[keys[0]]}${pos.roadmapFirst}`, cells: rows.map((r) => keys.map((k) => value(r[k] ?? null))), owner: "user", unlocked: true }];
  const milestoneStates = col("milestoneState");
  const state = (s: keyof typeof MILESTONE_STATE_NAMES) => `$${first("milestoneState")}=${q(MILESTONE_STATE_NAMES[s])}`;
  const statusColours = (Object.keys(STATUS_COLORS) as (keyof typeof STATUS_COLORS)[]).map((s) => ({
    range: col("status"),
    formula: `$${first("status")}=${q(STATUS_NAMES[s])}`,
    fill: STATUS_COLORS[s].fill,
    fontColor: STATUS_COLORS[s].fontColor,
  }));
  return {
    name: TASK_SHEETS.roadmap,
    font: { name: FONT, size: 12 },
    columnWidths: ROADMAP_COLUMNS.map((c) => c.width),
    blocks: [
      cell("A1", value("LỘ TRÌNH: CHỈ TIÊU VÀ MỐC CỦA VIỆC ĐỘT PHÁ, ĐỔI MỚI"), "addin", STYLE.title, { mergeTo: "J1" }),
      cell(
        "A2",
        value(
          `Mỗi dòng là một chỉ tiêu của một năm (Loại dòng "${ROADMAP_ROW_KINDS.target}") hoặc một mốc (Loại dòng "${ROADMAP_ROW_KINDS.milestone}", ` +
            `năm của mốc là năm của hạn) của việc có Mã việc ở trang "${TASK_SHEETS.tasks}". Chỉ tiêu đánh giá như chỉ tiêu của đơn vị; ` +
            "chỉ tiêu của năm cuối là chỉ tiêu chung của cả giai đoạn. Số văn bản, liên kết và minh chứng ghi sản phẩm cụ thể.",
        ),
        "addin",
        STYLE.note,
        { mergeTo: `${RM.evidence}2` },
      ),
      { at: `A${ROADMAP_HEADER_ROW}`, cells: [ROADMAP_COLUMNS.map((c) => value(c.header))], owner: "addin", style: STYLE.header },
      ...inputBlock(firstInputs),
      ...inputBlock(lastInputs),
      ...inputBlock(evidence),
      // Each row's formulas are the first row's shifted down: stated once (formulaRunBlock).
      formulaRunBlock(`${RM.achievement}${pos.roadmapFirst}`, [formulas.achievement, formulas.status], height, "addin"),
      formulaRunBlock(`${RM.milestoneState}${pos.roadmapFirst}`, [formulas.milestoneState], height, "addin"),
      formulaRunBlock(`${RM[ROADMAP_HELPER_COLUMNS[0]]}${pos.roadmapFirst}`, ROADMAP_HELPER_COLUMNS.map((key) => helpers[key]), height, "addin"),
    ],
    rangeStyles: [
      ...(["code", "rowKind", "unit", "direction"] as const).map((key) => ({ range: col(key), style: STYLE.bodyCenter, unlocked: true })),
      ...(["name", "documentNumber", "link", "evidence"] as const).map((key) => ({ range: col(key), style: STYLE.bodyText, unlocked: true })),
      { range: col("year"), style: YEAR_STYLE, unlocked: true },
      { range: `${RM.target}${pos.roadmapFirst}:${RM.actual}${pos.roadmapLast}`, style: { ...STYLE.body, numberFormat: NUMBER_FORMATS.general }, unlocked: true },
      { range: `${RM.due}${pos.roadmapFirst}:${RM.done}${pos.roadmapLast}`, style: DATE_STYLE, unlocked: true },
      { range: col("achievement"), style: STYLE.percent },
      { range: col("status"), style: { ...STYLE.bodyCenter, numberFormat: NUMBER_FORMATS.general } },
      { range: milestoneStates, style: { ...STYLE.bodyCenter, numberFormat: NUMBER_FORMATS.general } },
      { range: `${RM[ROADMAP_HELPER_COLUMNS[0]]}${pos.roadmapFirst}:${LAST_ROADMAP_COLUMN}${pos.roadmapLast}`, style: { ...STYLE.bodyCenter, numberFormat: NUMBER_FORMATS.general } },
    ],
    numberFormats: [],
    tables: [{ name: TASK_TABLES.roadmap, range: `A${ROADMAP_HEADER_ROW}:${LAST_ROADMAP_COLUMN}${pos.roadmapLast}`, style: "TableStyleLight1" }],
    validations: [
      list(col("rowKind"), Object.values(ROADMAP_ROW_KINDS), "Loại dòng không hợp lệ", `Chọn "${ROADMAP_ROW_KINDS.target}" hoặc "${ROADMAP_ROW_KINDS.milestone}".`),
      list(col("direction"), Object.values(DIRECTION_NAMES), "Chiều không hợp lệ", "Chọn Tăng, Giảm hoặc Đạt/Không."),
      yearValidation(col("year")),
      dateValidation(col("due"), first("due")),
      dateValidation(col("done"), first("done")),
    ],
    conditionalFormats: [
      ...statusColours,
      { range: milestoneStates, formula: state("overdue"), ...RED },
      { range: milestoneStates, formula: state("dueSoon"), ...AMBER },
      { range: milestoneStates, formula: state("onTime"), ...GREEN },
      { range: milestoneStates, formula: `$${first("milestoneState")}=${q(BAD_DATE_TEXT)}`, ...AMBER },
    ],
    protect: true,
    sharedFormulas: true,
    freezeRows: ROADMAP_HEADER_ROW,
    // The helper columns stay off the page.
    print: a4Print("landscape", `A1:${RM.evidence}${pos.roadmapLast}`, `$${ROADMAP_HEADER_ROW}:$${ROADMAP_HEADER_ROW}`),
  };
}

/** The register's sheets (tasks, roadmap, totals) and their named cells. */
export function taskRegisterLayout(p: TaskRegisterParams): { sheets: SheetLayout[]; names: (NameSpec & { sheet: string })[] } {
  const roadmap = roadmapSheet(p);
  const roadmapCount = roadmapRows(p.tasks).length;
  const pos = taskRegisterPositions(p.tasks.length, roadmapCount);
  return {
    sheets: [tasksSheet(p, roadmapCount), roadmap, taskTotalsSheet(p.tasks, pos.taskFirst, pos.taskLast)],
    names: [
      { name: TASK_NAMES.asOf, ref: absolute("B2"), sheet: TASK_SHEETS.tasks },
      { name: TASK_NAMES.year, ref: absolute("E2"), sheet: TASK_SHEETS.tasks },
    ],
  };
}

/**
 * A unit workbook's layout with the register sheets added after its own and, when there are
 * tasks, the two printed documents over them (their header block reads the unit sheet's names);
 * each unit sheet shows its leader's tasks beside its summary.
 */
export function withTaskRegister(layout: WorkbookLayout, p: TaskRegisterParams): WorkbookLayout {
  const register = taskRegisterLayout(p);
  const pos = taskRegisterPositions(p.tasks.length, roadmapRows(p.tasks).length);
  const print = { tasks: p.tasks, taskFirst: pos.taskFirst, taskLast: pos.taskLast, roadmapFirst: pos.roadmapFirst, year: p.year, formLeader: p.formLeader };
  const documents = p.tasks.length === 0 ? [] : [taskResultsSheet(print), taskFormSheet(print)];
  const units = withUnitTaskBlocks(layout, pos);
  return { sheets: [...units.sheets, ...register.sheets, ...documents], names: [...units.names, ...register.names] };
}
