import {
  checkAssignment,
  compareYears,
  defaultAdditive,
  defaultProgressRule,
  elapsedShare,
  indicatorTotal,
  progressOf,
} from "../../src/domain";
import { render } from "../../src/domain/messages/localize";

describe("province totals", () => {
  const members = { unit: "người", direction: "increase" as const };

  test("the seed's 2.100 / 2.000 is the sum over districts: 105,00 %", () => {
    const figures = [
      { unit: "Tam Đảo", target: 200, actual: 230 },
      { unit: "Sông Lô", target: 200, actual: 218 },
      { unit: "Các huyện khác", target: 1600, actual: 1652 },
    ];
    expect(indicatorTotal(members, figures)).toEqual({
      kind: "sum",
      target: 2000,
      actual: 2100,
      assessment: { status: "exceeded", achievement: 1.05 },
      pending: [],
    });
  });

  test("sums are exact: 0,1 + 0,2 against 0,3 is met, not 99,99 %", () => {
    const total = indicatorTotal({ unit: "tỷ đồng", direction: "increase" }, [
      { unit: "A", target: 0.3, actual: 0.1 },
      { unit: "B", target: 0, actual: 0.2 },
    ]);
    expect(total.kind === "sum" && total.assessment).toEqual({ status: "met", achievement: 1 });
  });

  test("a unit without its actual is named as pending and left out of both sums", () => {
    const total = indicatorTotal(members, [
      { unit: "A", target: 100, actual: 120 },
      { unit: "B", target: 100, actual: null },
    ]);
    expect(total).toMatchObject({ kind: "sum", target: 100, actual: 120, pending: ["B"] });
  });

  test("rates and milestones are not summed: the spread across units instead", () => {
    expect(defaultAdditive({ unit: "%", direction: "increase" })).toBe(false);
    expect(defaultAdditive({ unit: "xã", direction: "milestone" })).toBe(false);
    expect(defaultAdditive({ unit: "vụ", direction: "decrease" })).toBe(true);
    const rate = indicatorTotal({ unit: "%", direction: "increase" }, [
      { unit: "A", target: 90, actual: 99 },
      { unit: "B", target: 90, actual: 81 },
      { unit: "C", target: 90, actual: 90 },
    ]);
    expect(rate).toEqual({ kind: "spread", min: 0.9, median: 1, max: 1.1, pending: [] });
  });
});

describe("follow-up during the year", () => {
  test("the share of the year is whole months: end of June is one half, exactly", () => {
    expect(elapsedShare(2025, { year: 2025, month: 6 })).toBe(0.5);
    expect(elapsedShare(2025, { year: 2024, month: 12 })).toBe(0);
    expect(elapsedShare(2025, { year: 2026, month: 1 })).toBe(1);
  });

  test("pro rata: 900 new members by 30/06 against 2.000 a year is behind (90 %)", () => {
    const p = progressOf("proRata", "increase", 2000, 900, 0.5);
    expect(p).toEqual({ expected: 1000, assessment: { status: "notMet", achievement: 0.9 }, behind: true });
    expect(progressOf("proRata", "increase", 2000, 1000, 0.5).behind).toBe(false);
  });

  test("as-is: a rate is compared with the year's target, and a milestone is not behind before the year ends", () => {
    expect(defaultProgressRule("increase", "%")).toBe("asIs");
    expect(defaultProgressRule("increase", "người")).toBe("proRata");
    expect(progressOf("asIs", "increase", 90, 85, 0.5)).toMatchObject({ expected: 90, behind: true });
    expect(progressOf("asIs", "milestone", "Đạt", "Không đạt", 0.75).behind).toBe(false);
    expect(progressOf("asIs", "milestone", "Đạt", "Không đạt", 1).behind).toBe(true);
  });

  test("a ceiling accrues too: 4 accidents by March against 12 a year is over the pro-rata 3", () => {
    const p = progressOf("proRata", "decrease", 12, 4, 0.25);
    expect(p.expected).toBe(3);
    expect(p.behind).toBe(true);
  });
});

describe("assignment check", () => {
  test("the units' targets add up to the province's, exactly", () => {
    expect(checkAssignment("1.1", 0.3, [0.1, 0.2])).toEqual({ sum: 0.3, difference: 0, message: null });
  });

  test("says by how much not, in Vietnamese number style", () => {
    const short = checkAssignment("1.1", 2000, [1000, 900]).message;
    expect(short).toEqual({ id: "assignment.sumShort", params: ["1.1", 1900, 2000] });
    expect(short && render(short, "vi")).toBe("Chỉ tiêu 1.1: tổng chỉ tiêu giao các đơn vị là 1.900, thấp hơn chỉ tiêu của tỉnh (2.000) 100.");
    expect(checkAssignment("1.1", 2000, [1200, 900.5]).difference).toBe(100.5);
  });
});

describe("this year beside last year", () => {
  test("rank change and achievement change per unit; a unit new this year has none", () => {
    const changes = compareYears(
      [
        { unit: "Tam Đảo", rank: 1, achievements: { "1.1": 1.15 } },
        { unit: "Phúc Yên", rank: 2, achievements: { "1.1": 1.02 } },
      ],
      [{ unit: "Tam Đảo".normalize("NFD"), rank: 3, achievements: { "1.1": 1.05 } }],
    );
    expect(changes).toEqual([
      { unit: "Tam Đảo", rank: 1, previousRank: 3, rankChange: 2, achievementChange: { "1.1": 0.1 }, previousAchievements: { "1.1": 1.05 } },
      { unit: "Phúc Yên", rank: 2, previousRank: null, rankChange: null, achievementChange: { "1.1": null }, previousAchievements: { "1.1": null } },
    ]);
  });
});
