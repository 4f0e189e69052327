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
import { checkRegistration, DEFAULT_TASK_RULES, TASK_KIND_NAMES, TASK_STATE_NAMES, type Task, type TaskRules } from "../../domain/tasks";
import { TASK_LEVEL_NAMES } from "../../domain/messages/tasks";
import { leadersWithoutTask } from "../../domain/term";
import { columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import {
  DEFAULT_HEADER,
  DOC_BODY,
  DOC_STYLES,
  documentHeader,
  documentLine,
  documentPrintSpec,
  documentSignature,
  fixedLine,
  keptTogetherBreaks,
  rowHeight,
  spanPoints,
  typedLine,
  wrappedLines,
  type DocHalves,
  type DocHeader,
  type DocLine,
} from "../print";
import { FONT, NAMES } from "../schema";
import {
  ROADMAP_COLUMNS,
  ROADMAP_ROW_KINDS,
  TASK_COLUMNS,
  TASK_NAMES,
  TASK_SHEETS,
  type RoadmapColumnKey,
  type TaskColumnKey,
} from "./taskRegisterSchema";
import type { Block, SheetLayout, StyleSpec } from "../types";
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

const BODY = DOC_BODY;
const S = DOC_STYLES;

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const textOf = (name: string) => `""&${name}`;
/** A header field of the register's workbook (typed on its header sheet): room for two lines. */
const named = (name: string, text: string): DocLine => ({ content: formula(`=${textOf(name)}`), text, lines: 2 });
const HEADER: DocHeader = {
  superiorBody: named(NAMES.superiorBody, DEFAULT_HEADER.superiorBody),
  issuingBody: named(NAMES.issuingBody, DEFAULT_HEADER.issuingBody),
  placeDate: named(NAMES.placeDate, DEFAULT_HEADER.placeDate),
  // The document's own number line, typed here (a report of its own, not the unit sheet's).
  number: typedLine(`Số ${DEFAULT_HEADER.number}`),
};

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
const RESULT_HALVES: DocHalves = { leftTo: "C", rightFrom: "D", last: RESULT_LAST, leftWidth: spanPoints(RESULT_COLUMNS, "tt", "span"), rightWidth: spanPoints(RESULT_COLUMNS, "level", "reasons") };
const RESULT_SIGNATURE: DocHalves = { ...RESULT_HALVES, rightFrom: "E", rightWidth: spanPoints(RESULT_COLUMNS, "provisional", "reasons") };

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
  const full = spanPoints(RESULT_COLUMNS, "tt", "reasons");
  const head = [
    documentHeader(RESULT_HALVES, HEADER),
    documentLine(5, RESULT_LAST, full, { content: formula(`="KẾT QUẢ THỰC HIỆN VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM "&${TASK_NAMES.year}`), text: `KẾT QUẢ THỰC HIỆN VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM ${p.year}` }, "title"),
    documentLine(6, RESULT_LAST, full, { content: formula(`="(Theo dõi đến ngày "&${dateText(TASK_NAMES.asOf)}&")"`), text: "(Theo dõi đến ngày 31/12/2025)" }, "subtitle"),
  ];
  const blocks: Block[] = [
    ...head.flatMap((x) => x.blocks),
    { at: `A${RESULT_HEADER_ROW}`, cells: [RESULT_COLUMNS.map((c) => value(c.header))], owner: "addin", style: S.header },
  ];
  const headerLines = Math.max(...RESULT_COLUMNS.map((c) => wrappedLines(c.header, resultPoints(c.key), BODY, true)));
  const heights = [...head.flatMap((x) => x.heights), { row: RESULT_HEADER_ROW, height: rowHeight(headerLines, BODY) }];
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
  // The register's leaders with no task this year, as the register stood when the sheet was made (docs/rules.md §4).
  const idle = leadersWithoutTask(p.tasks, p.year);
  if (idle.length > 0) {
    const line = `Đồng chí chưa có việc đột phá, đổi mới năm ${p.year}: ${idle.join(", ")}.`;
    heights.push({ row, height: 8 });
    row++;
    blocks.push(cell(`A${row}`, value(line), "addin", S.summary, { mergeTo: `${RESULT_LAST}${row}` }));
    heights.push({ row, height: rowHeight(wrappedLines(line, spanPoints(RESULT_COLUMNS, "tt", "reasons"), BODY), BODY) });
    row++;
  }
  const signature = documentSignature(RESULT_SIGNATURE, row, {
    left: { label: "Nơi nhận:", labelStyle: "recipientsLabel", body: typedLine(DEFAULT_HEADER.recipients) },
    title: named(NAMES.signerTitle, DEFAULT_HEADER.signerTitle),
    position: named(NAMES.signerPosition, DEFAULT_HEADER.signerPosition),
    name: named(NAMES.signerName, DEFAULT_HEADER.signerName),
  });
  const signRow = row + 1;
  blocks.push(...signature.blocks);
  heights.push(...signature.heights);
  return {
    name: TASK_PRINT_SHEETS.results,
    font: { name: FONT, size: BODY },
    columnWidths: RESULT_COLUMNS.map((c) => c.width),
    rowHeights: heights,
    pageBreaks: keptTogetherBreaks(heights, "landscape", keep, signRow, heights.find((h) => h.row === RESULT_HEADER_ROW)?.height ?? 0),
    blocks,
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: documentPrintSpec(signature.next - 1, "landscape", RESULT_LAST, RESULT_HEADER_ROW),
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
const FORM_HALVES: DocHalves = { leftTo: "C", rightFrom: "D", last: FORM_LAST, leftWidth: formPoints("tt", "name"), rightWidth: formPoints("nameMore", "target") };
const FORM_SIGNATURE: DocHalves = { leftTo: "D", rightFrom: "E", last: FORM_LAST, leftWidth: formPoints("tt", "nameMore"), rightWidth: formPoints("unit", "target") };

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
    { content: `="Giải pháp: "&IFERROR(""&${look("solutions")},"")`, shown: `Giải pháp: ${task.solutions ?? ""}`, style: S.summary },
    { content: `="Cơ quan, người theo dõi: "&IFERROR(${focal},"")`, shown: `Cơ quan, người theo dõi: ${task.focalBody ?? ""}, ${task.focalPerson ?? ""}`, style: S.summary },
    { content: `="Phê duyệt: "&IFERROR(${approved},"")`, shown: `Phê duyệt: ${shownApproval}`, style: S.summary },
  ];
}

/** The registration check's findings for one task, as printed lines (none when the plan passes). */
function problemLines(messages: readonly string[]): FormLine[] {
  if (messages.length === 0) return [];
  const head = "Cần sửa, bổ sung trước khi phê duyệt (kiểm tra khi lập phiếu):";
  return [{ content: head, shown: head, style: S.summaryBold }, ...messages.map((m) => ({ content: `- ${m}`, shown: `- ${m}`, style: S.summary }))];
}

export function taskFormSheet(p: TaskPrintParams): SheetLayout {
  const leader = (p.formLeader ?? p.tasks[0]?.leader ?? "").normalize("NFC").trim();
  const tasks = p.tasks.filter((t) => t.leader.normalize("NFC").trim() === leader);
  const problems = checkRegistration(p.tasks, p.rules ?? DEFAULT_TASK_RULES);
  const roadmap = roadmapRowsOf(p);
  const wide = formPoints("tt", "target");
  const first = tasks[0] ? taskLookup(p, tasks[0].code) : null;
  const field = (label: string, key: TaskColumnKey, shown: string | undefined) => ({ label, key, shown: shown ?? "" });
  const head = [documentHeader(FORM_HALVES, { ...HEADER, number: null }), documentLine(5, FORM_LAST, wide, fixedLine("PHIẾU ĐĂNG KÝ VIỆC ĐỘT PHÁ, ĐỔI MỚI"), "title")];
  const blocks: Block[] = head.flatMap((x) => x.blocks);
  const heights = [...head.flatMap((x) => x.heights), { row: 6, height: 8 }];
  const keep = new Set<number>();
  let row = 7;
  for (const f of [field("Họ và tên", "leader", tasks[0]?.leader), field("Chức vụ", "position", tasks[0]?.position), field("Đơn vị", "unit", tasks[0]?.unit)]) {
    const content = first ? formula(`=${q(`${f.label}: `)}&IFERROR(""&${first(f.key)},"")`) : value(`${f.label}: `);
    blocks.push(cell(`A${row}`, content, "addin", S.summary, { mergeTo: `${FORM_LAST}${row}` }));
    heights.push({ row, height: rowHeight(wrappedLines(`${f.label}: ${f.shown}`, wide, BODY), BODY) });
    row++;
  }
  tasks.forEach((task, n) => {
    const look = taskLookup(p, task.code);
    heights.push({ row, height: 8 });
    keep.add(row);
    row++;
    const lines: FormLine[] = [
      { content: `=${q(`${n + 1}. `)}&IFERROR(""&${look("title")},"")`, shown: `${n + 1}. ${task.title}`, style: S.summaryBold },
      {
        content: `=IFERROR("Loại: "&${look("kind")}&"; thời gian thực hiện: "&${look("firstYear")}&"–"&${look("lastYear")},"")`,
        shown: `Loại: ${TASK_KIND_NAMES[task.kind]}; thời gian thực hiện: ${task.firstYear}–${task.lastYear}`,
        style: S.summary,
      },
      { content: `="Mục tiêu chung: "&IFERROR(""&${look("goal")},"")`, shown: `Mục tiêu chung: ${task.goal}`, style: S.summary },
      ...planLines(look, task),
      // The registration check's findings when the form was made: what to correct before approval.
      ...problemLines(problems.filter((x) => x.code === task.code).map((x) => x.message)),
    ];
    for (const line of lines) {
      blocks.push(cell(`A${row}`, line.content.startsWith("=") ? formula(line.content) : value(line.content), "addin", line.style, { mergeTo: `${FORM_LAST}${row}` }));
      heights.push({ row, height: rowHeight(wrappedLines(line.shown, wide, BODY, line.style === S.summaryBold), BODY) });
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
  const signature = documentSignature(FORM_SIGNATURE, row, {
    left: { label: "XÁC NHẬN CỦA CƠ QUAN THEO DÕI", labelStyle: "signature", body: null },
    title: fixedLine("NGƯỜI ĐĂNG KÝ"),
    position: fixedLine("(Ký, ghi rõ họ tên)"),
    positionStyle: "signatureNote",
    name: first ? { content: formula(`=IFERROR(""&${first("leader")},"")`), text: leader } : fixedLine(""),
  });
  const signRow = row + 1;
  blocks.push(...signature.blocks);
  heights.push(...signature.heights);
  return {
    name: TASK_PRINT_SHEETS.form,
    font: { name: FONT, size: BODY },
    columnWidths: FORM_COLUMNS.map((c) => c.width),
    rowHeights: heights,
    pageBreaks: keptTogetherBreaks(heights, "portrait", keep, signRow, 0),
    blocks,
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: documentPrintSpec(signature.next - 1, "portrait", FORM_LAST, null),
  };
}
