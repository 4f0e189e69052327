/**
 * The worksheet twins of the engine's rules (src/domain), as Excel 2010 formulas: no LET,
 * IFS, XLOOKUP or dynamic arrays, nothing volatile. Word lists and texts come from the
 * domain so that the sheet and the engine cannot drift apart; the LibreOffice proof test
 * checks that they compute the same results.
 */
import { DIRECTION_NAMES, DONE_WORDS, LEVEL_NAMES, NO_WORDS, NOT_DONE_WORDS, STATUS_NAMES, YES_WORDS } from "../domain";
import { LAST_SERIAL_DAY } from "../domain/dates";
import { DISQUALIFIER_CELL_NAMES, EXCELLENCE_CELL_NAMES, NAMES as N, RULE_NAMES as R, type UnitColumnKey } from "./schema";

/**
 * Column letters of the unit table, by key (columns may have been moved by the user). "Chậm tiến
 * độ", a milestone's two dates and the competent level's results score are optional: a sheet made
 * before them has none, and then no row is marked late, no dates prove one late and every row
 * takes the default results points.
 */
type OptionalColumn = "late" | "due" | "done" | "score";
export type ColumnLetters = Readonly<Record<Exclude<UnitColumnKey, OptionalColumn>, string>> & Readonly<Partial<Record<OptionalColumn, string>>>;

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
  const at = (key: Exclude<UnitColumnKey, OptionalColumn>) => `$${c[key]}${row}`;
  return {
    code: at("code"),
    codesAbove: `$${c.code}$${firstRow}:$${c.code}${row}`,
    direction: at("direction"),
    key: at("key"),
    weight: at("weight"),
    target: at("target"),
    actual: at("actual"),
    late: c.late === undefined ? null : `$${c.late}${row}`,
    dates: [c.due, c.done].filter((letter): letter is string => letter !== undefined).map((letter) => `$${letter}${row}`),
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
    ...(r.late === null ? [] : [`NOT(${or(answers(r.late, YES_WORDS), answers(r.late, ["", ...NO_WORDS]))})`]),
    ...r.dates.map(dateError),
  );
}

/** Excel's first day after its last (9999-12-31): serial days run from 1 below it. */
const PAST_LAST_DAY = LAST_SERIAL_DAY + 1;

/** Mirrors readDay on a sheet: a filled date cell must hold a whole serial day (text, a time of day or no day at all is an error). */
const dateError = (cell: string) => `IF(ISNUMBER(${cell}),OR(${cell}<1,${cell}>=${PAST_LAST_DAY},${cell}<>INT(${cell})),${filled(cell)})`;

/**
 * Validation of a date cell: blank, or a whole day Excel knows. A text date fails (INT of text is
 * an error, which a custom rule takes as refused).
 */
export function dateValidationFormula(cell: string): string {
  return `=OR(${blank(cell)},AND(ISNUMBER(${cell}),${cell}>=1,${cell}<${PAST_LAST_DAY},${cell}=INT(${cell})))`;
}

/** The cells one target is judged from: a unit table row, or a target row of the roadmap ("Lộ trình"). */
export interface TargetCells {
  readonly direction: string;
  readonly target: string;
  readonly actual: string;
}

const milestoneTargetError = (r: TargetCells) => and(filled(r.target), `NOT(${done(r.target)})`);

/**
 * Mirrors readScore: a typed results score that is not a number from 0 to the row's share of the
 * results points (its weight over the weights above 0, rounded to 2 decimals). Checked only after
 * the definition holds, so the weight is a number above 0 here.
 */
function scoreError(score: string, weight: string, weights: string): string {
  return `IF(ISNUMBER(${score}),OR(${score}<0,${score}>ROUND(${R.resultMaxPoints}*${weight}/SUMIF(${weights},">0"),2)),${filled(score)})`;
}

/** Mirrors checkNumericTarget and the actual check for increase/decrease indicators. */
function numericError(r: TargetCells): string {
  return or(
    `NOT(ISNUMBER(${r.target}))`,
    and(`${r.direction}=${INCREASE}`, `${r.target}<=0`),
    and(`${r.direction}=${DECREASE}`, `${r.target}<0`),
    and(filled(r.actual), `NOT(ISNUMBER(${r.actual}))`),
  );
}

/** Mirrors decreaseRatio (unrounded). */
const decreaseRatio = (target: string, actual: string) => `IF(${target}=0,IF(${actual}<=0,1,0),MAX(0,2-${actual}/${target}))`;

/** Mirrors decreaseRatio and the increase ratio, rounded like round4. */
function ratio(r: TargetCells): string {
  return `ROUND(IF(${r.direction}=${INCREASE},${r.actual}/${r.target},${decreaseRatio(r.target, r.actual)}),4)`;
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
export function statusFormula(c: ColumnLetters, row: number, firstRow: number, lastRow: number): string {
  const r = rowCells(c, row, firstRow);
  const assessed =
    c.score === undefined
      ? assessedStatus(r)
      : `IF(${scoreError(`$${c.score}${row}`, r.weight, `$${c.weight}$${firstRow}:$${c.weight}$${lastRow}`)},${S.error},${assessedStatus(r)})`;
  return `=IF(${emptyRow(r)},"",IF(${definitionError(r)},${S.error},${assessed}))`;
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
  readonly direction: string;
  readonly key: string;
  readonly weight: string;
  /** Null when the sheet has no "Chậm tiến độ" column. */
  readonly late: string | null;
  /** A milestone's due and done dates; null unless the sheet has both columns. */
  readonly dates: { readonly due: string; readonly done: string } | null;
  /** Null when the sheet has no column for the competent level's results score. */
  readonly score: string | null;
}

export function bodyRanges(c: ColumnLetters, firstRow: number, lastRow: number): BodyRanges {
  const range = (letter: string) => `$${letter}$${firstRow}:$${letter}$${lastRow}`;
  return {
    status: range(c.status),
    direction: range(c.direction),
    key: range(c.key),
    weight: range(c.weight),
    late: c.late === undefined ? null : range(c.late),
    dates: c.due === undefined || c.done === undefined ? null : { due: range(c.due), done: range(c.done) },
    score: c.score === undefined ? null : range(c.score),
  };
}

const countStatus = (b: BodyRanges, status: keyof typeof STATUS_NAMES) => `COUNTIF(${b.status},${q(STATUS_NAMES[status])})`;
const isStatus = (b: BodyRanges, status: keyof typeof STATUS_NAMES) => `(${b.status}=${q(STATUS_NAMES[status])})`;

/** Meets a share threshold, inclusive or not as the rules sheet says (meetsShare). */
const meetsShare = (share: string, min: string, inclusive: string) => `IF(${inclusive}=1,${share}>=${min},${share}>${min})`;

/** A yes/no answer cell, mirroring parseYesNo: blank is no; anything else unreadable. */
function answers(cell: string, words: readonly string[]): string {
  return or(...words.map((w) => `TRIM(${cell})=${q(w)}`));
}
const DISQUALIFYING_CELLS = Object.values(DISQUALIFIER_CELL_NAMES);
const anyYes = or(...DISQUALIFYING_CELLS.map((c) => answers(c, YES_WORDS)));
const anyUnreadable = or(...DISQUALIFYING_CELLS.map((c) => `NOT(${or(answers(c, YES_WORDS), answers(c, ["", ...NO_WORDS]))})`));

const yes = (cell: string) => answers(cell, YES_WORDS);
const no = (cell: string) => answers(cell, NO_WORDS);
const EXCELLENCE = EXCELLENCE_CELL_NAMES;

/** One reading of the open (pending or erroneous) indicators, as summarize() takes it. */
interface Reading {
  readonly met: string;
  readonly exceeded: string;
  readonly keyMissing: string;
  /** Points the level is judged on (results plus the common score or its stand-in). */
  readonly points: string;
  readonly disqualified: string;
  /** The excellence answers meet their conditions (an unanswered one: not for the floor, yes for the ceiling). */
  readonly answersMet: string;
}

const L = (level: keyof typeof LEVEL_NAMES) => q(LEVEL_NAMES[level]);
const pointsOk = (r: Reading, min: string) => or(`${R.usesPoints}<>1`, `${r.points}>=${min}`);
const shareOf = (count: string) => `ROUND(${count}/${N.count},4)`;
/** Lateness counts only while the late-share rule holds a number (QĐ 366 Art. 11; blank: NĐ 90). */
const lateRuleOff = `NOT(ISNUMBER(${R.completeLateShare}))`;
const noneLate = or(lateRuleOff, `${N.late}=0`);

/** Mirrors decide()'s test for excellent. */
function excellentTest(r: Reading): string {
  return and(
    `${r.met}=${N.count}`,
    pointsOk(r, R.excellentMinPoints),
    meetsShare(shareOf(r.exceeded), R.excellentExceededShare, R.excellentExceededInclusive),
    noneLate,
    or(`${R.excellenceAnswers}<>1`, r.answersMet),
  );
}

/** The level of one reading, mirroring decide(): the same order of tests as the engine. */
function levelFormula(r: Reading): string {
  return (
    `IF(${N.count}=0,"",IF(${r.disqualified},${L("incomplete")},` +
    `IF(AND(${R.keyIndicatorDecides}=1,${r.keyMissing}>0),${L("incomplete")},` +
    `IF(${excellentTest(r)},${L("excellent")},` +
    `IF(AND(${r.met}=${N.count},${pointsOk(r, R.goodMinPoints)},${noneLate}),${L("good")},` +
    `IF(AND(${meetsShare(shareOf(r.met), R.completeMetShare, R.completeMetInclusive)},${pointsOk(r, R.completeMinPoints)},` +
    `${or(lateRuleOff, `${shareOf(N.late)}<=${R.completeLateShare}`)}),${L("complete")},${L("incomplete")}))))))`
  );
}

/**
 * Mirrors resultPointsOf with typed scores: a row not in error with a score typed counts its score
 * (a score that fails its check made the row an error), the other `rows` their weight's share of
 * the maximum; never above the maximum.
 */
function typedResultPoints(b: BodyRanges, score: string, rows: string): string {
  const typed = `SUMPRODUCT(--(${b.status}<>""),--(${b.status}<>${S.error}),${score})`;
  // Error rows are in `rows` only for the ceiling, where they take the default whatever is typed.
  const untyped = `(${rows})*(1-ISNUMBER(${score})*(${b.status}<>${S.error}))`;
  const weight = `SUMPRODUCT(--(${b.status}<>""),--(${b.weight}>0),${b.weight})`;
  return `ROUND(MIN(${R.resultMaxPoints},${typed}+${R.resultMaxPoints}*SUMPRODUCT(${untyped},--(${b.weight}>0),${b.weight})/${weight}),2)`;
}

/** The summary block's formulas by defined name, mirroring summarize(). */
export function summaryFormulas(b: BodyRanges): Readonly<Record<string, string>> {
  const counted = `--(${b.status}<>"")`;
  // Weights as the engine takes them: a weight that is not a number above 0 counts 0.
  const weightOf = (rows: string) => `SUMPRODUCT(${rows},--(${b.weight}>0),${b.weight})`;
  const totalWeight = weightOf(counted);
  const commonOpen = or(`NOT(ISNUMBER(${N.commonScore}))`, `${N.commonScore}<0`, `${N.commonScore}>${R.commonMaxPoints}`);
  const open = `(${N.pending}+${N.errors})`;
  const metRows = `${isStatus(b, "exceeded")}+${isStatus(b, "met")}`;
  const ceilingRows = `${metRows}+${isStatus(b, "pending")}+${isStatus(b, "error")}`;
  const resultPoints = (rows: string) => (b.score === null ? `ROUND(${R.resultMaxPoints}*${weightOf(rows)}/${totalWeight},2)` : typedResultPoints(b, b.score, rows));
  const floor: Reading = {
    met: N.met,
    exceeded: N.exceeded,
    keyMissing: `SUMPRODUCT(${counted},1-(${metRows}),--(TRIM(${b.key})="x"))`,
    points: `ROUND(IF(${N.resultPoints}="",0,${N.resultPoints})+IF(${commonOpen},0,${N.commonScore}),2)`,
    disqualified: or(anyYes, anyUnreadable),
    answersMet: and(no(EXCELLENCE.disciplineBelow), yes(EXCELLENCE.shortcomingsRemedied)),
  };
  const ceiling: Reading = {
    met: `(${N.met}+${open})`,
    exceeded: `(${N.exceeded}+${open})`,
    keyMissing: N.keyNotMet,
    points: `ROUND(IF(${totalWeight}=0,0,${resultPoints(ceilingRows)})+IF(${commonOpen},${R.commonMaxPoints},${N.commonScore}),2)`,
    disqualified: anyYes,
    answersMet: and(`NOT(${yes(EXCELLENCE.disciplineBelow)})`, `NOT(${no(EXCELLENCE.shortcomingsRemedied)})`),
  };
  // An unanswered excellence question keeps the result provisional where excellent is still reachable.
  const unanswered = or(...Object.values(EXCELLENCE).map((cell) => `NOT(${or(yes(cell), no(cell))})`));
  const answersOpen = and(`${R.excellenceAnswers}=1`, unanswered, `${N.count}>0`, `NOT(${anyYes})`, `NOT(AND(${R.keyIndicatorDecides}=1,${N.keyNotMet}>0))`, excellentTest(ceiling));
  // Rows late, counted over the rows that are indicators (the engine's `late` flags): marked Có, or
  // a milestone not in error done after its due date (a row in error has its dates checked, so
  // these are whole days; only comparisons, which never fail on text, inside SUMPRODUCT). Either
  // way counts a row once, and a typed "Không" does not undo its dates.
  const marked = b.late === null ? [] : YES_WORDS.map((w) => `(TRIM(${b.late})=${q(w)})`);
  const dated =
    b.dates === null
      ? []
      : [`(${b.direction}=${MILESTONE})*(${b.status}<>${S.error})*ISNUMBER(${b.dates.due})*ISNUMBER(${b.dates.done})*(${b.dates.done}>${b.dates.due})`];
  // A sheet without both date columns keeps the formula it was made with (the repairs compare it).
  const late =
    dated.length > 0 ? `SUMPRODUCT(${counted},--(${[...marked, ...dated].join("+")}>0))` : marked.length > 0 ? `SUMPRODUCT(${counted},${marked.join("+")})` : "0";
  const rank = (cell: string) => `MATCH(${cell},${N.levelList},0)`;
  const above = (cell: string) => `${rank(N.finalLevel)}<IFERROR(${rank(cell)},0)`;
  return {
    [N.count]: `=SUMPRODUCT(${counted})`,
    [N.met]: `=${countStatus(b, "exceeded")}+${countStatus(b, "met")}`,
    [N.exceeded]: `=${countStatus(b, "exceeded")}`,
    [N.notMet]: `=${countStatus(b, "notMet")}`,
    [N.pending]: `=${countStatus(b, "pending")}`,
    [N.errors]: `=${countStatus(b, "error")}`,
    [N.late]: `=${late}`,
    [N.metShare]: `=IF(${N.count}=0,"",ROUND(${N.met}/${N.count},4))`,
    [N.exceededShare]: `=IF(${N.count}=0,"",ROUND(${N.exceeded}/${N.count},4))`,
    [N.keyNotMet]: `=SUMPRODUCT(${isStatus(b, "notMet")}*(TRIM(${b.key})="x"))`,
    [N.resultPoints]: `=IF(OR(${R.usesPoints}<>1,${totalWeight}=0),"",${resultPoints(metRows)})`,
    [N.points]: `=IF(OR(${N.resultPoints}="",${commonOpen}),"",ROUND(${N.resultPoints}+${N.commonScore},2))`,
    [N.suggestedLevel]: `=${levelFormula(floor)}`,
    [N.ceilingLevel]: `=IF(${N.provisional}="",${N.suggestedLevel},${levelFormula(ceiling)})`,
    [N.provisional]: `=IF(OR(${open}>0,AND(${R.usesPoints}=1,${commonOpen}),${anyUnreadable},${answersOpen}),${q(PROVISIONAL_TEXT)},"")`,
    [N.capCheck]:
      // A disqualified unit or head is incomplete whatever the points: a final level above it is refused as a cap is.
      `=IF(${N.finalLevel}="","",IF(ISNA(${rank(N.finalLevel)}),${q(CAP_TEXTS.invalid)},` +
      `IF(AND(${anyYes},${N.finalLevel}<>${L("incomplete")}),${q(CAP_TEXTS.disqualified)},` +
      `IF(${N.unitLevel}="",${q(CAP_TEXTS.unitMissing)},IF(${above(N.unitLevel)},${q(CAP_TEXTS.aboveUnit)},` +
      `IF(AND(${N.civilServantLevel}<>"",${above(N.civilServantLevel)}),${q(CAP_TEXTS.aboveCivilServant)},""))))))`,
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
  disqualified: "Lỗi: có điều kiện không hoàn thành nhiệm vụ, chỉ được xếp Không hoàn thành nhiệm vụ",
  unitMissing: "Lỗi: chưa có xếp loại của tập thể, đơn vị (xếp loại tập thể trước)",
  aboveUnit: "Lỗi: cao hơn xếp loại của tập thể, đơn vị",
  aboveCivilServant: "Lỗi: cao hơn xếp loại công chức của người đứng đầu",
} as const;

/**
 * The cells a province total counts over (issue 16 §3, docs/rules.md §6): the unit rows of a
 * comparison, by their group (unit kind) and their status, with the group's label cell of the total's row.
 */
export interface TotalRanges {
  readonly kinds: string;
  readonly kind: string;
  readonly statuses: string;
  readonly targets: string;
  readonly actuals: string;
}

/** The statuses of a rated indicator: the units indicatorTotal counts (pending and erroneous ones are left out). */
const RATED = [S.exceeded, S.met, S.notMet] as const;
const countRated = (t: TotalRanges) => RATED.map((s) => `COUNTIFS(${t.kinds},${t.kind},${t.statuses},${s})`).join("+");

/** Σ of the rated units' values, kept in millionths like sumExact so that 0,1 + 0,2 noise never moves a total. */
const sumRated = (t: TotalRanges, values: string) => `=ROUND(${RATED.map((s) => `SUMIFS(${values},${t.kinds},${t.kind},${t.statuses},${s})`).join("+")},6)`;

export const totalTargetFormula = (t: TotalRanges) => sumRated(t, t.targets);
export const totalActualFormula = (t: TotalRanges) => sumRated(t, t.actuals);

/**
 * Σ actual / Σ target as assess() judges the sums, rounded like round4; "" while no unit of the
 * group is rated (the engine's pending total). `target` and `actual` are the total's own Σ cells.
 */
export function totalAchievementFormula(direction: "increase" | "decrease", t: TotalRanges, target: string, actual: string): string {
  const ratioOfSums = direction === "increase" ? `${actual}/${target}` : decreaseRatio(target, actual);
  return `=IF(${countRated(t)}=0,"",ROUND(${ratioOfSums},4))`;
}

/** What the status of a total says after it while some units of the group are left out: "Đạt (chưa tính 2 đơn vị)". */
export const TOTAL_LEFT_OUT = { before: " (chưa tính ", after: " đơn vị)" } as const;

/**
 * A conditional format's test that a status cell says `word`, alone or as a total's status with
 * units left out ("Đạt (chưa tính 2 đơn vị)"), so that a total is coloured as its status.
 */
export function statusIsFormula(cell: string, word: string): string {
  return `OR(${cell}=${q(word)},LEFT(${cell},${word.length + TOTAL_LEFT_OUT.before.length})=${q(word + TOTAL_LEFT_OUT.before)})`;
}

/**
 * The total's status from its achievement cell, as statusOf judges it, followed by the number of
 * the group's units left out (no actual yet, or in error: the engine's `pending`).
 */
export function totalStatusFormula(t: TotalRanges, achievement: string): string {
  const status = `IF(${achievement}="",${S.pending},IF(${achievement}>1,${S.exceeded},IF(${achievement}=1,${S.met},${S.notMet})))`;
  const leftOut = `COUNTIF(${t.kinds},${t.kind})-(${countRated(t)})`;
  return `=${status}&IF(${leftOut}>0,${q(TOTAL_LEFT_OUT.before)}&(${leftOut})&${q(TOTAL_LEFT_OUT.after)},"")`;
}
