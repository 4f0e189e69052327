import { COMMON_CRITERIA_SOURCE, SCORE_COLUMNS, type CommonCriterion } from "../../domain";
import { columnLetter } from "../addresses";
import { cell, formula, value } from "../cells";
import { CRITERIA_COLUMNS, CRITERIA_NAMES as C, FONT, NAMES, RULE_NAMES, SHEETS, TABLES, type CriteriaColumnKey } from "../schema";
import { a4Print, NUMBER_FORMATS, STATUS_COLORS, STYLE } from "../styles";
import type { Block, ConditionalFormatSpec, NameSpec, Scalar, SheetLayout } from "../types";

/**
 * The common-criteria sheet "Tiêu chí chung": the criteria with their maxima (an editable
 * default, src/domain/commonCriteria.ts) and the three evaluators' scores, with totals, counts
 * of blank and invalid cells, a check line, and the common score for the unit sheet. Its
 * formulas are the twin of scoreCommonCriteria and follow the same rules.
 *
 * The common score (name TieuChiChungTong, read by the unit sheet through commonScoreFormula):
 * - the competent level's total, a number, when complete;
 * - "" while a competent-level cell of a criterion is blank: not entered, the result stays
 *   provisional (the unit sheet's formulas already treat "" so, and the engine reads a blank);
 * - the text "Không hợp lệ" (COMMON_SCORE_INVALID) when invalid. Text rather than an error value
 *   so that the unit sheet's formulas, which test ISNUMBER first, never propagate an error; the
 *   engine reading it sees text in a number cell, its input error for a common score, and the
 *   criteria sheet's own cells say which entry is wrong (readCriteriaTable).
 */

/** What the common-score cell shows when an entry is invalid. */
export const COMMON_SCORE_INVALID = "Không hợp lệ";

/** One criterion as first written, with any scores already known. */
export interface CriterionRow extends CommonCriterion {
  readonly self?: Scalar;
  readonly superior?: Scalar;
  readonly competent?: Scalar;
}

/** The check line's parts, in order; the line joins those that apply. */
export const CRITERIA_CHECK_TEXTS = {
  maxTotal: ["Tổng điểm tối đa các tiêu chí là ", ", khác điểm tiêu chí chung tối đa ", " (trang Quy tắc)."],
  invalidMax: " ô Điểm tối đa trống hoặc không hợp lệ.",
  invalidScores: " ô điểm không hợp lệ (âm, lớn hơn điểm tối đa của tiêu chí hoặc không phải số).",
} as const;

export const CRITERIA_HEADER_ROW = 6;

/** Where the parts of the sheet sit (1-based rows). */
export function criteriaSheetPositions(rowCount: number) {
  const firstRow = CRITERIA_HEADER_ROW + 1;
  const lastRow = CRITERIA_HEADER_ROW + Math.max(1, rowCount);
  return {
    headerRow: CRITERIA_HEADER_ROW,
    firstRow,
    lastRow,
    totalRow: lastRow + 1,
    blankRow: lastRow + 2,
    invalidRow: lastRow + 3,
    checkRow: lastRow + 4,
    scoreRow: lastRow + 6,
    noteRow: lastRow + 7,
  };
}

type Positions = ReturnType<typeof criteriaSheetPositions>;

const LETTER = Object.fromEntries(CRITERIA_COLUMNS.map((c, i) => [c.key, columnLetter(i)])) as Record<CriteriaColumnKey, string>;
const LAST = LETTER.competent;
const TOTAL_NAMES: Readonly<Record<"maxPoints" | (typeof SCORE_COLUMNS)[number], string>> = {
  maxPoints: C.maxTotal,
  self: C.selfTotal,
  superior: C.superiorTotal,
  competent: C.competentTotal,
};

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The formulas of the totals, count, check and score cells, left to right along their rows. */
function criteriaFormulas(pos: Positions) {
  const range = (key: CriteriaColumnKey) => `$${LETTER[key]}$${pos.firstRow}:$${LETTER[key]}$${pos.lastRow}`;
  const length = (key: CriteriaColumnKey) => `LEN(TRIM(${range(key)}))`;
  // Mirrors isEmptyCriterion: a row with anything typed in it is a criterion.
  const criterion = `((${CRITERIA_COLUMNS.map((c) => length(c.key)).join("+")})>0)`;
  const max = range("maxPoints");
  const notNumber = (r: string) => `(1-ISNUMBER(${r}))`;
  const negative = (r: string) => `ISNUMBER(${r})*(${r}<0)`;
  // Above the maximum only where the maximum itself is valid, as in scoreCommonCriteria.
  const aboveMax = (r: string) => `ISNUMBER(${r})*ISNUMBER(${max})*(${max}>=0)*(${r}>${max})`;
  const at = (key: CriteriaColumnKey, row: number) => `$${LETTER[key]}$${row}`;
  const invalidMax = at("maxPoints", pos.invalidRow);
  const invalidScores = SCORE_COLUMNS.map((k) => at(k, pos.invalidRow)).join("+");
  const maxMismatch = `${C.maxTotal}<>${RULE_NAMES.commonMaxPoints}`;
  const [before, between, after] = CRITERIA_CHECK_TEXTS.maxTotal;
  return {
    /** Columns C to F. */
    totals: (["maxPoints", ...SCORE_COLUMNS] as const).map((key) => `=ROUND(SUM(${range(key)}),2)`),
    /** Columns D to F. */
    blanks: SCORE_COLUMNS.map((key) => `=SUMPRODUCT(${criterion}*(${length(key)}=0))`),
    /** Columns C to F. */
    invalids: [
      `=SUMPRODUCT(${criterion}*((${notNumber(max)}+${negative(max)})>0))`,
      ...SCORE_COLUMNS.map((key) => {
        const r = range(key);
        return `=SUMPRODUCT((${length(key)}>0)*((${notNumber(r)}+${negative(r)}+${aboveMax(r)})>0))`;
      }),
    ],
    check:
      `=TRIM(IF(${maxMismatch},${q(before)}&${C.maxTotal}&${q(between)}&${RULE_NAMES.commonMaxPoints}&${q(after)}&" ","")` +
      `&IF(${invalidMax}>0,${invalidMax}&${q(CRITERIA_CHECK_TEXTS.invalidMax)}&" ","")` +
      `&IF(${invalidScores}>0,(${invalidScores})&${q(CRITERIA_CHECK_TEXTS.invalidScores)},""))`,
    score:
      `=IF(OR(${at("competent", pos.invalidRow)}>0,${invalidMax}>0,${maxMismatch}),${q(COMMON_SCORE_INVALID)},` +
      `IF(${at("competent", pos.blankRow)}>0,"",${C.competentTotal}))`,
  };
}

/**
 * The unit sheet's common-score cell (DiemTieuChiChung): the criteria sheet's score as it is,
 * so that "" (provisional) and the invalid text reach the unit sheet's own checks unchanged.
 */
export function commonScoreFormula(): string {
  return `=${C.score}`;
}

const SCORE_STYLE = { ...STYLE.body, horizontal: "center", numberFormat: NUMBER_FORMATS.general } as const;
const TOTAL_STYLE = { ...STYLE.body, font: { name: FONT, size: 12, bold: true }, horizontal: "center", numberFormat: NUMBER_FORMATS.points } as const;
const COUNT_STYLE = { ...STYLE.body, horizontal: "center", numberFormat: NUMBER_FORMATS.count } as const;

function blocks(rows: readonly CriterionRow[], pos: Positions): Block[] {
  const f = criteriaFormulas(pos);
  const line = (at: string, formulas: readonly string[], style: Block["style"]): Block => ({
    at,
    cells: [formulas.map(formula)],
    owner: "addin",
    style,
  });
  const label = (row: number, text: string) => cell(`B${row}`, value(text), "addin", { ...STYLE.labelBold, border: true });
  const body = rows.map((r) => [r.code, r.text, r.maxPoints, r.self ?? null, r.superior ?? null, r.competent ?? null].map(value));
  return [
    cell("A1", value("CHẤM ĐIỂM TIÊU CHÍ CHUNG"), "addin", STYLE.title, { mergeTo: `${LAST}1` }),
    cell(
      "A2",
      formula(`="Người được đánh giá: "&${NAMES.head}&" - "&${NAMES.unitName}&" - năm "&${NAMES.year}`),
      "addin",
      { ...STYLE.label, horizontal: "center" },
      { mergeTo: `${LAST}2` },
    ),
    ...COMMON_CRITERIA_SOURCE.map((text, i) => cell(`A${3 + i}`, value(text), "user", STYLE.note, { unlocked: true, mergeTo: `${LAST}${3 + i}` })),
    { at: `A${pos.headerRow}`, cells: [CRITERIA_COLUMNS.map((c) => value(c.header))], owner: "addin", style: STYLE.header },
    ...(body.length > 0 ? [{ at: `A${pos.firstRow}`, cells: body, owner: "user" as const, unlocked: true }] : []),
    label(pos.totalRow, "Tổng cộng"),
    line(`${LETTER.maxPoints}${pos.totalRow}`, f.totals, TOTAL_STYLE),
    label(pos.blankRow, "Số ô chưa chấm"),
    line(`${LETTER.self}${pos.blankRow}`, f.blanks, COUNT_STYLE),
    label(pos.invalidRow, "Số ô không hợp lệ"),
    line(`${LETTER.maxPoints}${pos.invalidRow}`, f.invalids, COUNT_STYLE),
    label(pos.checkRow, "Kiểm tra"),
    cell(`${LETTER.maxPoints}${pos.checkRow}`, formula(f.check), "addin", { ...STYLE.body, wrap: true }, { mergeTo: `${LAST}${pos.checkRow}` }),
    cell(`B${pos.scoreRow}`, value("Điểm tiêu chí chung (theo Cấp có thẩm quyền)"), "addin", STYLE.labelBold),
    cell(`${LETTER.competent}${pos.scoreRow}`, formula(f.score), "addin", { ...TOTAL_STYLE, font: { name: FONT, size: 13, bold: true } }),
    cell(
      `A${pos.noteRow}`,
      value(
        `Điểm tiêu chí chung chuyển sang trang "${SHEETS.unit}". Để trống khi Cấp có thẩm quyền chưa chấm đủ các tiêu chí (kết quả tạm tính); ` +
          `ghi "${COMMON_SCORE_INVALID}" khi có ô điểm sai hoặc tổng điểm tối đa khác điểm tiêu chí chung tối đa.`,
      ),
      "addin",
      STYLE.note,
      { mergeTo: `${LAST}${pos.noteRow}` },
    ),
  ];
}

function conditionalFormats(pos: Positions): ConditionalFormatSpec[] {
  const first = pos.firstRow;
  const scores = `${LETTER.self}${first}:${LAST}${pos.lastRow}`;
  const max = `$${LETTER.maxPoints}${first}`;
  const score = `${LETTER.self}${first}`;
  const criterion = `${CRITERIA_COLUMNS.map((c) => `LEN(TRIM($${LETTER[c.key]}${first}))`).join("+")}>0`;
  const bad = { fill: STATUS_COLORS.notMet.fill, fontColor: STATUS_COLORS.notMet.fontColor, bold: true };
  const check = `$${LETTER.maxPoints}$${pos.checkRow}`;
  const common = `$${LETTER.competent}$${pos.scoreRow}`;
  return [
    {
      range: scores,
      formula: `AND(LEN(TRIM(${score}))>0,OR(NOT(ISNUMBER(${score})),AND(ISNUMBER(${score}),${score}<0),AND(ISNUMBER(${score}),ISNUMBER(${max}),${max}>=0,${score}>${max})))`,
      ...bad,
    },
    { range: scores, formula: `AND(LEN(TRIM(${score}))=0,${criterion})`, fill: STATUS_COLORS.pending.fill },
    {
      range: `${LETTER.maxPoints}${first}:${LETTER.maxPoints}${pos.lastRow}`,
      formula: `AND(${criterion},OR(NOT(ISNUMBER(${max})),AND(ISNUMBER(${max}),${max}<0)))`,
      ...bad,
    },
    { range: `${LETTER.maxPoints}${pos.totalRow}`, formula: `${C.maxTotal}<>${RULE_NAMES.commonMaxPoints}`, ...bad },
    { range: check.replace(/\$/g, ""), formula: `LEN(${check})>0`, ...bad },
    { range: common.replace(/\$/g, ""), formula: `${common}=${q(COMMON_SCORE_INVALID)}`, ...bad },
    { range: common.replace(/\$/g, ""), formula: `LEN(${common})=0`, fill: STATUS_COLORS.pending.fill },
  ];
}

export function criteriaSheet(rows: readonly CriterionRow[]): SheetLayout {
  const pos = criteriaSheetPositions(rows.length);
  const column = (key: CriteriaColumnKey) => `${LETTER[key]}${pos.firstRow}:${LETTER[key]}${pos.lastRow}`;
  return {
    name: SHEETS.criteria,
    font: { name: FONT, size: 12 },
    columnWidths: CRITERIA_COLUMNS.map((c) => c.width),
    blocks: blocks(rows, pos),
    rangeStyles: [
      { range: column("code"), style: STYLE.bodyCenter },
      { range: column("text"), style: STYLE.bodyText },
      { range: `${LETTER.maxPoints}${pos.firstRow}:${LAST}${pos.lastRow}`, style: SCORE_STYLE },
    ],
    numberFormats: [],
    tables: [{ name: TABLES.criteria, range: `A${pos.headerRow}:${LAST}${pos.lastRow}`, style: "TableStyleLight1" }],
    validations: [
      {
        range: column("maxPoints"),
        rule: { kind: "decimal", operator: "between", formula1: "0", formula2: `=${RULE_NAMES.commonMaxPoints}` },
        errorTitle: "Điểm tối đa không hợp lệ",
        errorMessage: "Nhập một số từ 0 đến điểm tiêu chí chung tối đa.",
      },
      {
        range: `${LETTER.self}${pos.firstRow}:${LAST}${pos.lastRow}`,
        rule: { kind: "decimal", operator: "between", formula1: "0", formula2: `=$${LETTER.maxPoints}${pos.firstRow}` },
        errorTitle: "Điểm không hợp lệ",
        errorMessage: "Nhập một số từ 0 đến điểm tối đa của tiêu chí.",
      },
    ],
    conditionalFormats: conditionalFormats(pos),
    protect: true,
    freezeRows: pos.headerRow,
    print: a4Print("portrait", `A1:${LAST}${pos.noteRow}`, `$${pos.headerRow}:$${pos.headerRow}`),
  };
}

/** Workbook names of the sheet's totals, check line and common score. */
export function criteriaSheetNames(rowCount: number): NameSpec[] {
  const pos = criteriaSheetPositions(rowCount);
  return [
    ...(["maxPoints", ...SCORE_COLUMNS] as const).map((key) => ({ name: TOTAL_NAMES[key], ref: `$${LETTER[key]}$${pos.totalRow}` })),
    { name: C.check, ref: `$${LETTER.maxPoints}$${pos.checkRow}` },
    { name: C.score, ref: `$${LETTER.competent}$${pos.scoreRow}` },
  ];
}
