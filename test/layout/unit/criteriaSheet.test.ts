import { DEFAULT_COMMON_CRITERIA } from "../../../src/domain";
import {
  commonScoreFormula,
  COMMON_SCORE_INVALID,
  CRITERIA_NAMES,
  criteriaSheet,
  readCriteriaTable,
  RULE_NAMES,
  scoreCriteriaTable,
  SHEETS,
  unitWorkbook,
  type Block,
  type TableGrid,
} from "../../../src/layout";

const layout = unitWorkbook({ unitName: "Tam Đảo", head: "Nguyễn Văn A", year: 2021 });
const sheet = layout.sheets.find((s) => s.name === SHEETS.criteria);
if (sheet === undefined) throw new Error("no criteria sheet");

const blockAt = (at: string) => sheet.blocks.find((b) => b.at === at);
const texts = (b: Block | undefined) => b?.cells.map((row) => row.map((c) => ("value" in c ? c.value : c.formula)));
const isFormulaBlock = (b: Block) => b.cells.flat().some((c) => "formula" in c);

describe("the common-criteria sheet", () => {
  test("is part of the unit workbook, after the rules it reads", () => {
    expect(layout.sheets.map((s) => s.name)).toEqual([SHEETS.unit, SHEETS.catalogue, SHEETS.rules, SHEETS.criteria]);
  });

  test("has the scoring sheet's exact headers over one row per default criterion", () => {
    expect(texts(blockAt("A6"))).toEqual([["TT", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Quản lý trực tiếp", "Cấp có thẩm quyền"]]);
    expect(sheet.tables).toEqual([{ name: "tblTieuChiChung", range: "A6:F9", style: expect.any(String) }]);
    expect(texts(blockAt("A7"))).toEqual(DEFAULT_COMMON_CRITERIA.map((c) => [c.code, c.text, c.maxPoints, null, null, null]));
  });

  test("names the text it follows and says its maxima are a default to check", () => {
    const source = [blockAt("A3"), blockAt("A4")].map((b) => String(texts(b)?.[0][0]));
    expect(source.join(" ")).toMatch(/Quy định 366-QĐ\/TW/);
    expect(source.join(" ")).toMatch(/mặc định/);
  });

  test("criteria, maxima, scores and the source line are unlocked; every formula stays locked", () => {
    expect(sheet.protect).toBe(true);
    expect(blockAt("A7")).toMatchObject({ owner: "user", unlocked: true });
    expect(sheet.blocks.filter((b) => b.owner === "user").every((b) => b.unlocked)).toBe(true);
    expect(sheet.blocks.filter(isFormulaBlock).every((b) => !b.unlocked && b.owner === "addin")).toBe(true);
  });

  test("totals, counts, check line and common score sit below the table", () => {
    expect(texts(blockAt("C10"))).toEqual([
      ["=ROUND(SUM($C$7:$C$9),2)", "=ROUND(SUM($D$7:$D$9),2)", "=ROUND(SUM($E$7:$E$9),2)", "=ROUND(SUM($F$7:$F$9),2)"],
    ]);
    expect(blockAt("D11")?.cells[0]).toHaveLength(3);
    expect(blockAt("C12")?.cells[0]).toHaveLength(4);
    expect(String(texts(blockAt("C13"))?.[0][0])).toContain(`${CRITERIA_NAMES.maxTotal}<>${RULE_NAMES.commonMaxPoints}`);
    expect(String(texts(blockAt("F15"))?.[0][0])).toContain(`"${COMMON_SCORE_INVALID}"`);
  });

  test("defines workbook names for the totals, the check line and the common score", () => {
    const names = layout.names.filter((n) => n.sheet === SHEETS.criteria);
    expect(names).toEqual([
      { name: "TieuChiChungToiDa", ref: "$C$10", sheet: SHEETS.criteria },
      { name: "TieuChiChungTuCham", ref: "$D$10", sheet: SHEETS.criteria },
      { name: "TieuChiChungQuanLy", ref: "$E$10", sheet: SHEETS.criteria },
      { name: "TieuChiChungThamQuyen", ref: "$F$10", sheet: SHEETS.criteria },
      { name: "TieuChiChungKiemTra", ref: "$C$13", sheet: SHEETS.criteria },
      { name: "TieuChiChungTong", ref: "$F$15", sheet: SHEETS.criteria },
    ]);
  });

  test("gives the unit sheet a common-score formula over a defined name", () => {
    expect(commonScoreFormula()).toBe("=TieuChiChungTong");
    expect(layout.names.map((n) => n.name)).toContain(commonScoreFormula().slice(1));
  });

  test("limits each score to 0..its row's maximum and each maximum to 0..the common maximum", () => {
    expect(sheet.validations.map((v) => [v.range, v.rule])).toEqual([
      ["C7:C9", { kind: "decimal", operator: "between", formula1: "0", formula2: `=${RULE_NAMES.commonMaxPoints}` }],
      ["D7:F9", { kind: "decimal", operator: "between", formula1: "0", formula2: "=$C7" }],
    ]);
  });

  test("flags bad scores, bad maxima, the maxima's total, the check line and an invalid score in red", () => {
    const red = sheet.conditionalFormats.filter((c) => c.fill === "#FFC7CE").map((c) => c.range);
    expect(red).toEqual(["D7:F9", "C7:C9", "C10", "C13", "F15"]);
  });

  test("moves everything below the table when a province has more criteria", () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ code: String(i + 1), text: `Tiêu chí ${i + 1}`, maxPoints: 6 }));
    const wb = unitWorkbook({ unitName: "X", head: "Y", year: 2025, criteria: five });
    const bigger = wb.sheets.find((s) => s.name === SHEETS.criteria);
    expect(bigger?.tables[0].range).toBe("A6:F11");
    expect(wb.names.find((n) => n.name === CRITERIA_NAMES.score)?.ref).toBe("$F$17");
    expect(criteriaSheet(five).print?.area).toBe("A1:F18");
  });
});

/** A criteria table as Excel returns it, header first, starting at `origin`. */
function grid(values: unknown[][], origin = "A6"): TableGrid {
  return { sheet: SHEETS.criteria, origin, values, formulas: values };
}

const HEADER = ["TT", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Quản lý trực tiếp", "Cấp có thẩm quyền"];

describe("readCriteriaTable and scoreCriteriaTable", () => {
  test("read the default layout's rows and score them", () => {
    const read = readCriteriaTable(grid([HEADER, ["1", "A", 10, 10, 9, 9], ["2", "B", 10, 8, 8, 8], ["3", "C", 10, 7, 7, 7.5]]));
    expect(read.rows.map((r) => r.sheetRow)).toEqual([7, 8, 9]);
    const { result, problems } = scoreCriteriaTable(read, SHEETS.criteria, 30);
    expect(result).toMatchObject({ state: "complete", score: 24.5 });
    expect(problems).toEqual([]);
  });

  test("find moved, renamed-case and decomposed Vietnamese columns by header text", () => {
    const header = ["Ghi chú", "Cấp có thẩm quyền".normalize("NFD"), " tự chấm ", "TT", "ĐIỂM TỐI ĐA", "Tiêu chí", "Quản lý trực tiếp".normalize("NFD")];
    const read = readCriteriaTable(grid([header, ["", 9, 10, "1", 10, "A", 9], ["", 8, 10, "2", 20, "B", 9]], "B20"));
    expect(read.rows.map((r) => r.input)).toEqual([
      { code: "1", text: "A", maxPoints: 10, self: 10, superior: 9, competent: 9 },
      { code: "2", text: "B", maxPoints: 20, self: 10, superior: 9, competent: 8 },
    ]);
    expect(read.headerCells).toMatchObject({ competent: "C20", maxPoints: "F20" });
    expect(scoreCriteriaTable(read, SHEETS.criteria, 30).result).toMatchObject({ state: "complete", score: 17 });
  });

  test("name the cell of text typed in a number cell, with the number to retype", () => {
    const read = readCriteriaTable(grid([HEADER, ["1", "A", 10, 10, 9, "9"], ["2", "B", 20, "tốt", 8, 8]]));
    const { result, problems } = scoreCriteriaTable(read, SHEETS.criteria, 30);
    expect(result.state).toBe("invalid");
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([
      ["F7", "error"],
      ["D8", "error"],
    ]);
    expect(problems[0].message).toMatch(/^Trang "Tiêu chí chung", ô F7: tiêu chí 1, cột Cấp có thẩm quyền: .*gõ lại thành số 9/);
    expect(problems[1].detail).toMatch(/^tiêu chí 2, cột Tự chấm: Không đọc được số từ "tốt"/);
  });

  test("point a score above its maximum at its cell and a wrong total of maxima at the maxima's header", () => {
    const read = readCriteriaTable(grid([HEADER, ["1", "A", 10, null, null, 12], [null, "B", 10, null, null, 5]]));
    const { problems } = scoreCriteriaTable(read, SHEETS.criteria, 30);
    expect(problems.map((p) => [p.cell, p.detail])).toEqual([
      ["F7", "tiêu chí 1, cột Cấp có thẩm quyền: Điểm 12 lớn hơn điểm tối đa 10 của tiêu chí."],
      ["C6", "Tổng điểm tối đa các tiêu chí là 20, khác điểm tiêu chí chung tối đa 30 (trang Quy tắc)."],
    ]);
    const unnamed = scoreCriteriaTable(readCriteriaTable(grid([HEADER, [null, "B", 30, null, null, 31]])), SHEETS.criteria, 30);
    expect(unnamed.problems[0].detail).toMatch(/^tiêu chí ở dòng 7, cột Cấp có thẩm quyền/);
  });

  test("report a missing score column by name and nothing else", () => {
    const read = readCriteriaTable(grid([["TT", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Quản lý"], ["1", "A", 30, 30, 30]]));
    expect(read.rows).toEqual([]);
    const { result, problems } = scoreCriteriaTable(read, SHEETS.criteria, 30);
    expect(result.state).toBe("invalid");
    expect(problems.map((p) => p.detail)).toEqual([
      expect.stringContaining('thiếu cột "Quản lý trực tiếp"'),
      expect.stringContaining('thiếu cột "Cấp có thẩm quyền"'),
    ]);
  });

  test("skip empty rows, and a blank competent cell keeps the score provisional", () => {
    const read = readCriteriaTable(grid([HEADER, ["1", "A", 15, 15, 15, 15], ["", "", "", "", "", ""], ["2", "B", 15, 15, 15, null]]));
    const { result, problems } = scoreCriteriaTable(read, SHEETS.criteria, 30);
    expect(result).toMatchObject({ state: "provisional", score: null });
    expect(problems).toEqual([]);
  });
});
