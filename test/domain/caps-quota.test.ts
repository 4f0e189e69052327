import fc from "fast-check";
import { checkCap, checkFinalLevel, checkQuota, type Level, type QuotaBase } from "../../src/domain";

describe("caps", () => {
  test("a head may not be rated above the unit", () => {
    expect(checkCap("good", "good")).toEqual({ ok: true });
    expect(checkCap("complete", "good")).toEqual({ ok: true });
    const refused = checkCap("excellent", "good");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toContain('"Hoàn thành tốt nhiệm vụ"');
  });

  test("a Party member may not be rated above their civil-servant level", () => {
    const refused = checkCap("good", "complete", "đảng viên", "xếp loại công chức");
    expect(!refused.ok && refused.reason).toContain("xếp loại công chức");
  });

  test("no cap known means no refusal", () => {
    expect(checkCap("excellent", null)).toEqual({ ok: true });
  });

  test("a final level needs the unit's level first, and stays within both caps", () => {
    expect(checkFinalLevel("good", { unit: null, civilServant: null }).map((b) => b.reason)).toEqual([
      expect.stringContaining("Chưa có xếp loại của tập thể, đơn vị"),
    ]);
    expect(checkFinalLevel("good", { unit: "good", civilServant: null })).toEqual([]);
    expect(checkFinalLevel("excellent", { unit: "good", civilServant: "complete" }).map((b) => b.kind)).toEqual(["unit", "civilServant"]);
    expect(checkFinalLevel("good", { unit: "excellent", civilServant: "complete" })[0].reason).toContain("công chức");
  });
});

describe("quota of excellent ratings", () => {
  const units = (excellent: number[], good: number) => [
    ...excellent.map((points, i) => ({ id: `X${i + 1}`, level: "excellent" as const, points })),
    ...Array.from({ length: good }, (_, i) => ({ id: `G${i + 1}`, level: "good" as const, points: 80 })),
    { id: "C1", level: "complete" as const, points: 60 },
  ];

  test("20 % of those rated good or better, ranked by points", () => {
    const result = checkQuota(units([91, 97, 93], 12), 0.2, "goodOrBetter"); // 15 good or better → 3 allowed
    expect(result).toMatchObject({ allowed: 3, base: 15, keep: ["X2", "X3", "X1"], over: [] });
    const tight = checkQuota(units([91, 97, 93], 7), 0.2, "goodOrBetter"); // 10 → 2 allowed
    expect(tight).toMatchObject({ allowed: 2, keep: ["X2", "X3"], over: ["X1"], tieAtCut: false });
  });

  test("by default the base is those rated good, the texts' literal words (NĐ 335, QĐ 366)", () => {
    const result = checkQuota(units([91, 97, 93], 12), 0.2); // 12 good → 2 allowed
    expect(result).toMatchObject({ allowed: 2, base: 12, keep: ["X2", "X3"], over: ["X1"] });
    expect(checkQuota(units([91], 4), 0.2).allowed).toBe(0);
  });

  test("25 % for a unit with exceptional results", () => {
    expect(checkQuota(units([91, 97, 93], 9), 0.25, "goodOrBetter").allowed).toBe(3);
    expect(checkQuota(units([91, 97, 93], 12), 0.25).allowed).toBe(3);
  });

  test("a tie at the cut is flagged for the evaluator", () => {
    expect(checkQuota(units([95, 95], 8), 0.2, "goodOrBetter")).toMatchObject({ allowed: 2, tieAtCut: false });
    expect(checkQuota(units([95, 95], 3), 0.2, "goodOrBetter")).toMatchObject({ allowed: 1, tieAtCut: true });
  });
});

describe("quota decisions (property)", () => {
  const level = fc.constantFrom<Level | null>("excellent", "good", "complete", "incomplete", null);
  const candidate = fc.record({ level, points: fc.option(fc.integer({ min: 50, max: 100 }), { nil: null }) });

  test("never more excellent kept than allowed, never one with fewer points kept over one with more", () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), fc.constantFrom(0.2, 0.25), fc.constantFrom<QuotaBase>("good", "goodOrBetter"), (raw, share, base) => {
        const list = raw.map((c, i) => ({ id: `U${i}`, ...c }));
        const result = checkQuota(list, share, base);
        const points = new Map(list.map((c) => [c.id, c.points ?? -Infinity]));
        expect(result.keep.length).toBeLessThanOrEqual(result.allowed);
        expect(result.keep.length + result.over.length).toBe(list.filter((c) => c.level === "excellent").length);
        const lowestKept = Math.min(...result.keep.map((id) => points.get(id) as number));
        for (const id of result.over) expect(points.get(id) as number).toBeLessThanOrEqual(lowestKept);
        // A tie at the cut is always flagged, never settled silently.
        if (result.over.some((id) => points.get(id) === lowestKept)) expect(result.tieAtCut).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
