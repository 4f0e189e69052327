/**
 * Late ("chưa bảo đảm tiến độ", QĐ 366 Art. 11): an indicator the evaluator marks late, or a
 * milestone done after its due date. The dates are optional: a milestone without both is judged
 * by the mark alone, and a "Không" mark does not undo lateness its dates prove.
 */
import type { ValueSource } from "./achievement";
import { parseDay, serialDay } from "./dates";
import type { Message } from "./messages/localize";
import { msg } from "./messages/engine";
import { describeRaw, isBlank } from "./numbers";
import type { DateField, Direction, Status } from "./types";

export const DATE_FIELDS: readonly DateField[] = ["due", "done"];

export type DayRead = { readonly kind: "missing" } | { readonly kind: "value"; readonly day: string } | { readonly kind: "invalid"; readonly message: Message };

/** dd/mm/yyyy of an ISO day, as the sheet shows it. */
const shownDay = (iso: string) => iso.split("-").reverse().join("/");

/**
 * One date as typed: an Excel serial day, or in a document also ISO (2025-06-30) or Vietnamese
 * (30/6/2025) text. On a sheet, text is never a date: the formulas cannot compare it, so it is an
 * input error there even when it reads as one. A time of day is refused too: the sheet compares
 * serials, and a milestone done at noon on its due day would read as late.
 */
export function readDay(raw: unknown, field: DateField, source: ValueSource): DayRead {
  if (isBlank(raw)) return { kind: "missing" };
  const invalid = (message: Message): DayRead => ({ kind: "invalid", message });
  if (typeof raw === "number") {
    const day = serialDay(raw);
    if (day === null) return invalid(msg.badDate.of(field, describeRaw(raw)));
    return Number.isInteger(raw) ? { kind: "value", day } : invalid(msg.dateWithTime.of(field, shownDay(day)));
  }
  if (typeof raw === "string" && source === "sheet") return invalid(msg.textDate.of(field, describeRaw(raw)));
  const day = parseDay(raw);
  return day === null ? invalid(msg.badDate.of(field, describeRaw(raw))) : { kind: "value", day };
}

/**
 * A milestone done after its due date (ISO days); either date missing proves nothing, and neither
 * do the dates of a row in error until it is corrected (the sheet counts the same rows).
 */
export function doneAfterDue(direction: Direction | null, status: Status, due: string | null, done: string | null): boolean {
  return direction === "milestone" && status !== "error" && due !== null && done !== null && done > due;
}
