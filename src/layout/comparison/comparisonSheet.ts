import { kindName, LEVEL_NAMES, QUARTER_NAMES, STATUS_NAMES, textKey, vnDay, type Consolidation, type ConsolidatedUnit, type UnitDecision, type UnitKind } from "../../domain";
import { CONSOLIDATION_MESSAGES } from "../../domain/messages/consolidation";
import { QUOTA_MESSAGES } from "../../domain/messages/quota";
import { render } from "../../domain/messages/localize";
import { columnLetter, rangeAddress } from "../addresses";
import { cell, formula, value } from "../cells";
import { statusIsFormula, TOTAL_LEFT_OUT, totalAchievementFormula, totalActualFormula, totalStatusFormula, totalTargetFormula, type TotalRanges } from "../formulas";
import { isPercentUnit, toPercentCell } from "../percentRows";
import { FONT } from "../schema";
import { POINTS_PER_WIDTH_UNIT, rowHeight, wrappedLines } from "../print";
import { comparisonPrint, comparisonRowBreaks, COMPARISON_TITLE_COLUMNS, spansByPage } from "./comparisonPrint";
import { a4Print, NUMBER_FORMATS, numberFormatForUnit, STATUS_COLORS, STYLE } from "../styles";
import type { Block, CellContent, ConditionalFormatSpec, Scalar, SheetLayout, WorkbookLayout } from "../types";

/**
 * The consolidated workbook from unit files (issue 8 §3, file variant): "So sánh", units ×
 * indicators grouped by task group, and "Hạn mức", the excellent quota per unit kind with the
 * decision per unit and the files that were not consolidated. The units' rows are values (their
 * formulas stay in their own workbooks, and each row names the file and time its values come from);
 * the province's totals under them are formulas over those rows (issue 16 §3).
 */

export const COMPARISON_SHEETS = { comparison: "So sánh", quota: "Hạn mức" } as const;

/** Fixed columns before the indicators, in order. */
export const COMPARISON_COLUMNS = [
  { header: "TT", width: 5 },
  { header: "Đơn vị", width: 24 },
  { header: "Loại đơn vị", width: 18 },
  { header: "Tổng điểm", width: 9 },
  { header: "Xếp loại đề xuất", width: 22 },
  { header: "Xếp loại cuối cùng", width: 22 },
  { header: "Hạng trong loại", width: 8 },
  { header: "Hạn mức xuất sắc", width: 28 },
  { header: "Tệp nguồn", width: 24 },
  { header: "Thời điểm số liệu", width: 16 },
] as const;

export const COMPARISON_HEADER_ROWS = { group: 4, indicator: 5, measure: 6 } as const;
export const COMPARISON_FIRST_ROW = 7;

/**
 * Per indicator, side by side under its name: the target and the actual beside the achievement and
 * the status (issue 16 §3), so that a unit's figures and the province's totals read on one row.
 */
export const COMPARISON_MEASURES = [
  { key: "target", header: "Kế hoạch", width: 10 },
  { key: "actual", header: "Thực hiện", width: 10 },
  { key: "achievement", header: "Tỷ lệ đạt", width: 10 },
  { key: "status", header: "Đánh giá", width: 13 },
] as const;
export type MeasureKey = (typeof COMPARISON_MEASURES)[number]["key"];
const MEASURE_COUNT = COMPARISON_MEASURES.length;

/** The 1-based column of an indicator's measure (the `index`-th indicator in comparison order) after `fixed` columns. */
export function measureColumn(fixed: number, index: number, key: MeasureKey): number {
  return fixed + 1 + MEASURE_COUNT * index + COMPARISON_MEASURES.findIndex((m) => m.key === key);
}

/** The heading over the province's totals and what they count (docs/rules.md §6). */
export const TOTALS_HEADING = "TỔNG CỦA TỈNH";
export const TOTAL_ROW_LABEL = "Tổng của tỉnh";
export const TOTALS_NOTE =
  "Chỉ tiêu cộng dồn: tổng kế hoạch, tổng thực hiện và tỷ lệ đạt (tổng thực hiện / tổng kế hoạch) của các đơn vị trong loại đã có số liệu, công thức trên các dòng đơn vị ở trên; " +
  "đơn vị chưa có số liệu hoặc có lỗi không cộng, số đơn vị đó ghi sau đánh giá. Chỉ tiêu tỷ lệ và Đạt/Không không cộng (—).";
/** The longest status a group's total can show: every unit left out. */
export const leftOutStatus = (units: number) => `${STATUS_NAMES.pending}${TOTAL_LEFT_OUT.before}${units}${TOTAL_LEFT_OUT.after}`;

/** In the measures of an indicator that is not summed. */
export const NOT_SUMMED = "—";

/** A group's name as the pages publish it: the province's, as its units' files carry it (else the kind's). */
export const groupLabel = (c: Pick<Consolidation, "groups">, kind: UnitKind | null) => c.groups.find((g) => g.kind === kind)?.name ?? kindName(kind);

export const DECISION_TEXTS: Readonly<Record<UnitDecision, (u: ConsolidatedUnit) => string>> = {
  keep: () => CONSOLIDATION_MESSAGES.decision.keep,
  lower: () => CONSOLIDATION_MESSAGES.decision.lower,
  tie: (u) => CONSOLIDATION_MESSAGES.decision.tie(u.points),
};

/** After a suggested level that is provisional (the floor). */
export const PROVISIONAL_SUFFIX = " (tạm tính)";

/** So sánh's note mid-year: what the figures are and what the two levels mean. */
export const MID_YEAR_NOTE =
  "TẠM TÍNH: số liệu theo dõi của từng đơn vị (trang Theo dõi) đến ngày này, so với kế hoạch đến kỳ; xếp loại là mức thấp nhất chắc chắn đạt (chỉ tiêu chưa có số liệu tính là chưa đạt) và mức có thể đạt tối đa.";

/** The mid-year mark of every sheet of a provisional consolidation: "TẠM TÍNH QUÝ II ĐẾN NGÀY 30/06/2021". */
export function midYearMark(c: Pick<Consolidation, "asOf">): string | null {
  if (!c.asOf) return null;
  return `TẠM TÍNH${c.asOf.quarter === null ? "" : ` ${QUARTER_NAMES[c.asOf.quarter].toLocaleUpperCase("vi")}`} ĐẾN NGÀY ${vnDay(c.asOf.date)}`;
}

/** The year in a sheet's title, with the mid-year mark when there is one. */
export function yearTitle(c: Pick<Consolidation, "year" | "asOf">): string {
  const mark = midYearMark(c);
  return `NĂM ${c.year ?? "..."}${mark === null ? "" : ` – ${mark}`}`;
}

/**
 * The suggested level as So sánh shows it: "(tạm tính)" after a floor, and mid-year the ceiling
 * beside it ("có thể đạt tối đa", docs/rules.md §2) when it is higher.
 */
export function suggestedLevelText(u: Pick<ConsolidatedUnit, "level" | "ceilingLevel" | "provisional">, midYear: boolean): string | null {
  if (u.level === null) return null;
  if (!u.provisional) return LEVEL_NAMES[u.level];
  const ceiling = midYear && u.ceilingLevel && u.ceilingLevel !== u.level ? `; có thể đạt tối đa: ${LEVEL_NAMES[u.ceilingLevel]}` : "";
  return `${LEVEL_NAMES[u.level]} (tạm tính${ceiling})`;
}

/** Where a unit's values come from: the file's time, or mid-year its snapshot's date. */
function valuesTime(u: ConsolidatedUnit, midYear: boolean): string {
  if (!midYear) return vnDateTime(u.modified);
  return u.snapshot ? `Theo dõi đến ${vnDay(u.snapshot)}` : "Chưa có số liệu theo dõi";
}

/** A time as dd/mm/yyyy hh:mm in the computer's time zone, the way the committee reads it. */
export function vnDateTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Units of a kind together (kinds in order of first file), best rank first, then by name. */
export function comparisonOrder(units: readonly ConsolidatedUnit[]): ConsolidatedUnit[] {
  const kinds = [...new Set(units.map((u) => u.kind))];
  return [...units].sort(
    (a, b) =>
      kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.unit.localeCompare(b.unit, "vi"),
  );
}

/**
 * The picture in a workbook written from files (ExcelJS writes no charts): a data bar in each
 * achievement cell, empty at 0 % and full at 200 %, so a bar reaching the middle of the cell is
 * 100 % and bars of every indicator and unit compare at a glance, in Excel 2010+ and LibreOffice.
 */
export const ACHIEVEMENT_BAR = { min: 0, max: 2, color: "#9DC3E6" } as const;

/** A1 address from 1-based row and column, as the sheet numbers them. */
const a1 = (r: number, c: number) => `${columnLetter(c - 1)}${r}`;
const row = (values: readonly Scalar[]): CellContent[] => values.map(value);
const header = (at: string, text: string, mergeTo?: string): Block =>
  cell(at, value(text), "addin", STYLE.header, mergeTo && mergeTo !== at ? { mergeTo } : {});

/** Rows under the units: a blank row, the totals heading and note, then one total row per group. */
export const TOTALS_GAP = 2;

/**
 * The criterion that counts the rows of a group's name, `cell` holding it: the cell itself, or where the
 * name (the province's) holds a wildcard or starts like an operator, that cell escaped and compared for
 * equality, so that "Huyện*" never counts the rows of "Huyện, sở" too.
 */
function nameCriterion(cell: string, name: string): string {
  if (!/[*?~]|^[=<>]/.test(name)) return cell;
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;
}

/** The cells one group's total counts over, for the indicator whose measures start at `column`. */
function totalRanges(firstRow: number, lastRow: number, kindColumn: number, column: (key: MeasureKey) => number, row: number, name: string): TotalRanges {
  const range = (c: number) => `$${columnLetter(c - 1)}$${firstRow}:$${columnLetter(c - 1)}$${lastRow}`;
  const kind = nameCriterion(`$${columnLetter(kindColumn - 1)}${row}`, name);
  return { kinds: range(kindColumn), kind, statuses: range(column("status")), targets: range(column("target")), actuals: range(column("actual")) };
}

/**
 * One group's total for one indicator: Σ target, Σ actual, the achievement and the status as
 * formulas where the engine sums it, "—" where it does not (a rate or a milestone), nothing where the
 * indicator is not in the group's catalogue.
 */
export function totalCells(direction: string, summed: boolean | null, t: TotalRanges, at: (key: MeasureKey) => string): CellContent[] {
  if (summed === null) return [value(null), value(null), value(null), value(null)];
  if (!summed || (direction !== "increase" && direction !== "decrease")) return [value(NOT_SUMMED), value(NOT_SUMMED), value(NOT_SUMMED), value(null)];
  return [
    formula(totalTargetFormula(t)),
    formula(totalActualFormula(t)),
    formula(totalAchievementFormula(direction, t, at("target"), at("actual"))),
    formula(totalStatusFormula(t, at("achievement"))),
  ];
}

/** A unit's target or actual as So sánh shows it: numbers only, a "%" row on the cell's scale (0,85 for 85 %); a milestone's 1/0 not at all. */
function figure(direction: string, unit: string | undefined, v: number | null | undefined): Scalar {
  if (direction === "milestone" || v === null || v === undefined) return null;
  return isPercentUnit(unit) ? toPercentCell(v) : v;
}

/** An indicator's four columns on So sánh, and the unit kinds whose rows fill them. */
interface IndicatorColumns {
  readonly code: string;
  readonly group: string;
  readonly name: string;
  readonly direction: string;
  readonly unit: string;
  readonly kinds: ReadonlySet<UnitKind | null>;
}

/**
 * The indicators' columns: groups of subjects have their own catalogues, so a code names an
 * indicator only within its kind (1.1 is new members for the districts, drafted documents for the
 * bodies). Kinds whose catalogues give a code the same name share its columns; otherwise each has its
 * own. Each kind's catalogue in table order, then units' own indicators, then grouped by task group.
 */
function indicatorColumns(c: Consolidation, units: readonly ConsolidatedUnit[]): IndicatorColumns[] {
  const kindCode = (kind: UnitKind | null, code: string) => `${kind ?? ""}\u0000${code}`;
  // A code's indicator in a kind: as the first unit of that kind that has it says.
  const first = new Map<string, ConsolidatedUnit["indicators"][number]>();
  for (const u of units) for (const i of u.indicators) if (!first.has(kindCode(u.kind, i.code))) first.set(kindCode(u.kind, i.code), i);
  const columns = new Map<string, { readonly column: Omit<IndicatorColumns, "kinds">; readonly kinds: Set<UnitKind | null> }>();
  const add = (kind: UnitKind | null, code: string) => {
    const i = first.get(kindCode(kind, code));
    if (i === undefined) return;
    const id = `${code}\u0000${textKey(i.name)}`;
    const found = columns.get(id) ?? { column: { code, group: i.group, name: i.name, direction: i.direction, unit: i.unit ?? "" }, kinds: new Set<UnitKind | null>() };
    found.kinds.add(kind);
    columns.set(id, found);
  };
  for (const g of c.groups) for (const code of g.indicators) add(g.kind, code);
  for (const u of units) for (const i of u.indicators) add(u.kind, i.code);
  const all = [...columns.values()].map(({ column, kinds }) => ({ ...column, kinds }));
  const groups = [...new Set(all.map((i) => i.group))];
  return groups.flatMap((g) => all.filter((i) => i.group === g));
}

function comparisonSheet(c: Consolidation, consolidatedAt: string): SheetLayout {
  const fixed = COMPARISON_COLUMNS.length;
  const units = comparisonOrder(c.units);
  const indicators = indicatorColumns(c, units);
  const groups = [...new Set(indicators.map((i) => i.group))];
  const lastRow = COMPARISON_FIRST_ROW + Math.max(1, units.length) - 1;
  const headingRow = lastRow + TOTALS_GAP;
  const firstTotal = headingRow + 2;
  const lastTotal = firstTotal + Math.max(1, c.groups.length) - 1;
  const { group: groupRow, indicator: indicatorRow, measure: measureRow } = COMPARISON_HEADER_ROWS;
  const columnWidths = [...COMPARISON_COLUMNS.map((col) => col.width), ...indicators.flatMap(() => COMPARISON_MEASURES.map((m) => m.width))];
  const groupSizes = groups.map((g) => indicators.filter((i) => i.group === g).length);
  const wide = columnWidths.length;
  const title = `SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU ${yearTitle(c)}`;
  const printed = comparisonPrint({ widths: columnWidths, fixed, groupSizes, measures: MEASURE_COUNT, headerRows: { first: groupRow, last: measureRow }, lastRow: lastTotal }, title);
  const blocks: Block[] = [
    cell("A1", value(title), "addin", STYLE.title, { mergeTo: a1(1, wide) }),
    cell(
      "A2",
      value(
        `Tổng hợp từ ${c.units.length} tệp lúc ${vnDateTime(consolidatedAt)}; ${c.rejected.length} tệp không tổng hợp được (trang ${COMPARISON_SHEETS.quota}). ` +
          `Số liệu của đơn vị là giá trị chép từ từng tệp, không phải công thức; dòng ${TOTAL_ROW_LABEL} ở cuối là công thức trên các dòng đó.` +
          (c.asOf ? ` ${MID_YEAR_NOTE}` : ""),
      ),
      "addin",
      STYLE.note,
      { mergeTo: a1(2, wide) },
    ),
    ...COMPARISON_COLUMNS.map((col, i) => header(a1(groupRow, i + 1), col.header, a1(measureRow, i + 1))),
  ];
  let column = fixed + 1;
  for (const g of groups) {
    const count = indicators.filter((i) => i.group === g).length;
    for (const span of spansByPage(column, column + MEASURE_COUNT * count - 1, printed.columnBreaks)) blocks.push(header(a1(groupRow, span.from), `Nhóm ${g}`, a1(groupRow, span.to)));
    column += MEASURE_COUNT * count;
  }
  indicators.forEach((ind, i) => {
    const at = measureColumn(fixed, i, "target");
    blocks.push(
      header(a1(indicatorRow, at), `${ind.code}. ${ind.name}`, a1(indicatorRow, at + MEASURE_COUNT - 1)),
      { at: a1(measureRow, at), cells: [row(COMPARISON_MEASURES.map((m) => m.header))], owner: "addin", style: STYLE.header },
    );
  });
  // Printed, a row's wrapped texts (levels, decision) must fit its height: no viewer grows a row on opening.
  const wrappedHeights: { row: number; height: number }[] = [];
  const columnPoints = (column: number, count = 1) => columnWidths.slice(column - 1, column - 1 + count).reduce((a, b) => a + b, 0) * POINTS_PER_WIDTH_UNIT;
  const indicatorLines = Math.max(1, ...indicators.map((ind, i) => wrappedLines(`${ind.code}. ${ind.name}`, columnPoints(measureColumn(fixed, i, "target"), MEASURE_COUNT), 12, true)));
  units.forEach((u, r) => {
    const at = COMPARISON_FIRST_ROW + r;
    const level = suggestedLevelText(u, c.asOf !== undefined);
    const info: Scalar[] = [r + 1, u.unit, groupLabel(c, u.kind), u.points, level, u.finalLevel && LEVEL_NAMES[u.finalLevel], u.rank, u.decision && DECISION_TEXTS[u.decision](u), u.file, valuesTime(u, c.asOf !== undefined)];
    const lines = Math.max(1, ...info.slice(1, 8).map((text, k) => (typeof text === "string" ? wrappedLines(text, columnPoints(2 + k), 12) : 1)));
    if (lines > 1) wrappedHeights.push({ row: at, height: rowHeight(lines, 12) });
    const byCode = new Map(u.indicators.map((ind) => [ind.code, ind]));
    const measures = indicators.flatMap((ind) => {
      const found = ind.kinds.has(u.kind) ? byCode.get(ind.code) : undefined;
      return found ? [figure(found.direction, found.unit, found.target), figure(found.direction, found.unit, found.actual), found.achievement, STATUS_NAMES[found.status]] : [null, null, null, null];
    });
    blocks.push({ at: a1(at, 1), cells: [row([...info, ...measures])], owner: "addin", style: STYLE.body });
  });
  const kindColumn = COMPARISON_COLUMNS.findIndex((col) => col.header === "Loại đơn vị") + 1;
  blocks.push(
    // In the title columns, the heading prints beside the totals on every page across.
    cell(a1(headingRow, 1), value(TOTALS_HEADING), "addin", STYLE.header, { mergeTo: a1(headingRow, COMPARISON_TITLE_COLUMNS) }),
    // Right of them and on the first page only: in the title columns it would print cut on every page.
    cell(a1(headingRow + 1, printed.once.from), value(TOTALS_NOTE), "addin", STYLE.note, { mergeTo: a1(headingRow + 1, printed.once.to) }),
  );
  c.groups.forEach((g, k) => {
    const at = firstTotal + k;
    const sums = new Map(c.totals.filter((t) => t.group === g.kind).map((t) => [t.code, t.total.kind === "sum"]));
    const totals = indicators.flatMap((ind, i) => {
      const col = (key: MeasureKey) => measureColumn(fixed, i, key);
      const t = totalRanges(COMPARISON_FIRST_ROW, lastRow, kindColumn, col, at, g.name);
      return totalCells(ind.direction, ind.kinds.has(g.kind) ? (sums.get(ind.code) ?? null) : null, t, (key) => a1(at, col(key)));
    });
    const info = row([null, TOTAL_ROW_LABEL, g.name, null, null, null, null, null, null, null]);
    blocks.push({ at: a1(at, 1), cells: [[...info, ...totals]], owner: "addin", style: STYLE.body });
  });
  const body = (from: number, count: number, to = lastRow) => rangeAddress(a1(COMPARISON_FIRST_ROW, from), to - COMPARISON_FIRST_ROW + 1, count);
  const firstMeasure = a1(COMPARISON_FIRST_ROW, fixed + 1);
  const decision = a1(COMPARISON_FIRST_ROW, 8);
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...(indicators.length === 0
      ? []
      : (["exceeded", "met", "notMet", "pending", "error"] as const).map((s) => ({
          range: body(fixed + 1, MEASURE_COUNT * indicators.length, lastTotal),
          formula: statusIsFormula(firstMeasure, STATUS_NAMES[s]),
          ...STATUS_COLORS[s],
        }))),
    { range: body(8, 1), formula: `${decision}="${CONSOLIDATION_MESSAGES.decision.lower}"`, ...STATUS_COLORS.notMet },
    { range: body(8, 1), formula: `LEFT(${decision},8)="Bằng điểm"`, ...STATUS_COLORS.error },
  ];
  const measureFormats = (status: string) =>
    indicators.flatMap((ind) => {
      const unit = numberFormatForUnit(ind.unit);
      return [unit, unit, NUMBER_FORMATS.percent, status];
    });
  const rowCount = (from: number, to: number) => to - from + 1;
  // The totals' status is a formula: never a text format, which would keep it as typed.
  const formats = (from: number, to: number, status: string) => ({
    range: rangeAddress(a1(from, fixed + 1), rowCount(from, to), MEASURE_COUNT * indicators.length),
    formats: Array.from({ length: rowCount(from, to) }, () => measureFormats(status)),
  });
  // Merged and wrapped cells do not grow by themselves (Excel, LibreOffice): the note and the totals are sized here.
  const notePoints = columnWidths.slice(printed.once.from - 1, printed.once.to).reduce((a, b) => a + b, 0) * POINTS_PER_WIDTH_UNIT;
  const statusPoints = (COMPARISON_MEASURES.find((m) => m.key === "status")?.width ?? 0) * POINTS_PER_WIDTH_UNIT;
  const totalLines = Math.max(...c.groups.map((g) => wrappedLines(leftOutStatus(g.units.length), statusPoints, 12)), 1);
  const rowHeights = [
    { row: indicatorRow, height: rowHeight(indicatorLines, 12) },
    ...wrappedHeights,
    { row: headingRow + 1, height: rowHeight(wrappedLines(TOTALS_NOTE, notePoints, NOTE_SIZE), NOTE_SIZE) },
    // A group's name (the province's, however long) wraps in its column like the units' kinds above.
    ...c.groups.map((g, k) => ({ row: firstTotal + k, height: rowHeight(Math.max(totalLines, wrappedLines(g.name, columnPoints(kindColumn), 12)), 12) })),
  ];
  return {
    name: COMPARISON_SHEETS.comparison,
    font: { name: FONT, size: 12 },
    columnWidths,
    rowHeights,
    blocks,
    rangeStyles: [
      { range: body(4, 1), style: { numberFormat: NUMBER_FORMATS.points } },
      // The unit and its kind wrap too: in the title columns they are all a page across shows of the unit.
      { range: body(2, 2, lastTotal), style: { wrap: true } },
      { range: body(5, 4), style: { wrap: true } },
      // A total's status says how many units it leaves out: it wraps.
      ...(indicators.length === 0 ? [] : [{ range: rangeAddress(a1(firstTotal, fixed + 1), lastTotal - firstTotal + 1, MEASURE_COUNT * indicators.length), style: { wrap: true } }]),
    ],
    numberFormats: indicators.length === 0 ? [] : [formats(COMPARISON_FIRST_ROW, lastRow, NUMBER_FORMATS.text), formats(firstTotal, lastTotal, NUMBER_FORMATS.general)],
    tables: [],
    validations: [],
    conditionalFormats,
    // The totals' achievements get their bar too: a group's total beside its units'.
    dataBars: indicators.map((_, i) => ({ range: body(measureColumn(fixed, i, "achievement"), 1, lastTotal), ...ACHIEVEMENT_BAR })),
    protect: false,
    freezeRows: measureRow,
    print: printed.print,
    columnBreaks: printed.columnBreaks,
    pageBreaks: comparisonRowBreaks(rowHeights, { headerRows: { first: groupRow, last: measureRow }, firstUnit: COMPARISON_FIRST_ROW, lastUnit: lastRow, heading: headingRow, lastTotal }),
  };
}

/** The quota table's base column: the base on the final result (good + lowered, or good or better). */
export const QUOTA_BASE_HEADER = "Cơ sở tính (kết quả cuối cùng)";

/** The quota sheet's note: what is counted and the method, in the words of Quy tắc and docs/rules.md. */
export function quotaNote(): string {
  return (
    "Theo loại đơn vị (vị trí tương đương). Mức xét là xếp loại cuối cùng hợp lệ nếu đã ghi, không thì xếp loại đề xuất; " +
    `cơ sở tính là số đơn vị trên kết quả cuối cùng. ${QUOTA_MESSAGES.method}`
  );
}

const QUOTA_SHEET_WIDTHS = [30, 60, 14, 10, 30, 12, 12];
const NOTE_SIZE = STYLE.note.font.size;

function quotaSheet(c: Consolidation): SheetLayout {
  const blocks: Block[] = [
    cell("A1", value(`HẠN MỨC "${LEVEL_NAMES.excellent.toLocaleUpperCase("vi")}" ${yearTitle(c)}`), "addin", STYLE.title, { mergeTo: "G1" }),
    cell(
      "A2",
      value(quotaNote()),
      "addin",
      STYLE.note,
      { mergeTo: "G2" },
    ),
    { at: "A4", cells: [row(["Loại đơn vị", "Số đơn vị", QUOTA_BASE_HEADER, "Tỷ lệ", "Được xuất sắc tối đa", "Đang xếp xuất sắc", "Bằng điểm ở ngưỡng"])], owner: "addin", style: STYLE.header },
  ];
  // The group's name is the province's, however long: it wraps in its column, in a row sized to it.
  const nameHeights: { row: number; height: number }[] = [];
  const named = (at: number, name: string) => {
    const lines = wrappedLines(name, QUOTA_SHEET_WIDTHS[0] * POINTS_PER_WIDTH_UNIT, 12);
    if (lines > 1) nameHeights.push({ row: at, height: rowHeight(lines, 12) });
  };
  let at = 5;
  for (const q of c.quota) {
    const count = c.units.filter((u) => u.kind === q.kind).length;
    blocks.push({ at: `A${at}`, cells: [row([groupLabel(c, q.kind), count, q.base, q.share, q.allowed, q.excellent, q.tieAtCut ? "Có" : "Không"])], owner: "addin", style: STYLE.body });
    named(at, groupLabel(c, q.kind));
    at += 1;
  }
  const shareRows = { from: 5, to: at - 1 };
  at += 1;
  const rated = comparisonOrder(c.units).filter((u) => u.decision !== null);
  blocks.push({ at: `A${at}`, cells: [row(["Loại đơn vị", "Đơn vị xếp xuất sắc", "Tổng điểm", "Hạng trong loại", "Quyết định theo hạn mức"])], owner: "addin", style: STYLE.header });
  const decisionsFrom = at + 1;
  for (const u of rated) {
    at += 1;
    blocks.push({ at: `A${at}`, cells: [row([groupLabel(c, u.kind), u.unit, u.points, u.rank, DECISION_TEXTS[u.decision as UnitDecision](u)])], owner: "addin", style: STYLE.body });
    named(at, groupLabel(c, u.kind));
  }
  const decisionsTo = at;
  at += 2;
  blocks.push({ at: `A${at}`, cells: [row(["Tệp không tổng hợp được", "Lý do"])], owner: "addin", style: STYLE.header });
  for (const r of c.rejected) {
    at += 1;
    blocks.push({ at: `A${at}`, cells: [row([r.file, render(r.reason, "vi")])], owner: "addin", style: STYLE.bodyText });
  }
  const decisionRange = `E${decisionsFrom}:E${Math.max(decisionsFrom, decisionsFrom + rated.length - 1)}`;
  return {
    name: COMPARISON_SHEETS.quota,
    font: { name: FONT, size: 12 },
    columnWidths: QUOTA_SHEET_WIDTHS,
    // A merged, wrapped note does not grow by itself (Excel, LibreOffice).
    rowHeights: [{ row: 2, height: rowHeight(wrappedLines(quotaNote(), QUOTA_SHEET_WIDTHS.reduce((a, b) => a + b, 0) * POINTS_PER_WIDTH_UNIT, NOTE_SIZE), NOTE_SIZE) }, ...nameHeights],
    blocks,
    rangeStyles: [
      ...(shareRows.to >= shareRows.from ? [{ range: `D${shareRows.from}:D${shareRows.to}`, style: { numberFormat: NUMBER_FORMATS.share } }] : []),
      { range: `A${shareRows.from}:A${Math.max(shareRows.from, decisionsTo)}`, style: { wrap: true } },
    ],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [
      { range: decisionRange, formula: `E${decisionsFrom}="${CONSOLIDATION_MESSAGES.decision.lower}"`, ...STATUS_COLORS.notMet },
      { range: decisionRange, formula: `LEFT(E${decisionsFrom},8)="Bằng điểm"`, ...STATUS_COLORS.error },
    ],
    protect: false,
    print: a4Print("portrait", `A1:G${at}`),
  };
}

/** The consolidated workbook: comparison and quota sheets, values only. */
export function consolidationWorkbook(c: Consolidation, consolidatedAt: string): WorkbookLayout {
  return { sheets: [comparisonSheet(c, consolidatedAt), quotaSheet(c)], names: [] };
}
