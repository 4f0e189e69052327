import fc from "fast-check";
import { formatNumber, parseFlag, parseMilestone, parseNumber, parseYesNo, roundHalfAway } from "../../src/domain";

const value = (raw: unknown) => {
  const parsed = parseNumber(raw);
  return parsed.kind === "value" ? parsed.value : parsed.kind;
};

describe("parseNumber", () => {
  test.each([
    [2100, 2100],
    ["2100", 2100],
    ["2.100", 2100],
    ["1.234.567", 1234567],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1234.5", 1234.5],
    ["105,5", 105.5],
    ["105,5%", 105.5],
    ["90 %", 90],
    ["-1,2", -1.2],
    ["\u22121,2", -1.2],
    ["+6,5", 6.5],
    ["2 100", 2100],
    ["2\u00a0100,5", 2100.5],
    ["  2.100  ", 2100],
    ["0", 0],
    [",5", 0.5],
    ["1,234,567", 1234567],
    ["0.750", 0.75],
    ["0.5", 0.5],
    ["1.5", 1.5],
    ["-0.750", -0.75],
    ["0,750", 0.75],
    ["0.750%", 0.75],
  ])("%p → %p", (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  test.each([null, undefined, "", "   "])("%p is missing", (raw) => {
    expect(value(raw)).toBe("missing");
  });

  test.each(["abc", "2.10.0", "1.234,5,6", "12a", "1..2", "--1", "2 10", true, NaN, Infinity, {}, "=A1+1", "1.234.5", "0.750.000", "0.234,5", "0,750,000"])(
    "%p is invalid and quoted back",
    (raw) => {
      const parsed = parseNumber(raw);
      expect(parsed.kind).toBe("invalid");
    },
  );

  test("decomposed Vietnamese text is normalised before reading", () => {
    expect(parseMilestone("Đạt".normalize("NFD"))).toEqual({ kind: "value", value: true });
    expect(parseMilestone("KHÔNG ĐẠT".normalize("NFD"))).toEqual({ kind: "value", value: false });
  });
});

describe("parseMilestone and parseFlag", () => {
  test.each([
    ["Đạt", true],
    ["đạt", true],
    ["x", true],
    ["X", true],
    [true, true],
    [1, true],
    ["Không đạt", false],
    [false, false],
    [0, false],
  ])("%p → %p", (raw, expected) => {
    expect(parseMilestone(raw)).toEqual({ kind: "value", value: expected });
  });

  test.each(["đạt một phần", 2, 0.5, "100%"])("%p is invalid", (raw) => {
    expect(parseMilestone(raw).kind).toBe("invalid");
  });

  test("an empty key flag means not key", () => {
    expect(parseFlag("")).toEqual({ kind: "value", value: false });
    expect(parseFlag("x")).toEqual({ kind: "value", value: true });
    expect(parseFlag("có lẽ").kind).toBe("invalid");
  });
});

describe("reading numbers back (docs/rules.md §1)", () => {
  test("every number formatted in Vietnamese style parses back to itself", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, decimals) => {
        const text = formatNumber(x, decimals);
        const parsed = parseNumber(text);
        expect(parsed).toEqual({ kind: "value", value: roundHalfAway(x, decimals) + 0 });
      }),
      { numRuns: 2000 },
    );
  });

  test("no text with a leading 0. is ever read as a number of 1 or more", () => {
    const tail = fc.array(fc.constantFrom("0", "1", "5", "7", "9", ".", ",", " ", "%"), { maxLength: 12 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.constantFrom("", "-", "+"), tail, (sign, rest) => {
        const parsed = parseNumber(`${sign}0.${rest}`);
        if (parsed.kind === "value") expect(Math.abs(parsed.value)).toBeLessThan(1);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("parseYesNo (disqualifying conditions)", () => {
  test.each([
    ["Có", true],
    ["có", true],
    ["CÓ".normalize("NFD"), true],
    ["Không", false],
    ["", false],
    [null, false],
    [true, true],
    [0, false],
  ])("%p → %p", (raw, expected) => {
    expect(parseYesNo(raw)).toEqual({ kind: "value", value: expected });
  });

  test.each(["có lẽ", 2, "không rõ"])("%p is invalid", (raw) => {
    expect(parseYesNo(raw).kind).toBe("invalid");
  });
});
