import { absolute, cellAddress, columnIndex, columnLetter, insideSheet, MAX_COLUMNS, MAX_ROWS, parseCell, rangeAddress } from "../../src/layout/addresses";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16_383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  it("every column of the worksheet goes to letters and back", () => {
    const wrong = Array.from({ length: MAX_COLUMNS }, (_, i) => i).filter((i) => columnIndex(columnLetter(i)) !== i);
    expect(wrong).toEqual([]);
  });

  it("refuses a column past XFD or before A", () => {
    expect(() => columnLetter(MAX_COLUMNS)).toThrow(RangeError);
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => cellAddress(0, MAX_COLUMNS)).toThrow(RangeError);
  });

  it("counts letters past XFD without wrapping onto another column, so readers can name them", () => {
    expect(columnIndex("XFE")).toBe(MAX_COLUMNS);
    expect(columnIndex("AAAA")).toBeGreaterThan(MAX_COLUMNS);
    expect(() => columnIndex("A1")).toThrow(RangeError);
    expect(() => columnIndex("")).toThrow(RangeError);
  });

  it("reads cells up to XFD1048576 and refuses any past it", () => {
    expect(parseCell("A1")).toEqual({ row: 0, column: 0 });
    expect(parseCell("$XFD$1048576")).toEqual({ row: MAX_ROWS - 1, column: MAX_COLUMNS - 1 });
    expect(cellAddress(MAX_ROWS - 1, MAX_COLUMNS - 1)).toBe("XFD1048576");
    expect(() => parseCell("A1048577")).toThrow(RangeError);
    expect(() => parseCell("XFE1")).toThrow(RangeError);
    expect(() => parseCell("A0")).toThrow(RangeError);
    expect(() => parseCell("B")).toThrow(RangeError);
    expect(() => cellAddress(MAX_ROWS, 0)).toThrow(RangeError);
  });

  it("knows the worksheet's edges", () => {
    expect(insideSheet(0, 0)).toBe(true);
    expect(insideSheet(MAX_ROWS - 1, MAX_COLUMNS - 1)).toBe(true);
    expect(insideSheet(MAX_ROWS, 0)).toBe(false);
    expect(insideSheet(0, MAX_COLUMNS)).toBe(false);
    expect(insideSheet(-1, 0)).toBe(false);
  });

  it("builds ranges and absolute references", () => {
    expect(rangeAddress("Y3", 2, 3)).toBe("Y3:AA4");
    expect(rangeAddress("C5", 1, 1)).toBe("C5");
    expect(absolute("Z9:AB10")).toBe("$Z$9:$AB$10");
  });
});
