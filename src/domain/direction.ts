import { DIRECTION_NAMES } from "./messages/names";
import { textKey } from "./text";
import type { Direction } from "./types";

const BY_KEY = new Map<string, Direction>([
  ["increase", "increase"],
  ["decrease", "decrease"],
  ["milestone", "milestone"],
  ...(Object.entries(DIRECTION_NAMES) as [Direction, string][]).map(([d, name]) => [textKey(name), d] as const),
]);

/** A direction from the English code or the Vietnamese sheet text (Tăng, Giảm, Đạt/Không). */
export function parseDirection(raw: unknown): Direction | null {
  if (typeof raw !== "string") return null;
  return BY_KEY.get(raw) ?? BY_KEY.get(textKey(raw)) ?? null;
}
