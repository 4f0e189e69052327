import type { Message } from "./messages/localize";
import { msg } from "./messages/engine";
import { SUBJECT_NAMES } from "./messages/names";
import type { Level } from "./types";

/** Levels from the lowest to the highest. */
const ORDER: readonly Level[] = ["incomplete", "complete", "good", "excellent"];

export function levelRank(level: Level): number {
  return ORDER.indexOf(level);
}

/** A refusal's `reason` is Vietnamese; `message` is the same as data of the catalogue. */
export type CapCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly message: Message };

/** Who a cap belongs to, as the refusal names it. */
export const CAP_SUBJECTS = {
  unit: SUBJECT_NAMES.unit,
  civilServant: SUBJECT_NAMES.civilServant,
} as const;

export type CapKind = keyof typeof CAP_SUBJECTS;

/**
 * Caps (Hướng dẫn 21-HD/BTCTW; Hà Giang 2023): a head's level may not be above the level of
 * the collective or unit they lead, a Party member's not above their civil-servant level.
 * A final level above its cap is refused with the reason, never silently lowered.
 */
export function checkCap(level: Level, cap: Level | null, subject: string = SUBJECT_NAMES.head, capSubject: string = CAP_SUBJECTS.unit): CapCheck {
  if (cap === null || levelRank(level) <= levelRank(cap)) return { ok: true };
  const message = msg.capExceeded.of(subject, level, capSubject, cap);
  return { ok: false, reason: msg.capExceeded(subject, level, capSubject, cap), message };
}

export interface FinalLevelCaps {
  /** The unit's level: required before the head's final level (the collective first, QĐ 366 Art. 12). */
  readonly unit: Level | null;
  /** The head's civil-servant level, where one is given (optional). */
  readonly civilServant: Level | null;
}

/** Every cap a final level breaks, each with its kind and the reason. */
export function checkFinalLevel(level: Level, caps: FinalLevelCaps): { kind: CapKind; reason: string; message: Message }[] {
  const broken: { kind: CapKind; reason: string; message: Message }[] = [];
  if (caps.unit === null) broken.push({ kind: "unit", reason: msg.capMissing(CAP_SUBJECTS.unit), message: msg.capMissing.of(CAP_SUBJECTS.unit) });
  for (const kind of ["unit", "civilServant"] as const) {
    const check = checkCap(level, caps[kind], SUBJECT_NAMES.head, CAP_SUBJECTS[kind]);
    if (!check.ok) broken.push({ kind, reason: check.reason, message: check.message });
  }
  return broken;
}
