/**
 * "Bản in": the year-end table an office signs (Hướng dẫn 36-HD/VPTW, docs/developer-guide.md, "The printed document"). Its rows are
 * generated from the unit table (which indicators, which groups, how tall), and every cell is a
 * formula over the unit sheet, so the document stays live for colleagues without the add-in. Only
 * printed columns are here: direction, key flag, weight and the control lines stay on the unit sheet.
 */
import { formatCount, LEVEL_NAMES, STATUS_NAMES, type Group } from "../../domain";
import { columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import type { ColumnLetters } from "../formulas";
import { FONT, NAMES, PARTY_NAME, SHEETS, type DocumentHeader } from "../schema";
import { rowHeight, spanPoints, wrappedLines } from "./textMetrics";
import type { Block, NameSpec, PrintSpec, Scalar, SheetLayout, StyleSpec } from "../types";
import { vnNumberFormula, vnPercentFormula } from "../vnNumberFormula";

/** One indicator as the unit table holds it; values only size the rows. */
export interface PrintRow {
  readonly code: string;
  readonly group: string;
  readonly name: string;
  readonly unit: string;
  readonly target?: Scalar;
  readonly actual?: Scalar;
  readonly note?: string;
}

export interface PrintSheetParams {
  /** Where the unit table is: its sheet, column letters and body rows. */
  readonly unitSheet: string;
  readonly letters: ColumnLetters;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly rows: readonly PrintRow[];
  readonly groups: readonly Group[];
  readonly header: DocumentHeader;
  /** The title as it will print (tableTitle), to size its row. */
  readonly title: string;
}

type Key = "tt" | "name" | "unit" | "target" | "actual" | "achievement" | "status" | "note";

/**
 * Widths in .xlsx units (digits of the Normal font): 136 units stay inside the 770 pt an A4
 * landscape page leaves between its margins at 100 %, even at the widest conversion in use
 * (5,6 pt a unit, the add-in's), so no column moves to another page and nothing is shrunk.
 */
const COLUMNS: readonly { key: Key; header: string; width: number }[] = [
  { key: "tt", header: "TT", width: 5 },
  { key: "name", header: "Chỉ tiêu", width: 46 },
  { key: "unit", header: "Đơn vị tính", width: 10 },
  { key: "target", header: "Kế hoạch", width: 14 },
  { key: "actual", header: "Thực hiện", width: 14 },
  { key: "achievement", header: "Tỷ lệ đạt", width: 11 },
  { key: "status", header: "Đánh giá", width: 17 },
  { key: "note", header: "Ghi chú", width: 19 },
];
const LAST = columnLetter(COLUMNS.length - 1);
const points = (from: Key, to: Key = from) => spanPoints(COLUMNS, from, to);

/** Body 13 pt and titles 14–15 pt as printed: the sheet is printed at 100 %. */
export const PRINT_BODY = 13;
const BODY = PRINT_BODY;
const font = (size: number, extra: Omit<StyleSpec["font"] & object, "name" | "size"> = {}) => ({ name: FONT, size, ...extra });
/** The printed documents' cell styles (HD 36): "Bản in" and "Công khai" share them. */
export const PRINT_STYLES = {
  superior: { font: font(14), horizontal: "center", vertical: "center" },
  issuing: { font: font(14, { bold: true }), horizontal: "center", vertical: "center", wrap: true },
  plain14: { font: font(14), horizontal: "center", vertical: "center" },
  party: { font: font(15, { bold: true, underline: true }), horizontal: "center", vertical: "center" },
  placeDate: { font: font(14, { italic: true }), horizontal: "center", vertical: "center" },
  title: { font: font(15, { bold: true }), horizontal: "center", vertical: "center", wrap: true },
  summaryTitle: { font: font(14, { bold: true }), horizontal: "center", vertical: "center", wrap: true },
  mark: { font: font(14, { bold: true }), horizontal: "center", vertical: "center" },
  header: { font: font(BODY, { bold: true }), horizontal: "center", vertical: "center", wrap: true, border: true },
  group: { font: font(BODY, { bold: true }), vertical: "center", wrap: true, border: true },
  text: { font: font(BODY), vertical: "center", wrap: true, border: true },
  center: { font: font(BODY), horizontal: "center", vertical: "center", wrap: true, border: true },
  number: { font: font(BODY), horizontal: "right", vertical: "center", wrap: true, border: true },
  summary: { font: font(BODY), vertical: "center", wrap: true },
  summaryBold: { font: font(BODY, { bold: true }), vertical: "center", wrap: true },
  recipientsLabel: { font: font(BODY, { bold: true, italic: true }), vertical: "top" },
  recipients: { font: font(BODY), vertical: "top", wrap: true },
  signature: { font: font(14, { bold: true }), horizontal: "center", vertical: "top", wrap: true },
} as const satisfies Record<string, StyleSpec>;
const S = PRINT_STYLES;

export const PRINT_HEADER_ROW = 8;
const NUMBER_ROW = 4;
/** HD 36: a numbered report names its kind on a line of its own, then its summary. */
const KIND_ROW = 5;
const TITLE_ROW = 6;
/** "TẠM TÍNH", repeated with the table header on every page while the result is provisional. */
const MARK_ROW = 7;
const REPORT_KIND = "BÁO CÁO";
const REPORT_SUMMARY = { beforeYear: "Kết quả thực hiện chỉ tiêu, nhiệm vụ năm ", beforeUnit: " của " } as const;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];
const roman = (i: number) => ROMAN[i] ?? String(i + 1);
const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
/** A name's text, "" for an empty cell (a bare reference prints 0). */
const textOf = (name: string) => `""&${name}`;

/** Groups in catalogue order, then any other group in table order, each with its indicators. */
function grouped(rows: readonly PrintRow[], groups: readonly Group[]): { name: string; rows: PrintRow[] }[] {
  const codes = [...new Set([...groups.map((g) => g.code), ...rows.map((r) => r.group)])];
  const names = new Map(groups.map((g) => [g.code, g.name]));
  return codes
    .map((code) => ({ name: names.get(code) ?? `Nhóm ${code}`, rows: rows.filter((r) => r.group === code && r.code.trim() !== "") }))
    .filter((g) => g.rows.length > 0);
}

/** Formulas of one indicator's printed cells, looked up by its code in the unit table. */
function indicatorFormulas(p: PrintSheetParams, code: string): Record<Exclude<Key, "tt">, string> {
  const column = (key: keyof ColumnLetters) => qualified(p.unitSheet, `$${p.letters[key]}$${p.firstRow}:$${p.letters[key]}$${p.lastRow}`);
  const look = (key: keyof ColumnLetters) => `INDEX(${column(key)},MATCH(${q(code)},${column("code")},0))`;
  const text = (key: keyof ColumnLetters) => `=IFERROR(""&${look(key)},"")`;
  // A number prints in Vietnamese style; a milestone's word prints as typed.
  const amount = (key: keyof ColumnLetters) =>
    `=IFERROR(IF(ISNUMBER(${look(key)}),${vnNumberFormula(look(key), 2)},""&${look(key)}),"")`;
  return {
    name: text("name"),
    unit: text("unit"),
    target: amount("target"),
    actual: amount("actual"),
    achievement: `=IFERROR(IF(ISNUMBER(${look("achievement")}),${vnPercentFormula(look("achievement"))},""),"")`,
    status: text("status"),
    note: text("note"),
  };
}

/** Height of a table row from the texts it will print (statuses may be the longest one). */
function indicatorHeight(row: PrintRow): number {
  const amount = (v: Scalar | undefined) => (typeof v === "number" ? formatCount(v) : String(v ?? ""));
  const longestStatus = Object.values(STATUS_NAMES).reduce((a, b) => (a.length >= b.length ? a : b));
  const texts: [Key, string][] = [
    ["name", row.name],
    ["unit", row.unit],
    ["target", amount(row.target)],
    ["actual", amount(row.actual)],
    ["achievement", "100,00 %"],
    ["status", longestStatus],
    ["note", row.note ?? ""],
  ];
  return rowHeight(Math.max(...texts.map(([key, text]) => wrappedLines(text, points(key), BODY))), BODY);
}

interface Built {
  readonly blocks: Block[];
  readonly heights: { row: number; height: number }[];
  readonly next: number;
  readonly names?: NameSpec[];
}

function headerBlocks(p: PrintSheetParams): Built {
  const left = (row: number, content: ReturnType<typeof value>, style: StyleSpec) =>
    cell(`A${row}`, content, "addin", style, { mergeTo: `C${row}` });
  const right = (row: number, content: ReturnType<typeof value>, style: StyleSpec) =>
    cell(`D${row}`, content, "addin", style, { mergeTo: `${LAST}${row}` });
  const issuingLines = wrappedLines(p.header.issuingBody, points("tt", "unit"), 14, true);
  const titleLines = wrappedLines(p.title, points("tt", "note"), 14, true);
  return {
    blocks: [
      left(1, formula(`=${textOf(NAMES.superiorBody)}`), S.superior),
      right(1, value(PARTY_NAME), S.party),
      left(2, formula(`=${textOf(NAMES.issuingBody)}`), S.issuing),
      left(3, value("*"), S.plain14),
      right(3, formula(`=${textOf(NAMES.placeDate)}`), S.placeDate),
      cell(`A${NUMBER_ROW}`, value(`Số ${p.header.number}`), "user", S.plain14, { mergeTo: `C${NUMBER_ROW}`, unlocked: true }),
      cell(`A${KIND_ROW}`, value(REPORT_KIND), "addin", S.title, { mergeTo: `${LAST}${KIND_ROW}` }),
      cell(
        `A${TITLE_ROW}`,
        formula(`="${REPORT_SUMMARY.beforeYear}"&${NAMES.year}&"${REPORT_SUMMARY.beforeUnit}"&${NAMES.unitName}`),
        "addin",
        S.summaryTitle,
        { mergeTo: `${LAST}${TITLE_ROW}` },
      ),
      cell(`A${MARK_ROW}`, formula(`=IF(${textOf(NAMES.provisional)}="","","TẠM TÍNH")`), "addin", S.mark, { mergeTo: `${LAST}${MARK_ROW}` }),
    ],
    heights: [
      { row: 1, height: rowHeight(1, 15) },
      { row: 2, height: rowHeight(issuingLines, 14) },
      { row: 3, height: rowHeight(1, 14) },
      { row: NUMBER_ROW, height: rowHeight(1, 14) },
      { row: KIND_ROW, height: rowHeight(1, 15) },
      { row: TITLE_ROW, height: rowHeight(titleLines, 14) },
      { row: MARK_ROW, height: rowHeight(1, 14) },
    ],
    next: PRINT_HEADER_ROW,
  };
}

function tableBlocks(p: PrintSheetParams, start: number): Built {
  const headerLines = Math.max(...COLUMNS.map((c) => wrappedLines(c.header, points(c.key), BODY, true)));
  const blocks: Block[] = [{ at: `A${start}`, cells: [COLUMNS.map((c) => value(c.header))], owner: "addin", style: S.header }];
  const heights = [{ row: start, height: rowHeight(headerLines, BODY) }];
  let row = start + 1;
  grouped(p.rows, p.groups).forEach((group, g) => {
    const heading = `${roman(g)}. ${group.name}`;
    blocks.push(cell(`A${row}`, value(`${roman(g)}.`), "addin", { ...S.group, horizontal: "center" }));
    blocks.push(cell(`B${row}`, value(group.name), "addin", S.group, { mergeTo: `${LAST}${row}` }));
    heights.push({ row, height: rowHeight(wrappedLines(heading, points("name", "note"), BODY, true), BODY) });
    row++;
    group.rows.forEach((indicator, i) => {
      const f = indicatorFormulas(p, indicator.code);
      blocks.push(cell(`A${row}`, value(i + 1), "addin", S.center));
      blocks.push({ at: `B${row}`, cells: [[formula(f.name)]], owner: "addin", style: S.text });
      blocks.push({ at: `C${row}`, cells: [[formula(f.unit)]], owner: "addin", style: S.center });
      blocks.push({ at: `D${row}`, cells: [[formula(f.target), formula(f.actual), formula(f.achievement)]], owner: "addin", style: S.number });
      blocks.push({ at: `G${row}`, cells: [[formula(f.status)]], owner: "addin", style: S.center });
      blocks.push({ at: `H${row}`, cells: [[formula(f.note)]], owner: "addin", style: S.text });
      heights.push({ row, height: indicatorHeight(indicator) });
      row++;
    });
  });
  return { blocks, heights, next: row };
}

/** The result lines under the table: counts, points as common + results, the level and why it is below complete. */
function summaryBlocks(_p: PrintSheetParams, start: number): Built {
  const provisional = `${textOf(NAMES.provisional)}<>""`;
  const vn = (name: string) => vnNumberFormula(name, 2);
  const bothParts = `AND(ISNUMBER(${NAMES.commonScore}),ISNUMBER(${NAMES.resultPoints}))`;
  // Excel compares text without case: "có", "Có" and "CÓ" all answer yes.
  const yes = (name: string) => `TRIM(${textOf(name)})="Có"`;
  const reasons = [
    `IF(${NAMES.keyNotMet}>0,"; "&${NAMES.keyNotMet}&" chỉ tiêu chủ yếu không đạt","")`,
    `IF(${yes(NAMES.degradation)},"; có biểu hiện suy thoái","")`,
    `IF(${yes(NAMES.sanction)},"; bị xử lý kỷ luật","")`,
    `IF(${yes(NAMES.corruption)},"; để xảy ra tham nhũng, lãng phí","")`,
    `IF(${NAMES.notMet}>0,"; "&${NAMES.notMet}&" chỉ tiêu không đạt (tỷ lệ đạt "&${vnPercentFormula(NAMES.metShare)}&")","")`,
  ].join("&");
  const lines: { text: string; style: StyleSpec }[] = [
    {
      text:
        `=IFERROR("Kết quả: "&${NAMES.met}&"/"&${NAMES.count}&" chỉ tiêu đạt, "&${NAMES.exceeded}&" chỉ tiêu vượt"` +
        `&IF(${NAMES.notMet}>0,", "&${NAMES.notMet}&" không đạt",""),"")`,
      style: S.summary,
    },
    {
      text:
        `="Tổng điểm: "&IF(ISNUMBER(${NAMES.points}),${vn(NAMES.points)}` +
        `&IFERROR(IF(${bothParts}," (tiêu chí chung "&${vn(NAMES.commonScore)}&" + kết quả "&${vn(NAMES.resultPoints)}&")",""),""),"chưa đủ số liệu để tính")`,
      style: S.summary,
    },
    {
      text: `="Xếp loại đề xuất: "&IF(${textOf(NAMES.suggestedLevel)}="","chưa xác định",${NAMES.suggestedLevel})&IF(${provisional}," (tạm tính)","")`,
      style: S.summary,
    },
    {
      // Each reason starts "; ": the first one's is cut off.
      text: `=IFERROR(IF(${textOf(NAMES.suggestedLevel)}="${LEVEL_NAMES.incomplete}","Lý do: "&RIGHT(${reasons},LEN(${reasons})-2),""),"")`,
      style: S.summary,
    },
    { text: `=IF(${provisional},"Có thể đạt tối đa: "&${NAMES.ceilingLevel},"")`, style: S.summary },
    {
      text: `="Xếp loại cuối cùng: "&IF(${textOf(NAMES.finalLevel)}="","cấp có thẩm quyền quyết định",${NAMES.finalLevel})`,
      style: S.summaryBold,
    },
  ];
  // The longest line as it can print: the reasons when all of them hold.
  const longest = "Lý do: 3 chỉ tiêu chủ yếu không đạt; có biểu hiện suy thoái; bị xử lý kỷ luật; để xảy ra tham nhũng, lãng phí; 12 chỉ tiêu không đạt (tỷ lệ đạt 33,33 %)";
  const row0 = start + 1;
  const lineHeight = (i: number) =>
    rowHeight(wrappedLines(i === 3 ? longest : `Xếp loại cuối cùng: ${LEVEL_NAMES.incomplete}`, points("name", "note"), BODY, true), BODY);
  return {
    blocks: lines.map((line, i) => cell(`B${row0 + i}`, formula(line.text), "addin", line.style, { mergeTo: `${LAST}${row0 + i}` })),
    heights: [{ row: start, height: 10 }, ...lines.map((_, i) => ({ row: row0 + i, height: lineHeight(i) }))],
    next: row0 + lines.length,
  };
}

/** Signature block on the right, "Nơi nhận" on the left at the same height (HD 36). */
function signatureBlocks(p: PrintSheetParams, start: number): Built {
  const row = start + 1;
  const sign = (r: number, name: string) =>
    cell(`E${r}`, formula(`=${textOf(name)}`), "addin", S.signature, { mergeTo: `${LAST}${r}` });
  const recipientLines = wrappedLines(p.header.recipients, points("tt", "name"), BODY);
  const positionLines = wrappedLines(p.header.signerPosition, points("actual", "note"), 14, true);
  const position = rowHeight(positionLines, 14);
  const name = rowHeight(1, 14);
  return {
    blocks: [
      cell(`A${row}`, value("Nơi nhận:"), "addin", S.recipientsLabel, { mergeTo: `B${row}` }),
      sign(row, NAMES.signerTitle),
      // Beside the position, the signing space and the name: as many lines as the office types, none cut.
      cell(`A${row + 1}`, value(p.header.recipients), "user", S.recipients, { mergeTo: `B${row + 3}`, unlocked: true }),
      sign(row + 1, NAMES.signerPosition),
      sign(row + 3, NAMES.signerName),
    ],
    heights: [
      { row: start, height: 12 },
      { row, height: rowHeight(1, 14) },
      { row: row + 1, height: position },
      { row: row + 2, height: Math.max(SIGNING_SPACE, rowHeight(recipientLines, BODY) - position - name) },
      { row: row + 3, height: name },
    ],
    next: row + 4,
    names: [{ name: NAMES.recipients, ref: `$A$${row + 1}` }],
  };
}

/** Room for the handwritten signature and the seal, in points. */
const SIGNING_SPACE = 56;

/** Margins in inches; the footer sits in the bottom one. */
const MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.7 } as const;

/**
 * A4 at 100 %: body text keeps its 13 pt on paper; the table's header row repeated, page numbers
 * in the footer. `lastColumn` and `headerRow` default to those of "Bản in".
 */
export function documentPrintSpec(
  lastRow: number,
  orientation: PrintSpec["orientation"] = "landscape",
  lastColumn = LAST,
  headerRow = PRINT_HEADER_ROW,
  firstRepeatedRow = headerRow,
): PrintSpec {
  return {
    orientation,
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    scale: 100,
    titleRows: `$${firstRepeatedRow}:$${headerRow}`,
    area: `A1:${lastColumn}${lastRow}`,
    footerCenter: `&"${FONT},Regular"&${BODY}Trang &P / &N`,
    centerHorizontally: true,
    margins: MARGINS,
  };
}

/** Printable width and height of an A4 page in points, less the margins. */
export function printablePage(orientation: PrintSpec["orientation"]): { width: number; height: number } {
  const [width, height] = orientation === "landscape" ? [841.89, 595.28] : [595.28, 841.89];
  return { width: width - (MARGINS.left + MARGINS.right) * 72, height: height - (MARGINS.top + MARGINS.bottom) * 72 };
}

/** Printable height of a page in points, with 5 % to spare. */
const pageBody = (orientation: PrintSpec["orientation"]) => printablePage(orientation).height * 0.95;

/** Share of a page the tail keeps to spare when it stays on the table's last page. */
const TAIL_SPARE = 0.15;

/** Height used on its page once `through` is laid out, pages filled as `tailBreak` fills them. */
function usedThrough(sorted: readonly { row: number; height: number }[], through: number, room: number, repeated: number): number {
  let used = 0;
  for (const { row, height } of sorted) {
    if (row > through) break;
    if (used + height > room) used = repeated;
    used += height;
  }
  return used;
}

/** The table rows a document's tail may take along to a new page, and the rows repeated on every page. */
export interface TailTable {
  readonly first: number;
  readonly last: number;
  /** First of the rows repeated at the top of each page (through the header row). */
  readonly repeatedFrom: number;
}

/**
 * The result lines, signature and recipients are read and signed together: when the rows as
 * sized would split them over two pages, they start a new page. Given the table, they take its
 * last row along, so no page holds only the repeated header and a signature (HD 36 practice);
 * without it (the public table) they start the page on their own.
 */
export function tailBreak(
  heights: readonly { row: number; height: number }[],
  tailStart: number,
  orientation: PrintSpec["orientation"] = "landscape",
  headerRow = PRINT_HEADER_ROW,
  table?: TailTable,
): number[] {
  const room = pageBody(orientation);
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  const sum = (from: number, to: number) => sorted.filter((h) => h.row >= from && h.row <= to).reduce((total, h) => total + h.height, 0);
  const repeated = sum(table?.repeatedFrom ?? headerRow, headerRow);
  const pageOf = new Map<number, number>();
  let used = 0;
  let page = 1;
  for (const { row, height } of sorted) {
    if (used + height > room) {
      page++;
      used = repeated;
    }
    used += height;
    pageOf.set(row, page);
  }
  const tailPage = pageOf.get(tailStart) ?? page;
  const split = page > tailPage;
  if (!table) return split ? [tailStart] : [];
  const alone = tailPage > (pageOf.get(table.last) ?? tailPage);
  const tail = sum(table.last + 1, sorted[sorted.length - 1]?.row ?? table.last);
  // LibreOffice and Excel lay rows out a few points taller than sized: the tail moves unless it fits with room to spare.
  const tight = !split && !alone && usedThrough(sorted, table.last, room, repeated) + tail > room - room * TAIL_SPARE;
  if (!split && !alone && !tight) return [];
  return table.last > table.first && repeated + sum(table.last, table.last) + tail <= room ? [table.last] : [tailStart];
}

/** The print sheet, and its own names: the number line and the recipients, typed there. */
export function printSheet(p: PrintSheetParams): { sheet: SheetLayout; names: NameSpec[] } {
  const parts: Built[] = [];
  let next = 1;
  for (const build of [headerBlocks, tableBlocks, summaryBlocks, signatureBlocks]) {
    const built = build(p, next);
    parts.push(built);
    next = built.next;
  }
  const rowHeights = parts.flatMap((b) => b.heights);
  const sheet: SheetLayout = {
    name: SHEETS.print,
    font: { name: FONT, size: BODY },
    columnWidths: COLUMNS.map((c) => c.width),
    rowHeights,
    pageBreaks: tailBreak(rowHeights, parts[1].next + 1, "landscape", PRINT_HEADER_ROW, {
      first: PRINT_HEADER_ROW + 1,
      last: parts[1].next - 1,
      repeatedFrom: MARK_ROW,
    }),
    blocks: parts.flatMap((b) => b.blocks),
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: documentPrintSpec(next - 1, "landscape", LAST, PRINT_HEADER_ROW, MARK_ROW),
  };
  return { sheet, names: [{ name: NAMES.documentNumber, ref: `$A$${NUMBER_ROW}` }, ...parts.flatMap((b) => b.names ?? [])] };
}
