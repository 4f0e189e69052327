import { LEVEL_NAMES, QUARTER_NAMES, STATUS_NAMES, UNIT_KIND_NAMES, vnDay, type Consolidation, type ConsolidatedUnit, type UnitDecision, type UnitKind } from "../../domain";
import { CONSOLIDATION_MESSAGES, QUOTA_MESSAGES } from "../../domain";
import { columnLetter, rangeAddress } from "../addresses";
import { cell, value } from "../cells";
import { FONT } from "../schema";
import { POINTS_PER_WIDTH_UNIT, rowHeight, wrappedLines } from "../print";
import { a4Print, NUMBER_FORMATS, STATUS_COLORS, STYLE } from "../styles";
import type { Block, CellContent, ConditionalFormatSpec, Scalar, SheetLayout, WorkbookLayout } from "../types";

/**
 * The consolidated workbook from unit files (issue 8 §3, file variant): "So sánh", units ×
 * indicators grouped by task group, and "Hạn mức", the excellent quota per unit kind with the
 * decision per unit and the files that were not consolidated. Values only: the units' formulas
 * stay in their own workbooks, and each row names the file and time its values come from.
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

const NO_KIND = "(chưa ghi loại)";
export const kindLabel = (kind: UnitKind | null) => (kind ? UNIT_KIND_NAMES[kind] : NO_KIND);

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
const ACHIEVEMENT_WIDTH = 10;

/** A1 address from 1-based row and column, as the sheet numbers them. */
const a1 = (r: number, c: number) => `${columnLetter(c - 1)}${r}`;
const row = (values: readonly Scalar[]): CellContent[] => values.map(value);
const header = (at: string, text: string, mergeTo?: string): Block =>
  cell(at, value(text), "addin", STYLE.header, mergeTo && mergeTo !== at ? { mergeTo } : {});

function comparisonSheet(c: Consolidation, consolidatedAt: string): SheetLayout {
  const groups = [...new Set(c.indicators.map((i) => i.group))];
  const indicators = groups.flatMap((g) => c.indicators.filter((i) => i.group === g));
  const fixed = COMPARISON_COLUMNS.length;
  const lastColumn = fixed + 2 * indicators.length;
  const units = comparisonOrder(c.units);
  const lastRow = COMPARISON_FIRST_ROW + Math.max(1, units.length) - 1;
  const { group: groupRow, indicator: indicatorRow, measure: measureRow } = COMPARISON_HEADER_ROWS;
  const blocks: Block[] = [
    cell("A1", value(`SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU ${yearTitle(c)}`), "addin", STYLE.title, { mergeTo: a1(1, Math.max(fixed, lastColumn)) }),
    cell(
      "A2",
      value(
        `Tổng hợp từ ${c.units.length} tệp lúc ${vnDateTime(consolidatedAt)}; ${c.rejected.length} tệp không tổng hợp được (trang ${COMPARISON_SHEETS.quota}). Số liệu là giá trị chép từ từng tệp, không phải công thức.` +
          (c.asOf ? ` ${MID_YEAR_NOTE}` : ""),
      ),
      "addin",
      STYLE.note,
      { mergeTo: a1(2, Math.max(fixed, lastColumn)) },
    ),
    ...COMPARISON_COLUMNS.map((col, i) => header(a1(groupRow, i + 1), col.header, a1(measureRow, i + 1))),
  ];
  let column = fixed + 1;
  for (const g of groups) {
    const count = indicators.filter((i) => i.group === g).length;
    blocks.push(header(a1(groupRow, column), `Nhóm ${g}`, a1(groupRow, column + 2 * count - 1)));
    column += 2 * count;
  }
  indicators.forEach((ind, i) => {
    const at = fixed + 1 + 2 * i;
    blocks.push(
      header(a1(indicatorRow, at), `${ind.code}. ${ind.name}`, a1(indicatorRow, at + 1)),
      { at: a1(measureRow, at), cells: [row(["Tỷ lệ đạt", "Đánh giá"])], owner: "addin", style: STYLE.header },
    );
  });
  units.forEach((u, r) => {
    const at = COMPARISON_FIRST_ROW + r;
    const level = suggestedLevelText(u, c.asOf !== undefined);
    const info: Scalar[] = [r + 1, u.unit, kindLabel(u.kind), u.points, level, u.finalLevel && LEVEL_NAMES[u.finalLevel], u.rank, u.decision && DECISION_TEXTS[u.decision](u), u.file, valuesTime(u, c.asOf !== undefined)];
    const byCode = new Map(u.indicators.map((ind) => [ind.code, ind]));
    const measures = indicators.flatMap((ind) => {
      const found = byCode.get(ind.code);
      return found ? [found.achievement, STATUS_NAMES[found.status]] : [null, null];
    });
    blocks.push({ at: a1(at, 1), cells: [row([...info, ...measures])], owner: "addin", style: STYLE.body });
  });
  const body = (from: number, count: number) => rangeAddress(a1(COMPARISON_FIRST_ROW, from), lastRow - COMPARISON_FIRST_ROW + 1, count);
  const firstMeasure = a1(COMPARISON_FIRST_ROW, fixed + 1);
  const decision = a1(COMPARISON_FIRST_ROW, 8);
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...(indicators.length === 0
      ? []
      : (["exceeded", "met", "notMet", "pending", "error"] as const).map((s) => ({
          range: body(fixed + 1, 2 * indicators.length),
          formula: `${firstMeasure}="${STATUS_NAMES[s]}"`,
          ...STATUS_COLORS[s],
        }))),
    { range: body(8, 1), formula: `${decision}="${CONSOLIDATION_MESSAGES.decision.lower}"`, ...STATUS_COLORS.notMet },
    { range: body(8, 1), formula: `LEFT(${decision},8)="Bằng điểm"`, ...STATUS_COLORS.error },
  ];
  const measureFormats = indicators.flatMap(() => [NUMBER_FORMATS.percent, NUMBER_FORMATS.text]);
  return {
    name: COMPARISON_SHEETS.comparison,
    font: { name: FONT, size: 12 },
    columnWidths: [...COMPARISON_COLUMNS.map((col) => col.width), ...indicators.flatMap(() => [ACHIEVEMENT_WIDTH, 13])],
    blocks,
    rangeStyles: [
      { range: body(4, 1), style: { numberFormat: NUMBER_FORMATS.points } },
      { range: body(5, 4), style: { wrap: true } },
    ],
    numberFormats:
      indicators.length === 0 ? [] : [{ range: body(fixed + 1, 2 * indicators.length), formats: Array.from({ length: lastRow - COMPARISON_FIRST_ROW + 1 }, () => measureFormats) }],
    tables: [],
    validations: [],
    conditionalFormats,
    dataBars: indicators.map((_, i) => ({ range: body(fixed + 1 + 2 * i, 1), ...ACHIEVEMENT_BAR })),
    protect: false,
    freezeRows: measureRow,
    print: a4Print("landscape", `A1:${a1(lastRow, Math.max(fixed, lastColumn))}`, `$${groupRow}:$${measureRow}`),
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
  let at = 5;
  for (const q of c.quota) {
    const count = c.units.filter((u) => u.kind === q.kind).length;
    blocks.push({ at: `A${at}`, cells: [row([kindLabel(q.kind), count, q.base, q.share, q.allowed, q.excellent, q.tieAtCut ? "Có" : "Không"])], owner: "addin", style: STYLE.body });
    at += 1;
  }
  const shareRows = { from: 5, to: at - 1 };
  at += 1;
  const rated = comparisonOrder(c.units).filter((u) => u.decision !== null);
  blocks.push({ at: `A${at}`, cells: [row(["Loại đơn vị", "Đơn vị xếp xuất sắc", "Tổng điểm", "Hạng trong loại", "Quyết định theo hạn mức"])], owner: "addin", style: STYLE.header });
  const decisionsFrom = at + 1;
  for (const u of rated) {
    at += 1;
    blocks.push({ at: `A${at}`, cells: [row([kindLabel(u.kind), u.unit, u.points, u.rank, DECISION_TEXTS[u.decision as UnitDecision](u)])], owner: "addin", style: STYLE.body });
  }
  at += 2;
  blocks.push({ at: `A${at}`, cells: [row(["Tệp không tổng hợp được", "Lý do"])], owner: "addin", style: STYLE.header });
  for (const r of c.rejected) {
    at += 1;
    blocks.push({ at: `A${at}`, cells: [row([r.file, r.reason])], owner: "addin", style: STYLE.bodyText });
  }
  const decisionRange = `E${decisionsFrom}:E${Math.max(decisionsFrom, decisionsFrom + rated.length - 1)}`;
  return {
    name: COMPARISON_SHEETS.quota,
    font: { name: FONT, size: 12 },
    columnWidths: QUOTA_SHEET_WIDTHS,
    // A merged, wrapped note does not grow by itself (Excel, LibreOffice).
    rowHeights: [{ row: 2, height: rowHeight(wrappedLines(quotaNote(), QUOTA_SHEET_WIDTHS.reduce((a, b) => a + b, 0) * POINTS_PER_WIDTH_UNIT, NOTE_SIZE), NOTE_SIZE) }],
    blocks,
    rangeStyles: shareRows.to >= shareRows.from ? [{ range: `D${shareRows.from}:D${shareRows.to}`, style: { numberFormat: NUMBER_FORMATS.share } }] : [],
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
