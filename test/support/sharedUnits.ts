/**
 * Units of a shared workbook as test scenarios: each unit's inputs, the layout parameters that
 * write them, and what the engine makes of them (evaluate per unit, then consolidate per kind),
 * shared by the LibreOffice proof and the emulator's property test of the live comparison.
 */
import { ANSWERED } from "./unitFiles";
import { figures } from "../../src/xlsx/unitSummary";
import { consolidate, DEFAULT_CATALOGUE, kindName, DIRECTION_NAMES, evaluate, formatPoints, ruleSet, type Level, type QuotaBase, type UnitKind, type UnitSummary } from "../../src/domain";
import { kindHeading, PUBLIC_ROMAN, publicLevel, type UnitValues, type UnitWorkbookParams } from "../../src/layout";

export interface UnitCase {
  readonly name: string;
  readonly kind: UnitKind | null;
  /** Increase indicators exceeded (the first ones), the rest met. */
  readonly exceeded: number;
  /** Typed common score; null leaves the criteria sheet's (unscored: the result stays provisional). */
  readonly common: number | null;
  readonly final?: Level;
  /** Leave the last indicator's actual blank (a provisional floor). */
  readonly pending?: boolean;
}

const increase = DEFAULT_CATALOGUE.indicators.filter((i) => i.direction === "increase").map((i) => i.code);
const LAST = DEFAULT_CATALOGUE.indicators[DEFAULT_CATALOGUE.indicators.length - 1].code;

export function unitValues(u: UnitCase): Map<string, UnitValues> {
  return new Map(
    DEFAULT_CATALOGUE.indicators.map((ind) => {
      const actual =
        u.pending && ind.code === LAST
          ? null
          : ind.direction === "milestone"
            ? "Đạt"
            : ind.direction === "decrease"
              ? 10
              : increase.indexOf(ind.code) < u.exceeded
                ? 110
                : 100;
      return [ind.code, { target: ind.direction === "milestone" ? "Đạt" : ind.direction === "decrease" ? 10 : 100, actual }];
    }),
  );
}

export function unitParams(u: UnitCase, base: QuotaBase): UnitWorkbookParams {
  return {
    unitName: u.name,
    unitKind: u.kind,
    head: `Bí thư ${u.name}`,
    year: 2025,
    rules: { quotaBase: base },
    values: unitValues(u),
    commonScore: u.common,
    excellence: ANSWERED,
    unitLevel: u.final ? "excellent" : null,
    finalLevel: u.final ?? null,
  };
}

/** What the engine makes of the units: each evaluated from its own inputs, then consolidated. */
export function engineConsolidation(units: readonly UnitCase[], base: QuotaBase, exceptional: ReadonlySet<UnitKind | null>) {
  const rules = ruleSet("qd366-2025", { quotaBase: base });
  const summaries: UnitSummary[] = units.map((u) => {
    const values = unitValues(u);
    const e = evaluate({
      source: "sheet",
      rules,
      commonScore: u.common ?? "",
      excellence: ANSWERED,
      indicators: DEFAULT_CATALOGUE.indicators.map((ind) => ({
        ...ind,
        direction: DIRECTION_NAMES[ind.direction],
        key: ind.key ? "x" : null,
        ...values.get(ind.code),
      })),
    });
    return {
      file: u.name,
      sheet: u.name,
      modified: "2025-12-01T00:00:00Z",
      unit: u.name,
      kind: u.kind,
      year: 2025,
      indicators: e.indicators.map((r, i) => {
        const ind = DEFAULT_CATALOGUE.indicators[i];
        // The figures as the reader keeps them: the province's totals are taken from them.
        return { ...ind, achievement: r.achievement, status: r.status, ...figures({ ...values.get(ind.code), direction: ind.direction }, r.status) };
      }),
      points: e.summary.points,
      level: e.summary.level,
      provisional: e.summary.provisional,
      finalLevel: u.final ?? null,
      problems: [],
      quota: { share: rules.quotaShare, shareExceptional: rules.quotaShareExceptional, base: rules.quotaBase },
    };
  });
  return consolidate(summaries, [], exceptional);
}

/**
 * The live public table's rows as the engine ranks the units: kinds in the order of their first
 * unit, a heading row each (I., II. …), then its units by rank (units without points last), equal
 * ranks in unit order; each unit row as printed (number in kind, name, points, rank, level).
 */
export function expectedPublicRows(units: readonly UnitCase[], c: ReturnType<typeof engineConsolidation>): (string | number | null)[][] {
  const position = (name: string) => units.findIndex((u) => u.name === name);
  const kinds = [...new Set(units.map((u) => u.kind))];
  return kinds.flatMap((kind, k) => {
    const members = c.units
      .filter((u) => u.kind === kind)
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || position(a.unit) - position(b.unit));
    return [
      [`${PUBLIC_ROMAN[k]}.`, kindHeading(kindName(kind)), null, null, null],
      ...members.map((u, i) => [i + 1, u.unit, u.points === null ? null : formatPoints(u.points), u.rank, publicLevel(u)]),
    ];
  });
}
