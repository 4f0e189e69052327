import type { ConsolidatedUnit, Consolidation, PreviousYear, UnitKind } from "../../domain";
import { columnLetter } from "../addresses";
import { cell, value } from "../cells";
import { ACHIEVEMENT_BAR, comparisonOrder, groupLabel, yearTitle } from "./comparisonSheet";
import { FONT } from "../schema";
import { POINTS_PER_WIDTH_UNIT, rowHeight, wrappedLines } from "../print";
import { a4Print, NUMBER_FORMATS, STATUS_COLORS, STYLE } from "../styles";
import type { Block, ConditionalFormatSpec, DataBarSpec, RangeStyle, Scalar, SheetLayout } from "../types";

/**
 * "So với năm trước" (issue 16 §3, `--previous`): per unit its rank this year and last year and the
 * change, then per indicator the change in achievement (percentage points); blank where the unit or
 * the indicator was not there last year. Below, the picture: per indicator last year's and this
 * year's achievement side by side, each with a bar on one scale (0–200 %, as So sánh's), last year's
 * grey, so an officer sees at a glance who rose and who fell. Groups have their own catalogues (1.1
 * is new members for the districts, drafted documents for the bodies), so with several groups each
 * has its own section under its name, with its own indicator columns, in the table and in the picture.
 */

export const PREVIOUS_YEAR_SHEET = "So với năm trước";
const FIXED = ["Đơn vị", "Loại đơn vị", "Hạng năm nay", "Hạng năm trước", "Thay đổi hạng"] as const;
const FIXED_WIDTHS = [24, 18, 9, 9, 9] as const;
const CODE_WIDTH = 9;
const BODY_SIZE = 12;
const NOTE_SIZE = 11;
const NOTE = "Thay đổi hạng: số bậc tăng (dương) hoặc giảm (âm) trong loại đơn vị. Các cột chỉ tiêu: tỷ lệ đạt năm nay trừ năm trước; để trống khi năm trước không có.";
const HEADER_ROW = 4;
const LAST_YEAR_BAR = { ...ACHIEVEMENT_BAR, color: "#BFBFBF" } as const;
/** A change in percentage points, with its sign. */
const SIGNED_PERCENT = "+0.00%;-0.00%;0.00%";

interface Section {
  readonly kind: UnitKind | null;
  /** The group's name as published (the province's). */
  readonly name: string;
  readonly units: readonly ConsolidatedUnit[];
  /** The group's catalogue, then its units' own indicators. */
  readonly codes: readonly string[];
}

function sections(c: Consolidation): Section[] {
  const ordered = comparisonOrder(c.units);
  const kinds = [...new Set(ordered.map((u) => u.kind))];
  return kinds.map((kind) => {
    const units = ordered.filter((u) => u.kind === kind);
    const catalogue = c.groups.find((g) => g.kind === kind)?.indicators ?? [];
    const own = units.flatMap((u) => u.indicators.map((i) => i.code)).filter((code) => !catalogue.includes(code));
    return { kind, name: groupLabel(c, kind), units, codes: [...new Set([...catalogue, ...own])] };
  });
}

export function previousYearSheet(c: Consolidation, previous: PreviousYear): SheetLayout {
  const groups = sections(c);
  // One group (the common case) has no heading row: its header is the sheet's header row.
  const headed = groups.length > 1;
  const widest = Math.max(0, ...groups.map((g) => g.codes.length));
  const last = columnLetter(FIXED.length + widest - 1);
  const pictureEnd = widest > 0 ? columnLetter(FIXED.length + 2 * widest - 1) : last;
  const byUnit = new Map(previous.changes.map((ch) => [ch.unit, ch]));
  const now = new Map(c.units.map((u) => [u.unit, new Map(u.indicators.map((i) => [i.code, i.achievement]))]));
  const thisYear = c.year === null ? "Năm nay" : `Năm ${c.year}`;
  const lastYear = previous.year === null ? "Năm trước" : `Năm ${previous.year}`;
  const ranks = (u: ConsolidatedUnit): Scalar[] => [u.unit, groupLabel(c, u.kind), u.rank, byUnit.get(u.unit)?.previousRank ?? null, byUnit.get(u.unit)?.rankChange ?? null];
  const yearColumn = (i: number, which: 0 | 1) => columnLetter(FIXED.length + 2 * i + which);
  const blocks: Block[] = [
    cell("A1", value(`SO SÁNH ${yearTitle(c)} VỚI NĂM ${previous.year ?? "..."}`), "addin", STYLE.title, { mergeTo: `${last}1` }),
    cell("A2", value(NOTE), "addin", STYLE.note, { mergeTo: `${last}2` }),
  ];
  const rangeStyles: RangeStyle[] = [];
  // Rows sized to their wrapped texts: LibreOffice prints a wrapped cell in the row's height as written.
  const points = (width: number) => width * POINTS_PER_WIDTH_UNIT;
  const fixedWidth = FIXED_WIDTHS.reduce((a, b) => a + b, 0);
  const headerLines = Math.max(...FIXED.map((text, i) => wrappedLines(text, points(FIXED_WIDTHS[i]), BODY_SIZE, true)));
  const rowHeights = [{ row: 2, height: rowHeight(wrappedLines(NOTE, points(fixedWidth + CODE_WIDTH * widest), NOTE_SIZE), NOTE_SIZE) }];
  const unitLines = (u: ConsolidatedUnit) => Math.max(wrappedLines(u.unit, points(FIXED_WIDTHS[0]), BODY_SIZE), wrappedLines(groupLabel(c, u.kind), points(FIXED_WIDTHS[1]), BODY_SIZE));
  /** Unit rows from `first`: names and kinds wrap rather than run into the next column, in rows as tall as they need. */
  const sized = (first: number, units: readonly ConsolidatedUnit[]) => {
    rangeStyles.push({ range: `A${first}:B${first + units.length - 1}`, style: { wrap: true } });
    rowHeights.push(...units.map((u, i) => ({ row: first + i, height: rowHeight(unitLines(u), BODY_SIZE) })));
  };
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const dataBars: DataBarSpec[] = [];
  const heading = (row: number, g: Section, end: string) => cell(`A${row}`, value(g.name), "addin", STYLE.labelBold, { mergeTo: `${end}${row}` });

  // The changes: per group its header row (under its name when there are several), then its units.
  let row = HEADER_ROW - (headed ? 1 : 0);
  let lastRow = row;
  for (const g of groups) {
    if (headed) blocks.push(heading(row++, g, last));
    const header = row;
    blocks.push({ at: `A${header}`, cells: [[...FIXED, ...g.codes].map(value)], owner: "addin", style: STYLE.header });
    rowHeights.push({ row: header, height: rowHeight(headerLines, BODY_SIZE) });
    const first = header + 1;
    const end = header + Math.max(1, g.units.length);
    const groupLast = columnLetter(FIXED.length + g.codes.length - 1);
    if (g.units.length > 0) {
      blocks.push({
        at: `A${first}`,
        cells: g.units.map((u) => [...ranks(u), ...g.codes.map((code) => byUnit.get(u.unit)?.achievementChange[code] ?? null)].map(value)),
        owner: "addin",
        style: STYLE.body,
      });
      sized(first, g.units);
    }
    const changes = `E${first}:${groupLast}${end}`;
    conditionalFormats.push(
      { range: changes, formula: `AND(ISNUMBER(E${first}),E${first}<0)`, ...STATUS_COLORS.notMet },
      { range: changes, formula: `AND(ISNUMBER(E${first}),E${first}>0)`, ...STATUS_COLORS.exceeded },
    );
    if (g.codes.length > 0) rangeStyles.push({ range: `F${first}:${groupLast}${end}`, style: { numberFormat: SIGNED_PERCENT } });
    lastRow = end;
    row = end + 2;
  }

  // The picture: a title row, then per group its name, two header rows (indicator, then the two years), a row per unit.
  let pictureLast = lastRow;
  if (widest > 0) {
    row = lastRow + 2;
    blocks.push(cell(`A${row}`, value(`TỶ LỆ ĐẠT ${lastYear.toUpperCase()} (XÁM) VÀ ${thisYear.toUpperCase()} (XANH)`), "addin", STYLE.labelBold, { mergeTo: `${pictureEnd}${row}` }));
    row += 1;
    for (const g of groups) {
      if (g.codes.length === 0) continue;
      if (headed) blocks.push(heading(row++, g, pictureEnd));
      const header = row;
      blocks.push(
        ...FIXED.map((text, i) => cell(`${columnLetter(i)}${header}`, value(text), "addin", STYLE.header, { mergeTo: `${columnLetter(i)}${header + 1}` })),
        ...g.codes.map((code, i) => cell(`${yearColumn(i, 0)}${header}`, value(code), "addin", STYLE.header, { mergeTo: `${yearColumn(i, 1)}${header}` })),
        { at: `${yearColumn(0, 0)}${header + 1}`, cells: [g.codes.flatMap(() => [value(lastYear), value(thisYear)])], owner: "addin", style: STYLE.header },
      );
      const first = header + 2;
      const end = first + Math.max(1, g.units.length) - 1;
      if (g.units.length > 0) {
        blocks.push({
          at: `A${first}`,
          cells: g.units.map((u) => {
            const before = byUnit.get(u.unit)?.previousAchievements ?? {};
            return [...ranks(u), ...g.codes.flatMap((code) => [before[code] ?? null, now.get(u.unit)?.get(code) ?? null])].map(value);
          }),
          owner: "addin",
          style: STYLE.body,
        });
          sized(first, g.units);
      }
      // The fixed columns' headers span both header rows: the codes take one line, the years the rest.
      const yearLines = Math.max(...[lastYear, thisYear].map((text) => wrappedLines(text, points(CODE_WIDTH), BODY_SIZE, true)));
      rowHeights.push({ row: header, height: rowHeight(1, BODY_SIZE) }, { row: header + 1, height: rowHeight(Math.max(yearLines, headerLines - 1), BODY_SIZE) });
      rangeStyles.push({ range: `F${first}:${yearColumn(g.codes.length - 1, 1)}${end}`, style: { numberFormat: NUMBER_FORMATS.percent } });
      dataBars.push(
        ...g.codes.flatMap((_, i) => [
          { range: `${yearColumn(i, 0)}${first}:${yearColumn(i, 0)}${end}`, ...LAST_YEAR_BAR },
          { range: `${yearColumn(i, 1)}${first}:${yearColumn(i, 1)}${end}`, ...ACHIEVEMENT_BAR },
        ]),
      );
      row = end + 2;
    }
    pictureLast = row - 2;
  }
  return {
    name: PREVIOUS_YEAR_SHEET,
    font: { name: FONT, size: 12 },
    columnWidths: [...FIXED_WIDTHS, ...Array.from({ length: 2 * widest }, () => CODE_WIDTH)],
    rowHeights,
    blocks,
    rangeStyles,
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats,
    dataBars,
    protect: false,
    ...(headed ? {} : { freezeRows: HEADER_ROW }),
    print: a4Print("landscape", `A1:${pictureEnd}${pictureLast}`, headed ? undefined : `$${HEADER_ROW}:$${HEADER_ROW}`),
  };
}
