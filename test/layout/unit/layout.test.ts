import { DEFAULT_CATALOGUE } from "../../../src/domain";
import { SHEETS, unitWorkbook, type Block, type WorkbookLayout } from "../../../src/layout";

/** With the printed document and the follow-up sheet, so that their formulas are held to the same rules. */
const layout: WorkbookLayout = unitWorkbook({ unitName: "Tam Đảo", head: "Nguyễn Văn A", year: 2021, withPrintSheet: true, withFollowUp: true });

const formulas = (l: WorkbookLayout) =>
  l.sheets.flatMap((sheet) => [
    ...sheet.blocks.flatMap((block) => block.cells.flat().flatMap((c) => ("formula" in c ? [c.formula] : []))),
    ...sheet.conditionalFormats.map((c) => c.formula),
    ...sheet.validations.flatMap((v) => (v.rule.kind === "custom" ? [v.rule.formula] : [])),
  ]);

/** Every function the layout may use: all exist in Excel 2010, none is volatile. */
const EXCEL_2010_SAFE = new Set([
  "IF", "AND", "OR", "NOT", "TRIM", "COUNTA", "COUNTIF", "SUMPRODUCT", "ISNUMBER", "ROUND", "MAX",
  "MATCH", "ISNA", "IFERROR", "UPPER", "LEN", "SUM", "INDEX", "ABS", "INT", "LEFT", "RIGHT", "MONTH",
  "SUMIF", "MIN",
]);

/** A formula without its string literals and quoted sheet names ('Chỉ tiêu'!). */
const code = (f: string) => f.replace(/"[^"]*"/g, "").replace(/'[^']*'!/g, "");

describe("the layout's formulas", () => {
  test("use only Excel 2010 functions and nothing volatile", () => {
    expect(layout.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining([SHEETS.print, "Theo dõi"]));
    const used = new Set(formulas(layout).flatMap((f) => [...code(f).matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    expect([...used].filter((name) => !EXCEL_2010_SAFE.has(name))).toEqual([]);
    for (const forbidden of ["LET", "LAMBDA", "IFS", "XLOOKUP", "INDIRECT", "OFFSET", "TODAY", "NOW", "RAND", "FILTER", "IFNA"]) {
      expect(used.has(forbidden)).toBe(false);
    }
  });

  test("refer to names the workbook defines", () => {
    const names = new Set(layout.names.map((n) => n.name));
    const referenced = new Set(
      formulas(layout).flatMap((f) => [...code(f).matchAll(/(?<![$A-Za-z0-9_.'!])([A-Z][A-Za-z]+)(?![A-Za-z0-9_(!])/g)].map((m) => m[1])),
    );
    expect([...referenced]).toEqual(
      expect.arrayContaining(["XepLoaiDeXuat", "DiemXuatSac", "DanhSachXepLoai", "DiemTieuChiChung", "SuyThoai", "XepLoaiCongChuc", "TongDiem", "TamTinh", "NguoiKy"]),
    );
    const unknown = [...referenced].filter((name) => !names.has(name) && !/^(TRUE|FALSE)$/.test(name));
    expect(unknown).toEqual([]);
  });
});

describe("protection and ownership", () => {
  const unit = layout.sheets[0];
  const isFormulaBlock = (b: Block) => b.cells.flat().some((c) => "formula" in c);

  test("every formula cell stays locked; every cell a person types into is unlocked", () => {
    expect(unit.protect).toBe(true);
    expect(unit.blocks.filter(isFormulaBlock).every((b) => !b.unlocked)).toBe(true);
    expect(unit.blocks.filter((b) => b.owner === "user").every((b) => b.unlocked)).toBe(true);
  });

  test("the add-in owns only labels and formulas; targets, actuals, notes and levels belong to people", () => {
    const userCells = unit.blocks.filter((b) => b.owner === "user").map((b) => b.at);
    expect(userCells).toEqual(expect.arrayContaining(["A8", "L8"]));
    const addinFormulaRows = unit.blocks.filter((b) => b.owner === "addin" && isFormulaBlock(b));
    expect(addinFormulaRows.length).toBeGreaterThan(0);
  });

  test("a milestone's two dates (M, N) are typed by people: unlocked, shown dd/mm/yyyy, validated as whole days", () => {
    const last = 7 + DEFAULT_CATALOGUE.indicators.length;
    expect(unit.blocks.find((b) => b.at === "M8")).toMatchObject({ owner: "user", unlocked: true });
    expect(unit.rangeStyles.find((r) => r.range === `M8:N${last}`)).toMatchObject({ unlocked: true, style: { numberFormat: "dd/mm/yyyy" } });
    expect(unit.validations.filter((v) => /^[MN]8:/.test(v.range)).map((v) => [v.range, v.errorTitle, v.rule])).toEqual([
      [`M8:M${last}`, "Hạn hoàn thành", { kind: "custom", formula: '=OR(TRIM(M8)="",AND(ISNUMBER(M8),M8>=1,M8<2958466,M8=INT(M8)))' }],
      [`N8:N${last}`, "Ngày hoàn thành", { kind: "custom", formula: '=OR(TRIM(N8)="",AND(ISNUMBER(N8),N8>=1,N8<2958466,N8=INT(N8)))' }],
    ]);
  });

  test("the unit table has the exact headers and one row per catalogue indicator", () => {
    const header = unit.blocks.find((b) => b.at === "A7");
    expect(header?.cells[0].map((c) => ("value" in c ? c.value : null))).toEqual([
      "Mã", "Nhóm", "Chỉ tiêu", "Đơn vị tính", "Chiều", "Chủ yếu", "Trọng số", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt", "Đánh giá", "Chậm tiến độ", "Hạn hoàn thành", "Ngày hoàn thành",
      "Ghi chú",
      "Điểm kết quả (cấp có thẩm quyền)",
    ]);
    expect(unit.tables).toEqual([{ name: "tblChiTieu", range: `A7:P${7 + DEFAULT_CATALOGUE.indicators.length}`, style: expect.any(String) }]);
  });
});
