/**
 * The live comparison's quota against the engine on random shared workbooks (emulator formula
 * engine): per unit the rank and the quota decision equal consolidate() (checkQuota per kind), and
 * as properties of the sheet itself, per kind: never more kept than allowed, and no unit kept over
 * one of the same kind with more points that was lowered.
 */
import { CONSOLIDATION_MESSAGES, type Level, type QuotaBase, type UnitKind } from "../../src/domain";
import { COMPARISON_FIRST_ROW, COMPARISON_SHEETS, DECISION_TEXTS, kindLabel, LIVE_KINDS, LIVE_QUOTA_FIRST_ROW, sharedWorkbook } from "../../src/layout";
import { engineConsolidation, unitParams, type UnitCase } from "../support/sharedUnits";
import { load } from "./layoutLoader";
import { mulberry32 } from "../support/random";

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];

function scenario(seed: number): { units: UnitCase[]; base: QuotaBase; exceptional: Set<UnitKind | null> } {
  const next = mulberry32(seed);
  const count = 3 + Math.floor(next() * 10);
  const kinds: readonly (UnitKind | null)[] = ["district", "district", "commune", null];
  const units = Array.from({ length: count }, (_, i): UnitCase => {
    const final = pick<Level | undefined>(next, [undefined, undefined, undefined, "excellent", "good", "good", "complete"]);
    return {
      name: `Đơn vị ${String(i + 1).padStart(2, "0")}`,
      kind: pick(next, kinds),
      exceeded: pick(next, [0, 0, 6, 9]),
      common: pick(next, [20, 22, 25, 25, 28, null]),
      ...(final ? { final } : {}),
      pending: next() < 0.1,
    };
  });
  const exceptional = new Set<UnitKind | null>(next() < 0.3 ? ["district"] : []);
  return { units, base: next() < 0.5 ? "good" : "goodOrBetter", exceptional };
}

const SEEDS = Array.from({ length: 24 }, (_, i) => 1000 + i);

test.each(SEEDS)("seed %i: ranks and quota decisions equal consolidate(), and the quota's properties hold", async (seed) => {
  const { units, base, exceptional } = scenario(seed);
  const layout = sharedWorkbook(
    units.map((u) => unitParams(u, base)),
    { comparison: true, exceptional: new Set([...exceptional].map(kindLabel)) },
  );
  const emu = await load(layout);
  const expected = engineConsolidation(units, base, exceptional);
  const value = (sheet: string, address: string) => {
    const v = emu.cell(sheet, address).value;
    return v === "" ? null : v;
  };
  const shown = units.map((u, i) => {
    const row = COMPARISON_FIRST_ROW + i;
    return { unit: u.name, kind: value(COMPARISON_SHEETS.comparison, `C${row}`), points: value(COMPARISON_SHEETS.comparison, `D${row}`), rank: value(COMPARISON_SHEETS.comparison, `G${row}`), decision: value(COMPARISON_SHEETS.comparison, `H${row}`) };
  });
  expect(shown).toEqual(
    units.map((u) => {
      const e = expected.units.find((x) => x.unit === u.name);
      if (!e) throw new Error(u.name);
      return { unit: u.name, kind: kindLabel(u.kind), points: e.points, rank: e.rank, decision: e.decision === null ? null : DECISION_TEXTS[e.decision](e) };
    }),
  );
  for (const [i, label] of LIVE_KINDS.entries()) {
    const allowed = Number(value(COMPARISON_SHEETS.quota, `E${LIVE_QUOTA_FIRST_ROW + i}`));
    const ofKind = shown.filter((u) => u.kind === label);
    const kept = ofKind.filter((u) => u.decision === CONSOLIDATION_MESSAGES.decision.keep);
    const lowered = ofKind.filter((u) => u.decision === CONSOLIDATION_MESSAGES.decision.lower);
    expect(kept.length).toBeLessThanOrEqual(allowed);
    const points = (u: (typeof shown)[number]) => (typeof u.points === "number" ? u.points : -1);
    for (const k of kept) for (const l of lowered) expect(points(k)).toBeGreaterThan(points(l));
    const q = expected.quota.find((g) => kindLabel(g.kind) === label);
    expect(allowed).toBe(q?.allowed ?? 0);
  }
}, 120_000);

test("the seeds cover every quota decision, both bases and an exceptional kind", () => {
  const scenarios = SEEDS.map(scenario);
  const decisions = new Set(scenarios.flatMap((s) => engineConsolidation(s.units, s.base, s.exceptional).units.map((u) => u.decision)));
  expect(decisions).toEqual(new Set([null, "keep", "lower", "tie"]));
  expect(new Set(scenarios.map((s) => s.base))).toEqual(new Set(["good", "goodOrBetter"]));
  expect(scenarios.some((s) => s.exceptional.size > 0)).toBe(true);
});
