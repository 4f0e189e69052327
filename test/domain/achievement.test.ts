import { assess, decreaseRatio, roundHalfAway, round4 } from "../../src/domain";

describe("rounding like Excel's ROUND", () => {
  test.each([
    [1.00005, 4, 1.0001],
    [0.99995, 4, 1],
    [0.999949999, 4, 0.9999],
    [-1.00005, 4, -1.0001],
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [-0.5, 0, -1],
    [0.1 + 0.2, 4, 0.3],
    [0, 4, 0],
  ])("ROUND(%p, %p) = %p", (x, digits, expected) => {
    expect(roundHalfAway(x, digits)).toBe(expected);
  });
});

describe("assess (docs/rules.md §1)", () => {
  test("the seed figure: 2.100 new members against 2.000 is 105 %, exceeded", () => {
    expect(assess("increase", 2000, "2.100")).toEqual({ status: "exceeded", achievement: 1.05 });
  });

  test.each([
    [2000, 2300, 1.15, "exceeded"],
    [2000, 2180, 1.09, "exceeded"],
    [100, 100, 1, "met"],
    [100, 99.995, 1, "met"],
    [100, 99.994, 0.9999, "notMet"],
    [100, 100.004, 1, "met"],
    [100, 100.005, 1.0001, "exceeded"],
    [3, 1, 0.3333, "notMet"],
    [6.5, -1.2, -0.1846, "notMet"],
    [1000, 2213.6, 2.2136, "exceeded"],
  ])("increase: target %p, actual %p → %p %p", (target, actual, achievement, status) => {
    expect(assess("increase", target, actual)).toEqual({ status, achievement });
  });

  test.each([
    [10, 8, 1.2, "exceeded"],
    [10, 10, 1, "met"],
    [10, 12, 0.8, "notMet"],
    [10, 20, 0, "notMet"],
    [10, 35, 0, "notMet"],
    [10, 0, 2, "exceeded"],
    [0, 0, 1, "met"],
    [0, 1, 0, "notMet"],
    [3.5, 3.2, 1.0857, "exceeded"],
  ])("decrease: ceiling %p, actual %p → %p %p", (target, actual, achievement, status) => {
    expect(assess("decrease", target, actual)).toEqual({ status, achievement });
  });

  test("milestone is 100 % or 0 %, never exceeded", () => {
    expect(assess("milestone", "Đạt", "Đạt")).toEqual({ status: "met", achievement: 1 });
    expect(assess("milestone", undefined, "x")).toEqual({ status: "met", achievement: 1 });
    expect(assess("milestone", "", "Không đạt")).toEqual({ status: "notMet", achievement: 0 });
    expect(assess("milestone", "", "")).toEqual({ status: "pending", achievement: null });
  });

  test("a missing actual is pending", () => {
    expect(assess("increase", 2000, null)).toEqual({ status: "pending", achievement: null });
    expect(assess("decrease", 0, "")).toEqual({ status: "pending", achievement: null });
  });

  test.each([
    ["increase", undefined, 5, "target", "Chưa nhập kế hoạch"],
    ["increase", 0, 5, "target", "lớn hơn 0"],
    ["increase", -3, 5, "target", "lớn hơn 0"],
    ["decrease", -1, 5, "target", "không được âm"],
    ["increase", "hai nghìn", 5, "target", '"hai nghìn"'],
    ["increase", 100, "khoảng 90", "actual", '"khoảng 90"'],
    ["milestone", "Không đạt", "Đạt", "target", "Đạt/Không"],
    ["milestone", "", "90%", "actual", '"90%"'],
  ] as const)("%s with target %p, actual %p is an error on %s", (direction, target, actual, field, text) => {
    const result = assess(direction, target, actual);
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(result.errors[0].field).toBe(field);
    expect(result.errors[0].message).toContain(text);
  });

  test("a zero target is an error even when the actual is missing, never pending or 0 %", () => {
    expect(assess("increase", 0, null).status).toBe("error");
  });

  test("a bad target and a bad actual are both reported", () => {
    const result = assess("increase", "abc", "xyz");
    expect(result.status === "error" && result.errors.map((e) => e.field)).toEqual(["target", "actual"]);
  });

  test("decreaseRatio is floored at 0 and defined at actual 0", () => {
    expect(decreaseRatio(5, 0)).toBe(2);
    expect(decreaseRatio(5, 100)).toBe(0);
    expect(round4(decreaseRatio(3, 2))).toBe(1.3333);
  });
});
