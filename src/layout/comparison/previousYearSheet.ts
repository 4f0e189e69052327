import type { Consolidation, PreviousYear } from "../../domain";
import { columnLetter } from "../addresses";
import { cell, value } from "../cells";
import { comparisonOrder, kindLabel, yearTitle } from "./comparisonSheet";
import { FONT } from "../schema";
import { a4Print, STATUS_COLORS, STYLE } from "../styles";
import type { Block, Scalar, SheetLayout } from "../types";

/**
 * "So với năm trước" (issue 16 §3, `--previous`): per unit its rank this year and last year and the
 * change, then per indicator the change in achievement (percentage points); blank where the unit or
 * the indicator was not there last year.
 */

export const PREVIOUS_YEAR_SHEET = "So với năm trước";
const FIXED = ["Đơn vị", "Loại đơn vị", "Hạng năm nay", "Hạng năm trước", "Thay đổi hạng"] as const;
const HEADER_ROW = 4;

export function previousYearSheet(c: Consolidation, previous: PreviousYear): SheetLayout {
  const codes = c.indicators.map((i) => i.code);
  const last = columnLetter(FIXED.length + codes.length - 1);
  const byUnit = new Map(previous.changes.map((ch) => [ch.unit, ch]));
  const rows = comparisonOrder(c.units).map((u): Scalar[] => {
    const change = byUnit.get(u.unit);
    return [u.unit, kindLabel(u.kind), u.rank, change?.previousRank ?? null, change?.rankChange ?? null, ...codes.map((code) => change?.achievementChange[code] ?? null)];
  });
  const lastRow = HEADER_ROW + Math.max(1, rows.length);
  const changes = `E${HEADER_ROW + 1}:${last}${lastRow}`;
  const blocks: Block[] = [
    cell("A1", value(`SO SÁNH ${yearTitle(c)} VỚI NĂM ${previous.year ?? "..."}`), "addin", STYLE.title, { mergeTo: `${last}1` }),
    cell(
      "A2",
      value("Thay đổi hạng: số bậc tăng (dương) hoặc giảm (âm) trong loại đơn vị. Các cột chỉ tiêu: tỷ lệ đạt năm nay trừ năm trước; để trống khi năm trước không có."),
      "addin",
      STYLE.note,
      { mergeTo: `${last}2` },
    ),
    { at: `A${HEADER_ROW}`, cells: [[...FIXED, ...codes].map(value)], owner: "addin", style: STYLE.header },
  ];
  if (rows.length > 0) blocks.push({ at: `A${HEADER_ROW + 1}`, cells: rows.map((r) => r.map(value)), owner: "addin", style: STYLE.body });
  return {
    name: PREVIOUS_YEAR_SHEET,
    font: { name: FONT, size: 12 },
    columnWidths: [24, 18, 9, 9, 9, ...codes.map(() => 9)],
    blocks,
    rangeStyles: codes.length > 0 ? [{ range: `F${HEADER_ROW + 1}:${last}${lastRow}`, style: { numberFormat: "+0.00%;-0.00%;0.00%" } }] : [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [
      { range: changes, formula: `AND(ISNUMBER(E${HEADER_ROW + 1}),E${HEADER_ROW + 1}<0)`, ...STATUS_COLORS.notMet },
      { range: changes, formula: `AND(ISNUMBER(E${HEADER_ROW + 1}),E${HEADER_ROW + 1}>0)`, ...STATUS_COLORS.exceeded },
    ],
    protect: false,
    freezeRows: HEADER_ROW,
    print: a4Print("landscape", `A1:${last}${lastRow}`, `$${HEADER_ROW}:$${HEADER_ROW}`),
  };
}
