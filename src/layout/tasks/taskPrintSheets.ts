/**
 * The printed documents of the breakthrough-task register (issue 9 §4), in the official format of
 * the year-end table (docs/developer-guide.md, "The printed document": A4 at 100 %, Times New Roman 13 pt body, header block, page
 * numbers, repeated header row): "In kết quả đột phá", the results of the year evaluated, tasks
 * grouped by leader; and "Phiếu đăng ký", the registration form of one leader with each task's
 * general goal, quantified targets per year and milestones. Rows are generated from the tasks known
 * when the sheets are made (as "Bản in" is from the unit table); every printed cell is a formula
 * over the register (INDEX/MATCH on the task code, or a direct reference to a roadmap row), so the
 * documents follow what is typed in the register afterwards.
 */
import { checkRegistration, DEFAULT_TASK_RULES, TASK_KIND_NAMES, TASK_LEVEL_NAMES, TASK_STATE_NAMES, type Task, type TaskRules } from "../../domain/tasks";
import { columnIndex, columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import { DEFAULT_HEADER } from "../print";
import { FONT, NAMES, PARTY_NAME } from "../schema";
import {
  ROADMAP_COLUMNS,
  ROADMAP_ROW_KINDS,
  TASK_COLUMNS,
  TASK_NAMES,
  TASK_SHEETS,
  type RoadmapColumnKey,
  type TaskColumnKey,
} from "./taskRegisterSchema";
import { rowHeight, spanPoints, wrappedLines } from "../print";
import type { Block, PrintSpec, SheetLayout, StyleSpec } from "../types";
import { vnNumberFormula } from "../vnNumberFormula";

export const TASK_PRINT_SHEETS = { results: "In kết quả đột phá", form: "Phiếu đăng ký" } as const;

/** Where the register's tables are, as written with the same tasks (taskRegisterPositions). */
export interface TaskPrintParams {
  readonly tasks: readonly Task[];
  readonly taskFirst: number;
  readonly taskLast: number;
  readonly roadmapFirst: number;
  /** The year the register evaluates: the results list only the tasks running in it. */
  readonly year: number;
  /** The leader whose registration form is printed (default: the first task's). */
  readonly formLeader?: string;
  /** The rules the registration form's check applies (default: the product's). */
  readonly rules?: TaskRules;
}

const BODY = 13;
const font = (size: number, extra: Omit<StyleSpec["font"] & object, "name" | "size"> = {}) => ({ name: FONT, size, ...extra });
const S = {
  superior: { font: font(14), horizontal: "center", vertical: "center", wrap: true },
  issuing: { font: font(14, { bold: true }), horizontal: "center", vertical: "center", wrap: true },
  party: { font: font(14, { bold: true, underline: true }), horizontal: "center", vertical: "center", wrap: true },
  placeDate: { font: font(14, { italic: true }), horizontal: "center", vertical: "center", wrap: true },
  recipientsLabel: { font: font(BODY, { bold: true, italic: true }), vertical: "top" },
  recipients: { font: font(BODY), vertical: "top", wrap: true },
  title: { font: font(15, { bold: true }), horizontal: "center", vertical: "center", wrap: true },
  header: { font: font(BODY, { bold: true }), horizontal: "center", vertical: "center", wrap: true, border: true },
  group: { font: font(BODY, { bold: true }), vertical: "center", wrap: true, border: true },
  text: { font: font(BODY), vertical: "center", wrap: true, border: true },
  center: { font: font(BODY), horizontal: "center", vertical: "center", wrap: true, border: true },
  number: { font: font(BODY), horizontal: "right", vertical: "center", wrap: true, border: true },
  line: { font: font(BODY), vertical: "center", wrap: true },
  lineBold: { font: font(BODY, { bold: true }), vertical: "center", wrap: true },
  signature: { font: font(14, { bold: true }), horizontal: "center", vertical: "top", wrap: true },
  signatureNote: { font: font(BODY, { italic: true }), horizontal: "center", vertical: "top", wrap: true },
} as const satisfies Record<string, StyleSpec>;

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const textOf = (name: string) => `""&${name}`;
const MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.7 } as const;

function printSpec(orientation: PrintSpec["orientation"], last: string, lastRow: number, headerRow: number | null): PrintSpec {
  return {
    orientation,
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    scale: 100,
    ...(headerRow === null ? {} : { titleRows: `$${headerRow}:$${headerRow}` }),
    area: `A1:${last}${lastRow}`,
    footerCenter: `&"${FONT},Regular"&${BODY}Trang &P / &N`,
    centerHorizontally: true,
    margins: MARGINS,
  };
}

/** A task-table column over the body rows, absolute and qualified (the documents sit on their own sheets). */
function taskLookup(p: TaskPrintParams, code: string) {
  const column = (key: TaskColumnKey) => {
    const letter = columnLetter(TASK_COLUMNS.findIndex((c) => c.key === key));
    return qualified(TASK_SHEETS.tasks, `$${letter}$${p.taskFirst}:$${letter}$${p.taskLast}`);
  };
  return (key: TaskColumnKey) => `INDEX(${column(key)},MATCH(${q(code)},${column("code")},0))`;
}

/** A roadmap cell of a given sheet row, absolute. */
function roadmapCell(key: RoadmapColumnKey, row: number): string {
  return qualified(TASK_SHEETS.roadmap, `$${columnLetter(ROADMAP_COLUMNS.findIndex((c) => c.key === key))}$${row}`);
}

/** A date as dd/mm/yyyy whatever the computer's language ("" when blank). */
const dateText = (x: string) => `IF(ISNUMBER(${x}),RIGHT("0"&DAY(${x}),2)&"/"&RIGHT("0"&MONTH(${x}),2)&"/"&YEAR(${x}),""&${x})`;

/** The header block of both documents: superior and issuing body left of `split`, Party name and place-date right. */
function headerBlock(split: string, last: string): { blocks: Block[]; heights: { row: number; height: number }[] } {
  const next = columnLetter(columnIndex(split) + 1);
  return {
    blocks: [
      cell("A1", formula(`=${textOf(NAMES.superiorBody)}`), "addin", S.superior, { mergeTo: `${split}1` }),
      cell(`${next}1`, value(PARTY_NAME), "addin", S.party, { mergeTo: `${last}1` }),
      cell("A2", formula(`=${textOf(NAMES.issuingBody)}`), "addin", S.issuing, { mergeTo: `${split}2` }),
      cell("A3", value("*"), "addin", S.superior, { mergeTo: `${split}3` }),
      cell(`${next}3`, formula(`=${textOf(NAMES.placeDate)}`), "addin", S.placeDate, { mergeTo: `${last}3` }),
    ],
    heights: [
      { row: 1, height: rowHeight(1, 14) },
      { row: 2, height: rowHeight(2, 14) },
      { row: 3, height: rowHeight(2, 14) },
      { row: 4, height: 10 },
    ],
  };
}

// ---- The yearly results table -----------------------------------------------------------

type ResultKey = "tt" | "title" | "span" | "level" | "provisional" | "finalLevel" | "reasons";
const RESULT_COLUMNS: readonly { key: ResultKey; header: string; width: number }[] = [
  { key: "tt", header: "TT", width: 5 },
  { key: "title", header: "Việc đột phá, đổi mới", width: 36 },
  { key: "span", header: "Thời gian", width: 11 },
  { key: "level", header: "Xếp loại năm", width: 22 },
  { key: "provisional", header: "Tính chất", width: 10 },
  { key: "finalLevel", header: "Xếp loại cả giai đoạn", width: 22 },
  { key: "reasons", header: "Căn cứ", width: 30 },
];
const RESULT_LAST = columnLetter(RESULT_COLUMNS.length - 1);
const resultPoints = (key: ResultKey) => spanPoints(RESULT_COLUMNS, key);
const RESULT_HEADER_ROW = 7;

/** Leaders in register order, each with their tasks. */
function byLeader(tasks: readonly Task[]): { leader: string; tasks: Task[] }[] {
  const groups = new Map<string, Task[]>();
  for (const task of tasks) {
    const key = task.leader.trim();
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  return [...groups].map(([leader, list]) => ({ leader, tasks: list }));
}

/** The printed cells of one task in the results table. */
function resultFormulas(p: TaskPrintParams, code: string): Record<Exclude<ResultKey, "tt">, string> {
  const look = taskLookup(p, code);
  const dropped = `${look("state")}=${q(TASK_STATE_NAMES.dropped)}`;
  const reasons =
    `IF(${dropped},"Dừng"&IF(TRIM(${look("dropReason")})="","",": "&${look("dropReason")}),` +
    `IF(${look("level")}="","",${look("yearMet")}&"/"&${look("yearTargets")}&" chỉ tiêu đạt, vượt; "&` +
    `${look("yearDone")}&"/"&${look("yearMilestones")}&" mốc trong năm xong"&IF(${look("overdue")}>0,"; "&${look("overdue")}&" mốc quá hạn","")))`;
  return {
    title: `=IFERROR(""&${look("title")},"")`,
    span: `=IFERROR(${look("firstYear")}&"–"&${look("lastYear")},"")`,
    level: `=IFERROR(""&${look("level")},"")`,
    provisional: `=IFERROR(""&${look("provisional")},"")`,
    finalLevel: `=IFERROR(""&${look("finalLevel")},"")`,
    reasons: `=IFERROR(${reasons},"")`,
  };
}

export function taskResultsSheet(p: TaskPrintParams): SheetLayout {
  const longestLevel = Object.values(TASK_LEVEL_NAMES).reduce((a, b) => (a.length >= b.length ? a : b));
  const header = headerBlock("C", RESULT_LAST);
  const blocks: Block[] = [
    ...header.blocks,
    // The document's own number line, typed here (a report of its own, not the unit sheet's).
    cell("A4", value(`Số ${DEFAULT_HEADER.number}`), "user", S.superior, { mergeTo: "C4", unlocked: true }),
    cell("A5", formula(`="KẾT QUẢ THỰC HIỆN VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM "&${TASK_NAMES.year}`), "addin", S.title, { mergeTo: `${RESULT_LAST}5` }),
    cell("A6", formula(`="(Theo dõi đến ngày "&${dateText(TASK_NAMES.asOf)}&")"`), "addin", { ...S.placeDate, font: font(BODY, { italic: true }) }, { mergeTo: `${RESULT_LAST}6` }),
    { at: `A${RESULT_HEADER_ROW}`, cells: [RESULT_COLUMNS.map((c) => value(c.header))], owner: "addin", style: S.header },
  ];
  const headerLines = Math.max(...RESULT_COLUMNS.map((c) => wrappedLines(c.header, resultPoints(c.key), BODY, true)));
  const heights = [...header.heights.filter((h) => h.row !== 4), { row: 4, height: rowHeight(1, 14) }, { row: 5, height: rowHeight(1, 15) }, { row: 6, height: rowHeight(1, BODY) }, { row: RESULT_HEADER_ROW, height: rowHeight(headerLines, BODY) }];
  const keep = new Set<number>();
  let row = RESULT_HEADER_ROW + 1;
  // Only the tasks running in the year: the others have no level to report (docs/rules.md §4).
  byLeader(p.tasks.filter((t) => t.firstYear <= p.year && p.year <= t.lastYear)).forEach((group) => {
    const first = taskLookup(p, group.tasks[0].code);
    const who = `=IFERROR(${first("leader")}&IF(TRIM(${first("position")})="","",", "&${first("position")})&IF(TRIM(${first("unit")})="","",", "&${first("unit")}),"")`;
    const shown = [group.leader, group.tasks[0].position, group.tasks[0].unit].filter(Boolean).join(", ");
    blocks.push(cell(`A${row}`, formula(who), "addin", S.group, { mergeTo: `${RESULT_LAST}${row}` }));
    heights.push({ row, height: rowHeight(wrappedLines(shown, spanPoints(RESULT_COLUMNS, RESULT_COLUMNS[0].key, RESULT_COLUMNS[RESULT_COLUMNS.length - 1].key), BODY, true), BODY) });
    keep.add(row);
    row++;
    group.tasks.forEach((task, i) => {
      const f = resultFormulas(p, task.code);
      blocks.push(cell(`A${row}`, value(i + 1), "addin", S.center));
      blocks.push({ at: `B${row}`, cells: [[formula(f.title)]], owner: "addin", style: S.text });
      blocks.push({ at: `C${row}`, cells: [[formula(f.span)]], owner: "addin", style: S.center });
      blocks.push({ at: `D${row}`, cells: [[formula(f.level), formula(f.provisional), formula(f.finalLevel)]], owner: "addin", style: S.center });
      blocks.push({ at: `G${row}`, cells: [[formula(f.reasons)]], owner: "addin", style: S.text });
      const lines = Math.max(
        wrappedLines(task.title, resultPoints("title"), BODY),
        wrappedLines(longestLevel, resultPoints("level"), BODY),
        wrappedLines("25/25 chỉ tiêu đạt, vượt; 12/12 mốc trong năm xong; 12 mốc quá hạn", resultPoints("reasons"), BODY),
      );
      heights.push({ row, height: rowHeight(lines, BODY) });
      row++;
    });
  });
  const signRow = row + 1;
  // "Nơi nhận" on the left at the signature's height, typed here, as on the unit's report (HD 36).
  blocks.push(cell(`A${signRow}`, value("Nơi nhận:"), "addin", S.recipientsLabel, { mergeTo: `C${signRow}` }));
  blocks.push(cell(`A${signRow + 1}`, value(DEFAULT_HEADER.recipients), "user", S.recipients, { mergeTo: `C${signRow + 1}`, unlocked: true }));
  blocks.push(cell(`E${signRow}`, formula(`=${textOf(NAMES.signerTitle)}`), "addin", S.signature, { mergeTo: `${RESULT_LAST}${signRow}` }));
  blocks.push(cell(`E${signRow + 1}`, formula(`=${textOf(NAMES.signerPosition)}`), "addin", S.signature, { mergeTo: `${RESULT_LAST}${signRow + 1}` }));
  blocks.push(cell(`E${signRow + 3}`, formula(`=${textOf(NAMES.signerName)}`), "addin", S.signature, { mergeTo: `${RESULT_LAST}${signRow + 3}` }));
  heights.push({ row: row, height: 12 }, { row: signRow, height: rowHeight(1, 14) }, { row: signRow + 1, height: Math.max(rowHeight(1, 14), rowHeight(wrappedLines(DEFAULT_HEADER.recipients, spanPoints(RESULT_COLUMNS, "tt", "span"), BODY), BODY)) }, { row: signRow + 2, height: 56 }, { row: signRow + 3, height: rowHeight(1, 14) });
  return {
    name: TASK_PRINT_SHEETS.results,
    font: { name: FONT, size: BODY },
    columnWidths: RESULT_COLUMNS.map((c) => c.width),
    rowHeights: heights,
    pageBreaks: pageBreaks(heights, "landscape", keep, signRow, heights.find((h) => h.row === RESULT_HEADER_ROW)?.height ?? 0),
    blocks,
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: printSpec("landscape", RESULT_LAST, signRow + 3, RESULT_HEADER_ROW),
  };
}

// ---- The registration form of one leader ------------------------------------------------

type FormKey = "tt" | "year" | "name" | "nameMore" | "unit" | "target";
/**
 * 89 units fit the 523 pt an A4 portrait page leaves between its margins at 100 %. The text of a
 * target spans two columns, so that the header block's right half (D:F) holds the Party's name.
 */
const FORM_COLUMNS: readonly { key: FormKey; header: string; width: number }[] = [
  { key: "tt", header: "TT", width: 5 },
  { key: "year", header: "Năm", width: 8 },
  { key: "name", header: "Chỉ tiêu, mốc", width: 26 },
  { key: "nameMore", header: "", width: 20 },
  { key: "unit", header: "Đơn vị tính", width: 12 },
  { key: "target", header: "Kế hoạch / Hạn", width: 18 },
];
const FORM_LAST = columnLetter(FORM_COLUMNS.length - 1);
const formPoints = (from: FormKey, to: FormKey = from) => spanPoints(FORM_COLUMNS, from, to);

/** Printable height of a page in points, less the margins, with 5 % to spare. */
const pageBody = (orientation: PrintSpec["orientation"]) => ((orientation === "portrait" ? 841.89 : 595.28) - (MARGINS.top + MARGINS.bottom) * 72) * 0.95;

/**
 * Manual page breaks from the rows as sized: a row in `keepWithNext` (a leader's or a task's
 * heading) never ends a page, and the signature block from `tailStart` on is signed as one, so it
 * starts a page of its own rather than being split (as on "Bản in"). `repeated` is the height of
 * the header row printed again at the top of each page.
 */
function pageBreaks(
  heights: readonly { row: number; height: number }[],
  orientation: PrintSpec["orientation"],
  keepWithNext: ReadonlySet<number>,
  tailStart: number,
  repeated: number,
): number[] {
  const rows = [...heights].sort((a, b) => a.row - b.row);
  const breaks: number[] = [];
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    // A run that must stay on one page: headings with the row after them, or the whole tail.
    let j = i;
    if (rows[i].row >= tailStart) j = rows.length - 1;
    else while (j + 1 < rows.length && keepWithNext.has(rows[j].row)) j++;
    const run = rows.slice(i, j + 1).reduce((sum, r) => sum + r.height, 0);
    if (used > repeated && used + run > pageBody(orientation)) {
      breaks.push(rows[i].row);
      used = repeated;
    }
    used += rows[i].height;
  }
  return breaks;
}

/** Each task's targets then milestones, with their roadmap sheet rows (the order roadmapSheet writes them). */
function roadmapRowsOf(p: TaskPrintParams): Map<string, { kind: "target" | "milestone"; row: number; text: string }[]> {
  const rows = new Map<string, { kind: "target" | "milestone"; row: number; text: string }[]>();
  let row = p.roadmapFirst;
  for (const task of p.tasks) {
    const own = rows.get(task.code) ?? [];
    for (const t of task.targets) own.push({ kind: "target", row: row++, text: t.name });
    for (const m of task.milestones) own.push({ kind: "milestone", row: row++, text: m.what });
    rows.set(task.code, own);
  }
  return rows;
}

type FormLine = { content: string; shown: string; style: StyleSpec };

/** The rest of the plan: solutions, the focal point that follows the task, and the approving decision. */
function planLines(look: (key: TaskColumnKey) => string, task: Task): FormLine[] {
  const typed = (key: TaskColumnKey) => `TRIM(""&${look(key)})`;
  const focal = `${typed("focalBody")}&IF(AND(${typed("focalBody")}<>"",${typed("focalPerson")}<>""),", ","")&${typed("focalPerson")}`;
  const approvalDate = look("approvalDate");
  const approved =
    `IF(AND(${typed("approvalBody")}="",${typed("approvalNumber")}="",${typed("approvalDate")}=""),"chưa phê duyệt",` +
    `${typed("approvalBody")}&IF(${typed("approvalNumber")}="",""," – Quyết định số "&${typed("approvalNumber")})&IF(${typed("approvalDate")}="",""," ngày "&${dateText(approvalDate)}))`;
  const a = task.approval;
  const shownApproval = a?.body || a?.number || a?.date ? `${a.body ?? ""} – Quyết định số ${a.number ?? ""} ngày 30/12/2025` : "chưa phê duyệt";
  return [
    { content: `="Giải pháp: "&IFERROR(""&${look("solutions")},"")`, shown: `Giải pháp: ${task.solutions ?? ""}`, style: S.line },
    { content: `="Cơ quan, người theo dõi: "&IFERROR(${focal},"")`, shown: `Cơ quan, người theo dõi: ${task.focalBody ?? ""}, ${task.focalPerson ?? ""}`, style: S.line },
    { content: `="Phê duyệt: "&IFERROR(${approved},"")`, shown: `Phê duyệt: ${shownApproval}`, style: S.line },
  ];
}

/** The registration check's findings for one task, as printed lines (none when the plan passes). */
function problemLines(messages: readonly string[]): FormLine[] {
  if (messages.length === 0) return [];
  const head = "Cần sửa, bổ sung trước khi phê duyệt (kiểm tra khi lập phiếu):";
  return [{ content: head, shown: head, style: S.lineBold }, ...messages.map((m) => ({ content: `- ${m}`, shown: `- ${m}`, style: S.line }))];
}

export function taskFormSheet(p: TaskPrintParams): SheetLayout {
  const leader = (p.formLeader ?? p.tasks[0]?.leader ?? "").normalize("NFC").trim();
  const tasks = p.tasks.filter((t) => t.leader.normalize("NFC").trim() === leader);
  const problems = checkRegistration(p.tasks, p.rules ?? DEFAULT_TASK_RULES);
  const roadmap = roadmapRowsOf(p);
  const header = headerBlock("C", FORM_LAST);
  const wide = formPoints("tt", "target");
  const first = tasks[0] ? taskLookup(p, tasks[0].code) : null;
  const field = (label: string, key: TaskColumnKey, shown: string | undefined) => ({ label, key, shown: shown ?? "" });
  const blocks: Block[] = [
    ...header.blocks,
    cell("A5", value("PHIẾU ĐĂNG KÝ VIỆC ĐỘT PHÁ, ĐỔI MỚI"), "addin", S.title, { mergeTo: `${FORM_LAST}5` }),
  ];
  const heights = [...header.heights.filter((h) => h.row !== 4), { row: 4, height: rowHeight(1, 14) }, { row: 5, height: rowHeight(1, 15) }, { row: 6, height: 8 }];
  const keep = new Set<number>();
  let row = 7;
  for (const f of [field("Họ và tên", "leader", tasks[0]?.leader), field("Chức vụ", "position", tasks[0]?.position), field("Đơn vị", "unit", tasks[0]?.unit)]) {
    const content = first ? formula(`=${q(`${f.label}: `)}&IFERROR(""&${first(f.key)},"")`) : value(`${f.label}: `);
    blocks.push(cell(`A${row}`, content, "addin", S.line, { mergeTo: `${FORM_LAST}${row}` }));
    heights.push({ row, height: rowHeight(wrappedLines(`${f.label}: ${f.shown}`, wide, BODY), BODY) });
    row++;
  }
  tasks.forEach((task, n) => {
    const look = taskLookup(p, task.code);
    heights.push({ row, height: 8 });
    keep.add(row);
    row++;
    const lines: FormLine[] = [
      { content: `=${q(`${n + 1}. `)}&IFERROR(""&${look("title")},"")`, shown: `${n + 1}. ${task.title}`, style: S.lineBold },
      {
        content: `=IFERROR("Loại: "&${look("kind")}&"; thời gian thực hiện: "&${look("firstYear")}&"–"&${look("lastYear")},"")`,
        shown: `Loại: ${TASK_KIND_NAMES[task.kind]}; thời gian thực hiện: ${task.firstYear}–${task.lastYear}`,
        style: S.line,
      },
      { content: `="Mục tiêu chung: "&IFERROR(""&${look("goal")},"")`, shown: `Mục tiêu chung: ${task.goal}`, style: S.line },
      ...planLines(look, task),
      // The registration check's findings when the form was made: what to correct before approval.
      ...problemLines(problems.filter((x) => x.code === task.code).map((x) => x.message)),
    ];
    for (const line of lines) {
      blocks.push(cell(`A${row}`, line.content.startsWith("=") ? formula(line.content) : value(line.content), "addin", line.style, { mergeTo: `${FORM_LAST}${row}` }));
      heights.push({ row, height: rowHeight(wrappedLines(line.shown, wide, BODY, line.style === S.lineBold), BODY) });
      keep.add(row);
      row++;
    }
    blocks.push({ at: `A${row}`, cells: [[value("TT"), value("Năm")]], owner: "addin", style: S.header });
    blocks.push(cell(`C${row}`, value("Chỉ tiêu, mốc"), "addin", S.header, { mergeTo: `D${row}` }));
    blocks.push({ at: `E${row}`, cells: [[value("Đơn vị tính"), value("Kế hoạch / Hạn")]], owner: "addin", style: S.header });
    heights.push({ row, height: rowHeight(Math.max(...FORM_COLUMNS.map((c) => wrappedLines(c.header, formPoints(c.key), BODY, true))), BODY) });
    keep.add(row);
    row++;
    (roadmap.get(task.code) ?? []).forEach((entry, i) => {
      const rm = (key: RoadmapColumnKey) => roadmapCell(key, entry.row);
      const planned =
        entry.kind === "target"
          ? `=IF(ISNUMBER(${rm("target")}),${vnNumberFormula(rm("target"), 2)},""&${rm("target")})`
          : `=${dateText(rm("due"))}`;
      blocks.push(cell(`A${row}`, value(i + 1), "addin", S.center));
      blocks.push({ at: `B${row}`, cells: [[formula(`=""&${rm("year")}`)]], owner: "addin", style: S.center });
      const name = entry.kind === "target" ? `=""&${rm("name")}` : `=${q(`${ROADMAP_ROW_KINDS.milestone}: `)}&${rm("name")}`;
      blocks.push(cell(`C${row}`, formula(name), "addin", S.text, { mergeTo: `D${row}` }));
      blocks.push({ at: `E${row}`, cells: [[formula(`=""&${rm("unit")}`)]], owner: "addin", style: S.center });
      blocks.push({ at: `F${row}`, cells: [[formula(planned)]], owner: "addin", style: S.number });
      heights.push({ row, height: rowHeight(wrappedLines(entry.kind === "target" ? entry.text : `Mốc: ${entry.text}`, formPoints("name", "nameMore"), BODY), BODY) });
      row++;
    });
  });
  const signRow = row + 1;
  blocks.push(cell(`A${signRow}`, value("XÁC NHẬN CỦA CƠ QUAN THEO DÕI"), "addin", S.signature, { mergeTo: `D${signRow}` }));
  blocks.push(cell(`E${signRow}`, value("NGƯỜI ĐĂNG KÝ"), "addin", S.signature, { mergeTo: `${FORM_LAST}${signRow}` }));
  blocks.push(cell(`E${signRow + 1}`, value("(Ký, ghi rõ họ tên)"), "addin", S.signatureNote, { mergeTo: `${FORM_LAST}${signRow + 1}` }));
  blocks.push(cell(`E${signRow + 3}`, first ? formula(`=IFERROR(""&${first("leader")},"")`) : value(""), "addin", S.signature, { mergeTo: `${FORM_LAST}${signRow + 3}` }));
  heights.push({ row, height: 12 }, { row: signRow, height: rowHeight(1, 14) }, { row: signRow + 1, height: rowHeight(1, BODY) }, { row: signRow + 2, height: 56 }, { row: signRow + 3, height: rowHeight(1, 14) });
  return {
    name: TASK_PRINT_SHEETS.form,
    font: { name: FONT, size: BODY },
    columnWidths: FORM_COLUMNS.map((c) => c.width),
    rowHeights: heights,
    pageBreaks: pageBreaks(heights, "portrait", keep, signRow, 0),
    blocks,
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: printSpec("portrait", FORM_LAST, signRow + 3, null),
  };
}
