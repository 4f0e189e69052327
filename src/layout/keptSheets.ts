/**
 * Sheets laid out once for many workbooks: `chitieu assign` lays out hundreds of unit workbooks
 * whose sheets are the same but the unit's own, and the light writer (src/xlsx/sheetsXlsx.ts)
 * renders a sheet once for all the files that hold that very object. A sheet is kept by the input
 * it is laid out from, compared as JSON: a few kilobytes, where the sheet it gives is megabytes.
 */
export class KeptSheets {
  private readonly kept = new Map<(input: never) => unknown, Map<string, unknown>>();

  /** `build(input)`, the same object again for an input equal as JSON (plain data: no Map, no NaN). */
  keep<I, T>(build: (input: I) => T, input: I): T {
    let byInput = this.kept.get(build);
    if (byInput === undefined) this.kept.set(build, (byInput = new Map()));
    const key = JSON.stringify(input);
    if (byInput.has(key)) return byInput.get(key) as T;
    const built = build(input);
    byInput.set(key, built);
    return built;
  }
}

/** `build(input)` through `kept` when given, laid out anew otherwise. */
export const keptOrBuilt = <I, T>(kept: KeptSheets | undefined, build: (input: I) => T, input: I): T => (kept ? kept.keep(build, input) : build(input));
