import { formatCount, formatPercent, type Consolidation } from "../../domain";
import { columnLetter } from "../addresses";
import { cell, value } from "../cells";
import { kindLabel } from "./comparisonSheet";
import { FONT } from "../schema";
import { a4Print, NUMBER_FORMATS, STYLE } from "../styles";
import type { Block, Scalar, SheetLayout } from "../types";

/**
 * "Tổng của tỉnh" (issue 16 §3): per group and indicator, Σ target and Σ actual of the units where the
 * indicator adds up, with the result as the province reports it ("2.100/2.000 = 105,00 %"), and the
 * spread across units for rates and milestones, which are never summed (docs/rules.md).
 */

export const TOTALS_SHEET = "Tổng của tỉnh";

export const TOTALS_COLUMNS = [
  { header: "Nhóm đối tượng", width: 20 },
  { header: "Mã", width: 7 },
  { header: "Chỉ tiêu", width: 40 },
  { header: "Đơn vị tính", width: 10 },
  { header: "Tổng kế hoạch", width: 13 },
  { header: "Tổng thực hiện", width: 13 },
  { header: "Tỷ lệ đạt", width: 11 },
  { header: "Kết quả của tỉnh", width: 26 },
  { header: "Thấp nhất", width: 10 },
  { header: "Trung vị", width: 10 },
  { header: "Cao nhất", width: 10 },
  { header: "Đơn vị chưa có số liệu", width: 24 },
] as const;

const HEADER_ROW = 4;

export function totalsSheet(c: Consolidation): SheetLayout {
  const last = columnLetter(TOTALS_COLUMNS.length - 1);
  const about = new Map(c.units.flatMap((u) => u.indicators.map((i) => [i.code, i] as const)).reverse());
  const rows = c.totals.map(({ group, code, total }): Scalar[] => {
    const indicator = about.get(code);
    const head = [kindLabel(group), code, indicator?.name ?? "", indicator?.unit ?? ""];
    const pending = total.pending.join(", ");
    if (total.kind === "spread") return [...head, null, null, null, null, total.min, total.median, total.max, pending];
    const { achievement } = total.assessment;
    const text = achievement === null ? null : `${formatCount(total.actual)}/${formatCount(total.target)} = ${formatPercent(achievement)}`;
    return [...head, total.target, total.actual, achievement, text, null, null, null, pending];
  });
  const lastRow = HEADER_ROW + Math.max(1, rows.length);
  const body = (from: number, to: number) => `${columnLetter(from)}${HEADER_ROW + 1}:${columnLetter(to)}${lastRow}`;
  const blocks: Block[] = [
    cell("A1", value(`TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA TỈNH NĂM ${c.year ?? "..."}`), "addin", STYLE.title, { mergeTo: `${last}1` }),
    cell(
      "A2",
      value("Chỉ tiêu cộng dồn (người, tổ chức, tiền, vụ việc): tổng thực hiện / tổng kế hoạch của các đơn vị đã có số liệu. Chỉ tiêu tỷ lệ và Đạt/Không không cộng: tỷ lệ đạt thấp nhất, trung vị và cao nhất giữa các đơn vị."),
      "addin",
      STYLE.note,
      { mergeTo: `${last}2` },
    ),
    { at: `A${HEADER_ROW}`, cells: [TOTALS_COLUMNS.map((col) => value(col.header))], owner: "addin", style: STYLE.header },
  ];
  if (rows.length > 0) blocks.push({ at: `A${HEADER_ROW + 1}`, cells: rows.map((r) => r.map(value)), owner: "addin", style: STYLE.bodyText });
  return {
    name: TOTALS_SHEET,
    font: { name: FONT, size: 13 },
    columnWidths: TOTALS_COLUMNS.map((col) => col.width),
    blocks,
    rangeStyles: [
      { range: body(4, 5), style: { numberFormat: NUMBER_FORMATS.decimal, wrap: false } },
      { range: body(6, 6), style: { numberFormat: NUMBER_FORMATS.percent, wrap: false } },
      { range: body(8, 10), style: { numberFormat: NUMBER_FORMATS.percent, wrap: false } },
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
