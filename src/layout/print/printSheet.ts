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
import { FONT, NAMES, SHEETS, type DocumentHeader } from "../schema";
import {
  DOC_BODY,
  DOC_STYLES,
  documentHeader,
  documentLine,
  documentPrintSpec,
  documentSignature,
  fixedLine,
  tailBreak,
  typedLine,
  type DocHalves,
  type DocLine,
} from "./officialDocument";
import { rowHeight, spanPoints, wrappedLines } from "./textMetrics";
import type { Block, NameSpec, Scalar, SheetLayout, StyleSpec } from "../types";
import { keptOrBuilt, type KeptSheets } from "../keptSheets";
import { vnNumberFormula, vnPercentFormula } from "../vnNumberFormula";
import { sheetMsg } from "../../domain/messages/sheet";

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
  /**
   * False when the result is known to be final as the sheet is built (the add-in builds it when
   * printing): the empty "TẠM TÍNH" row is then not repeated on every page. Unknown (a file written
   * once, whose figures may still change) repeats it, so a provisional result says so on every page.
   */
  readonly provisional?: boolean;
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

const BODY = DOC_BODY;
const S = DOC_STYLES;

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

/** An indicator as the sheet lays it out: the height of its row in place of the figures and note, which only size it. */
interface SizedRow extends Pick<PrintRow, "code" | "group" | "name" | "unit"> {
  readonly height: number;
}

/** What the sheet is laid out from: the title and the rows' figures only as the heights they give. */
interface SizedParams extends Omit<PrintSheetParams, "rows" | "title"> {
  readonly rows: readonly SizedRow[];
  readonly titleHeight: number;
}

/** Groups in catalogue order, then any other group in table order, each with its indicators. */
function grouped<R extends Pick<PrintRow, "code" | "group">>(rows: readonly R[], groups: readonly Group[]): { name: string; rows: R[] }[] {
  const codes = [...new Set([...groups.map((g) => g.code), ...rows.map((r) => r.group)])];
  const names = new Map(groups.map((g) => [g.code, g.name]));
  return codes
    .map((code) => ({ name: names.get(code) ?? sheetMsg.groupName(code), rows: rows.filter((r) => r.group === code && r.code.trim() !== "") }))
    .filter((g) => g.rows.length > 0);
}

type IndicatorFormulas = Record<Exclude<Key, "tt">, string>;

/**
 * The formulas of an indicator, kept by where the unit table is and the code: `chitieu assign`
 * prints the same catalogue for hundreds of units, and these (long: every number in Vietnamese
 * style) were most of the time it took to lay out a unit workbook. Bounded: emptied when full.
 */
const FORMULAS = new Map<string, IndicatorFormulas>();
const KEPT_FORMULAS = 5_000;

function indicatorFormulas(p: SizedParams, code: string): IndicatorFormulas {
  const key = JSON.stringify([p.unitSheet, p.letters, p.firstRow, p.lastRow, code]);
  let found = FORMULAS.get(key);
  if (found === undefined) {
    if (FORMULAS.size >= KEPT_FORMULAS) FORMULAS.clear();
    FORMULAS.set(key, (found = lookUpFormulas(p, code)));
  }
  return found;
}

/** Formulas of one indicator's printed cells, looked up by its code in the unit table. */
function lookUpFormulas(p: Pick<PrintSheetParams, "unitSheet" | "letters" | "firstRow" | "lastRow">, code: string): IndicatorFormulas {
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

/** The halves of the header block and the signature: the header's left over TT–unit, the signature over actual–note. */
const HEADER_HALVES: DocHalves = { leftTo: "C", rightFrom: "D", last: LAST, leftWidth: points("tt", "unit"), rightWidth: points("target", "note") };
const SIGNATURE_HALVES: DocHalves = { leftTo: "B", rightFrom: "E", last: LAST, leftWidth: points("tt", "name"), rightWidth: points("actual", "note") };

const DOC_WIDTH = points("tt", "note");
const SUMMARY = formula(`="${REPORT_SUMMARY.beforeYear}"&${NAMES.year}&"${REPORT_SUMMARY.beforeUnit}"&${NAMES.unitName}`);
/** The summary under "BÁO CÁO": its formula names the unit; `title`, the text it will print, sizes its row. */
const summaryLine = (title: string) => documentLine(TITLE_ROW, LAST, DOC_WIDTH, { content: SUMMARY, text: title }, "summaryTitle");

function headerBlocks(p: SizedParams): Built {
  const named = (name: string, text: string): DocLine => ({ content: formula(`=${textOf(name)}`), text });
  const header = documentHeader(HEADER_HALVES, {
    superiorBody: named(NAMES.superiorBody, p.header.superiorBody),
    issuingBody: named(NAMES.issuingBody, p.header.issuingBody),
    placeDate: named(NAMES.placeDate, p.header.placeDate),
    // The document's own number line, typed here.
    number: typedLine(`Số ${p.header.number}`),
  });
  const mark = formula(`=IF(${textOf(NAMES.provisional)}="","","TẠM TÍNH")`);
  const parts = [
    header,
    documentLine(KIND_ROW, LAST, DOC_WIDTH, fixedLine(REPORT_KIND), "title"),
    { ...summaryLine(""), heights: [{ row: TITLE_ROW, height: p.titleHeight }] },
    documentLine(MARK_ROW, LAST, DOC_WIDTH, { content: mark, text: "TẠM TÍNH" }, "mark"),
  ];
  return { blocks: parts.flatMap((x) => x.blocks), heights: parts.flatMap((x) => x.heights), next: PRINT_HEADER_ROW };
}

function tableBlocks(p: SizedParams, start: number): Built {
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
      heights.push({ row, height: indicator.height });
      row++;
    });
  });
  return { blocks, heights, next: row };
}

/** The result lines under the table: counts, points as common + results, the level and why it is below complete. */
function summaryBlocks(_p: SizedParams, start: number): Built {
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
function signatureBlocks(p: SizedParams, start: number): Built {
  const named = (name: string, text: string): DocLine => ({ content: formula(`=${textOf(name)}`), text });
  const built = documentSignature(SIGNATURE_HALVES, start, {
    left: { label: "Nơi nhận:", labelStyle: "recipientsLabel", body: typedLine(p.header.recipients) },
    title: named(NAMES.signerTitle, p.header.signerTitle),
    position: named(NAMES.signerPosition, p.header.signerPosition),
    name: named(NAMES.signerName, p.header.signerName),
  });
  return { ...built, names: [{ name: NAMES.recipients, ref: `$A$${built.recipientsRow}` }] };
}

/**
 * The print sheet, and its own names: the number line and the recipients, typed there. Through
 * `kept` when given: units of a group differ, if at all, in their title and figures, which only
 * size rows, so units whose rows print as tall share one sheet.
 */
export function printSheet(p: PrintSheetParams, kept?: KeptSheets): { sheet: SheetLayout; names: NameSpec[] } {
  // Every other parameter is part of the key as given, so that a new one cannot be left out of it.
  const { rows, title, ...rest } = p;
  const sized: SizedParams = {
    ...rest,
    rows: rows.map((row) => ({ code: row.code, group: row.group, name: row.name, unit: row.unit, height: indicatorHeight(row) })),
    titleHeight: summaryLine(title).heights[0].height,
  };
  return keptOrBuilt(kept, sizedPrintSheet, sized);
}

function sizedPrintSheet(p: SizedParams): { sheet: SheetLayout; names: NameSpec[] } {
  const parts: Built[] = [];
  let next = 1;
  for (const build of [headerBlocks, tableBlocks, summaryBlocks, signatureBlocks]) {
    const built = build(p, next);
    parts.push(built);
    next = built.next;
  }
  const rowHeights = parts.flatMap((b) => b.heights);
  const repeatedFrom = p.provisional === false ? PRINT_HEADER_ROW : MARK_ROW;
  const sheet: SheetLayout = {
    name: SHEETS.print,
    font: { name: FONT, size: BODY },
    columnWidths: COLUMNS.map((c) => c.width),
    rowHeights,
    pageBreaks: tailBreak(rowHeights, parts[1].next + 1, "landscape", PRINT_HEADER_ROW, {
      first: PRINT_HEADER_ROW + 1,
      last: parts[1].next - 1,
      repeatedFrom,
    }),
    blocks: parts.flatMap((b) => b.blocks),
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: documentPrintSpec(next - 1, "landscape", LAST, PRINT_HEADER_ROW, repeatedFrom),
  };
  return { sheet, names: [{ name: NAMES.documentNumber, ref: `$A$${NUMBER_ROW}` }, ...parts.flatMap((b) => b.names ?? [])] };
}
