/**
 * "Công khai": the public table of results (công khai kết quả, issue 8 §3), printed like the
 * year-end table (Hướng dẫn 36-HD/VPTW, DOMAIN.md §7): the official header block, units ranked by
 * points within each kind (equivalent positions), their points and level, the signature and
 * "Nơi nhận". Only printed columns: no file, time, quota or internal column. Built from a
 * consolidation (values, like the sheets beside it); the header lines are typed cells the
 * committee's office fills in before printing.
 */
import { formatPoints, LEVEL_NAMES, type Consolidation, type ConsolidatedUnit } from "../domain";
import { cell, value } from "./cells";
import { COMPARISON_SHEETS, comparisonOrder, consolidationWorkbook, kindLabel, PROVISIONAL_SUFFIX } from "./comparisonSheet";
import { DEFAULT_HEADER } from "./defaultHeader";
import { withLevelCounts } from "./levelCounts";
import { documentPrintSpec, PRINT_BODY, PRINT_STYLES as S, tailBreak } from "./printSheet";
import { FONT, PARTY_NAME, type DocumentHeader } from "./schema";
import { rowHeight, spanPoints, wrappedLines } from "./textMetrics";
import type { Block, SheetLayout, StyleSpec, WorkbookLayout } from "./types";

export const PUBLIC_SHEET = "Công khai";

type Key = "tt" | "unit" | "points" | "rank" | "level";

/** Widths in .xlsx units: 92 units fit the 523 pt of an A4 portrait page at 100 % (5,6 pt a unit). */
const COLUMNS: readonly { key: Key; header: string; width: number }[] = [
  { key: "tt", header: "TT", width: 5 },
  { key: "unit", header: "Đơn vị", width: 36 },
  { key: "points", header: "Tổng điểm", width: 11 },
  { key: "rank", header: "Hạng", width: 8 },
  { key: "level", header: "Xếp loại", width: 32 },
];
const LAST = "E";
const ORIENTATION = "portrait";
const width = (from: Key, to: Key = from) => spanPoints(COLUMNS, from, to);

export const PUBLIC_HEADER_ROW = 8;
const TITLE_ROW = 6;
const MARK_ROW = 7;
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** After a level the office has not decided yet: the sheet's suggestion. */
export const SUGGESTED_SUFFIX = " (đề xuất)";

export function publicTitle(year: number | null): string {
  return `CÔNG KHAI KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ\nVÀ XẾP LOẠI NĂM ${year ?? "..."}`;
}

/** The level printed: the final one where set, else the suggested one, marked as such. */
export function publicLevel(u: ConsolidatedUnit): string {
  if (u.finalLevel) return LEVEL_NAMES[u.finalLevel];
  if (u.level === null) return "Chưa xác định";
  return LEVEL_NAMES[u.level] + (u.provisional ? PROVISIONAL_SUFFIX : SUGGESTED_SUFFIX);
}

interface Part {
  readonly blocks: Block[];
  readonly heights: { row: number; height: number }[];
}

function headerPart(header: DocumentHeader, year: number | null, provisional: boolean): Part {
  const left = (row: number, text: string, style: StyleSpec, owner: "addin" | "user" = "user") =>
    cell(`A${row}`, value(text), owner, style, { mergeTo: `B${row}`, ...(owner === "user" ? { unlocked: true } : {}) });
  const right = (row: number, text: string, style: StyleSpec, owner: "addin" | "user" = "user") =>
    cell(`C${row}`, value(text), owner, style, { mergeTo: `${LAST}${row}`, ...(owner === "user" ? { unlocked: true } : {}) });
  const title = publicTitle(year);
  const lines = (text: string, from: Key, to: Key, size: number, bold = false) => wrappedLines(text, width(from, to), size, bold);
  return {
    blocks: [
      left(1, header.superiorBody, S.superior),
      right(1, PARTY_NAME, S.party, "addin"),
      left(2, header.issuingBody, S.issuing),
      left(3, "*", S.plain14, "addin"),
      right(3, header.placeDate, S.placeDate),
      left(4, `Số ${header.number}`, S.plain14),
      cell(`A${TITLE_ROW}`, value(title), "addin", S.title, { mergeTo: `${LAST}${TITLE_ROW}` }),
      cell(`A${MARK_ROW}`, value(provisional ? "TẠM TÍNH" : null), "addin", S.mark, { mergeTo: `${LAST}${MARK_ROW}` }),
    ],
    heights: [
      { row: 1, height: rowHeight(Math.max(lines(header.superiorBody, "tt", "unit", 14), lines(PARTY_NAME, "points", "level", 15, true)), 15) },
      { row: 2, height: rowHeight(lines(header.issuingBody, "tt", "unit", 14, true), 14) },
      { row: 3, height: rowHeight(lines(header.placeDate, "points", "level", 14), 14) },
      { row: 4, height: rowHeight(1, 14) },
      { row: 5, height: 12 },
      { row: TITLE_ROW, height: rowHeight(lines(title, "tt", "level", 15, true), 15) },
      { row: MARK_ROW, height: rowHeight(1, 14) },
    ],
  };
}

/** Kinds in order of first file, each with its units best rank first (as on "So sánh"). */
function tablePart(c: Consolidation): Part & { next: number } {
  const headerLines = Math.max(...COLUMNS.map((col) => wrappedLines(col.header, width(col.key), PRINT_BODY, true)));
  const blocks: Block[] = [{ at: `A${PUBLIC_HEADER_ROW}`, cells: [COLUMNS.map((col) => value(col.header))], owner: "addin", style: S.header }];
  const heights = [{ row: PUBLIC_HEADER_ROW, height: rowHeight(headerLines, PRINT_BODY) }];
  const units = comparisonOrder(c.units);
  const kinds = [...new Set(units.map((u) => u.kind))];
  let row = PUBLIC_HEADER_ROW + 1;
  kinds.forEach((kind, k) => {
    const text = kindLabel(kind);
    const label = text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
    blocks.push(
      cell(`A${row}`, value(`${ROMAN[k] ?? k + 1}.`), "addin", { ...S.group, horizontal: "center" }),
      cell(`B${row}`, value(label), "addin", S.group, { mergeTo: `${LAST}${row}` }),
    );
    heights.push({ row, height: rowHeight(wrappedLines(label, width("unit", "level"), PRINT_BODY, true), PRINT_BODY) });
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
        const lines = Math.max(wrappedLines(u.unit, width("unit"), PRINT_BODY), wrappedLines(level, width("level"), PRINT_BODY));
        heights.push({ row, height: rowHeight(lines, PRINT_BODY) });
        row++;
      });
  });
  return { blocks, heights, next: row };
}

const NOTE =
  `Xếp hạng theo tổng điểm trong từng loại đơn vị (vị trí tương đương). Xếp loại là mức cuối cùng do cấp có thẩm quyền quyết định; ` +
  `mức ghi "${SUGGESTED_SUFFIX.trim()}" là mức bảng tính đề xuất, chưa được quyết định.`;

/** The note under the table, the signature on the right and "Nơi nhận" on the left (HD 36). */
function tailPart(header: DocumentHeader, start: number): Part & { next: number } {
  const noteRow = start + 1;
  const row = noteRow + 2;
  const sign = (r: number, text: string) => cell(`C${r}`, value(text), "user", S.signature, { mergeTo: `${LAST}${r}`, unlocked: true });
  return {
    blocks: [
      cell(`A${noteRow}`, value(NOTE), "addin", S.summary, { mergeTo: `${LAST}${noteRow}` }),
      cell(`A${row}`, value("Nơi nhận:"), "addin", S.recipientsLabel, { mergeTo: `B${row}` }),
      sign(row, header.signerTitle),
      cell(`A${row + 1}`, value(header.recipients), "user", S.recipients, { mergeTo: `B${row + 1}`, unlocked: true }),
      sign(row + 1, header.signerPosition),
      sign(row + 3, header.signerName),
    ],
    heights: [
      { row: start, height: 10 },
      { row: noteRow, height: rowHeight(wrappedLines(NOTE, width("tt", "level"), PRINT_BODY), PRINT_BODY) },
      { row: noteRow + 1, height: 10 },
      { row, height: rowHeight(wrappedLines(header.signerTitle, width("points", "level"), 14, true), 14) },
      {
        row: row + 1,
        height: Math.max(
          rowHeight(wrappedLines(header.recipients, width("tt", "unit"), PRINT_BODY), PRINT_BODY),
          rowHeight(wrappedLines(header.signerPosition, width("points", "level"), 14, true), 14),
        ),
      },
      { row: row + 2, height: 56 },
      { row: row + 3, height: rowHeight(1, 14) },
    ],
    next: row + 4,
  };
}

/** The public table of a consolidation, A4 portrait at 100 % with its header row repeated. */
export function publicTableSheet(c: Consolidation, header: DocumentHeader = DEFAULT_HEADER): SheetLayout {
  const head = headerPart(header, c.year, c.units.some((u) => u.finalLevel === null && u.provisional));
  const table = tablePart(c);
  const tail = tailPart(header, table.next);
  const rowHeights = [...head.heights, ...table.heights, ...tail.heights];
  return {
    name: PUBLIC_SHEET,
    font: { name: FONT, size: PRINT_BODY },
    columnWidths: COLUMNS.map((col) => col.width),
    rowHeights,
    pageBreaks: tailBreak(rowHeights, table.next + 1, ORIENTATION, PUBLIC_HEADER_ROW),
    blocks: [...head.blocks, ...table.blocks, ...tail.blocks],
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: documentPrintSpec(tail.next - 1, ORIENTATION, LAST, PUBLIC_HEADER_ROW),
  };
}

/**
 * The consolidated workbook written from files: "So sánh", "Hạn mức" with the levels per kind
 * beside the quota, and "Công khai".
 */
export function consolidatedWorkbook(c: Consolidation, consolidatedAt: string): WorkbookLayout {
  const base = consolidationWorkbook(c, consolidatedAt);
  const sheets = base.sheets.map((sheet) => (sheet.name === COMPARISON_SHEETS.quota ? withLevelCounts(sheet, c) : sheet));
  return { sheets: [...sheets, publicTableSheet(c)], names: base.names };
}
