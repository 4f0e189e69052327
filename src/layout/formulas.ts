/**
 * The worksheet twins of the engine's rules (src/domain), as Excel 2010 formulas: no LET,
 * IFS, XLOOKUP or dynamic arrays, nothing volatile. Word lists and texts come from the
 * domain so that the sheet and the engine cannot drift apart; the LibreOffice proof test
 * checks that they compute the same results.
 */
import { DIRECTION_NAMES, DONE_WORDS, LEVEL_NAMES, NO_WORDS, NOT_DONE_WORDS, STATUS_NAMES, YES_WORDS } from "../domain";
import { DISQUALIFIER_CELL_NAMES, NAMES as N, RULE_NAMES as R, type UnitColumnKey } from "./schema";

/** Column letters of the unit table, by key (columns may have been moved by the user). */
export type ColumnLetters = Readonly<Record<UnitColumnKey, string>>;

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const or = (...terms: string[]) => `OR(${terms.join(",")})`;
const and = (...terms: string[]) => `AND(${terms.join(",")})`;
const blank = (cell: string) => `TRIM(${cell})=""`;
const filled = (cell: string) => `TRIM(${cell})<>""`;

/** A milestone word test, mirroring parseMilestone (Excel's "=" is case-insensitive like textKey). */
function wordTest(cell: string, words: readonly string[], boolean: boolean, number: number): string {
  return or(`${cell}=${boolean ? "TRUE" : "FALSE"}`, `${cell}=${number}`, ...words.map((w) => `${cell}=${q(w)}`));
}
const done = (cell: string) => wordTest(cell, DONE_WORDS, true, 1);
const notDone = (cell: string) => wordTest(cell, NOT_DONE_WORDS, false, 0);

const MILESTONE = q(DIRECTION_NAMES.milestone);
const INCREASE = q(DIRECTION_NAMES.increase);
const DECREASE = q(DIRECTION_NAMES.decrease);

/** Cells of one row, and the first data row for the duplicate-code check. */
function rowCells(c: ColumnLetters, row: number, firstRow: number) {
  const at = (key: UnitColumnKey) => `$${c[key]}${row}`;
  return {
    code: at("code"),
    codesAbove: `$${c.code}$${firstRow}:$${c.code}${row}`,
    direction: at("direction"),
    key: at("key"),
    weight: at("weight"),
    target: at("target"),
    actual: at("actual"),
    inputs: [at("code"), at("direction"), at("key"), at("weight"), at("target"), at("actual")],
  };
}

type Row = ReturnType<typeof rowCells>;

/** A row with no input at all is not an indicator: it shows nothing and is not counted. */
const emptyRow = (r: Row) => `${r.inputs.map((cell) => `COUNTA(${cell})`).join("+")}=0`;

/** Mirrors checkDefinition: missing or duplicate code, unknown direction, bad key flag or weight. */
function definitionError(r: Row): string {
  return or(
    blank(r.code),
    `SUMPRODUCT(--(TRIM(${r.codesAbove})=TRIM(${r.code})))>1`,
    and(`${r.direction}<>${INCREASE}`, `${r.direction}<>${DECREASE}`, `${r.direction}<>${MILESTONE}`),
    and(filled(r.key), `TRIM(${r.key})<>"x"`),
    `NOT(AND(ISNUMBER(${r.weight}),${r.weight}>0))`,
  );
}

/** The cells one target is judged from: a unit table row, or a target row of the roadmap ("Lộ trình"). */
export interface TargetCells {
  readonly direction: string;
  readonly target: string;
  readonly actual: string;
}

const milestoneTargetError = (r: TargetCells) => and(filled(r.target), `NOT(${done(r.target)})`);

/** Mirrors checkNumericTarget and the actual check for increase/decrease indicators. */
function numericError(r: TargetCells): string {
  return or(
    `NOT(ISNUMBER(${r.target}))`,
    and(`${r.direction}=${INCREASE}`, `${r.target}<=0`),
    and(`${r.direction}=${DECREASE}`, `${r.target}<0`),
    and(filled(r.actual), `NOT(ISNUMBER(${r.actual}))`),
  );
}

/** Mirrors decreaseRatio and the increase ratio, rounded like round4. */
function ratio(r: TargetCells): string {
  const decrease = `IF(${r.target}=0,IF(${r.actual}<=0,1,0),MAX(0,2-${r.actual}/${r.target}))`;
  return `ROUND(IF(${r.direction}=${INCREASE},${r.actual}/${r.target},${decrease}),4)`;
}

const S = {
  exceeded: q(STATUS_NAMES.exceeded),
  met: q(STATUS_NAMES.met),
  notMet: q(STATUS_NAMES.notMet),
  pending: q(STATUS_NAMES.pending),
  error: q(STATUS_NAMES.error),
};

/**
 * "Đánh giá": the status text, judged here once (assess and statusOf); "Tỷ lệ đạt" derives
 * from it, so the input checks are not repeated in two long formulas per row.
 */
export function statusFormula(c: ColumnLetters, row: number, firstRow: number): string {
  const r = rowCells(c, row, firstRow);
  return `=IF(${emptyRow(r)},"",IF(${definitionError(r)},${S.error},${assessedStatus(r)}))`;
}

/** The status of a target with a known direction, mirroring assess() on worksheet cells. */
function assessedStatus(r: TargetCells): string {
  const milestone = `IF(${milestoneTargetError(r)},${S.error},IF(${blank(r.actual)},${S.pending},IF(${done(r.actual)},${
    S.met
  },IF(${notDone(r.actual)},${S.notMet},${S.error}))))`;
  const rated = `IF(${ratio(r)}>1,${S.exceeded},IF(${ratio(r)}=1,${S.met},${S.notMet}))`;
  const numeric = `IF(AND(${blank(r.target)},${blank(r.actual)}),${S.pending},IF(${numericError(r)},${S.error},IF(${blank(
    r.actual,
  )},${S.pending},${rated})))`;
  return `IF(${r.direction}=${MILESTONE},${milestone},${numeric})`;
}

/**
 * A roadmap target's status (breakthrough tasks, docs/rules.md §4): judged as an indicator is, an
 * unknown direction being an error; "" on rows that are not targets (`isTarget` is false).
 */
export function targetStatusFormula(isTarget: string, r: TargetCells): string {
  const unknownDirection = and(`${r.direction}<>${INCREASE}`, `${r.direction}<>${DECREASE}`, `${r.direction}<>${MILESTONE}`);
  return `=IF(NOT(${isTarget}),"",IF(${unknownDirection},${S.error},${assessedStatus(r)}))`;
}

/** The achievement a status cell implies, or "" when it has none (shared by both kinds of rows). */
function achievementOf(status: string, r: TargetCells): string {
  return `IF(OR(${status}="",${status}=${S.error},${status}=${S.pending}),"",IF(${r.direction}=${MILESTONE},IF(${status}=${S.met},1,0),${ratio(r)}))`;
}

/** A roadmap target's "Tỷ lệ đạt", from its status cell. */
export function targetAchievementFormula(status: string, r: TargetCells): string {
  return `=${achievementOf(status, r)}`;
}

/** "Tỷ lệ đạt": the achievement rounded to 4 decimals, or empty when the status has none. */
export function achievementFormula(c: ColumnLetters, row: number, firstRow: number): string {
  const r = rowCells(c, row, firstRow);
  return `=${achievementOf(`$${c.status}${row}`, r)}`;
}

/** Ranges of the table body the summary formulas count over. */
export interface BodyRanges {
  readonly status: string;
  readonly key: string;
  readonly weight: string;
}

export function bodyRanges(c: ColumnLetters, firstRow: number, lastRow: number): BodyRanges {
  const range = (key: UnitColumnKey) => `$${c[key]}$${firstRow}:$${c[key]}$${lastRow}`;
  return { status: range("status"), key: range("key"), weight: range("weight") };
}

const countStatus = (b: BodyRanges, status: keyof typeof STATUS_NAMES) => `COUNTIF(${b.status},${q(STATUS_NAMES[status])})`;
const isStatus = (b: BodyRanges, status: keyof typeof STATUS_NAMES) => `(${b.status}=${q(STATUS_NAMES[status])})`;

/** Meets a share threshold, inclusive or not as the rules sheet says (meetsShare). */
const meetsShare = (share: string, min: string, inclusive: string) => `IF(${inclusive}=1,${share}>=${min},${share}>${min})`;

/** A yes/no answer cell, mirroring parseYesNo: blank is no; anything else unreadable. */
const answers = (cell: string, words: readonly string[]) => or(...words.map((w) => `TRIM(${cell})=${q(w)}`));
const DISQUALIFYING_CELLS = Object.values(DISQUALIFIER_CELL_NAMES);
const anyYes = or(...DISQUALIFYING_CELLS.map((c) => answers(c, YES_WORDS)));
const anyUnreadable = or(...DISQUALIFYING_CELLS.map((c) => `NOT(${or(answers(c, YES_WORDS), answers(c, ["", ...NO_WORDS]))})`));

/** One reading of the open (pending or erroneous) indicators, as summarize() takes it. */
interface Reading {
  readonly met: string;
  readonly exceeded: string;
  readonly keyMissing: string;
  /** Points the level is judged on (results plus the common score or its stand-in). */
  readonly points: string;
  readonly disqualified: string;
}

/** The level of one reading, mirroring decide(): the same order of tests as the engine. */
function levelFormula(r: Reading): string {
  const L = (level: keyof typeof LEVEL_NAMES) => q(LEVEL_NAMES[level]);
  const pointsOk = (min: string) => or(`${R.usesPoints}<>1`, `${r.points}>=${min}`);
  const share = (count: string) => `ROUND(${count}/${N.count},4)`;
  const allMet = `${r.met}=${N.count}`;
  return (
    `IF(${N.count}=0,"",IF(${r.disqualified},${L("incomplete")},` +
    `IF(AND(${R.keyIndicatorDecides}=1,${r.keyMissing}>0),${L("incomplete")},` +
    `IF(AND(${allMet},${pointsOk(R.excellentMinPoints)},${meetsShare(share(r.exceeded), R.excellentExceededShare, R.excellentExceededInclusive)}),${L("excellent")},` +
    `IF(AND(${allMet},${pointsOk(R.goodMinPoints)}),${L("good")},` +
    `IF(AND(${meetsShare(share(r.met), R.completeMetShare, R.completeMetInclusive)},${pointsOk(R.completeMinPoints)}),${L("complete")},${L("incomplete")}))))))`
  );
}

/** The summary block's formulas by defined name, mirroring summarize(). */
export function summaryFormulas(b: BodyRanges): Readonly<Record<string, string>> {
  const counted = `--(${b.status}<>"")`;
  // Weights as the engine takes them: a weight that is not a number above 0 counts 0.
  const weightOf = (rows: string) => `SUMPRODUCT(${rows},--(${b.weight}>0),${b.weight})`;
  const totalWeight = weightOf(counted);
  const commonOpen = or(`NOT(ISNUMBER(${N.commonScore}))`, `${N.commonScore}<0`, `${N.commonScore}>${R.commonMaxPoints}`);
  const open = `(${N.pending}+${N.errors})`;
  const resultPoints = (metRows: string) => `ROUND(${R.resultMaxPoints}*${weightOf(metRows)}/${totalWeight},2)`;
  const metRows = `${isStatus(b, "exceeded")}+${isStatus(b, "met")}`;
  const ceilingRows = `${metRows}+${isStatus(b, "pending")}+${isStatus(b, "error")}`;
  const floor: Reading = {
    met: N.met,
    exceeded: N.exceeded,
    keyMissing: `SUMPRODUCT(${counted},1-(${metRows}),--(TRIM(${b.key})="x"))`,
    points: `ROUND(IF(${N.resultPoints}="",0,${N.resultPoints})+IF(${commonOpen},0,${N.commonScore}),2)`,
    disqualified: or(anyYes, anyUnreadable),
  };
  const ceiling: Reading = {
    met: `(${N.met}+${open})`,
    exceeded: `(${N.exceeded}+${open})`,
    keyMissing: N.keyNotMet,
    points: `ROUND(IF(${totalWeight}=0,0,${resultPoints(ceilingRows)})+IF(${commonOpen},${R.commonMaxPoints},${N.commonScore}),2)`,
    disqualified: anyYes,
  };
  const rank = (cell: string) => `MATCH(${cell},${N.levelList},0)`;
  const above = (cell: string) => `${rank(N.finalLevel)}<IFERROR(${rank(cell)},0)`;
  return {
    [N.count]: `=SUMPRODUCT(${counted})`,
    [N.met]: `=${countStatus(b, "exceeded")}+${countStatus(b, "met")}`,
    [N.exceeded]: `=${countStatus(b, "exceeded")}`,
    [N.notMet]: `=${countStatus(b, "notMet")}`,
    [N.pending]: `=${countStatus(b, "pending")}`,
    [N.errors]: `=${countStatus(b, "error")}`,
    [N.metShare]: `=IF(${N.count}=0,"",ROUND(${N.met}/${N.count},4))`,
    [N.exceededShare]: `=IF(${N.count}=0,"",ROUND(${N.exceeded}/${N.count},4))`,
    [N.keyNotMet]: `=SUMPRODUCT(${isStatus(b, "notMet")}*(TRIM(${b.key})="x"))`,
    [N.resultPoints]: `=IF(OR(${R.usesPoints}<>1,${totalWeight}=0),"",${resultPoints(metRows)})`,
    [N.points]: `=IF(OR(${N.resultPoints}="",${commonOpen}),"",ROUND(${N.resultPoints}+${N.commonScore},2))`,
    [N.suggestedLevel]: `=${levelFormula(floor)}`,
    [N.ceilingLevel]: `=IF(${N.provisional}="",${N.suggestedLevel},${levelFormula(ceiling)})`,
    [N.provisional]: `=IF(OR(${open}>0,AND(${R.usesPoints}=1,${commonOpen}),${anyUnreadable}),${q(PROVISIONAL_TEXT)},"")`,
    [N.capCheck]:
      `=IF(${N.finalLevel}="","",IF(ISNA(${rank(N.finalLevel)}),${q(CAP_TEXTS.invalid)},` +
      `IF(${N.unitLevel}="",${q(CAP_TEXTS.unitMissing)},IF(${above(N.unitLevel)},${q(CAP_TEXTS.aboveUnit)},` +
      `IF(AND(${N.civilServantLevel}<>"",${above(N.civilServantLevel)}),${q(CAP_TEXTS.aboveCivilServant)},"")))))`,
  };
}

/** The summary lines a task cap bounds (issue 9 §3). */
export const TASK_CAPPED_LINES: readonly string[] = [N.suggestedLevel, N.ceilingLevel];

/**
 * A level formula of the summary (suggested or reachable level) no higher than the level in
 * `taskCap`, the cell of the unit's task block holding the cap of the optional task rule: MIN over
 * level ranks (the level list runs from the highest down), exactly the level as before while the
 * cap is blank. Mirrors capSummary in src/domain/evaluate.ts.
 */
export function capLevelFormula(formula: string, taskCap: string): string {
  const rank = (cell: string) => `MATCH(${cell},${N.levelList},0)`;
  return `=IF(${N.count}=0,"",INDEX(${N.levelList},MAX(${rank(formula.replace(/^=/, ""))},IFERROR(${rank(taskCap)},0))))`;
}

/** What the provisional cell shows; the print sheet marks the page with it. */
export const PROVISIONAL_TEXT = "Tạm tính";

/** The cap check's texts: any text there is an error the sheet shows in red. */
export const CAP_TEXTS = {
  invalid: "Lỗi: xếp loại cuối cùng không phải một mức xếp loại",
  unitMissing: "Lỗi: chưa có xếp loại của tập thể, đơn vị (xếp loại tập thể trước)",
  aboveUnit: "Lỗi: cao hơn xếp loại của tập thể, đơn vị",
  aboveCivilServant: "Lỗi: cao hơn xếp loại công chức của người đứng đầu",
} as const;
