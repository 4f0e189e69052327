import type { Consolidation, PreviousYear } from "../../domain";
import { columnLetter } from "../addresses";
import { cell, value } from "../cells";
import { ACHIEVEMENT_BAR, comparisonOrder, kindLabel, yearTitle } from "./comparisonSheet";
import { FONT } from "../schema";
import { a4Print, NUMBER_FORMATS, STATUS_COLORS, STYLE } from "../styles";
import type { Block, Scalar, SheetLayout } from "../types";

/**
 * "So với năm trước" (issue 16 §3, `--previous`): per unit its rank this year and last year and the
 * change, then per indicator the change in achievement (percentage points); blank where the unit or
 * the indicator was not there last year. Below, the picture: per indicator last year's and this
 * year's achievement side by side, each with a bar on one scale (0–200 %, as So sánh's), last year's
 * grey, so an officer sees at a glance who rose and who fell.
 */

export const PREVIOUS_YEAR_SHEET = "So với năm trước";
const FIXED = ["Đơn vị", "Loại đơn vị", "Hạng năm nay", "Hạng năm trước", "Thay đổi hạng"] as const;
const HEADER_ROW = 4;
const LAST_YEAR_BAR = { ...ACHIEVEMENT_BAR, color: "#BFBFBF" } as const;

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
  // The picture: a title row, two header rows (indicator, then the two years), a row per unit.
  const pictureTitle = lastRow + 2;
  const pictureHeader = pictureTitle + 1;
  const pictureFirst = pictureHeader + 2;
  const pictureLast = pictureFirst + Math.max(1, rows.length) - 1;
  const yearColumn = (i: number, which: 0 | 1) => columnLetter(FIXED.length + 2 * i + which);
  const pictureEnd = codes.length > 0 ? yearColumn(codes.length - 1, 1) : last;
  const now = new Map(c.units.map((u) => [u.unit, new Map(u.indicators.map((i) => [i.code, i.achievement]))]));
  const pictureRows = comparisonOrder(c.units).map((u): Scalar[] => {
    const before = byUnit.get(u.unit)?.previousAchievements ?? {};
    return [u.unit, kindLabel(u.kind), u.rank, byUnit.get(u.unit)?.previousRank ?? null, byUnit.get(u.unit)?.rankChange ?? null, ...codes.flatMap((code) => [before[code] ?? null, now.get(u.unit)?.get(code) ?? null])];
  });
  const thisYear = c.year === null ? "Năm nay" : `Năm ${c.year}`;
  const lastYear = previous.year === null ? "Năm trước" : `Năm ${previous.year}`;
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
  if (codes.length > 0) {
    blocks.push(
      cell(`A${pictureTitle}`, value(`TỶ LỆ ĐẠT ${lastYear.toUpperCase()} (XÁM) VÀ ${thisYear.toUpperCase()} (XANH)`), "addin", STYLE.labelBold, { mergeTo: `${pictureEnd}${pictureTitle}` }),
      ...FIXED.map((header, i) => cell(`${columnLetter(i)}${pictureHeader}`, value(header), "addin", STYLE.header, { mergeTo: `${columnLetter(i)}${pictureHeader + 1}` })),
      ...codes.map((code, i) => cell(`${yearColumn(i, 0)}${pictureHeader}`, value(code), "addin", STYLE.header, { mergeTo: `${yearColumn(i, 1)}${pictureHeader}` })),
      { at: `${yearColumn(0, 0)}${pictureHeader + 1}`, cells: [codes.flatMap(() => [value(lastYear), value(thisYear)])], owner: "addin", style: STYLE.header },
    );
    if (pictureRows.length > 0) blocks.push({ at: `A${pictureFirst}`, cells: pictureRows.map((r) => r.map(value)), owner: "addin", style: STYLE.body });
  }
  return {
    name: PREVIOUS_YEAR_SHEET,
    font: { name: FONT, size: 12 },
    columnWidths: [24, 18, 9, 9, 9, ...codes.flatMap(() => [9, 9])],
    blocks,
    rangeStyles:
      codes.length > 0
        ? [
            { range: `F${HEADER_ROW + 1}:${last}${lastRow}`, style: { numberFormat: "+0.00%;-0.00%;0.00%" } },
            { range: `F${pictureFirst}:${pictureEnd}${pictureLast}`, style: { numberFormat: NUMBER_FORMATS.percent } },
          ]
        : [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [
      { range: changes, formula: `AND(ISNUMBER(E${HEADER_ROW + 1}),E${HEADER_ROW + 1}<0)`, ...STATUS_COLORS.notMet },
      { range: changes, formula: `AND(ISNUMBER(E${HEADER_ROW + 1}),E${HEADER_ROW + 1}>0)`, ...STATUS_COLORS.exceeded },
    ],
    dataBars: codes.flatMap((_, i) => [
      { range: `${yearColumn(i, 0)}${pictureFirst}:${yearColumn(i, 0)}${pictureLast}`, ...LAST_YEAR_BAR },
      { range: `${yearColumn(i, 1)}${pictureFirst}:${yearColumn(i, 1)}${pictureLast}`, ...ACHIEVEMENT_BAR },
    ]),
    protect: false,
    freezeRows: HEADER_ROW,
    print: a4Print("landscape", `A1:${pictureEnd}${codes.length > 0 ? pictureLast : lastRow}`, `$${HEADER_ROW}:$${HEADER_ROW}`),
  };
}
