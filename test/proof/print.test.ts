/**
 * The printed year-end table (docs/developer-guide.md, "The printed document"), as LibreOffice prints the generated workbook:
 * A4 landscape, the table's header row on every page of a long table, page numbers, and
 * Vietnamese text intact in the PDF's text layer.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ruleSet, type Indicator } from "../../src/domain";
import { workbookFromRows } from "../../src/layout";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { convertToPdf, makeTempDir, outputDir, pdfFonts, pdfPages, pdfPageTexts, pdfToPng, requireSoffice } from "../support/libreoffice";

const ROWS = 120;

describe("printing the year-end table", () => {
  let pdf = "";

  beforeAll(async () => {
    requireSoffice();
    const rows = Array.from({ length: ROWS }, (_, i): Indicator & { target: number; actual: number } => ({
      code: `${1 + Math.floor(i / 10)}.${(i % 10) + 1}`,
      group: `${1 + Math.floor(i / 10)}`,
      name: i === 0 ? "Kết nạp đảng viên mới" : `Chỉ tiêu thứ ${i + 1}: tỷ lệ hồ sơ được giải quyết đúng hạn`,
      unit: i === 0 ? "người" : "%",
      direction: "increase",
      key: false,
      weight: 1,
      target: i === 0 ? 2000 : 90,
      actual: i === 0 ? 2100 : 88 + (i % 5),
    }));
    const layout = workbookFromRows(rows, { groups: [], indicators: rows }, ruleSet("qd366-2025"), {
      unitName: "Tam Đảo",
      head: "Nguyễn Văn A",
      year: 2021,
      commonScore: 27,
      header: {
        superiorBody: "ĐẢNG BỘ TỈNH PHÚ THỌ",
        issuingBody: "BAN THƯỜNG VỤ HUYỆN ỦY TAM ĐẢO",
        placeDate: "Phú Thọ, ngày 20 tháng 12 năm 2025",
        signerTitle: "T/M BAN THƯỜNG VỤ",
        signerPosition: "BÍ THƯ",
        signerName: "Trần Văn Bình",
      },
    });
    const dir = makeTempDir("chitieu-print-");
    const xlsx = join(dir, "nam-2021.xlsx");
    writeFileSync(xlsx, await writeXlsx(layout));
    pdf = await convertToPdf(xlsx, outputDir("print"));
  }, 180_000);

  test("every page is A4, and the unit table's pages are landscape", () => {
    const { sizes } = pdfPages(pdf);
    const unitPageCount = pdfPageTexts(pdf).findIndex((text) => text.includes("DANH MỤC CHỈ TIÊU"));
    expect(unitPageCount).toBeGreaterThan(1);
    sizes.forEach((size, i) => {
      const [short, long] = [size.width, size.height].sort((a, b) => a - b);
      expect(short).toBeCloseTo(595.28, 0);
      expect(long).toBeCloseTo(841.89, 0);
      if (i < unitPageCount) expect(size.width).toBeGreaterThan(size.height);
    });
  });

  test("the header row is repeated on every page of the unit table, with page numbers", () => {
    // LibreOffice prints every sheet: the unit sheet comes first, then the catalogue and rules.
    const pages = pdfPageTexts(pdf);
    const unitPages = pages.slice(0, pages.findIndex((text) => text.includes("DANH MỤC CHỈ TIÊU")));
    expect(unitPages.length).toBeGreaterThan(1);
    unitPages.forEach((text, i) => {
      expect(text).toMatch(/Mã\s+Nhóm\s+Chỉ tiêu\s+Đơn vị tính/);
      expect(text).toContain(`Trang ${i + 1} / ${pages.length}`);
    });
    const codes = unitPages.join("\n").match(/^\s*\d+\.\d+\s/gm) ?? [];
    expect(codes).toHaveLength(ROWS);
  });

  test("the Party header block, title, table and signature print with their Vietnamese diacritics", () => {
    const all = pdfPageTexts(pdf).join("\n");
    for (const text of [
      "ĐẢNG BỘ TỈNH PHÚ THỌ",
      "BAN THƯỜNG VỤ HUYỆN ỦY TAM ĐẢO",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Phú Thọ, ngày 20 tháng 12 năm 2025",
      "KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ NĂM 2021 CỦA TAM ĐẢO",
      "Kết nạp đảng viên mới",
      "TỔNG HỢP KẾT QUẢ",
      "T/M BAN THƯỜNG VỤ",
      "Trần Văn Bình",
    ]) {
      expect(all).toContain(text);
    }
    expect(pdfFonts(pdf).every((font) => /LiberationSerif/.test(font))).toBe(true);
    pdfToPng(pdf, 1, join(outputDir("print"), "page-1"), 70);
  });
});
