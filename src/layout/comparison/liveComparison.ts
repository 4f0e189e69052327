/**
 * "So sánh" and "Hạn mức" with LIVE formulas, for units that are sheets of the same workbook
 * (issue 8 §3): the same columns as the values-only sheets built from files (comparisonSheet.ts),
 * each cell a formula on the unit's own names and table, so that a figure typed on a unit sheet
 * shows here at once. Excel 2010 functions only (INDEX/MATCH, COUNTIFS, SUMPRODUCT), nothing volatile.
 *
 * The quota per unit kind (docs/rules.md §3) is the twin of checkQuota as consolidate() applies it:
 * the level checked is the final level where it is a level, else the suggested level; the quota is
 * counted on the final result, exactly: with p = share × 10000 (an integer), G good and E excellent,
 * allowed = INT(p × (G + E) / (10000 + p)) for the base `good` (the lowered join it), or
 * INT(p × (G + E) / 10000) for `goodOrBetter` — integers, so the division is exact where it must be
 * (quotaAllowed). Those rated excellent keep it by points. For one unit rated excellent, with H those
 * of its kind rated excellent with more points and S those with equal points (itself included; no
 * points ranks below any points): H + S ≤ allowed keeps, H ≥ allowed lowers, and otherwise the
 * equal points straddle the cut: a tie for the committee, never broken by the sheet.
 * The rank in kind (as consolidate() ranks) is by the level after the quota (a tie with excellent),
 * then points, from the numeric "Bậc" column: 4 excellent, 3 good (or lowered), 2 complete, 1 incomplete, 0 none.
 */
import { defaultAdditive, kindName, LEVEL_NAMES, QUOTA_SHARE_SCALE, STATUS_NAMES, UNIT_KIND_NAMES, YES_NO, type Indicator } from "../../domain";
import { CONSOLIDATION_MESSAGES } from "../../domain/messages/consolidation";
import { columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import {
  COMPARISON_COLUMNS,
  COMPARISON_FIRST_ROW,
  COMPARISON_HEADER_ROWS,
  COMPARISON_MEASURES,
  COMPARISON_SHEETS,
  leftOutStatus,
  measureColumn,
  PROVISIONAL_SUFFIX,
  QUOTA_BASE_HEADER,
  quotaNote,
  TOTAL_ROW_LABEL,
  totalCells,
  TOTALS_GAP,
  TOTALS_HEADING,
  TOTALS_NOTE,
  type MeasureKey,
} from "./comparisonSheet";
import { comparisonPrint, comparisonRowBreaks, COMPARISON_TITLE_COLUMNS, spansByPage, type ComparisonPrint } from "./comparisonPrint";
import { statusIsFormula, type ColumnLetters } from "../formulas";
import { FONT, NAMES, RULE_NAMES } from "../schema";
import { a4Print, NUMBER_FORMATS, numberFormatForUnit, STATUS_COLORS, STYLE } from "../styles";
import { POINTS_PER_WIDTH_UNIT, rowHeight, wrappedLines } from "../print";
import type { Block, ConditionalFormatSpec, SheetLayout, StyleSpec, WorkbookLayout } from "../types";
import { placedName, type UnitPlace } from "../units";
import { vnNumberFormula } from "../vnNumberFormula";

/** After a final level the unit sheet refuses: it is neither counted nor published (docs/rules.md §3). */
export const REFUSED_SUFFIX = " (không hợp lệ, xem trang đơn vị)";

/** One unit sheet as the comparison reads it. */
export interface LiveUnit {
  readonly place: UnitPlace;
  /** The sheet holding the unit's table now (it may have been renamed). */
  readonly sheet: string;
  readonly letters: Pick<ColumnLetters, "code" | "target" | "actual" | "achievement" | "status">;
  readonly firstRow: number;
  readonly lastRow: number;
  /** Its name and kind label as "So sánh" shows them when built: they size the public table's rows. */
  readonly name: string;
  readonly kind: string;
}

/** The columns after the shared ones: the level the quota checks, the unit's sheet, the rank's level after the quota. */
export const LIVE_COLUMNS = [
  ...COMPARISON_COLUMNS.slice(0, 8),
  { header: "Mức xét hạn mức", width: 22 },
  { header: "Trang đơn vị", width: 16 },
  { header: "Bậc xếp loại sau hạn mức (4 = xuất sắc … 1 = không hoàn thành)", width: 12 },
] as const;

/** The quota sheet's columns; the last one is typed by the committee. */
export const LIVE_QUOTA_COLUMNS = [
  "Loại đơn vị",
  "Số đơn vị",
  QUOTA_BASE_HEADER,
  "Tỷ lệ",
  "Được xuất sắc tối đa",
  "Đang xếp xuất sắc",
  "Bằng điểm ở ngưỡng",
  `Kết quả đặc biệt ("x": tỷ lệ ${RULE_NAMES.quotaShareExceptional})`,
] as const;

/** Kinds on the quota sheet: every unit kind, then the units without one. */
export const LIVE_KINDS: readonly string[] = [...Object.values(UNIT_KIND_NAMES), kindName(null)];
export const LIVE_QUOTA_FIRST_ROW = 5;
const QUOTA_WIDTHS = [30, 10, 12, 10, 14, 14, 14, 22];

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const a1 = (r: number, c: number) => `${columnLetter(c - 1)}${r}`;
const EXCELLENT = q(LEVEL_NAMES.excellent);
const GOOD = q(LEVEL_NAMES.good);
const NO_POINTS = "chưa có điểm";
const [TIE_BEFORE, TIE_AFTER] = CONSOLIDATION_MESSAGES.decision.tie(null).split(NO_POINTS);
/** What every tie text starts with: the quota sheet counts them by it. */
export const TIE_PREFIX = TIE_BEFORE.slice(0, TIE_BEFORE.indexOf("(")).trim();

export interface LiveColumnLetters {
  readonly number: string;
  readonly unit: string;
  readonly kind: string;
  readonly points: string;
  readonly suggested: string;
  readonly final: string;
  readonly rank: string;
  readonly decision: string;
  readonly decided: string;
  readonly sheet: string;
  readonly standing: string;
}
/** The columns of "So sánh" by field, for the sheets that read it. */
export const LIVE_COLUMN_LETTERS: LiveColumnLetters = {
  number: "A",
  unit: "B",
  kind: "C",
  points: "D",
  suggested: "E",
  final: "F",
  rank: "G",
  decision: "H",
  decided: "I",
  sheet: "J",
  standing: "K",
};

function comparisonLastRow(count: number): number {
  return COMPARISON_FIRST_ROW + Math.max(1, count) - 1;
}

function quotaLastRow(): number {
  return LIVE_QUOTA_FIRST_ROW + LIVE_KINDS.length - 1;
}

/** A whole column of the unit rows on "So sánh", absolute and sheet-qualified. */
function unitColumn(key: keyof LiveColumnLetters, count: number): string {
  return qualified(COMPARISON_SHEETS.comparison, `$${LIVE_COLUMN_LETTERS[key]}$${COMPARISON_FIRST_ROW}:$${LIVE_COLUMN_LETTERS[key]}$${comparisonLastRow(count)}`);
}

const quotaColumn = (letter: string) => qualified(COMPARISON_SHEETS.quota, `$${letter}$${LIVE_QUOTA_FIRST_ROW}:$${letter}$${quotaLastRow()}`);

/** The formulas of one unit's row, left to right from column A (null: a cell left blank). */
function unitRowFormulas(u: LiveUnit, index: number, row: number, count: number, indicators: readonly Indicator[]): (string | null)[] {
  const n = (name: string) => placedName(name, u.place);
  const at = (key: keyof LiveColumnLetters) => `$${LIVE_COLUMN_LETTERS[key]}${row}`;
  const kinds = quotaColumn("A");
  const range = (letter: string) => qualified(u.sheet, `$${letter}$${u.firstRow}:$${letter}$${u.lastRow}`);
  const sameKind = `${unitColumn("kind", count)},${at("kind")}`;
  const excellent = `${sameKind},${unitColumn("decided", count)},${EXCELLENT}`;
  const points = unitColumn("points", count);
  const higher = `IF(ISNUMBER(${at("points")}),COUNTIFS(${excellent},${points},">"&${at("points")}),COUNTIFS(${excellent},${points},">=0"))`;
  const same = `IF(ISNUMBER(${at("points")}),COUNTIFS(${excellent},${points},${at("points")}),COUNTIFS(${excellent})-COUNTIFS(${excellent},${points},">=0"))`;
  const allowed = `INDEX(${quotaColumn("E")},MATCH(${at("kind")},${kinds},0))`;
  const tie = `${q(TIE_BEFORE)}&IF(ISNUMBER(${at("points")}),${vnNumberFormula(at("points"), 2)},${q(NO_POINTS)})&${q(TIE_AFTER)}`;
  const decision =
    `=IF(${at("decided")}<>${EXCELLENT},"",IF(${higher}+${same}<=${allowed},${q(CONSOLIDATION_MESSAGES.decision.keep)},` +
    `IF(${higher}>=${allowed},${q(CONSOLIDATION_MESSAGES.decision.lower)},${tie})))`;
  const final = n(NAMES.finalLevel);
  const decided = at("decided");
  const standing =
    `=IF(${at("decision")}=${q(CONSOLIDATION_MESSAGES.decision.lower)},3,IF(LEFT(${at("decision")},${TIE_PREFIX.length})=${q(TIE_PREFIX)},4,` +
    `IF(${decided}=${EXCELLENT},4,IF(${decided}=${GOOD},3,IF(${decided}=${q(LEVEL_NAMES.complete)},2,IF(${decided}=${q(LEVEL_NAMES.incomplete)},1,0))))))`;
  const standings = unitColumn("standing", count);
  const rank =
    `=IF(AND(${at("standing")}=0,NOT(ISNUMBER(${at("points")}))),"",COUNTIFS(${sameKind},${standings},">"&${at("standing")})+` +
    `IF(ISNUMBER(${at("points")}),COUNTIFS(${sameKind},${standings},${at("standing")},${points},">"&${at("points")}),` +
    `COUNTIFS(${sameKind},${standings},${at("standing")},${points},">=0"))+1)`;
  const lookup = (letter: string, code: string) => `=IFERROR(INDEX(${range(letter)},MATCH(${q(code)},${range(u.letters.code)},0))&"","")`;
  // A figure stays a number, and a blank cell stays blank (INDEX gives 0 for it).
  const figure = (letter: string, code: string) => {
    const found = `INDEX(${range(letter)},MATCH(${q(code)},${range(u.letters.code)},0))`;
    return `=IFERROR(IF(${found}&""="","",${found}),"")`;
  };
  return [
    `=${index + 1}`,
    `=IF(TRIM(${n(NAMES.unitName)})="",${q(u.sheet)},${n(NAMES.unitName)}&"")`,
    `=IFERROR(INDEX(${kinds},MATCH(TRIM(${n(NAMES.unitKind)}),${kinds},0)),${q(kindName(null))})`,
    `=IF(ISNUMBER(${n(NAMES.points)}),${n(NAMES.points)},"")`,
    `=${n(NAMES.suggestedLevel)}&IF(${n(NAMES.provisional)}<>"",${q(PROVISIONAL_SUFFIX)},"")`,
    // A final level the unit sheet refuses (above its cap, a disqualified head above incomplete) is shown as refused.
    `=IF(${n(NAMES.capCheck)}="",${final}&"",${final}&${q(REFUSED_SUFFIX)})`,
    rank,
    decision,
    // The level the quota checks: the valid final level where there is one, else the suggested one.
    `=IF(ISNUMBER(MATCH(${at("final")},${NAMES.levelList},0)),${at("final")}&"",${n(NAMES.suggestedLevel)}&"")`,
    `=${q(u.sheet)}`,
    standing,
    ...indicators.flatMap((ind) => [
      // A milestone's figures are words: its status says it, as on So sánh from files.
      ind.direction === "milestone" ? null : figure(u.letters.target, ind.code),
      ind.direction === "milestone" ? null : figure(u.letters.actual, ind.code),
      // The achievement stays a number: "&""" only for the status text.
      `=IFERROR(INDEX(${range(u.letters.achievement)},MATCH(${q(ind.code)},${range(u.letters.code)},0)),"")`,
      lookup(u.letters.status, ind.code),
    ]),
  ];
}

/** The kinds of the units as built, in LIVE_KINDS order: one total row each on "So sánh". */
export const liveTotalKinds = (units: readonly Pick<LiveUnit, "kind">[]) => LIVE_KINDS.filter((k) => units.some((u) => u.kind === k));
const kindsOf = liveTotalKinds;

/** The row of the total of the `index`-th kind of liveTotalKinds under `count` unit rows. */
export const liveTotalRow = (count: number, index: number) => comparisonLastRow(count) + TOTALS_GAP + 2 + index;

/** Where the totals sit under the unit rows: the heading, its note, then one row per kind built. */
function totalRows(units: readonly LiveUnit[]) {
  const heading = comparisonLastRow(units.length) + TOTALS_GAP;
  const first = liveTotalRow(units.length, 0);
  return { heading, first, last: first + Math.max(1, kindsOf(units).length) - 1 };
}


/**
 * Rows sized from their texts: merged headers and wrapped formula results do not grow by
 * themselves. Every unit row can show any level or decision, so all get the tallest.
 */
function comparisonRowHeights(units: readonly LiveUnit[], indicators: readonly Indicator[], widths: readonly number[], once: ComparisonPrint["once"]) {
  const width = (column: number, span = 1) => widths.slice(column, column + span).reduce((a, b) => a + b, 0) * POINTS_PER_WIDTH_UNIT;
  const at = (header: (typeof LIVE_COLUMNS)[number]["header"]) => LIVE_COLUMNS.findIndex((c) => c.header === header);
  const levels = Object.values(LEVEL_NAMES).flatMap((l) => [l, l + PROVISIONAL_SUFFIX]);
  const decisions = [CONSOLIDATION_MESSAGES.decision.keep, CONSOLIDATION_MESSAGES.decision.lower, CONSOLIDATION_MESSAGES.decision.tie(99.99)];
  const unitLines = Math.max(
    ...units.map((u) => wrappedLines(u.name, width(at("Đơn vị")), 12)),
    ...units.map((u) => wrappedLines(u.kind, width(at("Loại đơn vị")), 12)),
    ...levels.map((l) => wrappedLines(l, width(at("Xếp loại đề xuất")), 12)),
    ...Object.values(LEVEL_NAMES).map((l) => wrappedLines(l + REFUSED_SUFFIX, width(at("Xếp loại cuối cùng")), 12)),
    ...decisions.map((d) => wrappedLines(d, width(at("Hạn mức xuất sắc")), 12)),
  );
  const fixed = LIVE_COLUMNS.length;
  const span = COMPARISON_MEASURES.length;
  const headerLines = Math.max(1, ...LIVE_COLUMNS.map((c, i) => wrappedLines(c.header, width(i), 12, true) - 2));
  const indicatorLines = Math.max(headerLines, ...indicators.map((ind, i) => wrappedLines(`${ind.code}. ${ind.name}`, width(measureColumn(fixed, i, "target") - 1, span), 12, true)));
  const statusWidth = width(measureColumn(fixed, 0, "status") - 1);
  const totalLines = Math.max(1, wrappedLines(leftOutStatus(units.length), statusWidth, 12));
  const totals = totalRows(units);
  const noteWidth = width(once.from - 1, once.to - once.from + 1);
  const { group, indicator, measure } = COMPARISON_HEADER_ROWS;
  return [
    { row: group, height: rowHeight(1, 12) },
    { row: indicator, height: rowHeight(indicatorLines, 12) },
    { row: measure, height: rowHeight(1, 12) },
    ...units.map((_, i) => ({ row: COMPARISON_FIRST_ROW + i, height: rowHeight(unitLines, 12) })),
    { row: totals.heading + 1, height: rowHeight(wrappedLines(TOTALS_NOTE, noteWidth, STYLE.note.font.size), STYLE.note.font.size) },
    ...Array.from({ length: totals.last - totals.first + 1 }, (_, i) => ({ row: totals.first + i, height: rowHeight(totalLines, 12) })),
  ];
}

function liveComparisonSheet(units: readonly LiveUnit[], indicators: readonly Indicator[]): SheetLayout {
  const groups = [...new Set(indicators.map((i) => i.group))];
  const ordered = groups.flatMap((g) => indicators.filter((i) => i.group === g));
  const fixed = LIVE_COLUMNS.length;
  const span = COMPARISON_MEASURES.length;
  const lastColumn = Math.max(fixed, fixed + span * ordered.length);
  const lastRow = comparisonLastRow(units.length);
  const totals = totalRows(units);
  const { group: groupRow, indicator: indicatorRow, measure: measureRow } = COMPARISON_HEADER_ROWS;
  const header = (at: string, text: string, mergeTo?: string): Block =>
    cell(at, value(text), "addin", STYLE.header, mergeTo && mergeTo !== at ? { mergeTo } : {});
  const columnWidths = [...LIVE_COLUMNS.map((col) => col.width), ...ordered.flatMap(() => COMPARISON_MEASURES.map((m) => m.width))];
  const groupSizes = groups.map((g) => ordered.filter((i) => i.group === g).length);
  // The year is a cell here, and a page header can show no cell: the printed title goes without it.
  const shape = { widths: columnWidths, fixed, groupSizes, measures: span, headerRows: { first: groupRow, last: measureRow }, lastRow: totals.last };
  const printed = comparisonPrint(shape, "SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU");
  const rowHeights = comparisonRowHeights(units, ordered, columnWidths, printed.once);
  const blocks: Block[] = [
    cell("A1", formula(`="SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM "&${NAMES.year}`), "addin", STYLE.title, { mergeTo: a1(1, lastColumn) }),
    cell(
      "A2",
      value(
        `Số liệu trực tiếp từ ${units.length} trang đơn vị của sổ này (công thức, tự cập nhật). ` +
          `Hạng và hạn mức xuất sắc theo loại đơn vị, trang ${COMPARISON_SHEETS.quota}. Thêm đơn vị hoặc dòng chỉ tiêu thì lập lại trang này.`,
      ),
      "addin",
      STYLE.note,
      { mergeTo: a1(2, lastColumn) },
    ),
    ...LIVE_COLUMNS.map((col, i) => header(a1(groupRow, i + 1), col.header, a1(measureRow, i + 1))),
  ];
  let column = fixed + 1;
  for (const g of groups) {
    const count = ordered.filter((i) => i.group === g).length;
    for (const s of spansByPage(column, column + span * count - 1, printed.columnBreaks)) blocks.push(header(a1(groupRow, s.from), `Nhóm ${g}`, a1(groupRow, s.to)));
    column += span * count;
  }
  ordered.forEach((ind, i) => {
    const at = measureColumn(fixed, i, "target");
    blocks.push(header(a1(indicatorRow, at), `${ind.code}. ${ind.name}`, a1(indicatorRow, at + span - 1)), {
      at: a1(measureRow, at),
      cells: [COMPARISON_MEASURES.map((m) => value(m.header))],
      owner: "addin",
      style: STYLE.header,
    });
  });
  if (units.length > 0) {
    blocks.push({
      at: a1(COMPARISON_FIRST_ROW, 1),
      cells: units.map((u, i) => unitRowFormulas(u, i, COMPARISON_FIRST_ROW + i, units.length, ordered).map((f) => (f === null ? value(null) : formula(f)))),
      owner: "addin",
      style: STYLE.body,
    });
  }
  // The province's totals per kind of the units built: rated units only, as consolidation counts them.
  const letter = (c: number) => columnLetter(c - 1);
  const range = (c: number) => `$${letter(c)}$${COMPARISON_FIRST_ROW}:$${letter(c)}$${lastRow}`;
  const kinds = `$${LIVE_COLUMN_LETTERS.kind}$${COMPARISON_FIRST_ROW}:$${LIVE_COLUMN_LETTERS.kind}$${lastRow}`;
  blocks.push(
    // As on So sánh from files: the heading in the title columns, the note right of them on the first page.
    cell(a1(totals.heading, 1), value(TOTALS_HEADING), "addin", STYLE.header, { mergeTo: a1(totals.heading, COMPARISON_TITLE_COLUMNS) }),
    cell(a1(totals.heading + 1, printed.once.from), value(TOTALS_NOTE), "addin", STYLE.note, { mergeTo: a1(totals.heading + 1, printed.once.to) }),
  );
  kindsOf(units).forEach((kind, k) => {
    const row = totals.first + k;
    const measures = ordered.flatMap((ind, i) => {
      const col = (key: MeasureKey) => measureColumn(fixed, i, key);
      const t = { kinds, kind: `$${LIVE_COLUMN_LETTERS.kind}${row}`, statuses: range(col("status")), targets: range(col("target")), actuals: range(col("actual")) };
      return totalCells(ind.direction, defaultAdditive(ind), t, (key) => a1(row, col(key)));
    });
    const info = LIVE_COLUMNS.map((_, c) => value(c === 1 ? TOTAL_ROW_LABEL : c === 2 ? kind : null));
    blocks.push({ at: a1(row, 1), cells: [[...info, ...measures]], owner: "addin", style: STYLE.body });
  });
  const body = (from: number, count: number, to = lastRow) => `${a1(COMPARISON_FIRST_ROW, from)}:${a1(to, from + count - 1)}`;
  const firstMeasure = a1(COMPARISON_FIRST_ROW, fixed + 1);
  const decision = `$${LIVE_COLUMN_LETTERS.decision}${COMPARISON_FIRST_ROW}`;
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...(ordered.length === 0
      ? []
      : (["exceeded", "met", "notMet", "pending", "error"] as const).map((s) => ({
          range: body(fixed + 1, span * ordered.length, totals.last),
          formula: statusIsFormula(firstMeasure, STATUS_NAMES[s]),
          ...STATUS_COLORS[s],
        }))),
    { range: body(8, 1), formula: `${decision}=${q(CONSOLIDATION_MESSAGES.decision.lower)}`, ...STATUS_COLORS.notMet },
    { range: body(8, 1), formula: `LEFT(${decision},${TIE_PREFIX.length})=${q(TIE_PREFIX)}`, ...STATUS_COLORS.error },
  ];
  // Every status here is a formula: never a text format, which would keep it as typed (Excel, the emulator).
  const measureFormats = ordered.flatMap((ind) => {
    const figure = numberFormatForUnit(ind.unit);
    return [figure, figure, NUMBER_FORMATS.percent, NUMBER_FORMATS.general];
  });
  const formats = (from: number, to: number) => ({
    range: `${a1(from, fixed + 1)}:${a1(to, fixed + span * ordered.length)}`,
    formats: Array.from({ length: to - from + 1 }, () => measureFormats),
  });
  return {
    name: COMPARISON_SHEETS.comparison,
    font: { name: FONT, size: 12 },
    columnWidths,
    rowHeights,
    blocks,
    rangeStyles: [
      { range: body(4, 1), style: { numberFormat: NUMBER_FORMATS.points } },
      { range: body(2, 2, totals.last), style: { wrap: true } },
      { range: body(5, 5), style: { wrap: true } },
      ...(ordered.length === 0 ? [] : [{ range: `${a1(totals.first, fixed + 1)}:${a1(totals.last, lastColumn)}`, style: { wrap: true } }]),
    ],
    numberFormats: ordered.length === 0 ? [] : [formats(COMPARISON_FIRST_ROW, lastRow), formats(totals.first, totals.last)],
    tables: [],
    validations: [],
    conditionalFormats,
    protect: true,
    freezeRows: measureRow,
    print: printed.print,
    columnBreaks: printed.columnBreaks,
    pageBreaks: comparisonRowBreaks(rowHeights, { headerRows: { first: groupRow, last: measureRow }, firstUnit: COMPARISON_FIRST_ROW, lastUnit: lastRow, heading: totals.heading, lastTotal: totals.last }),
  };
}

function liveQuotaSheet(count: number, exceptional: ReadonlySet<string>): SheetLayout {
  const last = quotaLastRow();
  const kind = unitColumn("kind", count);
  const decided = unitColumn("decided", count);
  const decisions = unitColumn("decision", count);
  const orBetter = `${RULE_NAMES.quotaBase}="goodOrBetter"`;
  const rows = LIVE_KINDS.map((_, i) => {
    const r = LIVE_QUOTA_FIRST_ROW + i;
    const of = `${kind},$A${r}`;
    const good = `COUNTIFS(${of},${decided},${GOOD})`;
    const p = `ROUND($D${r}*${QUOTA_SHARE_SCALE},0)`;
    return [
      `=COUNTIF(${of})`,
      // The base on the final result: good plus those lowered (or good or better).
      `=${good}+IF(${orBetter},$F${r},MAX(0,$F${r}-$E${r}))`,
      `=IF(TRIM($H${r})="",${RULE_NAMES.quotaShare},${RULE_NAMES.quotaShareExceptional})`,
      // Integers divided: the quotient is exact when whole, so INT never loses a unit to rounding.
      `=INT(${p}*(${good}+$F${r})/(${QUOTA_SHARE_SCALE}+IF(${orBetter},0,${p})))`,
      `=COUNTIFS(${of},${decided},${EXCELLENT})`,
      `=IF(SUMPRODUCT((${kind}=$A${r})*(LEFT(${decisions},${TIE_PREFIX.length})=${q(TIE_PREFIX)}))>0,${q(YES_NO.yes)},${q(YES_NO.no)})`,
    ].map(formula);
  });
  const title = `HẠN MỨC "${LEVEL_NAMES.excellent.toLocaleUpperCase("vi")}"`;
  const note = `${quotaNote()} Ghi "x" ở cột cuối cho loại có kết quả đặc biệt.`;
  const blocks: Block[] = [
    cell("A1", value(title), "addin", STYLE.title, { mergeTo: "H1" }),
    cell("A2", value(note), "addin", STYLE.note, { mergeTo: "H2" }),
    { at: "A4", cells: [LIVE_QUOTA_COLUMNS.map(value)], owner: "addin", style: STYLE.header },
    { at: `A${LIVE_QUOTA_FIRST_ROW}`, cells: LIVE_KINDS.map((k) => [value(k)]), owner: "addin", style: STYLE.body },
    { at: `B${LIVE_QUOTA_FIRST_ROW}`, cells: rows, owner: "addin", style: STYLE.body },
    { at: `H${LIVE_QUOTA_FIRST_ROW}`, cells: LIVE_KINDS.map((k) => [value(exceptional.has(k) ? "x" : null)]), owner: "user", style: { ...STYLE.body, horizontal: "center" }, unlocked: true },
  ];
  // Merged and wrapped cells do not grow by themselves (Excel, LibreOffice): their rows are sized here.
  const points = QUOTA_WIDTHS.map((w) => w * POINTS_PER_WIDTH_UNIT);
  const all = points.reduce((a, b) => a + b, 0);
  const size = (style: StyleSpec) => style.font?.size ?? 12;
  const rowHeights = [
    { row: 1, height: rowHeight(wrappedLines(title, all, size(STYLE.title), true), size(STYLE.title)) },
    { row: 2, height: rowHeight(wrappedLines(note, all, size(STYLE.note)), size(STYLE.note)) },
    { row: 4, height: rowHeight(Math.max(...LIVE_QUOTA_COLUMNS.map((h, i) => wrappedLines(h, points[i], size(STYLE.header), true))), size(STYLE.header)) },
  ];
  return {
    name: COMPARISON_SHEETS.quota,
    font: { name: FONT, size: 12 },
    columnWidths: QUOTA_WIDTHS,
    rowHeights,
    blocks,
    rangeStyles: [{ range: `D${LIVE_QUOTA_FIRST_ROW}:D${last}`, style: { numberFormat: NUMBER_FORMATS.share } }],
    numberFormats: [],
    tables: [],
    validations: [
      {
        range: `H${LIVE_QUOTA_FIRST_ROW}:H${last}`,
        rule: { kind: "list", source: '"x"' },
        errorTitle: "Kết quả đặc biệt",
        errorMessage: 'Ghi "x" cho loại đơn vị có kết quả đặc biệt, hoặc để trống.',
      },
    ],
    conditionalFormats: [{ range: `G${LIVE_QUOTA_FIRST_ROW}:G${last}`, formula: `$G${LIVE_QUOTA_FIRST_ROW}=${q(YES_NO.yes)}`, ...STATUS_COLORS.error }],
    protect: true,
    print: a4Print("portrait", `A1:H${last}`),
  };
}

/**
 * The live "So sánh" and "Hạn mức" sheets for the unit sheets of this workbook; `exceptional`:
 * kinds (as LIVE_KINDS labels) first marked as having exceptional results.
 */
export function liveComparisonWorkbook(units: readonly LiveUnit[], indicators: readonly Indicator[], exceptional: ReadonlySet<string> = new Set()): WorkbookLayout {
  return { sheets: [liveComparisonSheet(units, indicators), liveQuotaSheet(units.length, exceptional)], names: [] };
}
