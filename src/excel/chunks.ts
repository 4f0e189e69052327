/**
 * Excel on the web refuses a request over 5 MB. Writes are grouped into steps that each stay
 * well under it: creating a unit sheet of 1,800 rows is one write of about 0.5 MB with its
 * formula columns filled by Excel (3.4 MB where each formula is sent, without ExcelApi 1.9), and
 * only larger sheets take another round trip.
 */
import { cellAddress, parseCell } from "../layout/addresses";

export const MAX_STEP_BYTES = 3_500_000;

/** A queued write and the size it adds to the request. */
export interface WriteStep {
  readonly bytes: number;
  readonly queue: () => void;
}

/** Request size of a value once serialised: JSON, with non-ASCII letters as UTF-8. */
export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 127) bytes += 2;
  return bytes;
}

/** A column of formulas from `at` downwards, cut into writes of at most MAX_STEP_BYTES. */
export function columnSteps(ws: () => Excel.Worksheet, at: string, formulas: readonly (string | null)[]): WriteStep[] {
  const start = parseCell(at);
  const steps: WriteStep[] = [];
  let from = 0;
  while (from < formulas.length) {
    let bytes = 0;
    let to = from;
    while (to < formulas.length && (to === from || bytes + payloadBytes(formulas[to]) <= MAX_STEP_BYTES)) {
      bytes += payloadBytes(formulas[to]);
      to += 1;
    }
    const part = formulas.slice(from, to).map((f) => [f]);
    const address = `${cellAddress(start.row + from, start.column)}:${cellAddress(start.row + to - 1, start.column)}`;
    // Office.js leaves a cell untouched where the array holds null.
    steps.push({ bytes, queue: () => (ws().getRange(address).formulas = part as unknown as string[][]) });
    from = to;
  }
  return steps;
}

/** Pack steps into batches (round trips) that each stay under MAX_STEP_BYTES. */
export function batches(steps: readonly WriteStep[]): WriteStep[][] {
  const result: WriteStep[][] = [[]];
  let size = 0;
  for (const step of steps) {
    if (size + step.bytes > MAX_STEP_BYTES && result[result.length - 1].length > 0) {
      result.push([]);
      size = 0;
    }
    result[result.length - 1].push(step);
    size += step.bytes;
  }
  return result;
}
