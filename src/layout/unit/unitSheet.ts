import {
  DATE_FIELD_NAMES,
  DIRECTION_NAMES,
  DISQUALIFIER_NAMES,
  EXCELLENCE_QUESTION_NAMES,
  LEVEL_NAMES,
  STATUS_NAMES,
  UNIT_KIND_NAMES,
  YES_NO,
  type Disqualifier,
  type ExcellenceQuestion,
  type Indicator,
  type Level,
  type UnitKind,
} from "../../domain";
import { absolute, cellAddress, columnLetter } from "../addresses";
import { commonScoreFormula } from "./criteriaSheet";
import { cell, formula, value } from "../cells";
import { achievementFormula, bodyRanges, dateValidationFormula, statusFormula, summaryFormulas, type ColumnLetters } from "../formulas";
import { DISQUALIFIER_CELL_NAMES, EXCELLENCE_CELL_NAMES, FONT, NAMES, PARTY_NAME, RULE_NAMES, SHEETS, TABLES, TITLE_PARTS, UNIT_COLUMNS, type DocumentHeader } from "../schema";
import { isPercentUnit, toPercentCell } from "../percentRows";
import { a4Print, NUMBER_FORMATS, numberFormatForUnit, STATUS_COLORS, STYLE } from "../styles";
import { keptOrBuilt, type KeptSheets } from "../keptSheets";
import type { Block, ConditionalFormatSpec, NameSpec, NumberFormatSpec, RangeStyle, Scalar, SheetLayout, ValidationSpec } from "../types";

/** One row of the unit table as first written. */
export interface UnitRow extends Indicator {
  readonly target?: Scalar;
  readonly actual?: Scalar;
  /** "Có" when the indicator is late (QĐ 366 Art. 11); blank is on time. */
  readonly late?: Scalar;
  /** A milestone's due date and the day it was done, as serial days (done after due is late). */
  readonly due?: Scalar;
  readonly done?: Scalar;
  /** The competent level's results score, replacing the product default for the row; blank keeps it. */
  readonly score?: Scalar;
  readonly note?: string;
}

export interface UnitSheetParams {
  readonly unitName: string;
  readonly unitKind?: UnitKind | null;
  /** The province's group of subjects, for a unit assigned in one (issue 16 §1): its name is what consolidation publishes. */
  readonly groupName?: string;
  readonly head: string;
  readonly year: number;
  readonly rows: readonly UnitRow[];
  /** A common score typed here instead of taken from the criteria sheet (e.g. a CLI document's). */
  readonly commonScore?: Scalar;
  readonly unitLevel?: Level | null;
  readonly civilServantLevel?: Level | null;
  readonly finalLevel?: Level | null;
  /** Answers to the disqualifying conditions as typed (unanswered ones are written "Không"). */
  readonly disqualifying?: Readonly<Partial<Record<Disqualifier, Scalar>>>;
  /** Answers to the two further conditions of excellent as typed (unanswered ones stay blank). */
  readonly excellence?: Readonly<Partial<Record<ExcellenceQuestion, Scalar>>>;
  readonly header: DocumentHeader;
}

/** Where the parts of a unit sheet sit (1-based rows). */
export interface UnitSheetPositions {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly summaryRow: number;
  readonly signatureRow: number;
  readonly lastPrintedRow: number;
}

export const HEADER_ROW = 7;
const LAST_COLUMN = columnLetter(UNIT_COLUMNS.length - 1);
/** Beside the kind, right of it on row 6, which sheets made before had empty: older files read as they always did. */
const GROUP_LABEL_CELL = "E6";
const GROUP_CELL = "G6";

export const DEFAULT_LETTERS: ColumnLetters = Object.fromEntries(
  UNIT_COLUMNS.map((c, i) => [c.key, columnLetter(i)]),
) as unknown as ColumnLetters;

/** yesNo: blank reads "Không" and is written so; answer: blank is not answered and stays blank. */
type SummaryInput = "score" | "level" | "yesNo" | "answer";

/** The summary lines: label, defined name, number format, and what a person types there, if anything. */
const SUMMARY_LINES: readonly { label: string; name: string; format: string; input?: SummaryInput }[] = [
  { label: "Tổng số chỉ tiêu", name: NAMES.count, format: NUMBER_FORMATS.count },
  { label: "Số chỉ tiêu đạt và vượt", name: NAMES.met, format: NUMBER_FORMATS.count },
  { label: "   trong đó: số chỉ tiêu vượt", name: NAMES.exceeded, format: NUMBER_FORMATS.count },
  { label: "Số chỉ tiêu không đạt", name: NAMES.notMet, format: NUMBER_FORMATS.count },
  { label: "Số chỉ tiêu chưa có số liệu", name: NAMES.pending, format: NUMBER_FORMATS.count },
  { label: "Số chỉ tiêu có lỗi số liệu", name: NAMES.errors, format: NUMBER_FORMATS.count },
  { label: "Số chỉ tiêu chậm tiến độ", name: NAMES.late, format: NUMBER_FORMATS.count },
  { label: "Tỷ lệ chỉ tiêu đạt và vượt (trên tổng số chỉ tiêu)", name: NAMES.metShare, format: NUMBER_FORMATS.percent },
  { label: "Tỷ lệ chỉ tiêu vượt (trên tổng số chỉ tiêu)", name: NAMES.exceededShare, format: NUMBER_FORMATS.percent },
  { label: "Số chỉ tiêu chủ yếu không đạt", name: NAMES.keyNotMet, format: NUMBER_FORMATS.count },
  { label: "Điểm kết quả (chỉ tiêu chưa có số liệu tính là chưa đạt)", name: NAMES.resultPoints, format: NUMBER_FORMATS.points },
  { label: "Điểm tiêu chí chung (cấp có thẩm quyền chấm, trang Tiêu chí chung)", name: NAMES.commonScore, format: NUMBER_FORMATS.points, input: "score" },
  { label: "Tổng điểm", name: NAMES.points, format: NUMBER_FORMATS.points },
  { label: `${DISQUALIFIER_NAMES.degradation}?`, name: NAMES.degradation, format: NUMBER_FORMATS.text, input: "yesNo" },
  { label: `${DISQUALIFIER_NAMES.sanction}?`, name: NAMES.sanction, format: NUMBER_FORMATS.text, input: "yesNo" },
  { label: `${DISQUALIFIER_NAMES.corruption}?`, name: NAMES.corruption, format: NUMBER_FORMATS.text, input: "yesNo" },
  { label: `${EXCELLENCE_QUESTION_NAMES.disciplineBelow}?`, name: NAMES.disciplineBelow, format: NUMBER_FORMATS.text, input: "answer" },
  { label: `${EXCELLENCE_QUESTION_NAMES.shortcomingsRemedied}?`, name: NAMES.shortcomingsRemedied, format: NUMBER_FORMATS.text, input: "answer" },
  { label: "Xếp loại đề xuất (khi tạm tính: mức sàn)", name: NAMES.suggestedLevel, format: NUMBER_FORMATS.general },
  { label: "Có thể đạt tối đa (nếu các số liệu còn thiếu đều vượt)", name: NAMES.ceilingLevel, format: NUMBER_FORMATS.general },
  { label: "Tính chất kết quả", name: NAMES.provisional, format: NUMBER_FORMATS.general },
  { label: "Xếp loại của tập thể, đơn vị (mức trần)", name: NAMES.unitLevel, format: NUMBER_FORMATS.general, input: "level" },
  { label: "Xếp loại công chức của người đứng đầu (mức trần, nếu có)", name: NAMES.civilServantLevel, format: NUMBER_FORMATS.general, input: "level" },
  { label: "Xếp loại cuối cùng của người đứng đầu", name: NAMES.finalLevel, format: NUMBER_FORMATS.general, input: "level" },
  { label: "Kiểm tra mức trần", name: NAMES.capCheck, format: NUMBER_FORMATS.general },
];

/** The disqualifying conditions by the name of their cell. */
const DISQUALIFIER_BY_CELL = new Map((Object.entries(DISQUALIFIER_CELL_NAMES) as [Disqualifier, string][]).map(([d, name]) => [name, d]));
const EXCELLENCE_BY_CELL = new Map((Object.entries(EXCELLENCE_CELL_NAMES) as [ExcellenceQuestion, string][]).map(([q, name]) => [name, q]));

/** Column of the summary labels and of their values. */
const SUMMARY_LABEL_COLUMN = 2; // C, the wide name column
const SUMMARY_VALUE_COLUMN = 3; // D

export function unitSheetPositions(rowCount: number): UnitSheetPositions {
  const firstRow = HEADER_ROW + 1;
  const lastRow = HEADER_ROW + Math.max(1, rowCount);
  const summaryRow = lastRow + 2;
  const signatureRow = summaryRow + SUMMARY_LINES.length + 2;
  return { headerRow: HEADER_ROW, firstRow, lastRow, summaryRow, signatureRow, lastPrintedRow: signatureRow + 5 };
}

/** Where each summary name sits when its first line is on 0-based row `summaryRow` (the title is one row above). */
function cellsFrom(summaryRow: number): readonly { name: string; address: string }[] {
  return SUMMARY_LINES.map((line, i) => ({ name: line.name, address: cellAddress(summaryRow + i, SUMMARY_VALUE_COLUMN) }));
}

/** Where each summary name sits on a sheet whose table ends at `lastRow`. */
export function summaryCells(lastRow: number): readonly { name: string; address: string }[] {
  return cellsFrom(unitSheetPositions(lastRow - HEADER_ROW).summaryRow);
}

/** The cell of one summary line when the summary starts at `summaryRow`. */
function summaryAddress(summaryRow: number, name: string): string {
  const found = cellsFrom(summaryRow).find((c) => c.name === name);
  if (!found) throw new Error(`No summary line named ${name}`);
  return found.address;
}

/** The two computed columns of the table body, as one 2-D block each. */
export function computedBlocks(letters: ColumnLetters, firstRow: number, lastRow: number): Block[] {
  const rows = Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i);
  return [
    {
      at: `${letters.achievement}${firstRow}`,
      cells: rows.map((r) => [formula(achievementFormula(letters, r, firstRow))]),
      owner: "addin",
    },
    {
      at: `${letters.status}${firstRow}`,
      cells: rows.map((r) => [formula(statusFormula(letters, r, firstRow, lastRow))]),
      owner: "addin",
    },
  ];
}

/** The summary formulas for a table body, one block per computed line. */
export function summaryFormulaBlocks(letters: ColumnLetters, firstRow: number, lastRow: number, summaryRow = lastRow + 2): Block[] {
  const formulas = summaryFormulas(bodyRanges(letters, firstRow, lastRow));
  return cellsFrom(summaryRow)
    .filter((c) => formulas[c.name] !== undefined)
    .map((c) => cell(c.address, formula(formulas[c.name]), "addin"));
}

function headingBlocks(p: UnitSheetParams): Block[] {
  const h = p.header;
  return [
    cell("A1", value(h.superiorBody), "user", STYLE.superiorBody, { unlocked: true, mergeTo: "E1" }),
    cell("A2", value(h.issuingBody), "user", STYLE.issuingBody, { unlocked: true, mergeTo: "E2" }),
    cell("A3", value("*"), "addin", STYLE.star, { mergeTo: "E3" }),
    cell("H1", value(PARTY_NAME), "addin", STYLE.party, { mergeTo: `${LAST_COLUMN}1` }),
    cell("H2", value(h.placeDate), "user", STYLE.placeDate, { unlocked: true, mergeTo: `${LAST_COLUMN}2` }),
    cell(
      "A4",
      formula(`="${TITLE_PARTS.beforeYear}"&${NAMES.year}&"${TITLE_PARTS.beforeUnit}"&UPPER(${NAMES.unitName})`),
      "addin",
      STYLE.title,
      { mergeTo: `${LAST_COLUMN}4` },
    ),
    cell("A5", value("Đơn vị:"), "addin", STYLE.label),
    cell("B5", value(p.unitName), "user", STYLE.input, { unlocked: true, mergeTo: "C5" }),
    cell("E5", value("Người đứng đầu:"), "addin", STYLE.label, { mergeTo: "F5" }),
    cell("G5", value(p.head), "user", STYLE.input, { unlocked: true, mergeTo: "I5" }),
    cell("J5", value("Năm:"), "addin", STYLE.label),
    cell("K5", value(p.year), "user", { ...STYLE.input, numberFormat: "0" }, { unlocked: true }),
    cell("A6", value("Loại đơn vị:"), "addin", STYLE.label),
    cell("B6", value(p.unitKind ? UNIT_KIND_NAMES[p.unitKind] : null), "user", STYLE.input, { unlocked: true, mergeTo: "C6" }),
    // The province set the group: the unit reads it, never types it (a sheet without one has neither cell).
    ...(p.groupName ? [cell(GROUP_LABEL_CELL, value("Nhóm đối tượng:"), "addin", STYLE.label, { mergeTo: "F6" }), cell(GROUP_CELL, value(p.groupName), "addin", STYLE.input, { mergeTo: `${LAST_COLUMN}6` })] : []),
  ];
}

/** The computed columns of a unit sheet's table body, from where it starts and ends only. */
const tableFormulaBlocks = (at: Pick<UnitSheetPositions, "firstRow" | "lastRow">) => computedBlocks(DEFAULT_LETTERS, at.firstRow, at.lastRow);

function tableBlocks(p: UnitSheetParams, pos: UnitSheetPositions, kept: KeptSheets | undefined): Block[] {
  const header: Block = {
    at: `A${pos.headerRow}`,
    cells: [UNIT_COLUMNS.map((c) => value(c.header))],
    owner: "addin",
    style: STYLE.header,
  };
  const inputs = (row: UnitRow): Scalar[] => [
    row.code,
    row.group,
    row.name,
    row.unit,
    DIRECTION_NAMES[row.direction],
    row.key ? "x" : null,
    row.weight,
    ...(isPercentUnit(row.unit) ? [toPercentCell(row.target ?? null), toPercentCell(row.actual ?? null)] : [row.target ?? null, row.actual ?? null]),
  ];
  const rows = p.rows.length > 0 ? p.rows.map(inputs) : [Array<Scalar>(9).fill(null)];
  const notes = p.rows.length > 0 ? p.rows.map((r) => [value(r.note ?? null)]) : [[value(null)]];
  const late = p.rows.length > 0 ? p.rows.map((r) => [value(r.late ?? null)]) : [[value(null)]];
  const dates = p.rows.length > 0 ? p.rows.map((r) => [value(r.due ?? null), value(r.done ?? null)]) : [[value(null), value(null)]];
  const scores = p.rows.length > 0 ? p.rows.map((r) => [value(r.score ?? null)]) : [[value(null)]];
  return [
    header,
    { at: `A${pos.firstRow}`, cells: rows.map((r) => r.map(value)), owner: "user", unlocked: true },
    { at: `${DEFAULT_LETTERS.note}${pos.firstRow}`, cells: notes, owner: "user", unlocked: true },
    { at: `${DEFAULT_LETTERS.late}${pos.firstRow}`, cells: late, owner: "user", unlocked: true },
    { at: `${DEFAULT_LETTERS.due}${pos.firstRow}`, cells: dates, owner: "user", unlocked: true },
    { at: `${DEFAULT_LETTERS.score}${pos.firstRow}`, cells: scores, owner: "user", unlocked: true },
    ...keptOrBuilt(kept, tableFormulaBlocks, { firstRow: pos.firstRow, lastRow: pos.lastRow }),
  ];
}

function bodyStyles(pos: UnitSheetPositions): RangeStyle[] {
  const column = (key: keyof typeof DEFAULT_LETTERS) => `${DEFAULT_LETTERS[key]}${pos.firstRow}:${DEFAULT_LETTERS[key]}${pos.lastRow}`;
  return [
    { range: column("code"), style: STYLE.bodyCenter, unlocked: true },
    { range: column("group"), style: STYLE.bodyCenter, unlocked: true },
    { range: column("name"), style: STYLE.bodyText, unlocked: true },
    { range: column("unit"), style: STYLE.bodyCenter, unlocked: true },
    { range: column("direction"), style: { ...STYLE.bodyCenter, numberFormat: NUMBER_FORMATS.general }, unlocked: true },
    { range: column("key"), style: STYLE.bodyCenter, unlocked: true },
    { range: column("weight"), style: { ...STYLE.body, numberFormat: NUMBER_FORMATS.general }, unlocked: true },
    { range: `${DEFAULT_LETTERS.target}${pos.firstRow}:${DEFAULT_LETTERS.actual}${pos.lastRow}`, style: STYLE.body, unlocked: true },
    { range: column("achievement"), style: STYLE.percent },
    { range: column("status"), style: { ...STYLE.bodyCenter, numberFormat: NUMBER_FORMATS.general } },
    { range: column("late"), style: { ...STYLE.bodyCenter, numberFormat: NUMBER_FORMATS.text }, unlocked: true },
    { range: `${DEFAULT_LETTERS.due}${pos.firstRow}:${DEFAULT_LETTERS.done}${pos.lastRow}`, style: { ...STYLE.bodyCenter, numberFormat: NUMBER_FORMATS.date }, unlocked: true },
    { range: column("note"), style: STYLE.bodyText, unlocked: true },
    { range: column("score"), style: { ...STYLE.body, numberFormat: NUMBER_FORMATS.points }, unlocked: true },
  ];
}

/** Targets and actuals take their number format from each indicator's unit. */
function valueFormats(p: UnitSheetParams, pos: UnitSheetPositions): NumberFormatSpec[] {
  const formats = p.rows.length > 0 ? p.rows.map((row) => Array<string>(2).fill(numberFormatForUnit(row.unit))) : [["General", "General"]];
  return [{ range: `${DEFAULT_LETTERS.target}${pos.firstRow}:${DEFAULT_LETTERS.actual}${pos.lastRow}`, formats }];
}

/** The typed cells of the summary block. */
export type SummaryValues = Pick<UnitSheetParams, "commonScore" | "unitLevel" | "civilServantLevel" | "finalLevel" | "disqualifying" | "excellence">;

/** Where the summary sits: below a table body in `letters` columns, its first line on 0-based row `summaryRow`. */
interface SummaryPlace {
  readonly letters: ColumnLetters;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly summaryRow: number;
}

function summaryBlocks(p: SummaryValues, at: SummaryPlace): Block[] {
  const title = cell(cellAddress(at.summaryRow - 1, SUMMARY_LABEL_COLUMN), value("TỔNG HỢP KẾT QUẢ"), "addin", STYLE.labelBold);
  const labels: Block = {
    at: cellAddress(at.summaryRow, SUMMARY_LABEL_COLUMN),
    cells: SUMMARY_LINES.map((line) => [value(line.label)]),
    owner: "addin",
    style: STYLE.label,
  };
  const levels: Readonly<Record<string, Level | null | undefined>> = {
    [NAMES.unitLevel]: p.unitLevel,
    [NAMES.civilServantLevel]: p.civilServantLevel,
    [NAMES.finalLevel]: p.finalLevel,
  };
  const inputValue = (name: string, input: SummaryInput): Scalar => {
    if (input === "score") return p.commonScore ?? null;
    if (input === "yesNo") return p.disqualifying?.[DISQUALIFIER_BY_CELL.get(name) as Disqualifier] ?? YES_NO.no;
    if (input === "answer") return p.excellence?.[EXCELLENCE_BY_CELL.get(name) as ExcellenceQuestion] ?? null;
    const level = levels[name];
    return level ? LEVEL_NAMES[level] : null;
  };
  const inputs = cellsFrom(at.summaryRow).flatMap((c, i) => {
    const line = SUMMARY_LINES[i];
    const style = { ...STYLE.summaryValue, numberFormat: line.format };
    if (!line.input) return [];
    // The common score comes from the criteria sheet unless one was given to type in.
    if (line.input === "score" && (p.commonScore === undefined || p.commonScore === null || p.commonScore === "")) {
      return [cell(c.address, formula(commonScoreFormula()), "addin", style)];
    }
    return [cell(c.address, value(inputValue(c.name, line.input)), "user", { ...style, font: STYLE.input.font }, { unlocked: true })];
  });
  const computed = summaryFormulaBlocks(at.letters, at.firstRow, at.lastRow, at.summaryRow).map((block, i) => ({
    ...block,
    style: { ...STYLE.summaryValue, numberFormat: SUMMARY_LINES.filter((l) => !l.input)[i].format },
  }));
  return [title, labels, ...inputs, ...computed];
}

/**
 * The summary block of a sheet made by an earlier version, rebuilt where it stands: its typed
 * cells carried over, its names re-pointed, the new lines added below (columns C and D only, so
 * nothing else on the sheet is touched).
 */
export function summaryUpgrade(p: SummaryValues, at: SummaryPlace) {
  return {
    blocks: summaryBlocks(p, at),
    names: cellsFrom(at.summaryRow).map((c) => ({ name: c.name, ref: absolute(c.address) })),
    validations: summaryValidations(at.summaryRow),
    conditionalFormats: summaryConditionalFormats(at.summaryRow),
  };
}

function signatureBlocks(p: UnitSheetParams, pos: UnitSheetPositions): Block[] {
  const at = (offset: number) => `H${pos.signatureRow + offset}`;
  const to = (offset: number) => `${LAST_COLUMN}${pos.signatureRow + offset}`;
  const h = p.header;
  return [
    cell(at(0), value(h.signerTitle), "user", STYLE.signature, { unlocked: true, mergeTo: to(0) }),
    cell(at(1), value(h.signerPosition), "user", STYLE.signature, { unlocked: true, mergeTo: to(1) }),
    cell(at(5), value(h.signerName), "user", STYLE.signature, { unlocked: true, mergeTo: to(5) }),
  ];
}

function validations(pos: UnitSheetPositions): ValidationSpec[] {
  const col = (key: keyof typeof DEFAULT_LETTERS) => `${DEFAULT_LETTERS[key]}${pos.firstRow}:${DEFAULT_LETTERS[key]}${pos.lastRow}`;
  const first = (key: keyof typeof DEFAULT_LETTERS) => `${DEFAULT_LETTERS[key]}${pos.firstRow}`;
  const milestone = `${first("direction")}="${DIRECTION_NAMES.milestone}"`;
  return [
    {
      range: col("direction"),
      rule: { kind: "list", source: Object.values(DIRECTION_NAMES).join(",") },
      errorTitle: "Chiều không hợp lệ",
      errorMessage: "Chọn Tăng, Giảm hoặc Đạt/Không.",
    },
    { range: col("key"), rule: { kind: "list", source: "x" }, errorTitle: "Chủ yếu", errorMessage: 'Nhập "x" cho chỉ tiêu chủ yếu hoặc để trống.' },
    {
      range: col("late"),
      rule: { kind: "list", source: `${YES_NO.yes},${YES_NO.no}` },
      errorTitle: "Chậm tiến độ",
      errorMessage: 'Chọn "Có" nếu chỉ tiêu chậm tiến độ, "Không" hoặc để trống nếu đúng tiến độ.',
    },
    ...(["due", "done"] as const).map((key) => ({
      range: col(key),
      rule: { kind: "custom" as const, formula: dateValidationFormula(first(key)) },
      errorTitle: DATE_FIELD_NAMES[key],
      errorMessage: "Nhập một ngày (dd/mm/yyyy), không có giờ, hoặc để trống. Chỉ tiêu dạng Đạt/Không hoàn thành sau hạn được tính là chậm tiến độ.",
    })),
    {
      range: col("score"),
      rule: {
        kind: "custom",
        formula: `=OR(TRIM(${first("score")})="",AND(ISNUMBER(${first("score")}),${first("score")}>=0,${first("score")}<=ROUND(${RULE_NAMES.resultMaxPoints}*${first("weight")}/SUMIF($${DEFAULT_LETTERS.weight}$${pos.firstRow}:$${DEFAULT_LETTERS.weight}$${pos.lastRow},">0"),2)))`,
      },
      errorTitle: "Điểm kết quả không hợp lệ",
      errorMessage: "Nhập điểm từ 0 đến điểm tối đa của chỉ tiêu (70 × trọng số / tổng trọng số), hoặc để trống để dùng mặc định của phần mềm.",
    },
    {
      range: col("weight"),
      rule: { kind: "decimal", operator: "greaterThan", formula1: "0" },
      errorTitle: "Trọng số không hợp lệ",
      errorMessage: "Trọng số là một số lớn hơn 0 (mặc định 1).",
    },
    {
      range: col("target"),
      rule: { kind: "custom", formula: `=OR(${milestone},AND(ISNUMBER(${first("target")}),${first("target")}>=0))` },
      errorTitle: "Kế hoạch không hợp lệ",
      errorMessage: 'Nhập một số không âm (chỉ tiêu dạng Đạt/Không: "Đạt" hoặc để trống).',
    },
    {
      range: col("actual"),
      rule: { kind: "custom", formula: `=OR(${milestone},ISNUMBER(${first("actual")}))` },
      errorTitle: "Thực hiện không hợp lệ",
      errorMessage: 'Nhập một số (chỉ tiêu dạng Đạt/Không: "Đạt" hoặc "Không đạt").',
    },
    ...summaryValidations(pos.summaryRow),
  ];
}

function summaryValidations(summaryRow: number): ValidationSpec[] {
  return [
    {
      range: summaryAddress(summaryRow, NAMES.commonScore),
      rule: { kind: "decimal", operator: "between", formula1: "0", formula2: `=${RULE_NAMES.commonMaxPoints}` },
      errorTitle: "Điểm tiêu chí chung",
      errorMessage: "Nhập điểm từ 0 đến điểm tối đa của tiêu chí chung (30).",
    },
    ...Object.values(DISQUALIFIER_CELL_NAMES).map((name) => ({
      range: summaryAddress(summaryRow, name),
      rule: { kind: "list" as const, source: `${YES_NO.yes},${YES_NO.no}` },
      errorTitle: "Trường hợp không hoàn thành nhiệm vụ",
      errorMessage: 'Chọn "Có" hoặc "Không".',
    })),
    ...Object.values(EXCELLENCE_CELL_NAMES).map((name) => ({
      range: summaryAddress(summaryRow, name),
      rule: { kind: "list" as const, source: `${YES_NO.yes},${YES_NO.no}` },
      errorTitle: "Điều kiện Hoàn thành xuất sắc",
      errorMessage: 'Chọn "Có" hoặc "Không"; để trống nếu chưa trả lời.',
    })),
    ...[NAMES.unitLevel, NAMES.civilServantLevel, NAMES.finalLevel].map((name) => ({
      range: summaryAddress(summaryRow, name),
      rule: { kind: "list" as const, source: `=${NAMES.levelList}` },
      errorTitle: "Xếp loại không hợp lệ",
      errorMessage: "Chọn một trong bốn mức xếp loại.",
    })),
  ];
}

function conditionalFormats(pos: UnitSheetPositions): ConditionalFormatSpec[] {
  const status = `${DEFAULT_LETTERS.status}${pos.firstRow}:${DEFAULT_LETTERS.status}${pos.lastRow}`;
  const first = `$${DEFAULT_LETTERS.status}${pos.firstRow}`;
  const byStatus = (Object.keys(STATUS_COLORS) as (keyof typeof STATUS_COLORS)[]).map((s) => ({
    range: status,
    formula: `${first}="${STATUS_NAMES[s]}"`,
    fill: STATUS_COLORS[s].fill,
    fontColor: STATUS_COLORS[s].fontColor,
  }));
  return [...byStatus, ...summaryConditionalFormats(pos.summaryRow)];
}

function summaryConditionalFormats(summaryRow: number): ConditionalFormatSpec[] {
  const level = summaryAddress(summaryRow, NAMES.suggestedLevel);
  const cap = summaryAddress(summaryRow, NAMES.capCheck);
  const finalLevel = summaryAddress(summaryRow, NAMES.finalLevel);
  const capBroken = { formula: `LEN(${absolute(cap)})>0`, fill: STATUS_COLORS.notMet.fill, fontColor: STATUS_COLORS.notMet.fontColor, bold: true };
  return [
    { range: level, formula: `${absolute(level)}="${LEVEL_NAMES.excellent}"`, fill: STATUS_COLORS.exceeded.fill, bold: true },
    { range: level, formula: `${absolute(level)}="${LEVEL_NAMES.incomplete}"`, fill: STATUS_COLORS.notMet.fill, bold: true },
    // A final level above its cap is flagged in red where it is typed and where the check says why.
    { range: cap, ...capBroken },
    { range: finalLevel, ...capBroken },
  ];
}

/** Workbook names of the unit sheet's cells; the group's only on a sheet that has it (`withGroup`). */
export function unitSheetNames(lastRow: number, withGroup = false): NameSpec[] {
  return [
    { name: NAMES.superiorBody, ref: "$A$1" },
    { name: NAMES.issuingBody, ref: "$A$2" },
    { name: NAMES.placeDate, ref: "$H$2" },
    { name: NAMES.unitName, ref: "$B$5" },
    { name: NAMES.unitKind, ref: "$B$6" },
    ...(withGroup ? [{ name: NAMES.groupName, ref: absolute(GROUP_CELL) }] : []),
    { name: NAMES.head, ref: "$G$5" },
    { name: NAMES.year, ref: "$K$5" },
    ...summaryCells(lastRow).map((c) => ({ name: c.name, ref: absolute(c.address) })),
    ...signatureNames(lastRow),
  ];
}

function signatureNames(lastRow: number): NameSpec[] {
  const { signatureRow } = unitSheetPositions(lastRow - HEADER_ROW);
  return [
    { name: NAMES.signerTitle, ref: `$H$${signatureRow}` },
    { name: NAMES.signerPosition, ref: `$H$${signatureRow + 1}` },
    { name: NAMES.signerName, ref: `$H$${signatureRow + 5}` },
  ];
}

/**
 * The unit's indicator sheet for one year: heading, table, summary, signature, print setup. Its
 * table's formulas through `kept` when given: the same for every unit with as many indicators.
 */
export function unitSheet(p: UnitSheetParams, kept?: KeptSheets): SheetLayout {
  const pos = unitSheetPositions(p.rows.length);
  return {
    name: SHEETS.unit,
    font: { name: FONT, size: 12 },
    columnWidths: UNIT_COLUMNS.map((c) => c.width),
    blocks: [
      ...headingBlocks(p),
      ...tableBlocks(p, pos, kept),
      ...summaryBlocks(p, { letters: DEFAULT_LETTERS, firstRow: pos.firstRow, lastRow: pos.lastRow, summaryRow: pos.summaryRow }),
      ...signatureBlocks(p, pos),
    ],
    rangeStyles: bodyStyles(pos),
    numberFormats: valueFormats(p, pos),
    tables: [{ name: TABLES.unit, range: `A${pos.headerRow}:${LAST_COLUMN}${pos.lastRow}`, style: "TableStyleLight1" }],
    validations: validations(pos),
    conditionalFormats: conditionalFormats(pos),
    protect: true,
    freezeRows: pos.headerRow,
    print: a4Print("landscape", `A1:${LAST_COLUMN}${pos.lastPrintedRow}`, `$${pos.headerRow}:$${pos.headerRow}`),
  };
}
