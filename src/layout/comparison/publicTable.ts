/**
 * "Công khai": the public table of results (công khai kết quả, issue 8 §3), printed like the
 * year-end table (Hướng dẫn 36-HD/VPTW, docs/developer-guide.md, "The printed document"): the official header block, units ranked by
 * points within each kind (equivalent positions), their points and level, the signature and
 * "Nơi nhận". Only printed columns: no file, time, quota or internal column. Built from a
 * consolidation (values, like the sheets beside it); the header lines are typed cells the
 * committee's office fills in before printing.
 */
import { formatPoints, LEVEL_NAMES, type Consolidation, type ConsolidatedUnit, type PreviousYear } from "../../domain";
import { columnIndex } from "../addresses";
import { cell, value } from "../cells";
import { COMPARISON_SHEETS, comparisonOrder, consolidationWorkbook, groupLabel, midYearMark, PROVISIONAL_SUFFIX } from "./comparisonSheet";
import { totalsSheet } from "./totalsSheet";
import { previousYearSheet } from "./previousYearSheet";
import { DEFAULT_HEADER } from "../print";
import { withLevelCounts } from "./levelCounts";
import {
  DOC_BODY,
  DOC_STYLES as S,
  documentHeader,
  documentLine,
  documentPrintSpec,
  documentSignature,
  SIGNATURE_ROWS,
  tailBreak,
  typedLine,
  type DocHalves,
} from "../print";
import { FONT, type DocumentHeader } from "../schema";
import { rowHeight, spanPoints, wrappedLines } from "../print";
import type { Block, CellContent, SheetLayout, WorkbookLayout } from "../types";

export const PUBLIC_SHEET = "Công khai";

type Key = "tt" | "unit" | "points" | "rank" | "level";

/** Widths in .xlsx units: 92 units fit the 523 pt of an A4 portrait page at 100 % (5,6 pt a unit). */
export const PUBLIC_COLUMNS: readonly { key: Key; header: string; width: number }[] = [
  { key: "tt", header: "TT", width: 5 },
  { key: "unit", header: "Đơn vị", width: 36 },
  { key: "points", header: "Tổng điểm", width: 11 },
  { key: "rank", header: "Hạng", width: 8 },
  { key: "level", header: "Xếp loại", width: 32 },
];
export const PUBLIC_LAST_COLUMN = "E";
const LAST = PUBLIC_LAST_COLUMN;
export const PUBLIC_ORIENTATION = "portrait";
const ORIENTATION = PUBLIC_ORIENTATION;
export const publicWidth = (from: Key, to: Key = from) => spanPoints(PUBLIC_COLUMNS, from, to);
const width = publicWidth;

export const PUBLIC_HEADER_ROW = 8;
export const PUBLIC_TITLE_ROW = 6;
const TITLE_ROW = PUBLIC_TITLE_ROW;
export const PUBLIC_MARK_ROW = 7;
const MARK_ROW = PUBLIC_MARK_ROW;
export const PUBLIC_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const ROMAN = PUBLIC_ROMAN;

/** After a level the office has not decided yet: the sheet's suggestion. */
export const SUGGESTED_SUFFIX = " (đề xuất)";
/** The level printed for a unit the rules could not rate (data errors). */
export const NO_LEVEL = "Chưa xác định";
/** Over the table while a printed level is provisional. */
export const PROVISIONAL_MARK = "TẠM TÍNH";

/** The title's two lines; the year follows the second. */
export const PUBLIC_TITLE_LINES = ["CÔNG KHAI KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ", "VÀ XẾP LOẠI NĂM "] as const;

export function publicTitle(year: number | null): string {
  return `${PUBLIC_TITLE_LINES[0]}\n${PUBLIC_TITLE_LINES[1]}${year ?? "..."}`;
}

/** A kind's heading in the table: its name with a capital letter ("Xã, phường"). */
export function kindHeading(label: string): string {
  return label.charAt(0).toLocaleUpperCase("vi") + label.slice(1);
}

/** After a level the quota lowered from excellent: the page says so (docs/rules.md §3). */
export const LOWERED_SUFFIX = " – hạ từ xuất sắc theo hạn mức";
/** In place of a level while equal points straddle the quota's cut. */
export const TIE_LEVEL = `${LEVEL_NAMES.excellent} hoặc ${LEVEL_NAMES.good}: bằng điểm ở ngưỡng hạn mức, Ban Thường vụ quyết định`;

/**
 * The level printed: the one published after the quota, "(đề xuất)" or "(tạm tính)" while it is the
 * sheet's suggestion, "– hạ từ xuất sắc theo hạn mức" when the quota lowered it; a tie at the cut
 * is printed as a tie, never as one of the two levels.
 */
export function publicLevel(u: ConsolidatedUnit): string {
  if (u.decision === "tie") return TIE_LEVEL;
  const level = u.publishedLevel ?? u.countedLevel;
  if (level === null) return NO_LEVEL;
  const suffix = u.finalLevel ? "" : u.provisional ? PROVISIONAL_SUFFIX : SUGGESTED_SUFFIX;
  return LEVEL_NAMES[level] + suffix + (u.decision === "lower" ? LOWERED_SUFFIX : "");
}

export interface PublicPart {
  readonly blocks: Block[];
  readonly heights: { row: number; height: number }[];
}
type Part = PublicPart;

/** Where the header's typed lines sit: the same cells are read back when a live table is rebuilt. */
const HEADER_CELLS = { superiorBody: [1, "A"], issuingBody: [2, "A"], placeDate: [3, "C"], number: [4, "A"] } as const;
const NUMBER_PREFIX = "Số ";
const RECIPIENTS_LABEL = "Nơi nhận:";

/** The header's halves: superior body, issuing body and number over TT–unit; the Party's name, place and date, and the signature over points–level. */
const HALVES: DocHalves = { leftTo: "B", rightFrom: "C", last: LAST, leftWidth: width("tt", "unit"), rightWidth: width("points", "level") };

/** The official header block over the table; `title` and `mark` are values or formulas. */
export function publicHeaderPart(header: DocumentHeader, title: CellContent, mark: CellContent): Part {
  const full = width("tt", "level");
  const parts = [
    documentHeader(HALVES, {
      superiorBody: typedLine(header.superiorBody),
      issuingBody: typedLine(header.issuingBody),
      placeDate: typedLine(header.placeDate),
      number: typedLine(`${NUMBER_PREFIX}${header.number}`),
    }),
    { blocks: [], heights: [{ row: 5, height: 12 }], next: TITLE_ROW },
    documentLine(TITLE_ROW, LAST, full, { content: title, text: publicTitle(null) }, "title"),
    documentLine(MARK_ROW, LAST, full, { content: mark, text: PROVISIONAL_MARK }, "mark"),
  ];
  return { blocks: parts.flatMap((x) => x.blocks), heights: parts.flatMap((x) => x.heights) };
}

/** The table's column headers (row PUBLIC_HEADER_ROW, repeated on every page). */
export function publicColumnHeaders(): PublicPart {
  const headerLines = Math.max(...PUBLIC_COLUMNS.map((col) => wrappedLines(col.header, width(col.key), DOC_BODY, true)));
  return {
    blocks: [{ at: `A${PUBLIC_HEADER_ROW}`, cells: [PUBLIC_COLUMNS.map((col) => value(col.header))], owner: "addin", style: S.header }],
    heights: [{ row: PUBLIC_HEADER_ROW, height: rowHeight(headerLines, DOC_BODY) }],
  };
}

/** Kinds in order of first file, each with its units best rank first (as on "So sánh"). */
function tablePart(c: Consolidation): Part & { next: number } {
  const { blocks, heights } = publicColumnHeaders();
  const units = comparisonOrder(c.units);
  const kinds = [...new Set(units.map((u) => u.kind))];
  let row = PUBLIC_HEADER_ROW + 1;
  kinds.forEach((kind, k) => {
    const label = kindHeading(groupLabel(c, kind));
    blocks.push(
      cell(`A${row}`, value(`${ROMAN[k] ?? k + 1}.`), "addin", { ...S.group, horizontal: "center" }),
      cell(`B${row}`, value(label), "addin", S.group, { mergeTo: `${LAST}${row}` }),
    );
    heights.push({ row, height: rowHeight(wrappedLines(label, width("unit", "level"), DOC_BODY, true), DOC_BODY) });
    row++;
    units
      .filter((u) => u.kind === kind)
      .forEach((u, i) => {
        const level = publicLevel(u);
        blocks.push(
          cell(`A${row}`, value(i + 1), "addin", S.center),
          cell(`B${row}`, value(u.unit), "addin", S.text),
          { at: `C${row}`, cells: [[value(u.points === null ? "" : formatPoints(u.points)), value(u.rank)]], owner: "addin", style: S.center },
          cell(`E${row}`, value(level), "addin", S.text),
        );
        const lines = Math.max(wrappedLines(u.unit, width("unit"), DOC_BODY), wrappedLines(level, width("level"), DOC_BODY));
        heights.push({ row, height: rowHeight(lines, DOC_BODY) });
        row++;
      });
  });
  return { blocks, heights, next: row };
}

/** The note under the table: how it is ranked (`ties`: how equal keys are ordered) and what the marks mean. */
export function publicNote(ties: string): string {
  return (
    `Xếp hạng trong từng loại đơn vị (vị trí tương đương) theo xếp loại sau hạn mức xuất sắc, rồi tổng điểm; ` +
    `đơn vị không hoàn thành nhiệm vụ xếp sau mọi đơn vị hoàn thành; ${ties}. Xếp loại là mức cuối cùng do cấp có thẩm quyền quyết định; ` +
    `mức ghi "${SUGGESTED_SUFFIX.trim()}" là mức bảng tính đề xuất, chưa được quyết định; ` +
    `mức ghi "${LOWERED_SUFFIX.replace(/^ – /, "")}" là mức sau khi xét hạn mức xuất sắc; ` +
    `"bằng điểm ở ngưỡng hạn mức" là chưa có mức: Ban Thường vụ quyết định.`
  );
}

const SIGNATURE = SIGNATURE_ROWS;

/** The note under the table, the signature on the right and "Nơi nhận" on the left (HD 36). */
function tailPart(header: DocumentHeader, start: number, note: string): Part & { next: number } {
  const noteRow = start + 1;
  const signature = documentSignature(HALVES, noteRow + 1, {
    left: { label: RECIPIENTS_LABEL, labelStyle: "recipientsLabel", body: typedLine(header.recipients) },
    title: typedLine(header.signerTitle),
    position: typedLine(header.signerPosition),
    name: typedLine(header.signerName),
  });
  return {
    blocks: [cell(`A${noteRow}`, value(note), "addin", S.summary, { mergeTo: `${LAST}${noteRow}` }), ...signature.blocks],
    heights: [
      { row: start, height: 10 },
      { row: noteRow, height: rowHeight(wrappedLines(note, width("tt", "level"), DOC_BODY), DOC_BODY) },
      ...signature.heights,
    ],
    next: signature.next,
  };
}

/**
 * The header lines typed on an earlier "Công khai" (its values from A1), read back from the
 * cells this layout puts them in, so that rebuilding the sheet keeps them; defaults where absent.
 */
export function typedPublicHeader(values: readonly (readonly unknown[])[]): DocumentHeader {
  const at = (row: number, column: string) => {
    const v = values[row - 1]?.[columnIndex(column)];
    return v === null || v === undefined ? "" : String(v);
  };
  const typed = (field: keyof typeof HEADER_CELLS) => at(HEADER_CELLS[field][0], HEADER_CELLS[field][1]);
  const number = typed("number");
  const label = values.findIndex((r) => String(r[0] ?? "") === RECIPIENTS_LABEL) + 1;
  const tail = (offset: number, column: string, fallback: string) => (label > 0 ? at(label + offset, column) : fallback);
  return {
    superiorBody: typed("superiorBody") || DEFAULT_HEADER.superiorBody,
    issuingBody: typed("issuingBody") || DEFAULT_HEADER.issuingBody,
    placeDate: typed("placeDate") || DEFAULT_HEADER.placeDate,
    number: number.startsWith(NUMBER_PREFIX) ? number.slice(NUMBER_PREFIX.length) : number || DEFAULT_HEADER.number,
    signerTitle: tail(SIGNATURE.title, "C", DEFAULT_HEADER.signerTitle),
    recipients: tail(SIGNATURE.recipients, "A", DEFAULT_HEADER.recipients),
    signerPosition: tail(SIGNATURE.position, "C", DEFAULT_HEADER.signerPosition),
    signerName: tail(SIGNATURE.name, "C", DEFAULT_HEADER.signerName),
  };
}

/** Whether a sheet's values (from A1) are a public table of ours: its title says so. */
export function isPublicTable(values: readonly (readonly unknown[])[]): boolean {
  return String(values[TITLE_ROW - 1]?.[0] ?? "").startsWith(PUBLIC_TITLE_LINES[0]);
}

/**
 * The public table sheet around a table part (file values or live formulas): header, table,
 * note, signature; A4 portrait at 100 % with the table's header row repeated.
 */
export function publicSheet(
  parts: { header: DocumentHeader; head: PublicPart; table: PublicPart & { next: number }; ties: string },
  extra: Pick<SheetLayout, "protect" | "conditionalFormats"> & { readonly columnWidths?: readonly number[] },
): SheetLayout {
  const tail = tailPart(parts.header, parts.table.next, publicNote(parts.ties));
  const rowHeights = [...parts.head.heights, ...parts.table.heights, ...tail.heights];
  return {
    name: PUBLIC_SHEET,
    font: { name: FONT, size: DOC_BODY },
    columnWidths: extra.columnWidths ?? PUBLIC_COLUMNS.map((col) => col.width),
    rowHeights,
    pageBreaks: tailBreak(rowHeights, parts.table.next + 1, ORIENTATION, PUBLIC_HEADER_ROW),
    blocks: [...parts.head.blocks, ...parts.table.blocks, ...tail.blocks],
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: extra.conditionalFormats,
    protect: extra.protect,
    print: documentPrintSpec(tail.next - 1, ORIENTATION, LAST, PUBLIC_HEADER_ROW),
  };
}

/** The public table of a consolidation. */
export function publicTableSheet(c: Consolidation, header: DocumentHeader = DEFAULT_HEADER): SheetLayout {
  const provisional = c.units.some((u) => u.finalLevel === null && u.provisional);
  // Mid-year the mark says the date the figures stand at.
  const mark = midYearMark(c) ?? (provisional ? PROVISIONAL_MARK : null);
  const head = publicHeaderPart(header, value(publicTitle(c.year)), value(mark));
  return publicSheet({ header, head, table: tablePart(c), ties: "cùng hạng thì in theo tên đơn vị (A–Z)" }, { protect: false, conditionalFormats: [] });
}

/**
 * The consolidated workbook written from files: "So sánh", "Hạn mức" with the levels per kind
 * beside the quota, and "Công khai".
 */
export function consolidatedWorkbook(c: Consolidation, consolidatedAt: string, header: DocumentHeader = DEFAULT_HEADER, previous: PreviousYear | null = null): WorkbookLayout {
  const base = consolidationWorkbook(c, consolidatedAt);
  const sheets = base.sheets.map((sheet) => (sheet.name === COMPARISON_SHEETS.quota ? withLevelCounts(sheet, c) : sheet));
  return { sheets: [...sheets, totalsSheet(c, header), ...(previous ? [previousYearSheet(c, previous)] : []), publicTableSheet(c, header)], names: base.names };
}
