/**
 * Probe 5: print setup written by ExcelJS as LibreOffice prints it to PDF: A4 landscape,
 * fit to 1 page wide, repeated header row 5, "&P / &N" footer, Times New Roman with Vietnamese
 * diacritics. Variants of the fit settings are printed in the same soffice run to find out which
 * ones LibreOffice honours. PDFs and a PNG of page 2 are kept under test-output/libreoffice/print/.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  PdfPages,
  convertManyToPdf,
  makeTempDir,
  outputDir,
  pdfFonts,
  pdfPageTexts,
  pdfPages,
  pdfToPng,
} from "../support/libreoffice";

jest.setTimeout(180_000);

const SHEET = "Danh sách";
const DATA_ROWS = 120;
const HEADERS = [
  "STT",
  "Họ và tên",
  "Chức vụ",
  "Kết nạp đảng viên mới",
  "Chỉ tiêu",
  "Kết quả",
  "Tỷ lệ",
  "Đánh giá",
  "Nhận xét của chi bộ",
  "Ghi chú cuối",
];
/** Total ≈ 270 characters wide: far wider than an A4 landscape page at 100 % (≈ 130). */
const WIDTHS = [6, 28, 22, 26, 12, 12, 10, 34, 60, 60];
const FONT: Partial<ExcelJS.Font> = { name: "Times New Roman", size: 12 };

type FitVariant = "fit-w1-h0" | "fit-w1-h1" | "fit-w1-unset" | "no-fit";

function build(variant: FitVariant): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.getCell("A1").value = "ĐẢNG CỘNG SẢN VIỆT NAM";
  ws.getCell("A2").value = "Đảng bộ xã Hòa Bình — Chi bộ thôn Đông";
  ws.getCell("A3").value = "BẢNG ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2025";
  ws.getRow(5).values = HEADERS;
  ws.getRow(5).font = { ...FONT, bold: true };
  for (let i = 1; i <= DATA_ROWS; i++) {
    const r = 5 + i;
    // Data text avoids the header words so a header found on page N came from the print titles.
    ws.getRow(r).values = [i, `Nguyễn Văn Số ${i}`, "Đảng viên", i % 7, 10, 8 + (i % 5), null, null, `Tích cực, gương mẫu ${i}`, `hết dòng ${i}`];
    ws.getCell(`G${r}`).value = { formula: `ROUND(F${r}/E${r},4)`, result: 0.1 };
    ws.getCell(`H${r}`).value = { formula: `IF(G${r}>1,"Xuất sắc","Hoàn thành")`, result: "?" };
  }
  ws.eachRow((row) => row.eachCell((cell) => (cell.font = { ...FONT, ...cell.font, name: FONT.name, size: FONT.size })));

  const fit: Partial<ExcelJS.PageSetup> =
    variant === "fit-w1-h0"
      ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
      : variant === "fit-w1-h1"
        ? { fitToPage: true, fitToWidth: 1, fitToHeight: 1 }
        : variant === "fit-w1-unset"
          ? { fitToPage: true, fitToWidth: 1 } // no fitToHeight attribute: OOXML default is 1
          : { fitToPage: false, scale: 100 };
  ws.pageSetup = { paperSize: 9, orientation: "landscape", printTitlesRow: "5:5", ...fit };
  // Header/footer text uses the workbook default font (Calibri -> no metric match installed ->
  // DejaVu Sans) unless the font is given inline with &"name,style".
  ws.headerFooter = { oddFooter: `&C&"${FONT.name},Regular"Trang &P / &N` };
  return wb;
}

interface Printed {
  pdf: string;
  pages: PdfPages;
  texts: string[];
}

const printed = new Map<FitVariant, Printed>();
const VARIANTS: FitVariant[] = ["fit-w1-h0", "fit-w1-h1", "fit-w1-unset", "no-fit"];

let inDir = "";

beforeAll(async () => {
  inDir = makeTempDir("chitieu-print-");
  const inputs: string[] = [];
  for (const v of VARIANTS) {
    const file = path.join(inDir, `${v}.xlsx`);
    await build(v).xlsx.writeFile(file);
    inputs.push(file);
  }
  const pdfs = await convertManyToPdf(inputs, outputDir("print"));
  VARIANTS.forEach((v, i) => printed.set(v, { pdf: pdfs[i], pages: pdfPages(pdfs[i]), texts: pdfPageTexts(pdfs[i]) }));
});

afterAll(() => fs.rmSync(inDir, { recursive: true, force: true }));

function get(v: FitVariant): Printed {
  const p = printed.get(v);
  if (p === undefined) throw new Error("beforeAll failed");
  return p;
}

const isA4Landscape = (s: { width: number; height: number }): boolean =>
  Math.abs(s.width - 841.89) < 2 && Math.abs(s.height - 595.28) < 2;

describe("probe 5: print to PDF (fitToWidth 1, fitToHeight 0)", () => {
  test("several pages, every one A4 landscape", () => {
    const { pages, texts } = get("fit-w1-h0");
    expect(pages.count).toBeGreaterThan(1);
    expect(texts).toHaveLength(pages.count);
    expect(pages.sizes.every(isA4Landscape)).toBe(true);
  });

  test("fit to one page wide: every page has the whole header row, first and last column", () => {
    const { texts } = get("fit-w1-h0");
    texts.forEach((text) => {
      for (const h of HEADERS) expect(text).toContain(h);
      expect(text).toMatch(/Nguyễn Văn Số \d+ .* hết dòng \d+/);
    });
    // all data rows printed exactly once
    const rows = texts.flatMap((t) => [...t.matchAll(/hết dòng (\d+)/g)].map((m) => Number(m[1])));
    expect(rows).toEqual(Array.from({ length: DATA_ROWS }, (_, i) => i + 1));
  });

  test("footer '&P / &N' is rendered per page", () => {
    const { texts } = get("fit-w1-h0");
    texts.forEach((text, i) => expect(text).toContain(`Trang ${i + 1} / ${texts.length}`));
  });

  test("Vietnamese diacritics come out intact and Times New Roman maps to Liberation Serif", () => {
    const { pdf, texts } = get("fit-w1-h0");
    for (const s of ["ĐẢNG CỘNG SẢN VIỆT NAM", "Kết nạp đảng viên mới", "Đánh giá", "Đảng bộ xã Hòa Bình", "Nguyễn Văn Số 1 "]) {
      expect(texts[0]).toContain(s);
    }
    expect(texts.join("\f")).toContain("Xuất sắc"); // recalculated formula text, printed
    const fonts = pdfFonts(pdf);
    expect(fonts.some((f) => /LiberationSerif/.test(f))).toBe(true);
    expect(fonts.some((f) => /DejaVu|Sans/.test(f))).toBe(false); // no fallback font for missing glyphs
    pdfToPng(pdf, 2, path.join(outputDir("print"), "fit-w1-h0-page2"));
  });
});

describe("probe 5: other fit settings", () => {
  test("fitToHeight 1 squeezes everything onto one page", () => {
    expect(get("fit-w1-h1").pages.count).toBe(1);
  });

  test("fitToHeight left out behaves as 1 (one page): fitToHeight 0 must be written explicitly", () => {
    expect(get("fit-w1-unset").pages.count).toBe(1);
  });

  test("without fitToPage the wide table splits columns over extra pages", () => {
    const noFit = get("no-fit");
    expect(noFit.pages.count).toBeGreaterThan(get("fit-w1-h0").pages.count);
    expect(noFit.texts.some((t) => !t.includes("Ghi chú cuối"))).toBe(true);
  });
});
