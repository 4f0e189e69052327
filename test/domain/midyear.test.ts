import { evaluate, inputsAtSnapshot, parseAsOf, parseQuarter, quarterEnd, resolveAsOf, snapshotAt, type IndicatorInput } from "../../src/domain";

describe("mid-year and quarterly consolidation: which snapshot, which inputs (issue 16 §2)", () => {
  test("a quarter stands at its last day; dates and quarters are read as typed", () => {
    expect([1, 2, 3, 4].map((q) => quarterEnd(2024, q))).toEqual(["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]);
    expect(resolveAsOf({ quarter: 2 }, 2021)).toEqual({ date: "2021-06-30", quarter: 2 });
    expect(resolveAsOf({ date: "2021-05-15" }, 2021)).toEqual({ date: "2021-05-15", quarter: null });
    expect(parseAsOf("30/06/2021")).toEqual({ date: "2021-06-30" });
    expect(parseAsOf("31/06/2021")).toBeNull();
    expect(["2", "II", "iv", "0", "5", "Q2"].map(parseQuarter)).toEqual([{ quarter: 2 }, { quarter: 2 }, { quarter: 4 }, null, null, null]);
  });

  test("the latest snapshot on or before the date within its quarter; another quarter's never stands for it", () => {
    const periods = [{ asOf: "2021-03-31" }, { asOf: "2021-06-15" }, { asOf: "2021-06-30" }];
    expect(snapshotAt(periods, { date: "2021-06-30", quarter: 2 })).toEqual({ asOf: "2021-06-30" });
    expect(snapshotAt(periods, { date: "2021-06-20", quarter: null })).toEqual({ asOf: "2021-06-15" });
    expect(snapshotAt(periods, { date: "2021-05-15", quarter: null })).toBeNull();
    expect(snapshotAt(periods, { date: "2021-09-30", quarter: 3 })).toBeNull();
    expect(snapshotAt([{ asOf: "2020-06-30" }], { date: "2021-06-30", quarter: 2 })).toBeNull();
  });

  test("the inputs at a snapshot: due figure as target, typed figure as actual; what is not judged yet stays open", () => {
    const inputs: IndicatorInput[] = [
      { code: "1.1", direction: "Tăng", unit: "người", target: 1000, actual: 1200, weight: 1 },
      { code: "1.2", direction: "Tăng", unit: "tổ chức", target: 4, actual: 4, weight: 1 },
      { code: "4.1", direction: "Đạt/Không", target: "Đạt", actual: "Đạt", weight: 1 },
      { code: "4.2", direction: "Đạt/Không", target: "Đạt", actual: "Đạt", weight: 1 },
    ];
    const at = inputsAtSnapshot(inputs, [
      { code: "1.1", expected: 500, actual: 450, status: "notMet", behind: true },
      { code: "4.1", expected: null, actual: "Không đạt", status: "notMet", behind: false },
      { code: "4.2", expected: null, actual: "Đạt", status: "met", behind: false },
    ]);
    expect(at.map((i) => [i.code, i.target, i.actual])).toEqual([
      ["1.1", 500, 450],
      ["1.2", 4, undefined], // not in the snapshot: open
      ["4.1", "Đạt", undefined], // a milestone not done before its year is over: open, not failed
      ["4.2", "Đạt", "Đạt"],
    ]);
    // The engine then gives a floor (open counted not met) and a ceiling (open counted exceeded).
    const summary = evaluate({ source: "sheet", indicators: at, commonScore: 30 }).summary;
    expect(summary).toMatchObject({ provisional: true, pending: 2, notMet: 1, level: "incomplete" });
  });
});
