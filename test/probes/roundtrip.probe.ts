/**
 * Probes 3 and 4: conditional formatting (expression rules) and data validation lists written by
 * ExcelJS survive LibreOffice loading and re-saving the workbook, and still work (the formulas in
 * them refer to Vietnamese sheet names and defined names). One soffice run for the file.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadWorkbook, makeTempDir, outputDir, recalculateXlsx, sheetXml, valueAt, workbookValues } from "../support/libreoffice";

jest.setTimeout(180_000);

const SHEET = "Đánh giá";
const LIST_LITERAL = '"Tăng,Giảm,Đạt/Không"';
const RED: ExcelJS.Fill = { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } };
const GREEN: ExcelJS.Fill = { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } };

/** Expression rules as the add-in writes them (containsText is unreadable by LibreOffice, so the
 * "contains" case is written as SEARCH inside an expression). */
const CF_RULES: { formula: string; style: Partial<ExcelJS.Style> }[] = [
  { formula: '$D2="Không đạt"', style: { fill: RED } },
  { formula: 'NOT(ISERROR(SEARCH("xuất sắc",$D2)))', style: { fill: GREEN } },
  { formula: "ROUND($C2/$B2,4)>=NguongXuatSac", style: { font: { bold: true } } },
];

function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const rules = wb.addWorksheet("Quy tắc");
  rules.getCell("A1").value = "Xu hướng";
  ["Tăng", "Giảm", "Đạt/Không"].forEach((v, i) => (rules.getCell(`A${i + 2}`).value = v));
  rules.getCell("B3").value = 1.2;
  wb.definedNames.add("'Quy tắc'!$B$3", "NguongXuatSac");
  wb.definedNames.add("'Quy tắc'!$A$2:$A$4", "DanhSachXuHuong");

  const ws = wb.addWorksheet(SHEET);
  ws.addRow(["Họ và tên", "Chỉ tiêu", "Kết quả", "Xếp loại", "Xu hướng", "Xu hướng 2", "Xu hướng 3"]);
  ws.addRow(["Nguyễn Văn An", 10, 13, "Hoàn thành xuất sắc nhiệm vụ"]);
  ws.addRow(["Trần Thị Bình", 10, 5, "Không đạt"]);
  ws.addConditionalFormatting({
    ref: "A2:D20",
    rules: CF_RULES.map((r, i) => ({ type: "expression", formulae: [r.formula], style: r.style, priority: i + 1 })),
  });
  for (let r = 2; r <= 20; r++) {
    ws.getCell(`E${r}`).dataValidation = { type: "list", allowBlank: true, formulae: [LIST_LITERAL] };
    ws.getCell(`F${r}`).dataValidation = { type: "list", allowBlank: true, formulae: ["'Quy tắc'!$A$2:$A$4"] };
    ws.getCell(`G${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ["DanhSachXuHuong"],
      showErrorMessage: true,
      errorTitle: "Sai giá trị",
      error: "Chọn Tăng, Giảm hoặc Đạt/Không",
    };
  }
  // A formula on the same sheet proves the file was recalculated, not just copied.
  ws.getCell("I1").value = { formula: 'COUNTIF(D2:D20,"Không đạt")', result: 99 };
  return wb;
}

interface Roundtrip {
  file: string;
  wb: ExcelJS.Workbook;
  xml: string;
}

let rt: Roundtrip | undefined;
let inDir = "";

beforeAll(async () => {
  inDir = makeTempDir("chitieu-roundtrip-");
  const input = path.join(inDir, "cf-dv.xlsx");
  await build().xlsx.writeFile(input);
  const [file] = await recalculateXlsx([input], outputDir("roundtrip"));
  rt = { file, wb: await loadWorkbook(file), xml: sheetXml(file, SHEET) };
});

afterAll(() => fs.rmSync(inDir, { recursive: true, force: true }));

function roundtrip(): Roundtrip {
  if (rt === undefined) throw new Error("beforeAll failed");
  return rt;
}

function sheet(): ExcelJS.Worksheet {
  const ws = roundtrip().wb.getWorksheet(SHEET);
  if (ws === undefined) throw new Error(`no sheet ${SHEET}`);
  return ws;
}

/** ExcelJS keeps read conditional formats on the worksheet but does not type them. */
interface ReadConditionalFormat {
  ref: string;
  rules: { type: string; formulae?: string[]; style?: Partial<ExcelJS.Style> }[];
}

test("the workbook was recalculated", () => {
  expect(valueAt(workbookValues(roundtrip().wb), SHEET, "I1")).toBe(1);
});

describe("probe 3: conditional formatting with expression rules", () => {
  test("all expression formulas survive in the XML", () => {
    const { xml } = roundtrip();
    const formulas = [...xml.matchAll(/<cfRule\b[^>]*type="expression"[^>]*>\s*<formula>([^<]*)<\/formula>/g)].map((m) =>
      m[1].replace(/&quot;/g, '"').replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&"),
    );
    expect(formulas).toEqual(CF_RULES.map((r) => r.formula));
  });

  test("ExcelJS reads them back with their range and styles", () => {
    const cfs = (sheet() as unknown as { conditionalFormattings: ReadConditionalFormat[] }).conditionalFormattings;
    const rules = cfs.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, type: r.type, formula: r.formulae?.[0], style: r.style })));
    expect(rules.map((r) => [r.ref, r.type, r.formula])).toEqual(CF_RULES.map((r) => ["A2:D20", "expression", r.formula]));
    // LibreOffice drops patternType="solid" in the dxf (Excel treats a dxf fill without it as
    // solid), so ExcelJS reads pattern: undefined; only the colour is pinned.
    expect(rules[0].style?.fill).toMatchObject({ type: "pattern", bgColor: { argb: "FFFFC7CE" } });
    expect(rules[1].style?.fill).toMatchObject({ bgColor: { argb: "FFC6EFCE" } });
    expect(rules[2].style?.font?.bold).toBe(true);
  });
});

describe("probe 4: data validation lists", () => {
  /** LibreOffice adds a meaningless <formula2>0</formula2> to list validations; only formula1 counts. */
  function list(address: string): { type: string; formula1: unknown; dv: ExcelJS.DataValidation } {
    const dv = sheet().getCell(address).dataValidation;
    return { type: dv.type, formula1: dv.formulae[0], dv };
  }

  test("literal Vietnamese list, cross-sheet range and defined-name list survive (ExcelJS view)", () => {
    expect(list("E2")).toMatchObject({ type: "list", formula1: LIST_LITERAL });
    expect(list("E20")).toMatchObject({ type: "list", formula1: LIST_LITERAL });
    expect(list("F2")).toMatchObject({ type: "list", formula1: "'Quy tắc'!$A$2:$A$4" });
    expect(list("G20")).toMatchObject({ type: "list", formula1: "DanhSachXuHuong" });
    expect(list("G20").dv).toMatchObject({ errorTitle: "Sai giá trị", error: "Chọn Tăng, Giảm hoặc Đạt/Không" });
    expect(sheet().getCell("E21").dataValidation).toBeUndefined();
  });

  test("the XML holds one list validation per range", () => {
    const tags = [...roundtrip().xml.matchAll(/<dataValidation\b[^>]*>/g)].map((m) => m[0]);
    expect(tags.every((t) => t.includes('type="list"'))).toBe(true);
    const sqrefs = tags.map((t) => /\bsqref="([^"]*)"/.exec(t)?.[1]);
    expect(sqrefs.sort()).toEqual(["E2:E20", "F2:F20", "G2:G20"]);
  });
});
