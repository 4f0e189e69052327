import fc from "fast-check";
import {
  DEFAULT_COMMON_CRITERIA,
  ruleSet,
  scoreCommonCriteria,
  SCORE_COLUMNS,
  type CriterionInput,
} from "../../src/domain";

const MAX = ruleSet("qd366-2025").commonMaxPoints;

/** The default criteria with the three columns filled as given (one value per row). */
function rows(competent: readonly unknown[], others: { self?: readonly unknown[]; superior?: readonly unknown[] } = {}): CriterionInput[] {
  return DEFAULT_COMMON_CRITERIA.map((c, i) => ({
    code: c.code,
    text: c.text,
    maxPoints: c.maxPoints,
    self: others.self?.[i] ?? null,
    superior: others.superior?.[i] ?? null,
    competent: competent[i],
  }));
}

describe("the default criteria", () => {
  test("add up to the rules' common maximum and each has a text and a positive maximum", () => {
    expect(DEFAULT_COMMON_CRITERIA.reduce((sum, c) => sum + c.maxPoints, 0)).toBe(MAX);
    for (const c of DEFAULT_COMMON_CRITERIA) {
      expect(c.text.length).toBeGreaterThan(10);
      expect(c.maxPoints).toBeGreaterThan(0);
    }
    expect(new Set(DEFAULT_COMMON_CRITERIA.map((c) => c.code)).size).toBe(DEFAULT_COMMON_CRITERIA.length);
  });
});

describe("scoreCommonCriteria", () => {
  test("every competent cell filled and valid: the competent total is the common score", () => {
    const result = scoreCommonCriteria(rows([9, 8.5, 10], { self: [10, 10, 10], superior: [9, 9, 9] }), MAX);
    expect(result.state).toBe("complete");
    expect(result.score).toBe(27.5);
    expect(result.scores.self).toEqual({ total: 30, blank: 0, invalid: 0 });
    expect(result.scores.superior).toEqual({ total: 27, blank: 0, invalid: 0 });
    expect(result.maxPoints.total).toBe(30);
    expect(result.errors).toEqual([]);
  });

  test("a blank competent cell leaves the score not entered (provisional), not 0", () => {
    const result = scoreCommonCriteria(rows([9, null, 10]), MAX);
    expect(result.state).toBe("provisional");
    expect(result.score).toBeNull();
    expect(result.scores.competent).toEqual({ total: 19, blank: 1, invalid: 0 });
    expect(result.errors).toEqual([]);
  });

  test("whitespace is blank", () => {
    expect(scoreCommonCriteria(rows([9, "   ", 10]), MAX).state).toBe("provisional");
  });

  test("a score above its row's maximum is invalid, named by row and column", () => {
    const result = scoreCommonCriteria(rows([9, 11, 10]), MAX);
    expect(result.state).toBe("invalid");
    expect(result.score).toBeNull();
    expect(result.errors).toEqual([{ index: 1, field: "competent", message: "Điểm 11 lớn hơn điểm tối đa 10 của tiêu chí.", id: "criteria.aboveMax", params: [11, 10] }]);
    expect(result.scores.competent).toEqual({ total: 30, blank: 0, invalid: 1 });
  });

  test("a negative score is invalid", () => {
    const result = scoreCommonCriteria(rows([9, -1, 10]), MAX);
    expect(result.state).toBe("invalid");
    expect(result.errors[0].message).toMatch(/không được âm/);
  });

  test("text in a number cell is an error with the number to retype, and is not summed", () => {
    const result = scoreCommonCriteria(rows([9, "8,5", 10]), MAX);
    expect(result.state).toBe("invalid");
    expect(result.errors).toEqual([{ index: 1, field: "competent", message: expect.stringContaining("gõ lại thành số 8,5"), id: "engine.textNumber", params: ['"8,5"', 8.5] }]);
    expect(result.scores.competent.total).toBe(19);
    const words = scoreCommonCriteria(rows([9, "tốt", 10]), MAX);
    expect(words.errors[0].message).toMatch(/Không đọc được số từ "tốt"/);
  });

  test("invalid wins over blank: a typing error is reported even while cells are missing", () => {
    expect(scoreCommonCriteria(rows([null, 12, null]), MAX).state).toBe("invalid");
  });

  test("errors in the self-assessed and direct-superior columns are reported but do not touch the score", () => {
    const result = scoreCommonCriteria(rows([9, 9, 9], { self: [12, "x", -1], superior: [null, 9, 9] }), MAX);
    expect(result.state).toBe("complete");
    expect(result.score).toBe(27);
    expect(result.errors.map((e) => [e.index, e.field])).toEqual([
      [0, "self"],
      [1, "self"],
      [2, "self"],
    ]);
    expect(result.scores.self).toEqual({ total: 11, blank: 0, invalid: 3 });
    expect(result.scores.superior).toEqual({ total: 18, blank: 1, invalid: 0 });
  });

  test("maxima that do not add up to the common maximum make the score invalid", () => {
    const edited = rows([9, 9, 9]).map((r, i) => (i === 0 ? { ...r, maxPoints: 8 } : r));
    const result = scoreCommonCriteria(edited, MAX);
    expect(result.state).toBe("invalid");
    expect(result.maxTotalMatches).toBe(false);
    expect(result.errors).toEqual([
      { index: 0, field: "competent", message: "Điểm 9 lớn hơn điểm tối đa 8 của tiêu chí.", id: "criteria.aboveMax", params: [9, 8] },
      {
        index: null,
        field: "maxPoints",
        message: "Tổng điểm tối đa các tiêu chí là 28, khác điểm tiêu chí chung tối đa 30 (trang Quy tắc).",
        id: "criteria.maxTotal",
        params: [28, 30],
      },
    ]);
  });

  test("a missing, textual or negative maximum is an error of that row", () => {
    const edited: CriterionInput[] = [
      { code: "1", text: "A", maxPoints: null, competent: 5 },
      { code: "2", text: "B", maxPoints: "15", competent: 5 },
      { code: "3", text: "C", maxPoints: -5, competent: 5 },
      { code: "4", text: "D", maxPoints: 35, competent: 5 },
    ];
    const result = scoreCommonCriteria(edited, MAX);
    expect(result.state).toBe("invalid");
    expect(result.maxPoints).toEqual({ total: 30, blank: 0, invalid: 3 });
    expect(result.errors.map((e) => [e.index, e.field])).toEqual([
      [0, "maxPoints"],
      [1, "maxPoints"],
      [2, "maxPoints"],
    ]);
    expect(result.errors[0].message).toBe("Chưa nhập điểm tối đa của tiêu chí.");
    expect(result.errors[1].message).toMatch(/gõ lại thành số 15/);
  });

  test("empty rows are not criteria; a blank table cannot reach the maximum", () => {
    const withEmpty = [...rows([10, 10, 10]), { code: null, text: "  ", maxPoints: null }];
    expect(scoreCommonCriteria(withEmpty, MAX)).toMatchObject({ state: "complete", score: 30 });
    expect(scoreCommonCriteria([], MAX)).toMatchObject({ state: "invalid", score: null, maxTotalMatches: false });
  });

  test("totals are rounded to 2 decimals so that float noise never breaks the check", () => {
    const tenths: CriterionInput[] = [
      { maxPoints: 10.1, competent: 0.1 },
      { maxPoints: 9.9, competent: 0.2 },
      { maxPoints: 10, competent: 0 },
    ];
    expect(scoreCommonCriteria(tenths, MAX)).toMatchObject({ state: "complete", score: 0.3, maxTotalMatches: true });
  });
});

describe("scoreCommonCriteria properties", () => {
  /** Maxima as whole halves summing to MAX, and a valid score (in halves) for each row. */
  const validTable = fc
    .array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 })
    .map((weights) => {
      const halves = MAX * 2;
      const total = weights.reduce((a, b) => a + b, 0);
      const parts = weights.map((w) => Math.floor((w / total) * halves));
      parts[0] += halves - parts.reduce((a, b) => a + b, 0);
      return parts.map((p) => p / 2);
    })
    .chain((maxima) =>
      fc
        .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: maxima.length, maxLength: maxima.length })
        .map((shares): [number[], number[]] => [maxima, shares.map((s, i) => Math.round(s * maxima[i] * 2) / 2)]),
    );

  const table = (maxima: readonly number[], competent: readonly unknown[]): CriterionInput[] =>
    maxima.map((m, i) => ({ code: String(i + 1), text: `Tiêu chí ${i + 1}`, maxPoints: m, competent: competent[i] }));

  test("a complete, valid competent column gives its total, within 0 and the maximum", () => {
    fc.assert(
      fc.property(validTable, ([maxima, scores]) => {
        const result = scoreCommonCriteria(table(maxima, scores), MAX);
        const sum = scores.reduce((a, b) => a + b, 0);
        expect(result.state).toBe("complete");
        expect(result.score).toBeCloseTo(sum, 9);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(MAX);
        expect(result.errors).toEqual([]);
      }),
    );
  });

  test("blanking any competent cell makes it provisional; a bad value anywhere makes it invalid", () => {
    const bad = fc.oneof(
      fc.constantFrom("abc", "5", "x", true),
      fc.integer({ min: -30, max: -1 }),
      fc.integer({ min: 31, max: 100 }),
    );
    fc.assert(
      fc.property(validTable, fc.nat(), fc.nat(), bad, ([maxima, scores], blankAt, badAt, value) => {
        const blanked = scores.map((s, i) => (i === blankAt % scores.length ? null : s));
        expect(scoreCommonCriteria(table(maxima, blanked), MAX)).toMatchObject({ state: "provisional", score: null, errors: [] });
        const broken = blanked.map((s, i) => (i === badAt % scores.length ? value : s));
        const result = scoreCommonCriteria(table(maxima, broken), MAX);
        expect(result).toMatchObject({ state: "invalid", score: null });
        expect(result.errors).toEqual([expect.objectContaining({ index: badAt % scores.length, field: "competent" })]);
      }),
    );
  });

  test("the other two columns never change the state or the score", () => {
    const anything = fc.oneof(fc.constant(null), fc.string(), fc.double({ noNaN: true, min: -50, max: 50 }));
    fc.assert(
      fc.property(validTable, fc.array(anything, { maxLength: 8 }), fc.array(anything, { maxLength: 8 }), ([maxima, scores], self, superior) => {
        const plain = scoreCommonCriteria(table(maxima, scores), MAX);
        const filled = scoreCommonCriteria(
          table(maxima, scores).map((r, i) => ({ ...r, self: self[i] ?? null, superior: superior[i] ?? null })),
          MAX,
        );
        expect([filled.state, filled.score]).toEqual([plain.state, plain.score]);
        expect(filled.errors.every((e) => e.field !== "competent" && e.field !== "maxPoints")).toBe(true);
      }),
    );
  });

  test("each column's counts add up: blank + invalid + valid = criteria rows", () => {
    const cellValue = fc.oneof(fc.constant(null), fc.constant("t"), fc.integer({ min: -5, max: 15 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(cellValue, cellValue, cellValue), { minLength: 1, maxLength: 6 }), (cells) => {
        const input = cells.map(([self, superior, competent], i) => ({ code: String(i + 1), maxPoints: 10, self, superior, competent }));
        const result = scoreCommonCriteria(input, MAX);
        SCORE_COLUMNS.forEach((column, c) => {
          const values = cells.map((row) => row[c]);
          const valid = values.filter((v) => typeof v === "number" && v >= 0 && v <= 10).length;
          expect(result.scores[column].blank + result.scores[column].invalid + valid).toBe(cells.length);
          const numbers = values.filter((v): v is number => typeof v === "number");
          expect(result.scores[column].total).toBe(numbers.reduce((a, b) => a + b, 0));
        });
      }),
    );
  });
});
