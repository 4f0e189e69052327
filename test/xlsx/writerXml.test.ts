import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { consolidate, DEFAULT_CATALOGUE, type UnitSummary } from "../../src/domain";
import { KeptSheets, unitWorkbook, type WorkbookLayout } from "../../src/layout";
import { EXCEL_LIMITS, ExcelLimitExceeded, formulaLiterals } from "../../src/layout/excelLimits";
import { consolidatedWorkbook } from "../../src/layout/comparison";
import { SheetsXlsxWriter, writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { readZipParts } from "../../src/xlsx/zip";

/** Issue 18 §5: what XML 1.0 forbids never reaches a written part; what Excel cannot hold is refused with a message naming the cell. */

/** Characters XML 1.0 does not allow, written out here independently of the writers. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const HOSTILE = "Xã \uFFFEAn\uFFFF Hòa\u0001\ud800 _x0041_ 😀";
/** What Excel shows for HOSTILE: the forbidden characters gone, the rest (a literal "_x0041_", an emoji) kept. */
const SHOWN = "Xã An Hòa _x0041_ 😀";

/** Every XML part of the package: well-formed, no forbidden character. */
function expectWellFormed(bytes: Uint8Array): void {
  const parts = readZipParts(bytes, (name) => /\.(xml|rels)$/.test(name));
  for (const [name, data] of parts) {
    const xml = Buffer.from(data).toString("utf8");
    expect([name, NOT_XML.test(xml)]).toEqual([name, false]);
    expect([name, XMLValidator.validate(xml)]).toEqual([name, true]);
  }
}

function unit(name: string, code: string): UnitSummary {
  return {
    file: `/don vi/${name}.xlsx`,
    sheet: "Chỉ tiêu",
    modified: "2025-12-20T03:00:00.000Z",
    unit: name,
    kind: "commune",
    year: 2025,
    indicators: [{ code, group: "1", name: `Chỉ tiêu ${name}`, direction: "increase", achievement: 1.1, status: "exceeded" }],
    points: 90,
    level: "good",
    provisional: false,
    finalLevel: null,
    quota: { share: 0.2, shareExceptional: 0.25, base: "good" },
  };
}

describe("the consolidation's light writer", () => {
  test("hostile unit names and codes: well-formed parts, read back as Excel shows them, and by ExcelJS", async () => {
    const layout = consolidatedWorkbook(consolidate([unit(HOSTILE, "1.\uFFFF1"), unit("Bình Minh", "1.\uFFFF1")], []), "2026-01-02T03:04:05.000Z");
    const bytes = writeSheetsXlsx(layout);
    expectWellFormed(bytes);
    const cells = openXlsx(bytes).cells("Công khai")!;
    const texts = Array.from({ length: 40 }, (_, row) => Array.from({ length: 8 }, (_, column) => String(cells.cell(row, column).value))).flat();
    expect(texts).toContain(SHOWN);
    expect(texts).toContain("Bình Minh");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const shown = wb.getWorksheet("Công khai")!.getSheetValues().flat().map(String);
    expect(shown).toContain("Bình Minh");
  });
});

describe("the unit workbook's writers", () => {
  test.each([
    ["ExcelJS", writeXlsx],
    ["light (assign)", (layout: WorkbookLayout) => Promise.resolve(writeSheetsXlsx(layout))],
  ])("%s: a hostile unit name, head and indicator name: well-formed parts, the text kept but the forbidden characters", async (_, write) => {
    const catalogue = { ...DEFAULT_CATALOGUE, indicators: DEFAULT_CATALOGUE.indicators.map((i, n) => (n === 0 ? { ...i, name: HOSTILE } : i)) };
    const bytes = await write(unitWorkbook({ unitName: HOSTILE, head: `Trưởng \uFFFF${HOSTILE}`, year: 2025, catalogue, withFollowUp: true, withPrintSheet: true }));
    expectWellFormed(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const texts = wb.getWorksheet("Chỉ tiêu")!.getSheetValues().flat().map(String);
    expect(texts.filter((text) => text.includes("Xã An Hòa _x0041_ 😀"))).not.toEqual([]);
    expect(texts.filter((text) => NOT_XML.test(text))).toEqual([]);
  });
});

describe("Excel's limits, checked before anything is written", () => {
  const withCode = (code: string) => ({ ...DEFAULT_CATALOGUE, indicators: DEFAULT_CATALOGUE.indicators.map((i, n) => (n === 0 ? { ...i, code } : i)) });

  test("formula literals are found as Excel reads them", () => {
    expect(formulaLiterals(`=IF('Bản in'!A1="a ""b""",MATCH("1.1",X:X,0),"")`)).toEqual(['a "b"', "1.1", ""]);
    // A quote doubled at the end, a literal left open, a sheet name holding a quote.
    expect(formulaLiterals('="a""')).toEqual(['a"']);
    expect(formulaLiterals('="abc')).toEqual(["abc"]);
    expect(formulaLiterals(`='it''s "q"'!A1&"x"`)).toEqual(["x"]);
  });

  test("an indicator code of 100 characters makes a print-sheet formula too long: refused, naming the cell and the code", async () => {
    const code = "1." + "9".repeat(98);
    const writing = writeXlsx(unitWorkbook({ unitName: "A", head: "", year: 2025, catalogue: withCode(code), withPrintSheet: true }));
    await expect(writing).rejects.toThrow(ExcelLimitExceeded);
    const message = new RegExp(`^Ô Bản in!\\w+\\d+: công thức dài [\\d.]+ ký tự, quá giới hạn 8\\.192 của Excel, vì chữ "1\\.9{38}…" lặp lại trong đó`);
    await expect(writeXlsx(unitWorkbook({ unitName: "A", head: "", year: 2025, catalogue: withCode(code), withPrintSheet: true }))).rejects.toThrow(message);
    // The light writer, after a unit whose sheets it keeps, checks the sheets it has not written before.
    const writer = new SheetsXlsxWriter();
    const kept = new KeptSheets();
    writer.write(unitWorkbook({ unitName: "A", head: "", year: 2025, withPrintSheet: true, kept }));
    expect(() => writer.write(unitWorkbook({ unitName: "B", head: "", year: 2025, catalogue: withCode(code), withPrintSheet: true, kept }))).toThrow(message);
  });

  test("a code over 255 characters in a formula, and a cell over 32.767 characters", async () => {
    const code = "1." + "9".repeat(300);
    await expect(writeXlsx(unitWorkbook({ unitName: "A", head: "", year: 2025, catalogue: withCode(code), withPrintSheet: true }))).rejects.toThrow(
      `dài 302 ký tự, quá giới hạn ${EXCEL_LIMITS.formulaText} ký tự của Excel cho chữ trong công thức`,
    );
    const name = "x".repeat(EXCEL_LIMITS.cellText + 1);
    expect(() => writeSheetsXlsx(consolidatedWorkbook(consolidate([unit(name, "1.1")], []), "2026-01-02T03:04:05.000Z"))).toThrow(
      /^Ô So sánh!\w+\d+: chữ dài 32\.\d{3} ký tự, quá giới hạn 32\.767 ký tự một ô của Excel/,
    );
  });
});
