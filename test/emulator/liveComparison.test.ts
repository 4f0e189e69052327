/**
 * The live comparison's quota against the engine on random shared workbooks (emulator formula
 * engine): per unit the rank and the quota decision equal consolidate() (checkQuota per kind), and
 * as properties of the sheet itself, per kind: never more kept than allowed, and no unit kept over
 * one of the same kind with more points that was lowered.
 */
import { kindName, LEVEL_NAMES, type Level, type QuotaBase, type UnitKind } from "../../src/domain";
import { CONSOLIDATION_MESSAGES } from "../../src/domain/messages/consolidation";
import { CAP_TEXTS, COMPARISON_FIRST_ROW, COMPARISON_SHEETS, DECISION_TEXTS, LIVE_KINDS, LIVE_QUOTA_FIRST_ROW, NAMES, placedName, PUBLIC_HEADER_ROW, PUBLIC_SHEET, REFUSED_SUFFIX, sharedWorkbook, unitPlace } from "../../src/layout";
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
    { comparison: true, exceptional: new Set([...exceptional].map(kindName)) },
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
      return { unit: u.name, kind: kindName(u.kind), points: e.points, rank: e.rank, decision: e.decision === null ? null : DECISION_TEXTS[e.decision](e) };
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
    const q = expected.quota.find((g) => kindName(g.kind) === label);
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

test("a refused final level (above its cap, or a disqualified unit rated above incomplete) is not the level the quota checks", async () => {
  const good = (name: string) => ({ ...unitParams({ name, kind: "district", exceeded: 0, common: 25 }, "good"), unitLevel: null, finalLevel: null });
  const layout = sharedWorkbook(
    [
      // Rated excellent by hand above the unit's level "good".
      { ...good("Sông Lô"), unitLevel: "good", finalLevel: "excellent" },
      // Disciplined in the year, rated good by hand.
      { ...good("Yên Lạc"), unitLevel: "excellent", finalLevel: "good", disqualifying: { sanction: "Có" } },
      good("Tam Đảo"),
    ],
    { comparison: true },
  );
  const emu = await load(layout);
  const at = (column: string, i: number) => emu.cell(COMPARISON_SHEETS.comparison, `${column}${COMPARISON_FIRST_ROW + i}`).value;
  // Columns: unit, final level as shown, level the quota checks, quota decision, rank.
  expect([0, 1, 2].map((i) => [at("B", i), at("F", i), at("I", i), at("H", i), at("G", i)])).toEqual([
    ["Sông Lô", `${LEVEL_NAMES.excellent}${REFUSED_SUFFIX}`, LEVEL_NAMES.good, "", 1],
    ["Yên Lạc", `${LEVEL_NAMES.good}${REFUSED_SUFFIX}`, LEVEL_NAMES.incomplete, "", 3],
    ["Tam Đảo", "", LEVEL_NAMES.good, "", 1],
  ]);
  // The public table prints the suggested level of each, never the refused one.
  const published = [1, 2, 3].map((r) => [emu.cell(PUBLIC_SHEET, `B${PUBLIC_HEADER_ROW + 1 + r}`).value, emu.cell(PUBLIC_SHEET, `E${PUBLIC_HEADER_ROW + 1 + r}`).value]);
  expect(published).toEqual([
    ["Sông Lô", `${LEVEL_NAMES.good} (đề xuất)`],
    ["Tam Đảo", `${LEVEL_NAMES.good} (đề xuất)`],
    ["Yên Lạc", `${LEVEL_NAMES.incomplete} (đề xuất)`],
  ]);
  // The unit sheet itself flags the disqualified head's final level at its check cell.
  const check = layout.names.find((n) => n.name === placedName(NAMES.capCheck, unitPlace(2)));
  if (!check) throw new Error("no check name");
  expect(emu.cell(check.sheet, check.ref.replace(/\$/g, "")).value).toBe(CAP_TEXTS.disqualified);
});
