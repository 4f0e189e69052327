// The four levels and the two presets as the pane names them; the Vietnamese names are the
// domain's own (LEVEL_NAMES), so the pane and the sheet always agree.
import type { Level, PresetId } from "../../domain";
import type { StringKey } from "../../i18n/strings";

/** Highest first, the order people read a rating scale in. */
export const LEVELS_HIGH_FIRST: readonly Level[] = ["excellent", "good", "complete", "incomplete"];

export const LEVEL_LABEL: { readonly [L in Level]: StringKey } = {
  excellent: "levelExcellent",
  good: "levelGood",
  complete: "levelComplete",
  incomplete: "levelIncomplete",
};

export const PRESET_IDS: readonly PresetId[] = ["qd366-2025", "nd90-2020"];

export const PRESET_LABEL: { readonly [P in PresetId]: StringKey } = {
  "qd366-2025": "presetQd366",
  "nd90-2020": "presetNd90",
};

export function isLevel(value: unknown): value is Level {
  return LEVELS_HIGH_FIRST.some((level) => level === value);
}
