import { formatCount, formatPercent, type Consolidation } from "../../domain";
import { columnLetter } from "../addresses";
import { cell, value } from "../cells";
import { kindLabel, yearTitle } from "./comparisonSheet";
import { FONT } from "../schema";
import { POINTS_PER_WIDTH_UNIT, rowHeight, wrappedLines } from "../print";
import { a4Print, NUMBER_FORMATS, STYLE } from "../styles";
import type { Block, Scalar, SheetLayout } from "../types";

/**
 * "Tổng của tỉnh" (issue 16 §3): per group and indicator, Σ target and Σ actual of the units where the
 * indicator adds up, with the result as the province reports it ("2.100/2.000 = 105,00 %"), and the
 * spread across units for rates and milestones, which are never summed (docs/rules.md).
 */

export const TOTALS_SHEET = "Tổng của tỉnh";

export const TOTALS_COLUMNS = [
  { header: "Nhóm đối tượng", width: 12 },
  { header: "Mã", width: 6 },
  { header: "Chỉ tiêu", width: 28 },
  { header: "Đơn vị tính", width: 9 },
  { header: "Tổng kế hoạch", width: 11 },
  { header: "Tổng thực hiện", width: 11 },
  { header: "Tỷ lệ đạt", width: 10 },
  { header: "Kết quả của tỉnh", width: 22 },
  { header: "Tỷ lệ đạt thấp nhất – trung vị – cao nhất", width: 22 },
  { header: "Đơn vị chưa có số liệu", width: 14 },
] as const;

const HEADER_ROW = 4;
const NOTE =
  "Chỉ tiêu cộng dồn (người, tổ chức, tiền, vụ việc): tổng thực hiện / tổng kế hoạch của các đơn vị đã có số liệu. Chỉ tiêu tỷ lệ và Đạt/Không không cộng: tỷ lệ đạt thấp nhất, trung vị và cao nhất giữa các đơn vị.";
/** The note's size (STYLE.note). */
const NOTE_SIZE = 11;
/** The body's size on paper (at least 13 pt, docs/developer-guide.md "The printed document"). */
const BODY_SIZE = 13;

export function totalsSheet(c: Consolidation): SheetLayout {
  const last = columnLetter(TOTALS_COLUMNS.length - 1);
  const about = new Map(c.units.flatMap((u) => u.indicators.map((i) => [i.code, i] as const)).reverse());
  const rows = c.totals.map(({ group, code, total }): Scalar[] => {
    const indicator = about.get(code);
    const head = [kindLabel(group), code, indicator?.name ?? "", indicator?.unit ?? ""];
    const pending = total.pending.join(", ");
    if (total.kind === "spread") {
      const shown = (ratio: number | null) => (ratio === null ? "…" : formatPercent(ratio));
      return [...head, null, null, null, null, total.min === null ? null : [total.min, total.median, total.max].map(shown).join(" – "), pending];
    }
    const { achievement } = total.assessment;
    const text = achievement === null ? null : `${formatCount(total.actual)}/${formatCount(total.target)} = ${formatPercent(achievement)}`;
    return [...head, total.target, total.actual, achievement, text, null, pending];
  });
  const lastRow = HEADER_ROW + Math.max(1, rows.length);
  const body = (from: number, to: number) => `${columnLetter(from)}${HEADER_ROW + 1}:${columnLetter(to)}${lastRow}`;
  const blocks: Block[] = [
    cell("A1", value(`TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA TỈNH ${yearTitle(c)}`), "addin", STYLE.title, { mergeTo: `${last}1` }),
    cell(
      "A2",
      value(NOTE),
      "addin",
      STYLE.note,
      { mergeTo: `${last}2` },
    ),
    { at: `A${HEADER_ROW}`, cells: [TOTALS_COLUMNS.map((col) => value(col.header))], owner: "addin", style: STYLE.header },
  ];
  // Numbers keep their formats (bodyText would make them text); the wrapped text columns size their rows.
  if (rows.length > 0) blocks.push({ at: `A${HEADER_ROW + 1}`, cells: rows.map((r) => r.map(value)), owner: "addin", style: { ...STYLE.body, font: { name: FONT, size: BODY_SIZE }, wrap: true } });
  const lines = (text: Scalar, column: number) => wrappedLines(String(text ?? ""), TOTALS_COLUMNS[column].width * POINTS_PER_WIDTH_UNIT, BODY_SIZE);
  const noteWidth = TOTALS_COLUMNS.reduce((sum, col) => sum + col.width, 0) * POINTS_PER_WIDTH_UNIT;
  const rowHeights = [{ row: 2, height: rowHeight(wrappedLines(String(NOTE), noteWidth, NOTE_SIZE), NOTE_SIZE) }, ...rows.map((r, i) => ({ row: HEADER_ROW + 1 + i, height: rowHeight(Math.max(...[0, 2, 7, 8, 9].map((c) => lines(r[c], c))), BODY_SIZE) }))];
  return {
    name: TOTALS_SHEET,
    font: { name: FONT, size: BODY_SIZE },
    columnWidths: TOTALS_COLUMNS.map((col) => col.width),
    rowHeights,
    blocks,
    rangeStyles: [
      { range: body(4, 5), style: { numberFormat: NUMBER_FORMATS.decimal, wrap: false } },
      { range: body(6, 6), style: { numberFormat: NUMBER_FORMATS.percent, wrap: false } },
    ],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    freezeRows: HEADER_ROW,
    print: a4Print("landscape", `A1:${last}${lastRow}`, `$${HEADER_ROW}:$${HEADER_ROW}`),
  };
}
