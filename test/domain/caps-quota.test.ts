import fc from "fast-check";
import { checkCap, checkFinalLevel, checkQuota, quotaAllowed, type Level, type QuotaBase } from "../../src/domain";

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

  test("by default the base is those rated good on the final result, the lowered included (NĐ 335, QĐ 366)", () => {
    const result = checkQuota(units([91, 97, 93], 12), 0.2); // 2 ≤ 20 % × (12 + 1 lowered); 3 > 20 % × 12
    expect(result).toMatchObject({ allowed: 2, base: 13, keep: ["X2", "X3"], over: ["X1"] });
    expect(checkQuota(units([91], 4), 0.2).allowed).toBe(0);
  });

  test("3 proposed excellent and 9 good at 20 %: 2 keep it, counted on the final result (was 1 on the proposals)", () => {
    const result = checkQuota(units([91, 97, 93], 9), 0.2);
    expect(result).toMatchObject({ allowed: 2, base: 10, keep: ["X2", "X3"], over: ["X1"], tied: [], tieAtCut: false });
  });

  test("exact at the boundary: 12 eligible at 20 % is 2, 24 is 4, never one less through rounding", () => {
    expect(quotaAllowed(0.2, 10, 2, "good")).toBe(2); // 2 × 1,2 = 2,4 ≤ 0,2 × 12 = 2,4
    expect(quotaAllowed(0.2, 20, 4, "good")).toBe(4);
    expect(quotaAllowed(0.1 + 0.1, 10, 2, "good")).toBe(2);
    expect(quotaAllowed(0.2, 13, 2, "goodOrBetter")).toBe(3); // 0,2 × 15 = 3, not 2,999…
    // Every k up to the allowed satisfies k ≤ share × (G + E − k), and the next does not.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom(0.2, 0.25, 0.15), (good, excellent, share) => {
        const k = quotaAllowed(share, good, excellent, "good");
        const p = Math.round(share * 100);
        expect(k * 100).toBeLessThanOrEqual(p * (good + excellent - k));
        expect((k + 1) * 100).toBeGreaterThan(p * (good + excellent - k - 1));
      }),
    );
  });

  test("25 % for a unit with exceptional results", () => {
    expect(checkQuota(units([91, 97, 93], 9), 0.25, "goodOrBetter").allowed).toBe(3);
    expect(checkQuota(units([91, 97, 93], 12), 0.25).allowed).toBe(3);
  });

  test("a tie at the cut is a tie: neither kept nor lowered, whatever the names", () => {
    expect(checkQuota(units([95, 95], 8), 0.2, "goodOrBetter")).toMatchObject({ allowed: 2, tieAtCut: false });
    expect(checkQuota(units([95, 95], 3), 0.2, "goodOrBetter")).toMatchObject({ allowed: 1, keep: [], over: [], tied: ["X1", "X2"], tieAtCut: true });
    const three = checkQuota(units([97, 95, 95, 90], 8), 0.2, "goodOrBetter"); // 12 → 2 allowed
    expect(three).toMatchObject({ allowed: 2, keep: ["X1"], over: ["X4"], tied: ["X2", "X3"] });
    const renamed = checkQuota([...units([97, 95, 95, 90], 8)].reverse().map((c) => ({ ...c, id: c.id === "X2" ? "Z" : c.id === "X3" ? "A" : c.id })), 0.2, "goodOrBetter");
    expect([...renamed.tied].sort()).toEqual(["A", "Z"]);
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
        const excellent = list.filter((c) => c.level === "excellent").length;
        expect(result.keep.length).toBeLessThanOrEqual(result.allowed);
        expect(result.keep.length + result.over.length + result.tied.length).toBe(excellent);
        // The tie is settled by the committee: whoever it keeps, the count stays within the quota.
        expect(result.keep.length + result.tied.length).toBeGreaterThanOrEqual(Math.min(result.allowed, excellent));
        const lowestKept = Math.min(...result.keep.map((id) => points.get(id) as number));
        for (const id of [...result.over, ...result.tied]) expect(points.get(id) as number).toBeLessThan(lowestKept);
        // Tied units share their points, and none lowered has as many.
        expect(new Set(result.tied.map((id) => points.get(id))).size).toBeLessThanOrEqual(1);
        for (const id of result.over) for (const t of result.tied) expect(points.get(id) as number).toBeLessThan(points.get(t) as number);
        expect(result.tieAtCut).toBe(result.tied.length > 0);
        // The final result holds the quota: share × (good + lowered), or × good or better.
        if (result.tied.length === 0 && base === "good") {
          const good = list.filter((c) => c.level === "good").length;
          expect(result.keep.length * 100).toBeLessThanOrEqual(Math.round(share * 100) * (good + result.over.length));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
