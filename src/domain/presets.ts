/**
 * Rule sets for the four levels (docs/rules.md §2). Every threshold is a named value a province
 * can override; the worksheet keeps the same values in named cells on the rules sheet.
 */


export type PresetId = "qd366-2025" | "nd90-2020";

/** A share condition such as "≥ 30 %" (inclusive) or "> 70 %" (not inclusive). */
export interface ShareThreshold {
  readonly min: number;
  readonly inclusive: boolean;
}

/** What the excellent quota is a share of (docs/rules.md §3): those rated good (the texts' words), or good or better. */
export type QuotaBase = "good" | "goodOrBetter";

export const QUOTA_BASES: readonly QuotaBase[] = ["good", "goodOrBetter"];

export interface RuleSet {
  readonly preset: PresetId;
  /** Whether levels also need points (30 common + 70 results on a 100-point scale). */
  readonly usesPoints: boolean;
  readonly resultMaxPoints: number;
  readonly commonMaxPoints: number;
  readonly excellentMinPoints: number;
  readonly excellentExceededShare: ShareThreshold;
  readonly goodMinPoints: number;
  readonly completeMinPoints: number;
  readonly completeMetShare: ShareThreshold;
  /**
   * Below this met share the text itself says "incomplete"; between it and the complete
   * threshold the text is silent (ND 90), and the preset still rates incomplete but says why.
   * Null when the text leaves no gap.
   */
  readonly incompleteBelowMetShare: number | null;
  /** Whether any key indicator not met makes the level "incomplete". */
  readonly keyIndicatorDecides: boolean;
  /**
   * QĐ 366 Art. 11: the largest share of indicators late ("chưa bảo đảm tiến độ") that still
   * allows "complete"; good and excellent allow none. Null: lateness does not count (NĐ 90).
   */
  readonly completeLateShare: number | null;
  /**
   * QĐ 366 Art. 11: excellent also needs no directly subordinate unit or member of the leadership
   * collective disciplined in the year, and every shortcoming pointed out earlier remedied.
   */
  readonly excellenceAnswers: boolean;
  /** Quota of "excellent" among equivalent positions, as a share of the quota base. */
  readonly quotaShare: number;
  readonly quotaShareExceptional: number;
  readonly quotaBase: QuotaBase;
}

export const PRESETS: Readonly<Record<PresetId, RuleSet>> = {
  "qd366-2025": {
    preset: "qd366-2025",
    usesPoints: true,
    resultMaxPoints: 70,
    commonMaxPoints: 30,
    excellentMinPoints: 90,
    excellentExceededShare: { min: 0.3, inclusive: true },
    goodMinPoints: 70,
    completeMinPoints: 50,
    // Art. 11: every level above incomplete needs every indicator met.
    completeMetShare: { min: 1, inclusive: true },
    incompleteBelowMetShare: null,
    keyIndicatorDecides: true,
    completeLateShare: 0.2,
    excellenceAnswers: true,
    quotaShare: 0.2,
    quotaShareExceptional: 0.25,
    quotaBase: "good",
  },
  "nd90-2020": {
    preset: "nd90-2020",
    usesPoints: false,
    resultMaxPoints: 70,
    commonMaxPoints: 30,
    excellentMinPoints: 0,
    excellentExceededShare: { min: 0.5, inclusive: true },
    goodMinPoints: 0,
    completeMinPoints: 0,
    completeMetShare: { min: 0.7, inclusive: false },
    incompleteBelowMetShare: 0.5,
    keyIndicatorDecides: false,
    completeLateShare: null,
    excellenceAnswers: false,
    quotaShare: 0.2,
    quotaShareExceptional: 0.25,
    quotaBase: "good",
  },
};

export const DEFAULT_PRESET: PresetId = "qd366-2025";

/** The first year QĐ 366 (30/8/2025) governs; earlier years follow NĐ 90 as amended (docs/rules.md §2). */
export const QD366_FIRST_YEAR = 2025;

/** The preset of the texts that applied in `year`: a 2021 workbook is judged under NĐ 90, not QĐ 366. */
export function presetForYear(year: number | null | undefined): PresetId {
  if (year === null || year === undefined || !Number.isFinite(year)) return DEFAULT_PRESET;
  return year >= QD366_FIRST_YEAR ? "qd366-2025" : "nd90-2020";
}

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(PRESETS, value);
}

/** A preset with a province's overrides applied. */
export function ruleSet(preset: PresetId = DEFAULT_PRESET, overrides: Partial<RuleSet> = {}): RuleSet {
  return { ...PRESETS[preset], ...overrides, preset };
}

export function meetsShare(share: number, threshold: ShareThreshold): boolean {
  return threshold.inclusive ? share >= threshold.min : share > threshold.min;
}
