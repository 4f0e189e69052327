import { DIRECTION_NAMES, defaultProgressRule, STATUS_NAMES, type Indicator } from "../../domain";
import { columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import { targetAchievementFormula, targetStatusFormula, type ColumnLetters } from "../formulas";
import { FONT, SHEETS } from "../schema";
import { a4Print, NUMBER_FORMATS, numberFormatForUnit, STATUS_COLORS, STYLE } from "../styles";
import type { Block, CellContent, ConditionalFormatSpec, SheetLayout } from "../types";
import { unitPlace, type UnitPlace } from "../units";
import { keptOrBuilt, type KeptSheets } from "../keptSheets";

/**
 * "Theo dõi" (issue 16 §2): the unit's actuals as of each period of the year, every snapshot kept in
 * its own columns. Each period compares what was done with what was due by its date: the year's
 * target pro rata to the months elapsed ("Theo thời gian") or the whole target ("Cả năm") — the
 * engine's progressOf, whose twin these formulas are. Code, name, direction and target come from the
 * unit table by formula, so the table stays the one place they are typed. Unit n of a shared
 * workbook keeps its own, "Theo dõi n", over "Chỉ tiêu n" (UnitPlace.followUpSheet).
 */

/** Unit 1's follow-up sheet (the only one of a single-unit workbook). */
export const FOLLOW_UP_SHEET = SHEETS.followUp;

/** The rule words of the "Cách tính" column. */
export const PROGRESS_RULE_WORDS = { proRata: "Theo thời gian", asIs: "Cả năm" } as const;

export const FOLLOW_UP_FIXED = [
  { key: "code", header: "Mã", width: 7 },
  { key: "name", header: "Chỉ tiêu", width: 40 },
  { key: "unit", header: "Đơn vị tính", width: 10 },
  { key: "direction", header: "Chiều", width: 10 },
  { key: "target", header: "Kế hoạch năm", width: 12 },
  { key: "rule", header: "Cách tính", width: 13 },
] as const;

/** Per period: what was done, what was due by then, their ratio and the status. */
export const PERIOD_COLUMNS = [
  { key: "actual", header: "Thực hiện", width: 11 },
  { key: "expected", header: "Kế hoạch đến kỳ", width: 11 },
  { key: "achievement", header: "Tỷ lệ", width: 10 },
  { key: "status", header: "Đánh giá", width: 12 },
] as const;

/** The row of the period dates, the row of the column headers, the first indicator row (1-based). */
export const FOLLOW_UP_ROWS = { date: 3, header: 4, first: 5 } as const;

/**
 * How often a unit records its figures: a column group per quarter or per month, each ending in
 * that month (its last day is the default snapshot date, editable in the date row).
 */
export const FOLLOW_UP_CADENCES = { quarter: [3, 6, 9, 12], month: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] } as const;
export type FollowUpCadence = keyof typeof FOLLOW_UP_CADENCES;
export const QUARTER_ENDS = FOLLOW_UP_CADENCES.quarter;

/** The column group (0-based) a snapshot of this day is kept in. */
export function followUpSlot(cadence: FollowUpCadence, isoDay: string): number {
  const month = Number(isoDay.slice(5, 7));
  return cadence === "month" ? month - 1 : Math.ceil(month / 3) - 1;
}

export interface FollowUpParams {
  readonly year: number;
  readonly indicators: readonly Pick<Indicator, "direction" | "unit">[];
  /** The unit table the rows read from: its column letters and first data row. */
  readonly unitLetters: ColumnLetters;
  readonly unitFirstRow: number;
  /** Default: a column group per quarter. */
  readonly cadence?: FollowUpCadence;
  /** The unit of a shared workbook whose sheets these are (default unit 1: "Theo dõi" over "Chỉ tiêu"). */
  readonly place?: UnitPlace;
}

/** A date as Excel's serial day number (1900 date system), for a cell that shows dd/mm/yyyy. */
export function excelDate(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const periodColumn = (period: number, key: (typeof PERIOD_COLUMNS)[number]["key"]) =>
  columnLetter(FOLLOW_UP_FIXED.length + period * PERIOD_COLUMNS.length + PERIOD_COLUMNS.findIndex((c) => c.key === key));
const fixedColumn = (key: (typeof FOLLOW_UP_FIXED)[number]["key"]) => columnLetter(FOLLOW_UP_FIXED.findIndex((c) => c.key === key));

/** The expected-by-date cell: the year's target times the months elapsed over 12, or the whole target. */
export function expectedFormula(row: number, period: number): string {
  const [target, rule, direction] = [fixedColumn("target"), fixedColumn("rule"), fixedColumn("direction")];
  const date = `${periodColumn(period, "actual")}$${FOLLOW_UP_ROWS.date}`;
  const t = `$${target}${row}`;
  return `=IF(OR(TRIM(${t})="",$${direction}${row}="${DIRECTION_NAMES.milestone}",$${rule}${row}<>"${PROGRESS_RULE_WORDS.proRata}",NOT(ISNUMBER(${t})),NOT(ISNUMBER(${date}))),${t},${t}*MONTH(${date})/12)`;
}

/** The sheet, through `kept` when given: laid out from each indicator's direction and unit only, so units with the same indicators share it whatever their targets. */
export function followUpSheet(p: FollowUpParams, kept?: KeptSheets): SheetLayout {
  // Every other parameter is part of the key as given, so that a new one cannot be left out of it.
  return keptOrBuilt(kept, followUpLayout, { ...p, indicators: p.indicators.map(({ direction, unit }) => ({ direction, unit })) });
}

function followUpLayout(p: FollowUpParams): SheetLayout {
  const rows = Math.max(1, p.indicators.length);
  const { date: dateRow, header, first } = FOLLOW_UP_ROWS;
  const last = first + rows - 1;
  const ends = FOLLOW_UP_CADENCES[p.cadence ?? "quarter"];
  const lastColumn = periodColumn(ends.length - 1, "status");
  const place = p.place ?? unitPlace(1);
  const unit = (key: keyof ColumnLetters, r: number) => qualified(place.sheet, `$${p.unitLetters[key]}${p.unitFirstRow + r}`);
  // A blank source cell reads as 0 through a reference: &"" keeps it blank text, N() keeps numbers.
  const linked = p.indicators.map((_, r): CellContent[] => [
    formula(`=${unit("code", r)}&""`),
    formula(`=${unit("name", r)}&""`),
    formula(`=${unit("unit", r)}&""`),
    formula(`=${unit("direction", r)}&""`),
    formula(`=IF(TRIM(${unit("target", r)})="","",${unit("target", r)})`),
  ]);
  const rules = p.indicators.map((i) => [value(PROGRESS_RULE_WORDS[defaultProgressRule(i.direction, i.unit)])]);
  const blocks: Block[] = [
    cell("A1", value(`THEO DÕI TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU NĂM ${p.year}`), "addin", STYLE.title, { mergeTo: `${lastColumn}1` }),
    cell(
      "A2",
      value(
        `Mỗi kỳ một nhóm cột: nhập số liệu đến ngày ghi ở đầu nhóm (sửa được). "${PROGRESS_RULE_WORDS.proRata}": kế hoạch đến kỳ = kế hoạch năm × số tháng đã qua / 12; ` +
          `"${PROGRESS_RULE_WORDS.asIs}": so với cả kế hoạch năm (tỷ lệ, chỉ tiêu Đạt/Không). Ô "${STATUS_NAMES.notMet}" tô đỏ là chậm tiến độ.`,
      ),
      "addin",
      STYLE.note,
      { mergeTo: `${lastColumn}2` },
    ),
    cell(`A${dateRow}`, value("Số liệu đến ngày"), "addin", STYLE.labelBold, { mergeTo: `${fixedColumn("rule")}${dateRow}` }),
    { at: `A${header}`, cells: [FOLLOW_UP_FIXED.map((c) => value(c.header))], owner: "addin", style: STYLE.header },
    // General, not text: a formula sent into a text cell by Office.js stays text (the add-in writes this sheet too).
    { at: `A${first}`, cells: linked, owner: "addin", style: { ...STYLE.bodyText, numberFormat: "General" } },
    { at: `${fixedColumn("rule")}${first}`, cells: rules, owner: "user", style: STYLE.bodyCenter, unlocked: true },
  ];
  ends.forEach((month, period) => {
    const at = (key: (typeof PERIOD_COLUMNS)[number]["key"]) => periodColumn(period, key);
    blocks.push(
      cell(`${at("actual")}${dateRow}`, value(excelDate(p.year, month, lastDay(p.year, month))), "user", { ...STYLE.header, numberFormat: "dd/mm/yyyy" }, { unlocked: true, mergeTo: `${at("status")}${dateRow}` }),
      { at: `${at("actual")}${header}`, cells: [PERIOD_COLUMNS.map((c) => value(c.header))], owner: "addin", style: STYLE.header },
      { at: `${at("actual")}${first}`, cells: p.indicators.map(() => [value(null)]), owner: "user", style: STYLE.body, unlocked: true },
      {
        at: `${at("expected")}${first}`,
        cells: p.indicators.map((_, r) => {
          const row = first + r;
          const cells = { direction: `$${fixedColumn("direction")}${row}`, target: `${at("expected")}${row}`, actual: `${at("actual")}${row}` };
          const status = `${at("status")}${row}`;
          return [formula(expectedFormula(row, period)), formula(targetAchievementFormula(status, cells)), formula(targetStatusFormula("TRUE", cells))];
        }),
        owner: "addin",
        style: STYLE.body,
      },
    );
  });
  const statusRange = (period: number) => `${periodColumn(period, "status")}${first}:${periodColumn(period, "status")}${last}`;
  const conditionalFormats: ConditionalFormatSpec[] = ends.flatMap((_, period) => {
    const top = `${periodColumn(period, "status")}${first}`;
    const date = `${periodColumn(period, "actual")}$${dateRow}`;
    // A milestone not done yet is behind only once its year is over (progressOf).
    const behind = `AND(${top}="${STATUS_NAMES.notMet}",OR($${fixedColumn("direction")}${first}<>"${DIRECTION_NAMES.milestone}",AND(ISNUMBER(${date}),MONTH(${date})=12)))`;
    return [
      { range: statusRange(period), formula: behind, ...STATUS_COLORS.notMet },
      { range: statusRange(period), formula: `OR(${top}="${STATUS_NAMES.met}",${top}="${STATUS_NAMES.exceeded}")`, ...STATUS_COLORS.met },
      { range: statusRange(period), formula: `${top}="${STATUS_NAMES.error}"`, ...STATUS_COLORS.error },
    ];
  });
  const ruleRange = `${fixedColumn("rule")}${first}:${fixedColumn("rule")}${last}`;
  return {
    name: place.followUpSheet,
    font: { name: FONT, size: 12 },
    columnWidths: [...FOLLOW_UP_FIXED.map((c) => c.width), ...ends.flatMap(() => PERIOD_COLUMNS.map((c) => c.width))],
    blocks,
    rangeStyles: ends.map((_, period) => ({
      range: `${periodColumn(period, "achievement")}${first}:${periodColumn(period, "achievement")}${last}`,
      style: { numberFormat: NUMBER_FORMATS.percent },
    })),
    // Actual and due figures in the unit table's formats: a "%" row holds 85 % as 0,85, as its target does.
    numberFormats:
      p.indicators.length === 0
        ? []
        : ends.map((_, period) => ({
            range: `${periodColumn(period, "actual")}${first}:${periodColumn(period, "expected")}${last}`,
            formats: p.indicators.map((i) => [numberFormatForUnit(i.unit), numberFormatForUnit(i.unit)]),
          })),
    tables: [],
    validations: [
      {
        range: ruleRange,
        rule: { kind: "list", source: Object.values(PROGRESS_RULE_WORDS).join(",") },
        errorTitle: "Cách tính tiến độ",
        errorMessage: `Chọn "${PROGRESS_RULE_WORDS.proRata}" hoặc "${PROGRESS_RULE_WORDS.asIs}".`,
      },
    ],
    conditionalFormats,
    protect: true,
    freezeRows: header,
    // Twelve months do not fit one page's width: three pages across, a quarter or so each.
    print: { ...a4Print("landscape", `A1:${lastColumn}${last}`, `$${dateRow}:$${header}`), fitToWidth: ends.length > 4 ? 3 : 1 },
  };
}
