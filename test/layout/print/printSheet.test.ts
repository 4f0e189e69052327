/**
 * "Bản in", the signed year-end document (docs/developer-guide.md, "The printed document"), as layout data: printed columns only,
 * lookups by code into the unit table, groups with Roman numerals and TT within each group, row
 * heights from the text, and a print setup that never shrinks the text.
 */
import { DEFAULT_CATALOGUE } from "../../../src/domain";
import { DEFAULT_HEADER, NAMES, PRINT_HEADER_ROW, printSheet, SHEETS, tableTitle, unitWorkbook, type PrintSheetParams, type SheetLayout } from "../../../src/layout";
import { DEFAULT_LETTERS } from "../../../src/layout/unit";

const params = (over: Partial<PrintSheetParams> = {}): PrintSheetParams => ({
  unitSheet: SHEETS.unit,
  letters: DEFAULT_LETTERS,
  firstRow: 8,
  lastRow: 25,
  rows: DEFAULT_CATALOGUE.indicators,
  groups: DEFAULT_CATALOGUE.groups,
  header: { ...DEFAULT_HEADER, number: "12-BC/HU" },
  title: tableTitle(2025, "Huyện Tam Đảo"),
  ...over,
});

const texts = (sheet: SheetLayout) => sheet.blocks.flatMap((b) => b.cells.flat().map((c) => ("value" in c ? String(c.value ?? "") : c.formula)));
const at = (sheet: SheetLayout, address: string) => sheet.blocks.find((b) => b.at === address)?.cells[0][0];

describe("Bản in", () => {
  const { sheet, names } = printSheet(params());

  test("prints TT, Chỉ tiêu, Đơn vị tính, Kế hoạch, Thực hiện, Tỷ lệ đạt, Đánh giá, Ghi chú and no internal column", () => {
    const header = sheet.blocks.find((b) => b.at === `A${PRINT_HEADER_ROW}`);
    expect(header?.cells[0].map((c) => ("value" in c ? c.value : null))).toEqual([
      "TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt", "Đánh giá", "Ghi chú",
    ]);
    const all = texts(sheet).join("\n");
    for (const key of ["direction", "key", "weight"] as const) expect(all).not.toContain(`$${DEFAULT_LETTERS[key]}$8:`);
    for (const control of [NAMES.errors, NAMES.capCheck, NAMES.pending]) expect(all).not.toContain(control);
  });

  test("groups get Roman numerals and the catalogue's names; TT restarts in each group", () => {
    expect(at(sheet, "A9")).toEqual({ value: "I." });
    expect(at(sheet, "B9")).toEqual({ value: "Xây dựng Đảng" });
    expect(at(sheet, "A10")).toEqual({ value: 1 });
    expect(at(sheet, "A13")).toEqual({ value: 4 });
    expect(at(sheet, "A14")).toEqual({ value: "II." });
    expect(at(sheet, "A15")).toEqual({ value: 1 });
    const headings = sheet.blocks.filter((b) => b.at.startsWith("A") && /^[IVX]+\.$/.test(String("value" in b.cells[0][0] ? b.cells[0][0].value : "")));
    expect(headings).toHaveLength(4);
  });

  test("each indicator's cells look its code up in the unit table, over absolute ranges", () => {
    const name = at(sheet, "B10");
    expect(name).toEqual({ formula: `=IFERROR(""&INDEX('Chỉ tiêu'!$C$8:$C$25,MATCH("1.1",'Chỉ tiêu'!$A$8:$A$25,0)),"")` });
    const target = at(sheet, "D10");
    expect(target && "formula" in target ? target.formula : "").toContain(`INDEX('Chỉ tiêu'!$H$8:$H$25,MATCH("1.1",`);
  });

  test("an indicator of an unknown group is printed under a group named after its code", () => {
    const odd = printSheet(params({ rows: [{ ...DEFAULT_CATALOGUE.indicators[0], code: "9.1", group: "9" }] })).sheet;
    expect(at(odd, "B9")).toEqual({ value: "Nhóm 9" });
  });

  test("every row has a height from its text: a two-line name makes a taller row", () => {
    const height = (row: number) => sheet.rowHeights?.find((h) => h.row === row)?.height ?? 0;
    expect(height(10)).toBeGreaterThanOrEqual(13 * 1.3); // "Kết nạp đảng viên mới": one line
    expect(height(11)).toBeGreaterThan(height(10) * 1.5); // "Thành lập tổ chức đảng … ngoài khu vực nhà nước": two
    const rows = new Set(sheet.rowHeights?.map((h) => h.row));
    const last = Number(/\d+$/.exec(sheet.print?.area ?? "")?.[0]);
    expect(Array.from({ length: last }, (_, i) => i + 1).filter((r) => !rows.has(r))).toEqual([]);
  });

  test("A4 landscape at 100 %, TẠM TÍNH (row 7) and the header row on every page, 13 pt page numbers", () => {
    expect(sheet.print).toMatchObject({ orientation: "landscape", paper: "A4", scale: 100, titleRows: `$7:$${PRINT_HEADER_ROW}` });
    expect(sheet.print?.footerCenter).toBe('&"Times New Roman,Regular"&13Trang &P / &N');
    // 136 width units stay inside the page at the widest conversion in use (5,6 pt a unit).
    expect(sheet.columnWidths.reduce((a, b) => a + b, 0) * 5.6).toBeLessThanOrEqual(841.89 - 72);
  });

  test("the header fields come from the unit sheet's names; the number line and Nơi nhận are named cells here", () => {
    const all = texts(sheet).join("\n");
    for (const name of [NAMES.superiorBody, NAMES.issuingBody, NAMES.placeDate, NAMES.signerTitle, NAMES.signerPosition, NAMES.signerName]) {
      expect(all).toContain(`""&${name}`);
    }
    expect(at(sheet, "A4")).toEqual({ value: "Số 12-BC/HU" });
    const recipients = names.find((n) => n.name === NAMES.recipients);
    expect(at(sheet, (recipients?.ref ?? "").replace(/\$/g, ""))).toEqual({ value: DEFAULT_HEADER.recipients });
    expect(names.find((n) => n.name === NAMES.documentNumber)?.ref).toBe("$A$4");
  });

  test("a result known final as the sheet is built repeats only the header row: no empty TẠM TÍNH row on every page", () => {
    expect(printSheet(params({ provisional: false })).sheet.print?.titleRows).toBe(`$${PRINT_HEADER_ROW}:$${PRINT_HEADER_ROW}`);
    expect(printSheet(params({ provisional: true })).sheet.print?.titleRows).toBe(`$7:$${PRINT_HEADER_ROW}`);
  });

  test("TẠM TÍNH and the reachable level show only while the result is provisional", () => {
    expect(at(sheet, "A7")).toEqual({ formula: `=IF(""&${NAMES.provisional}="","","TẠM TÍNH")` });
    expect(texts(sheet).join("\n")).toContain(`"Có thể đạt tối đa: "&${NAMES.ceilingLevel}`);
  });

  test("a report: BÁO CÁO on a line of its own, then its summary (HD 36)", () => {
    expect(at(sheet, "A5")).toEqual({ value: "BÁO CÁO" });
    expect(at(sheet, "A6")).toEqual({ formula: `="Kết quả thực hiện chỉ tiêu, nhiệm vụ năm "&${NAMES.year}&" của "&${NAMES.unitName}` });
  });

  test("the result says its counts, the points as common + results, and why a level is below complete", () => {
    const all = texts(sheet).join("\n");
    expect(all).toContain(`"Kết quả: "&${NAMES.met}&"/"&${NAMES.count}&" chỉ tiêu đạt, "&${NAMES.exceeded}&" chỉ tiêu vượt"`);
    expect(all).toMatch(/" \(tiêu chí chung "&.*DiemTieuChiChung.*&" \+ kết quả "&.*DiemKetQua/);
    const reason = texts(sheet).find((t) => t.includes("Lý do: ")) ?? "";
    expect(reason).toContain('="Không hoàn thành nhiệm vụ","Lý do: "');
    for (const name of [NAMES.keyNotMet, NAMES.degradation, NAMES.sanction, NAMES.corruption, NAMES.notMet]) expect(reason).toContain(name);
  });

  test("Nơi nhận spans the position, the signing space and the name, and the rows grow with its lines", () => {
    const recipients = ["- Ban Thường vụ Tỉnh ủy;", "- Ban Tổ chức Tỉnh ủy;", "- Ủy ban Kiểm tra Tỉnh ủy;", "- Văn phòng Tỉnh ủy;", "- Các đồng chí Ủy viên BTV;", "- Các chi, đảng bộ trực thuộc;", "- Lưu VP."].join("\n");
    const long = printSheet(params({ header: { ...DEFAULT_HEADER, recipients } })).sheet;
    const block = long.blocks.find((b) => b.cells[0][0] && "value" in b.cells[0][0] && b.cells[0][0].value === recipients);
    const row = Number(block?.at.slice(1));
    expect(block?.mergeTo).toBe(`B${row + 2}`);
    const height = (r: number) => (long.rowHeights ?? []).find((h) => h.row === r)?.height ?? 0;
    // Seven lines of 13 pt (about 16,9 pt each) fit in the three rows.
    expect(height(row) + height(row + 1) + height(row + 2)).toBeGreaterThanOrEqual(7 * 16.9);
    const short = printSheet(params()).sheet;
    expect(height(row) + height(row + 1) + height(row + 2)).toBeGreaterThan((short.rowHeights ?? []).filter((h) => h.row >= row && h.row <= row + 2).reduce((a, h) => a + h.height, 0));
  });

  test("the result lines and signature never start a page alone under an empty repeated header: they take the table's last row", () => {
    // 18 indicators in 4 groups end at row 8 + 4 + 18: the tail would be split, so row 30 goes with it.
    expect(sheet.pageBreaks).toEqual([8 + 4 + 18]);
    for (let n = 1; n <= 40; n++) {
      const rows = Array.from({ length: n }, (_, i) => ({ ...DEFAULT_CATALOGUE.indicators[0], code: `1.${i + 1}` }));
      expect([[], [8 + 1 + n]]).toContainEqual(printSheet(params({ rows })).sheet.pageBreaks);
    }
  });
});

test("the CLI's workbook carries Bản in; the add-in's set-up does not (it is built when printing)", () => {
  const base = { unitName: "Tam Đảo", head: "", year: 2025 };
  expect(unitWorkbook(base).sheets.map((s) => s.name)).not.toContain(SHEETS.print);
  const withPrint = unitWorkbook({ ...base, withPrintSheet: true });
  expect(withPrint.sheets.map((s) => s.name)).toContain(SHEETS.print);
  expect(withPrint.names.filter((n) => n.sheet === SHEETS.print).map((n) => n.name).sort()).toEqual([NAMES.recipients, NAMES.documentNumber].sort());
});
