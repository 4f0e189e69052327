import fc from "fast-check";
import { DEFAULT_CATALOGUE, evaluate, levelRank, presetForYear, readEvaluationDocument, type IndicatorInput, type Level } from "../../src/domain";
import { rendered } from "../support/rendered";

describe("the competent level's results score per indicator (issue 15 §3)", () => {
  const four = (scores: readonly unknown[], actuals: readonly unknown[] = [120, 100, 80, null]): IndicatorInput[] =>
    actuals.map((actual, i) => ({ code: `${i + 1}`, direction: "increase", target: 100, actual, score: scores[i] }));
  const run = (indicators: IndicatorInput[]) => evaluate({ commonScore: 25, indicators });

  test("a typed score replaces the default share of its row, met or not, pending or not", () => {
    // Default: two of four met, 70 × 2/4 = 35.
    expect(run(four([])).summary.resultPoints).toBe(35);
    // 1 typed 10 instead of 17,5; 3 (not met) typed 5 instead of 0; 4 (pending) typed 2 in both readings.
    const typed = run(four([10, undefined, 5, 2]));
    expect(typed.summary.resultPoints).toBe(10 + 17.5 + 5 + 2);
    expect(typed.indicators.map((i) => i.score)).toEqual([10, undefined, 5, 2]);
    expect(rendered(typed.summary.reasons)).toContain("Điểm kết quả do cấp có thẩm quyền chấm thay cho mặc định của phần mềm ở chỉ tiêu 1, 3, 4.");
    expect(typed.errors).toEqual([]);
  });

  test("text, a negative score or one above the row's maximum is an error at the row's score, and the row takes the default", () => {
    for (const [score, found] of [["nhiều", '"nhiều"'], [-1, "-1"], [17.51, "17.51"]] as const) {
      const result = run(four([score]));
      expect(result.errors).toEqual([
        {
          index: 0,
          code: "1",
          field: "score",
          message: expect.stringMatching(/^Điểm kết quả .+ không hợp lệ: cần một số từ 0 đến 17,5 \(điểm tối đa của chỉ tiêu này\)\.$/),
          id: "engine.badScore",
          params: [expect.any(String), 17.5],
        },
      ]);
      expect(result.errors[0].message).toContain(found.replace(".", ","));
      expect(result.indicators[0]).toEqual({ code: "1", achievement: null, status: "error", late: false });
    }
    // The maximum is checked rounded to 2 decimals as points are: 70/3 = 23,33.
    const thirds = [1, 2, 3].map((code) => ({ code: `${code}`, direction: "increase", target: 1, actual: 2, score: 23.33 }));
    expect(evaluate({ commonScore: 30, indicators: thirds }).summary).toMatchObject({ resultPoints: 69.99, points: 99.99 });
  });

  test("scores typed at every row's rounded maximum never pass the maximum of 70", () => {
    const rows = Array.from({ length: 18 }, (_, i) => ({ code: `${i}`, direction: "increase", target: 1, actual: 2, score: 3.89 }));
    expect(evaluate({ commonScore: 30, indicators: rows }).summary.resultPoints).toBe(70);
  });
});

describe("QĐ 366 Art. 11 in the document (issue 15 §3)", () => {
  const doc = (extra: Record<string, unknown> = {}, late: unknown = undefined) => {
    const read = readEvaluationDocument({
      commonScore: 25,
      indicators: [
        { code: "1", direction: "increase", target: 100, actual: 130, late },
        { code: "2", direction: "increase", target: 100, actual: 100 },
      ],
      ...extra,
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    return evaluate(read.input).summary;
  };

  test("excellence answers as Có/Không or true/false; unanswered keeps an excellent ceiling provisional", () => {
    expect(doc()).toMatchObject({ level: "good", ceilingLevel: "excellent", provisional: true });
    expect(doc({ excellence: { disciplineBelow: "Không", shortcomingsRemedied: "Có" } })).toMatchObject({ level: "excellent", provisional: false });
    expect(doc({ excellence: { disciplineBelow: false, shortcomingsRemedied: true } })).toMatchObject({ level: "excellent", provisional: false });
    expect(doc({ excellence: { disciplineBelow: true, shortcomingsRemedied: true } })).toMatchObject({ level: "good", ceilingLevel: "good", provisional: false });
  });

  test("an unreadable answer is an input error naming its field", () => {
    const read = readEvaluationDocument({ excellence: { shortcomingsRemedied: "có lẽ" }, indicators: [{ code: "1", direction: "increase", target: 1, actual: 1 }] });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(evaluate(read.input).errors.map((e) => e.field)).toEqual(["shortcomingsRemedied"]);
    expect(readEvaluationDocument({ excellence: "Có", indicators: [] })).toMatchObject({ ok: false });
  });

  test("a row marked late (Có/true) bars good and excellent; an unreadable mark is an input error", () => {
    const answered = { excellence: { disciplineBelow: "Không", shortcomingsRemedied: "Có" } };
    expect(doc(answered, "Có")).toMatchObject({ late: 1, level: "incomplete" }); // 1 of 2 late: 50 % > 20 %
    expect(doc(answered, true).late).toBe(1);
    expect(doc(answered, "Không")).toMatchObject({ late: 0, level: "excellent" });
    const bad = evaluate({ indicators: [{ code: "1", direction: "increase", target: 1, actual: 1, late: "chậm" }] });
    expect(bad.errors.map((e) => [e.code, e.field])).toEqual([["1", "late"]]);
  });

  test("the milestone's dates travel in the document: done after due is late", () => {
    const read = readEvaluationDocument({
      commonScore: 30,
      excellence: { disciplineBelow: "Không", shortcomingsRemedied: "Có" },
      indicators: [
        { code: "1", direction: "milestone", actual: "Đạt", due: "2025-06-30", done: "15/7/2025" },
        { code: "2", direction: "increase", target: 100, actual: 100 },
      ],
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(evaluate(read.input).indicators.map((i) => i.late)).toEqual([true, false]);
  });

  test("the preset follows the year: 2021 is NĐ 90, 2025 and later QĐ 366", () => {
    expect([2020, 2021, 2024, 2025, 2026].map(presetForYear)).toEqual(["nd90-2020", "nd90-2020", "nd90-2020", "qd366-2025", "qd366-2025"]);
  });
});

describe("a milestone done after its due date is late (issue 15 §3, DOMAIN §4)", () => {
  const answered = { disciplineBelow: "Không", shortcomingsRemedied: "Có" };
  // Ten rows all met, none exceeded, 100 points: good unless a row is late (1 of 10 late: complete).
  const run = (milestone: Partial<IndicatorInput>, source: "document" | "sheet" = "document", direction = "milestone") =>
    evaluate({
      source,
      commonScore: 30,
      excellence: answered,
      indicators: [
        { code: "m", direction: source === "sheet" && direction === "milestone" ? "Đạt/Không" : direction, weight: 1, target: direction === "milestone" ? null : 5, actual: direction === "milestone" ? "Đạt" : 5, ...milestone },
        ...Array.from({ length: 9 }, (_, i) => ({ code: `${i}`, direction: source === "sheet" ? "Tăng" : "increase", weight: 1, target: 100, actual: 100 })),
      ],
    });
  const lateOf = (e: ReturnType<typeof run>) => ({ row: e.indicators[0].late, late: e.summary.late, level: e.summary.level, errors: e.errors.map((x) => x.field) });

  test("done after due is late: good drops to complete; on or before the due date, or a date missing, is not", () => {
    expect(lateOf(run({ due: "2025-06-30", done: "2025-07-01" }))).toEqual({ row: true, late: 1, level: "complete", errors: [] });
    // The reason names the row the dates made late.
    expect(rendered(run({ due: "2025-06-30", done: "2025-07-01" }).summary.reasons).join(" ")).toContain("còn 1 chỉ tiêu chậm tiến độ (m)");
    expect(lateOf(run({ due: "30/6/2025", done: "30/06/2025" }))).toEqual({ row: false, late: 0, level: "good", errors: [] });
    expect(lateOf(run({ due: "2025-06-30", done: "1/3/2025" }))).toEqual({ row: false, late: 0, level: "good", errors: [] });
    for (const dates of [{ done: "2025-12-01" }, { due: "2025-06-30" }, {}, { due: "", done: "  " }]) {
      expect(lateOf(run(dates))).toEqual({ row: false, late: 0, level: "good", errors: [] });
    }
  });

  test("a typed Không does not undo lateness the dates prove; Có with dates on time is late once", () => {
    expect(lateOf(run({ late: "Không", due: "2025-06-30", done: "2025-07-01" }))).toMatchObject({ row: true, late: 1, level: "complete" });
    expect(lateOf(run({ late: "Có", due: "2025-06-30", done: "2025-06-01" }))).toMatchObject({ row: true, late: 1, level: "complete" });
    expect(lateOf(run({ late: "Có", due: "2025-06-30", done: "2025-07-01" }))).toMatchObject({ row: true, late: 1, level: "complete" });
  });

  test("Excel serials are days; a time of day is an input error (the sheet compares serials)", () => {
    // 45838 is 30/6/2025.
    expect(lateOf(run({ due: 45838, done: 45838 }, "sheet"))).toMatchObject({ row: false, level: "good", errors: [] });
    expect(lateOf(run({ due: 45838, done: 45839 }, "sheet"))).toMatchObject({ row: true, level: "complete", errors: [] });
    expect(lateOf(run({ due: 45838, done: "2025-07-01" }))).toMatchObject({ row: true, errors: [] });
    const noon = run({ due: 45838, done: 45838.5 }, "sheet");
    expect(noon.errors).toEqual([expect.objectContaining({ field: "done", id: "engine.dateWithTime" })]);
    expect(noon.errors[0].message).toBe("Ngày hoàn thành 30/06/2025 có cả giờ trong ngày: chỉ nhập ngày (dd/mm/yyyy), không nhập giờ.");
  });

  test("the dates of a row in error prove nothing until it is corrected; its Có mark still counts", () => {
    const dates = { due: "2025-06-30", done: "2025-07-01" };
    expect(lateOf(run({ ...dates, actual: "gần xong" }))).toMatchObject({ row: false, late: 0, errors: ["actual"] });
    expect(lateOf(run({ ...dates, late: "Có", actual: "gần xong" }))).toMatchObject({ row: true, late: 1 });
    // A pending milestone (no actual yet) with both dates typed is judged by them.
    expect(lateOf(run({ ...dates, actual: null }))).toMatchObject({ row: true, late: 1 });
  });

  test("a date that cannot be read is an input error naming its field; on a sheet, text is never a date", () => {
    const bad = run({ due: "31/02/2025", done: "2025-03-01" });
    expect(bad.errors).toEqual([expect.objectContaining({ index: 0, code: "m", field: "due", id: "engine.badDate" })]);
    expect(bad.errors[0].message).toBe('Hạn hoàn thành "31/02/2025" không phải là một ngày: nhập ngày có thật, ví dụ 30/6/2025 hoặc 2025-06-30.');
    expect(bad.indicators[0]).toEqual({ code: "m", achievement: null, status: "error", late: false });
    const typed = run({ due: 45838, done: "1/7/2025" }, "sheet");
    expect(typed.errors).toEqual([expect.objectContaining({ field: "done", id: "engine.textDate" })]);
    expect(typed.errors[0].message).toMatch(/^Ngày hoàn thành "1\/7\/2025" là chữ chứ không phải ngày/);
    for (const raw of [true, 0, -3, 1e9, "hôm qua"]) expect(run({ done: raw }).errors.map((e) => e.field)).toEqual(["done"]);
  });

  test("dates on a row that is not a milestone are checked but prove nothing: the Có mark says it is late", () => {
    expect(lateOf(run({ due: "2025-06-30", done: "2025-07-01" }, "document", "increase"))).toEqual({ row: false, late: 0, level: "good", errors: [] });
    expect(run({ due: "hôm qua" }, "document", "increase").errors.map((e) => e.field)).toEqual(["due"]);
    expect(lateOf(run({ late: "Có" }, "document", "increase"))).toMatchObject({ row: true, late: 1 });
  });

  test("any dates: late exactly when a milestone's done day is after its due day, whatever the mark", () => {
    const day = fc.integer({ min: 1, max: 2_958_465 });
    fc.assert(
      fc.property(day, day, fc.constantFrom(null, "Có", "Không"), (due, done, mark) => {
        const e = run({ due, done, late: mark }, "sheet");
        expect(e.indicators[0].late).toBe(mark === "Có" || done > due);
        expect(e.summary.late).toBe(e.indicators[0].late ? 1 : 0);
      }),
    );
  });
});

describe("evaluate", () => {
  test("the default catalogue has 18 indicators in 4 groups, with the five basic socio-economic ones key", () => {
    expect(DEFAULT_CATALOGUE.groups).toHaveLength(4);
    expect(DEFAULT_CATALOGUE.indicators).toHaveLength(18);
    expect(DEFAULT_CATALOGUE.indicators.filter((i) => i.key).map((i) => i.code)).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5"]);
    const groups = new Set(DEFAULT_CATALOGUE.groups.map((g) => g.code));
    expect(DEFAULT_CATALOGUE.indicators.every((i) => groups.has(i.group))).toBe(true);
  });

  test("duplicate codes, bad directions, flags and weights are input errors naming the indicator", () => {
    const result = evaluate({
      indicators: [
        { code: "1.1", direction: "increase", target: 10, actual: 10 },
        { code: "1.1", direction: "Tăng", target: 10, actual: 12 },
        { code: "1.2", direction: "lên", target: 10, actual: 12 },
        { code: "1.3", direction: "Giảm", target: 10, actual: 12, key: "có lẽ" },
        { code: "1.4", direction: "decrease", target: 10, actual: 8, weight: 0 },
        { code: " ", direction: "decrease", target: 10, actual: 8 },
      ],
    });
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([
      ["1.1", "code"],
      ["1.2", "direction"],
      ["1.3", "key"],
      ["1.4", "weight"],
      ["", "code"],
    ]);
    expect(result.indicators.map((i) => i.status)).toEqual(["met", "error", "error", "error", "error", "error"]);
    expect(result.summary.provisional).toBe(true);
  });

  test("Vietnamese direction words and decomposed text are accepted", () => {
    const result = evaluate({
      indicators: [
        { code: "a", direction: "Giảm".normalize("NFD"), target: "10", actual: "8" },
        { code: "b", direction: "Đạt/Không", actual: "Đạt" },
      ],
    });
    expect(result.indicators.map((i) => i.status)).toEqual(["exceeded", "met"]);
    expect(result.errors).toEqual([]);
  });

  test("a common score outside 0–30 is an input error", () => {
    const result = evaluate({ commonScore: 31, indicators: [{ code: "a", direction: "increase", target: 1, actual: 1 }] });
    expect(result.errors).toEqual([
      { index: null, code: null, field: "commonScore", message: expect.stringContaining("từ 0 đến 30"), id: "engine.badCommonScore", params: ["31", 30] },
    ]);
    expect(result.summary.points).toBeNull();
  });
});

/** Properties over random documents built on the default catalogue. */
describe("properties", () => {
  const actualFor = fc.double({ min: -50, max: 5000, noNaN: true, noDefaultInfinity: true });
  const document = fc.record({
    commonScore: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    preset: fc.constantFrom("qd366-2025" as const, "nd90-2020" as const),
    values: fc.array(
      fc.record({
        target: fc.double({ min: 0.5, max: 3000, noNaN: true, noDefaultInfinity: true }),
        actual: fc.option(actualFor, { nil: undefined }),
        done: fc.boolean(),
      }),
      { minLength: 18, maxLength: 18 },
    ),
  });

  function inputs(values: { target: number; actual?: number; done: boolean }[]): IndicatorInput[] {
    return DEFAULT_CATALOGUE.indicators.map((indicator, i) => ({
      ...indicator,
      target: indicator.direction === "milestone" ? "Đạt" : values[i].target,
      actual: indicator.direction === "milestone" ? (values[i].done ? "Đạt" : "Không đạt") : values[i].actual,
    }));
  }

  const rank = (level: Level | null) => (level === null ? -1 : levelRank(level));

  test("raising an increase actual, or lowering a decrease actual, never lowers the level", () => {
    fc.assert(
      fc.property(document, fc.nat({ max: 17 }), fc.double({ min: 0, max: 1000, noNaN: true }), (doc, index, delta) => {
        const base = inputs(doc.values);
        const indicator = base[index];
        fc.pre(indicator.direction !== "milestone" && typeof indicator.actual === "number");
        const better = base.map((item, i) =>
          i === index ? { ...item, actual: (item.actual as number) + (item.direction === "increase" ? delta : -delta) } : item,
        );
        const before = evaluate({ preset: doc.preset, commonScore: doc.commonScore, indicators: base });
        const after = evaluate({ preset: doc.preset, commonScore: doc.commonScore, indicators: better });
        expect(rank(after.summary.level)).toBeGreaterThanOrEqual(rank(before.summary.level));
      }),
      { numRuns: 400 },
    );
  });

  test("shuffling indicator order changes nothing", () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { minLength: 18, maxLength: 18 }), (doc, keys) => {
        const base = inputs(doc.values);
        const shuffled = base.map((item, i) => ({ item, k: keys[i] })).sort((a, b) => a.k - b.k).map((x) => x.item);
        const a = evaluate({ preset: doc.preset, commonScore: doc.commonScore, indicators: base });
        const b = evaluate({ preset: doc.preset, commonScore: doc.commonScore, indicators: shuffled });
        const { reasons: reasonsA, ...summaryA } = a.summary;
        const { reasons: reasonsB, ...summaryB } = b.summary;
        expect(summaryB).toEqual(summaryA);
        expect(reasonsB.length).toBe(reasonsA.length);
        const byCode = (r: typeof a) => Object.fromEntries(r.indicators.map((i) => [i.code, i]));
        expect(byCode(b)).toEqual(byCode(a));
      }),
      { numRuns: 300 },
    );
  });
});
