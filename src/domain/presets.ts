/**
 * Rule sets for the four levels (docs/rules.md §2). Every threshold is a named value a province
 * can override; the worksheet keeps the same values in named cells on the rules sheet.
 */

import { defineMessages, text } from "./localize";

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
    completeMetShare: { min: 0.7, inclusive: true },
    incompleteBelowMetShare: null,
    keyIndicatorDecides: true,
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
    quotaShare: 0.2,
    quotaShareExceptional: 0.25,
    quotaBase: "good",
  },
};

export const DEFAULT_PRESET: PresetId = "qd366-2025";

export const PRESET_TITLES: Readonly<Record<PresetId, string>> = defineMessages("preset", {
  "qd366-2025": text(
    "Quy định 366-QĐ/TW (2025), Hướng dẫn 43-HD/BTCTW, Nghị định 335/2025/NĐ-CP",
    "Regulation 366-QĐ/TW (2025), Guidance 43-HD/BTCTW, Decree 335/2025/NĐ-CP",
  ),
  "nd90-2020": text(
    "Nghị định 90/2020/NĐ-CP (sửa đổi bởi 48/2023/NĐ-CP), Quy định 124-QĐ/TW",
    "Decree 90/2020/NĐ-CP (amended by 48/2023/NĐ-CP), Regulation 124-QĐ/TW",
  ),
});

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(PRESETS, value);
}

/** A preset with a province's overrides applied. */
export function ruleSet(preset: PresetId = DEFAULT_PRESET, overrides: Partial<RuleSet> = {}): RuleSet {
  return { ...PRESETS[preset], ...overrides, preset };
}

/**
 * The preset a year's evaluations follow when no rules are named (docs/rules.md §2): QĐ 366 from
 * 2025, Nghị định 90 before.
 */
export function presetOfYear(year: number): PresetId {
  return year >= 2025 ? "qd366-2025" : "nd90-2020";
}

export function meetsShare(share: number, threshold: ShareThreshold): boolean {
  return threshold.inclusive ? share >= threshold.min : share > threshold.min;
}
