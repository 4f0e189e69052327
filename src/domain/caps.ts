import { msg } from "./messages";
import type { Level } from "./types";

/** Levels from the lowest to the highest. */
const ORDER: readonly Level[] = ["incomplete", "complete", "good", "excellent"];

export function levelRank(level: Level): number {
  return ORDER.indexOf(level);
}

export type CapCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Caps (Hướng dẫn 21-HD/BTCTW; Hà Giang 2023): a head's level may not be above the level of
 * the collective or unit they lead, a Party member's not above their civil-servant level.
 * A final level above its cap is refused with the reason, never silently lowered.
 */
export function checkCap(
  level: Level,
  cap: Level | null,
  subject = "người đứng đầu",
  capSubject = "tập thể, đơn vị",
): CapCheck {
  if (cap === null || levelRank(level) <= levelRank(cap)) return { ok: true };
  return { ok: false, reason: msg.capExceeded(subject, level, capSubject, cap) };
}
