import { checkCap, checkQuota } from "../../src/domain";

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
});

describe("quota of excellent ratings", () => {
  const units = (excellent: number[], good: number) => [
    ...excellent.map((points, i) => ({ id: `X${i + 1}`, level: "excellent" as const, points })),
    ...Array.from({ length: good }, (_, i) => ({ id: `G${i + 1}`, level: "good" as const, points: 80 })),
    { id: "C1", level: "complete" as const, points: 60 },
  ];

  test("20 % of those rated good or better, ranked by points", () => {
    const result = checkQuota(units([91, 97, 93], 12), 0.2); // 15 good or better → 3 allowed
    expect(result).toMatchObject({ allowed: 3, goodOrBetter: 15, keep: ["X2", "X3", "X1"], over: [] });
    const tight = checkQuota(units([91, 97, 93], 7), 0.2); // 10 → 2 allowed
    expect(tight).toMatchObject({ allowed: 2, keep: ["X2", "X3"], over: ["X1"], tieAtCut: false });
  });

  test("25 % for a unit with exceptional results", () => {
    expect(checkQuota(units([91, 97, 93], 9), 0.25).allowed).toBe(3);
  });

  test("a tie at the cut is flagged for the evaluator", () => {
    expect(checkQuota(units([95, 95], 8), 0.2)).toMatchObject({ allowed: 2, tieAtCut: false });
    expect(checkQuota(units([95, 95], 3), 0.2)).toMatchObject({ allowed: 1, tieAtCut: true });
  });
});
