import { ruleSet, type Direction, type Disqualifier, type ExcellenceQuestion, type Level, type PresetId, type RuleSet } from "../../src/domain";
import { mulberry32 } from "../support/random";

/**
 * Evaluation cases for the proof against LibreOffice: the edge cases of docs/rules.md §1–§3 and
 * seeded random ones. Values are written to cells as they are (numbers, text, blanks).
 */

export type CellInput = string | number | boolean | null;

export interface CaseIndicator {
  readonly code: string;
  readonly direction: Direction;
  readonly key: boolean;
  readonly weight: number;
  readonly target: CellInput;
  readonly actual: CellInput;
  /** The "Chậm tiến độ" cell (QĐ 366 Art. 11); absent is blank. */
  readonly late?: CellInput;
  /** A milestone's due and done dates ("Hạn hoàn thành", "Ngày hoàn thành"); absent is blank. */
  readonly due?: CellInput;
  readonly done?: CellInput;
  /** The competent level's results score (issue 15 §3); absent is blank. */
  readonly score?: CellInput;
}

export interface ProofCase {
  readonly id: string;
  readonly preset: PresetId;
  readonly rules?: Partial<RuleSet>;
  readonly commonScore: CellInput;
  readonly indicators: readonly CaseIndicator[];
  /** Answers typed in the disqualifying-condition cells (unanswered: "Không"). */
  readonly disqualifying?: Readonly<Partial<Record<Disqualifier, CellInput>>>;
  /** Answers typed in the two excellence cells (unanswered: blank). */
  readonly excellence?: Readonly<Partial<Record<ExcellenceQuestion, CellInput>>>;
  /** Levels typed in the cap cells and the final level. */
  readonly levels?: { readonly unit?: Level | null; readonly civilServant?: Level | null; readonly final?: Level | null };
}

const inc = (code: string, target: CellInput, actual: CellInput, key = false, weight = 1): CaseIndicator => ({
  code,
  direction: "increase",
  key,
  weight,
  target,
  actual,
});
const dec = (code: string, target: CellInput, actual: CellInput, key = false): CaseIndicator => ({
  code,
  direction: "decrease",
  key,
  weight: 1,
  target,
  actual,
});
const mil = (code: string, actual: CellInput, target: CellInput = null): CaseIndicator => ({
  code,
  direction: "milestone",
  key: false,
  weight: 1,
  target,
  actual,
});

/** n indicators met (100 %), then m exceeded, then k not met. */
function mix(met: number, exceeded: number, notMet: number, keyNotMet = false): CaseIndicator[] {
  return [
    ...Array.from({ length: met }, (_, i) => inc(`m${i}`, 100, 100)),
    ...Array.from({ length: exceeded }, (_, i) => inc(`x${i}`, 100, 120)),
    ...Array.from({ length: notMet }, (_, i) => inc(`n${i}`, 100, 80, keyNotMet && i === 0)),
  ];
}

const ANSWERED = { disciplineBelow: "Không", shortcomingsRemedied: "Có" } as const;

/** The first `count` indicators marked late with `mark`. */
function late(indicators: CaseIndicator[], count: number, mark: CellInput = "Có"): CaseIndicator[] {
  return indicators.map((i, n) => (n < count ? { ...i, late: mark } : i));
}

/** 30/6/2025 and the days around it, as Excel serials. */
const DUE = 45838;

/** A milestone done, with its dates, ahead of nine met rows: good for 100 points unless it is late (1 of 10: complete). */
function dated(dates: Partial<CaseIndicator>, direction: Direction = "milestone"): CaseIndicator[] {
  const first = direction === "milestone" ? mil("d", "Đạt") : inc("d", 100, 100);
  return [{ ...first, ...dates }, ...mix(9, 0, 0)];
}

/** Results scores typed on the first indicators, one per value. */
function scored(indicators: CaseIndicator[], ...scores: CellInput[]): CaseIndicator[] {
  return indicators.map((i, n) => (n < scores.length ? { ...i, score: scores[n] } : i));
}

function edgeCases(): ProofCase[] {
  const c = (id: string, indicators: CaseIndicator[], commonScore: CellInput = 25, preset: PresetId = "qd366-2025", rules?: Partial<RuleSet>): ProofCase => ({
    id,
    preset,
    rules,
    commonScore,
    indicators,
  });
  return [
    c("seed-2100-2000", [inc("1.1", 2000, 2100)], 27),
    c("seed-tam-dao-115", [inc("1.1", 200, 230), inc("1.2", 100, 109)], 27),
    c("exactly-100", [inc("a", 100, 100)]),
    c("99.995-rounds-to-100", [inc("a", 100, 99.995)]),
    c("99.994-not-met", [inc("a", 100, 99.994)]),
    c("100.005-exceeded", [inc("a", 100, 100.005)]),
    c("100.004-met", [inc("a", 100, 100.004)]),
    c("float-noise", [inc("a", 0.3, 0.1 + 0.2)]),
    c("221.36-uncapped", [inc("a", 1000, 2213.6)]),
    c("negative-growth", [inc("3.1", 6.5, -1.2, true)]),
    c("decrease-linear", [dec("a", 10, 8), dec("b", 10, 12), dec("c", 10, 25), dec("d", 10, 0)]),
    c("decrease-target-zero-met", [dec("a", 0, 0)]),
    c("decrease-target-zero-not-met", [dec("a", 0, 2)]),
    c("milestone-variants", [mil("a", "Đạt"), mil("b", "Không đạt"), mil("c", "x"), mil("d", 1), mil("e", 0), mil("f", "đạt")]),
    c("milestone-bad", [mil("a", "gần xong"), mil("b", "Đạt", "Không đạt"), mil("c", 2)]),
    c("milestone-pending", [mil("a", null), inc("b", 5, 6)]),
    c("empty-actual-pending", [inc("a", 100, null), inc("b", 100, 120)]),
    c("untouched-row-pending", [inc("a", null, null), inc("b", 100, 120)]),
    c("missing-target", [inc("a", null, 50), inc("b", 100, 120)]),
    c("zero-target-increase", [inc("a", 0, 50), inc("b", 100, 120)]),
    c("negative-target", [inc("a", -5, 50), dec("b", -1, 3)]),
    c("text-in-number-cell", [inc("a", 2000, "2.100"), inc("b", "abc", 5), inc("c", 100, 120)]),
    c("duplicate-codes", [inc("a", 100, 120), inc("a", 100, 90), inc("b", 100, 100)]),
    c("30pct-exceeded-excellent", mix(7, 3, 0), 20),
    c("29pct-exceeded-good", [...mix(5, 2, 0)], 30),
    c("70pct-met-complete", mix(7, 0, 3), 30),
    c("68pct-met-incomplete", mix(13, 0, 6), 30),
    c("points-89.99", mix(0, 10, 0), 19.99),
    c("points-below-50", mix(7, 0, 3), 0),
    c("key-not-met", mix(10, 7, 1, true), 30),
    c("no-common-score", mix(6, 4, 0), null),
    c("common-score-invalid", mix(6, 4, 0), 31),
    c("common-score-text", mix(6, 4, 0), "hai mươi"),
    c("weights", [inc("a", 100, 120, false, 3), inc("b", 100, 50, false, 1)], 10),
    c("nothing-evaluated", [inc("a", 100, null), inc("b", null, null)]),
    c("nd90-excellent", mix(5, 5, 0), null, "nd90-2020"),
    c("nd90-good", mix(6, 4, 0), null, "nd90-2020"),
    c("nd90-exactly-70-incomplete", mix(7, 0, 3), null, "nd90-2020"),
    c("nd90-80-complete", mix(8, 0, 2), null, "nd90-2020"),
    c("nd90-key-ignored", mix(9, 0, 1, true), null, "nd90-2020"),
    c("province-override-excellent-50pct", mix(6, 4, 0), 30, "qd366-2025", { excellentExceededShare: { min: 0.5, inclusive: true } }),
    c("province-override-complete-exclusive", mix(7, 0, 3), 30, "qd366-2025", { completeMetShare: { min: 0.7, inclusive: false } }),
    c("province-override-no-key-rule", mix(10, 7, 1, true), 30, "qd366-2025", { keyIndicatorDecides: false }),
    c("three-of-eighteen-entered", [...mix(0, 3, 0), ...Array.from({ length: 15 }, (_, i) => inc(`p${i}`, 100, null))], 30),
    c("pending-key-decides-floor", [...mix(0, 9, 0), inc("3.1", 6.5, null, true)], 30),
    c("ceiling-limited-by-not-met", [...mix(8, 0, 1), inc("p", 100, null)], 30),
    c("pending-milestone", [...mix(3, 3, 0), mil("m", null)], null),
    c("all-weights-bad-error", [inc("a", 100, 120, false, -1), inc("b", 100, "x")], 30),
    { ...c("disqualified-sanction", mix(5, 5, 0), 30), disqualifying: { sanction: "Có" } },
    { ...c("disqualified-words", mix(5, 5, 0), 30), disqualifying: { degradation: "x", sanction: "không", corruption: 0 } },
    { ...c("disqualified-unreadable", mix(5, 5, 0), 30), disqualifying: { corruption: "có lẽ" } },
    { ...c("cap-final-without-unit", mix(5, 5, 0), 30), levels: { final: "good" } },
    { ...c("cap-final-above-unit", mix(5, 5, 0), 30), levels: { unit: "good", final: "excellent" } },
    { ...c("cap-final-above-civil-servant", mix(5, 5, 0), 30), levels: { unit: "excellent", civilServant: "complete", final: "good" } },
    { ...c("cap-final-within-caps", mix(5, 5, 0), 30), levels: { unit: "excellent", civilServant: "good", final: "good" } },
    // A disqualified head is incomplete whatever the points: a final level above it is refused as a cap is.
    { ...c("cap-final-disqualified", mix(5, 5, 0), 30), disqualifying: { corruption: "Có" }, levels: { unit: "excellent", final: "good" } },
    { ...c("cap-final-disqualified-incomplete", mix(5, 5, 0), 30), disqualifying: { corruption: "Có" }, levels: { unit: "excellent", final: "incomplete" } },
    // QĐ 366 Art. 11 (issue 15 §3): the two answers of excellent, late rows, the editable shares.
    { ...c("excellence-answered", mix(7, 3, 0), 20), excellence: ANSWERED },
    { ...c("excellence-unanswered-provisional", mix(7, 3, 0), 20), excellence: { disciplineBelow: "Không" } },
    { ...c("excellence-discipline-below", mix(7, 3, 0), 20), excellence: { disciplineBelow: "Có", shortcomingsRemedied: "Có" } },
    { ...c("excellence-not-remedied", mix(7, 3, 0), 30), excellence: { disciplineBelow: "không", shortcomingsRemedied: false } },
    { ...c("excellence-unreadable", mix(7, 3, 0), 30), excellence: { disciplineBelow: "có lẽ", shortcomingsRemedied: "x" } },
    { ...c("excellence-unanswered-good-anyway", mix(8, 2, 0), 30) },
    { ...c("excellence-unanswered-pending", [...mix(6, 3, 0), inc("p", 100, null)], 30) },
    { ...c("late-one-of-ten-complete", late(mix(7, 3, 0), 1), 30), excellence: ANSWERED },
    { ...c("late-two-of-ten-complete", late(mix(7, 3, 0), 2, true), 30), excellence: ANSWERED },
    { ...c("late-three-of-ten-incomplete", late(mix(7, 3, 0), 3, 1), 30), excellence: ANSWERED },
    { ...c("late-unreadable-error", late(mix(7, 3, 0), 1, "chậm"), 30), excellence: ANSWERED },
    { ...c("late-share-edited", late(mix(7, 3, 0), 3), 30, "qd366-2025", { completeLateShare: 0.3 }), excellence: ANSWERED },
    { ...c("late-rule-off", late(mix(7, 3, 0), 3), 30, "qd366-2025", { completeLateShare: null, excellenceAnswers: false }) },
    // A milestone done after its due date is late (issue 15 §3): good drops to complete; counted once.
    { ...c("dates-done-after-due-late", dated({ due: DUE, done: DUE + 1 }), 30), excellence: ANSWERED },
    { ...c("dates-done-on-due-not-late", dated({ due: DUE, done: DUE }), 30), excellence: ANSWERED },
    { ...c("dates-done-before-due-not-late", dated({ due: DUE, done: DUE - 40 }), 30), excellence: ANSWERED },
    { ...c("dates-missing-not-late", [...dated({ done: DUE + 9 }), { ...mil("e", "Đạt"), due: DUE }, mil("f", "Đạt")], 30), excellence: ANSWERED },
    { ...c("dates-on-time-marked-late-once", dated({ due: DUE, done: DUE, late: "Có" }), 30), excellence: ANSWERED },
    { ...c("dates-late-and-marked-once", dated({ due: DUE, done: DUE + 3, late: "Có" }), 30), excellence: ANSWERED },
    { ...c("dates-late-marked-khong-still-late", dated({ due: DUE, done: DUE + 3, late: "Không" }), 30), excellence: ANSWERED },
    { ...c("dates-two-late-of-ten-complete", [...dated({ due: DUE, done: DUE + 1 }).slice(0, 9), { ...mil("g", 1), due: DUE, done: DUE + 100 }], 30), excellence: ANSWERED },
    { ...c("dates-three-late-of-ten-incomplete", [...dated({ due: DUE, done: DUE + 1 }).slice(0, 8), { ...mil("g", 1), due: DUE, done: DUE + 2, late: "x" }, { ...mil("h", "đạt"), due: DUE - 1, done: DUE }], 30), excellence: ANSWERED },
    { ...c("dates-text-error", dated({ due: DUE, done: "1/7/2025" }), 30), excellence: ANSWERED },
    { ...c("dates-time-of-day-error", dated({ due: DUE, done: DUE + 0.5 }), 30), excellence: ANSWERED },
    { ...c("dates-out-of-range-error", [...dated({ due: 0, done: DUE }), { ...mil("e", "Đạt"), due: -3 }, { ...mil("f", "Đạt"), done: 2_958_466 }], 30), excellence: ANSWERED },
    { ...c("dates-on-increase-row-prove-nothing", dated({ due: DUE, done: DUE + 5 }, "increase"), 30), excellence: ANSWERED },
    { ...c("dates-on-error-row-prove-nothing", dated({ due: DUE, done: DUE + 5, actual: "gần xong" }), 30), excellence: ANSWERED },
    { ...c("dates-pending-milestone-late", dated({ due: DUE, done: DUE + 5, actual: null }), 30), excellence: ANSWERED },
    c("met-share-edited-70", mix(7, 0, 3), 30, "qd366-2025", { completeMetShare: { min: 0.7, inclusive: true } }),
    { ...c("nd90-late-ignored", late(mix(5, 5, 0), 4), null, "nd90-2020") },
    // The competent level's results score per indicator (issue 15 §3): it replaces the default for its row.
    c("score-replaces-default", scored(mix(1, 7, 2), 3, 5.5, null, null, null, null, null, null, 2.25), 25),
    c("score-zero-on-met", scored(mix(2, 8, 0), 0), 30),
    c("score-on-pending", scored([inc("p", 100, null), ...mix(2, 7, 0)], 4), 28),
    c("score-at-rounded-max", scored(mix(0, 3, 0), 23.33, 23.33, 23.33), 30),
    c("score-sum-capped", scored(mix(0, 18, 0), ...Array<CellInput>(18).fill(3.89)), 25),
    c("score-above-max-error", scored(mix(2, 2, 0), 17.51, 17.5), 25),
    c("score-negative-error", scored(mix(2, 2, 0), -1), 25),
    c("score-text-error", scored(mix(2, 2, 0), "mười", " "), 25),
    c("score-weighted-max", scored([inc("a", 100, 120, false, 3), inc("b", 100, 50, false, 1)], 52.5, 17.5), 20),
    c("score-on-error-row-default", scored([inc("a", "abc", 5), ...mix(1, 2, 0)], 10, 10), 25),
    c("score-nd90-checked-not-counted", scored(mix(5, 5, 0), 5, 8), null, "nd90-2020"),
  ];
}

function randomCase(seed: number): ProofCase {
  const rnd = mulberry32(seed); // deterministic: a failing case is reproduced by its id
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  const count = 1 + Math.floor(rnd() * 18);
  const indicators = Array.from({ length: count }, (_, i): CaseIndicator => {
    const direction = pick<Direction>(["increase", "increase", "increase", "decrease", "milestone"]);
    const key = rnd() < 0.2;
    const weight = pick([1, 1, 1, 2, 0.5, 1.5]);
    const code = `${1 + Math.floor(i / 5)}.${(i % 5) + 1}`;
    if (direction === "milestone") {
      const dates = rnd() < 0.4 ? { due: pick<CellInput>([DUE, DUE, null]), done: pick<CellInput>([DUE - 1, DUE, DUE + 1, DUE + 30, null, "1/7/2025", DUE + 0.5]) } : {};
      const late = rnd() < 0.2 ? pick<CellInput>(["Có", "Không", null]) : null;
      return { code, direction, key, weight, target: pick([null, null, "Đạt"]), actual: pick(["Đạt", "Không đạt", null, "x", 1, 0]), late, ...dates };
    }
    const target = pick<CellInput>([
      round(1 + rnd() * 3000, pick([0, 0, 1, 2])),
      round(rnd() * 100, 1),
      pick<CellInput>([0, null, "2.100", -3]),
      100,
    ]);
    const near = typeof target === "number" ? target * (0.8 + rnd() * 0.4) : 50;
    const actual = pick<CellInput>([
      round(near, pick([0, 1, 2, 3, 4])),
      typeof target === "number" ? target : 10,
      round(near, 0),
      pick<CellInput>([null, 0, -1.2, "abc"]),
    ]);
    const score = rnd() < 0.15 ? pick<CellInput>([0, round(rnd() * 5, 2), round(rnd() * 70, 1), "abc", -1]) : null;
    return { code, direction, key, weight, target, actual, late: rnd() < 0.1 ? pick<CellInput>(["Có", "Không", "có lẽ"]) : null, score };
  });
  const preset = pick<PresetId>(["qd366-2025", "qd366-2025", "nd90-2020"]);
  const commonScore = pick<CellInput>([null, Math.floor(rnd() * 31), round(rnd() * 30, 2), 30, 35]);
  const rules = rnd() < 0.15 ? { excellentMinPoints: pick([85, 90, 95]), goodMinPoints: pick([65, 70, 75]) } : undefined;
  const disqualifying = rnd() < 0.1 ? { [pick<Disqualifier>(["degradation", "sanction", "corruption"])]: pick<CellInput>(["Có", "Không", "có lẽ"]) } : undefined;
  const answer = () => pick<CellInput>([null, "Có", "Không", "Có", "Không", "có lẽ"]);
  const excellence = rnd() < 0.6 ? { disciplineBelow: answer(), shortcomingsRemedied: answer() } : undefined;
  const level = () => pick<Level | null>([null, "excellent", "good", "complete", "incomplete"]);
  const levels = rnd() < 0.2 ? { unit: level(), civilServant: level(), final: level() } : undefined;
  return { id: `random-${seed}`, preset, rules, commonScore, indicators, disqualifying, excellence, levels };
}

export function proofCases(randomCount: number): ProofCase[] {
  return [...edgeCases(), ...Array.from({ length: randomCount }, (_, i) => randomCase(1000 + i))];
}

export function caseRules(c: ProofCase): RuleSet {
  return ruleSet(c.preset, c.rules);
}
