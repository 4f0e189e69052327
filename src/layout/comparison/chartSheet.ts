/**
 * "Biểu đồ" (issue 8 §3, pictures): the data the add-in's native charts draw, as formulas over
 * the live "So sánh", and the charts themselves as data: per indicator, achievement by unit as
 * bars on a value axis from 0 % with a gridline every 100 % (the 100 % line); the number of
 * units at each level per unit kind; and the province's totals against its targets: per indicator
 * that adds up, Σ actual / Σ target of each kind (issue 16 §3). Charts sit on the left, their data on the right.
 */
import { defaultAdditive, LEVEL_NAMES, type Indicator, type Level } from "../../domain";
import { columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import { COMPARISON_FIRST_ROW, COMPARISON_SHEETS, measureColumn } from "./comparisonSheet";
import { LIVE_COLUMNS, LIVE_KINDS, liveTotalRow } from "./liveComparison";
import { FONT } from "../schema";
import { NUMBER_FORMATS, STYLE } from "../styles";
import type { Block, SheetLayout } from "../types";

export const CHART_SHEET = "Biểu đồ";
export const CHART_TITLE = "BIỂU ĐỒ SO SÁNH GIỮA CÁC ĐƠN VỊ";

export interface ChartSpec {
  readonly title: string;
  /** Header row and first column included: series names and category labels. */
  readonly source: string;
  readonly type: "ColumnClustered";
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
  /** Achievement charts: the value axis starts at 0 with a gridline every 100 %. */
  readonly percent: boolean;
  /** A legend under the chart: its series say what each colour is. */
  readonly legend: boolean;
}

export const TOTALS_CHART_TITLE = "Tổng của tỉnh so với kế hoạch: tổng thực hiện / tổng kế hoạch từng chỉ tiêu cộng dồn, theo loại đơn vị";

const DATA_ROW = 4;
/** Charts cover columns A:K; the data starts at column M. */
const DATA_COLUMN = 12;
const CHART_ROWS = 20;
const a1 = (row: number, column: number) => `${columnLetter(column)}${row}`;
const LEVELS = Object.keys(LEVEL_NAMES) as Level[];
/** One cell of "So sánh", column absolute. */
const comparisonCell = (letter: string, row: number) => qualified(COMPARISON_SHEETS.comparison, `$${letter}${row}`);

/** The comparison's column of a field (0-based index into LIVE_COLUMNS). */
const comparisonColumn = (header: (typeof LIVE_COLUMNS)[number]["header"]) => columnLetter(LIVE_COLUMNS.findIndex((c) => c.header === header));

/**
 * The chart sheet and its charts for `count` units, the indicators in comparison order and the
 * kinds whose totals "So sánh" holds (liveTotalKinds).
 */
export function chartSheet(count: number, indicators: readonly Indicator[], totalKinds: readonly string[] = []): { sheet: SheetLayout; charts: ChartSpec[] } {
  const groups = [...new Set(indicators.map((i) => i.group))];
  const ordered = groups.flatMap((g) => indicators.filter((i) => i.group === g));
  const rows = Math.max(1, count);
  const last = COMPARISON_FIRST_ROW + rows - 1;
  const on = (letter: string) => qualified(COMPARISON_SHEETS.comparison, `$${letter}$${COMPARISON_FIRST_ROW}:$${letter}$${last}`);
  const kinds = on(comparisonColumn("Loại đơn vị"));
  const decided = on(comparisonColumn("Mức xét hạn mức"));
  const levelColumns = LEVELS.length + 1;
  const blocks: Block[] = [
    cell("A1", value(CHART_TITLE), "addin", STYLE.title, { mergeTo: "K1" }),
    cell("A2", value(`Số liệu lấy từ trang ${COMPARISON_SHEETS.comparison} (công thức). Lập lại cùng trang ${COMPARISON_SHEETS.comparison}.`), "addin", STYLE.note, { mergeTo: "K2" }),
    { at: a1(DATA_ROW, DATA_COLUMN), cells: [["Loại đơn vị", ...LEVELS.map((l) => LEVEL_NAMES[l])].map(value)], owner: "addin", style: STYLE.header },
    {
      at: a1(DATA_ROW + 1, DATA_COLUMN),
      cells: LIVE_KINDS.map((k, i) => [
        value(k),
        ...LEVELS.map((_, j) => formula(`=COUNTIFS(${kinds},$${columnLetter(DATA_COLUMN)}${DATA_ROW + 1 + i},${decided},${columnLetter(DATA_COLUMN + 1 + j)}$${DATA_ROW})`)),
      ]),
      owner: "addin",
      style: STYLE.body,
    },
  ];
  const charts: ChartSpec[] = [
    {
      title: "Số đơn vị theo xếp loại, từng loại đơn vị",
      source: `${a1(DATA_ROW, DATA_COLUMN)}:${a1(DATA_ROW + LIVE_KINDS.length, DATA_COLUMN + levelColumns - 1)}`,
      type: "ColumnClustered",
      from: a1(DATA_ROW, 0),
      to: a1(DATA_ROW + CHART_ROWS - 1, 10),
      percent: false,
      legend: true,
    },
  ];
  const firstBlock = DATA_COLUMN + levelColumns + 1;
  const unit = comparisonColumn("Đơn vị");
  ordered.forEach((ind, i) => {
    const at = firstBlock + 3 * i;
    const achievement = columnLetter(measureColumn(LIVE_COLUMNS.length, i, "achievement") - 1);
    const rowsOf = Array.from({ length: rows }, (_, r) => {
      const source = COMPARISON_FIRST_ROW + r;
      return [
        formula(`=${comparisonCell(unit, source)}&""`),
        // A missing achievement is #N/A: a gap in the chart, never a bar at 0 %.
        formula(`=IF(ISNUMBER(${comparisonCell(achievement, source)}),${comparisonCell(achievement, source)},NA())`),
      ];
    });
    blocks.push(
      { at: a1(DATA_ROW, at), cells: [[value("Đơn vị"), value(`${ind.code}. Tỷ lệ đạt`)]], owner: "addin", style: STYLE.header },
      { at: a1(DATA_ROW + 1, at), cells: rowsOf, owner: "addin", style: STYLE.body },
    );
    const top = DATA_ROW + CHART_ROWS * (i + 1) + 1;
    charts.push({
      title: `${ind.code}. ${ind.name}: tỷ lệ đạt theo đơn vị`,
      source: `${a1(DATA_ROW, at)}:${a1(DATA_ROW + rows, at + 1)}`,
      type: "ColumnClustered",
      from: a1(top, 0),
      to: a1(top + CHART_ROWS - 2, 10),
      percent: true,
      legend: false,
    });
  });
  // The totals: a row per indicator that adds up, a column per kind, read from the totals rows of "So sánh".
  const summed = ordered.map((ind, i) => ({ ind, i })).filter(({ ind }) => ind.direction !== "milestone" && defaultAdditive(ind));
  const totalsAt = firstBlock + 3 * ordered.length;
  const hasTotals = summed.length > 0 && totalKinds.length > 0;
  if (hasTotals) {
    blocks.push(
      { at: a1(DATA_ROW, totalsAt), cells: [["Chỉ tiêu", ...totalKinds].map(value)], owner: "addin", style: STYLE.header },
      {
        at: a1(DATA_ROW + 1, totalsAt),
        cells: summed.map(({ ind, i }) => [
          value(ind.code),
          ...totalKinds.map((_, k) => {
            const total = comparisonCell(columnLetter(measureColumn(LIVE_COLUMNS.length, i, "achievement") - 1), liveTotalRow(count, k));
            return formula(`=IF(ISNUMBER(${total}),${total},NA())`);
          }),
        ]),
        owner: "addin",
        style: STYLE.body,
      },
    );
    const top = DATA_ROW + CHART_ROWS * (ordered.length + 1) + 1;
    charts.push({
      title: TOTALS_CHART_TITLE,
      source: `${a1(DATA_ROW, totalsAt)}:${a1(DATA_ROW + summed.length, totalsAt + totalKinds.length)}`,
      type: "ColumnClustered",
      from: a1(top, 0),
      to: a1(top + CHART_ROWS - 2, 10),
      percent: true,
      legend: true,
    });
  }
  const lastColumn = hasTotals ? totalsAt + totalKinds.length + 1 : firstBlock + 3 * ordered.length - 1;
  const sheet: SheetLayout = {
    name: CHART_SHEET,
    font: { name: FONT, size: 12 },
    columnWidths: Array.from({ length: Math.max(lastColumn, DATA_COLUMN + levelColumns) }, (_, c) => (c < DATA_COLUMN ? 9 : c === DATA_COLUMN ? 24 : 14)),
    blocks,
    rangeStyles: [
      ...ordered.map((_, i) => {
        const at = firstBlock + 3 * i + 1;
        return { range: `${a1(DATA_ROW + 1, at)}:${a1(DATA_ROW + rows, at)}`, style: { numberFormat: NUMBER_FORMATS.percent } };
      }),
      ...(hasTotals ? [{ range: `${a1(DATA_ROW + 1, totalsAt + 1)}:${a1(DATA_ROW + summed.length, totalsAt + totalKinds.length)}`, style: { numberFormat: NUMBER_FORMATS.percent } }] : []),
    ],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
  return { sheet, charts };
}
