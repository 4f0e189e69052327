/**
 * Calendar days as the task register writes them: ISO (2025-09-30) or as typed in Vietnam
 * (30/09/2025). A day that does not exist (2025-02-30) is not a day: it is refused, never rolled
 * over into the next month as Date.parse would.
 */

/** Excel's last serial day (9999-12-31); serials from 1 (1900-01-01) up to it are days. */
export const LAST_SERIAL_DAY = 2_958_465;
const EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The ISO day of a text written YYYY-MM-DD or DD/MM/YYYY (YYYY-M-D and D/M/YYYY too); null when it is not a real day. */
export function parseDay(text: unknown): string | null {
  if (typeof text !== "string") return null;
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return vn ? isoOf(Number(vn[3]), Number(vn[2]), Number(vn[1])) : null;
}

/** Whether a text is already an ISO day that exists. */
export const isIsoDay = (text: unknown): text is string => typeof text === "string" && parseDay(text) === text;

/** The ISO day of an Excel serial (1900 date system); null outside Excel's days (1e9, negatives). */
export function serialDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL_DAY + 1) return null;
  return new Date(Math.round((serial - EPOCH_SERIAL) * DAY_MS)).toISOString().slice(0, 10);
}

/** The Excel serial (1900 date system) of an ISO day, the inverse of serialDay. */
export function daySerial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS + EPOCH_SERIAL;
}
