/**
 * The signed year-end document ("Bản in", docs/developer-guide.md, "The printed document") as `chitieu print` produces it through
 * LibreOffice, for 18 and for 40 indicators. The PDF itself is measured: the height of every
 * word box gives its printed font size (Liberation Serif's boxes are 1.3 em tall: 13 pt → 16.9 pt),
 * no two words' ink overlaps, and the texts, numbers, marks and page furniture are there.
 * Page 1 of the 18-indicator document is rendered for the guide's docs/images/07-ban-in.png (`npm run docs:images`).
 */
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { run } from "../../src/cli/main";
import { docsPicture } from "../support/pictures";
import { makeTempDir, outputDir, pdfPages, pdfPageTexts, pdfText, pdfToPng, BOX_TOLERANCE, overlappingWords, pdfWords, wordSize, type PdfWord } from "../support/libreoffice";

jest.setTimeout(300_000);


const HEADER_OPTIONS = [
  "--superior-body", "ĐẢNG BỘ TỈNH PHÚ THỌ",
  "--issuing-body", "HUYỆN ỦY TAM ĐẢO",
  "--number", "12-BC/HU",
  "--place-date", "Tam Đảo, ngày 20 tháng 12 năm 2025",
  "--signer-title", "T/M BAN THƯỜNG VỤ",
  "--signer-position", "BÍ THƯ",
  "--signer-name", "Trần Văn Bình",
  "--unit-kind", "district",
];

/** The default 18 indicators, every figure in: a final (not provisional) result. */
function complete18() {
  return DEFAULT_CATALOGUE.indicators.map((i) => {
    if (i.code === "1.1") return { ...i, target: 2000, actual: 2100 };
    if (i.direction === "milestone") return { ...i, target: null, actual: "Đạt" };
    if (i.direction === "decrease") return { ...i, target: 40, actual: 38 };
    return { ...i, target: 80, actual: 84.2 };
  });
}

/** 40 long-named indicators in 4 groups, some figures missing: a provisional result. */
function provisional40() {
  return Array.from({ length: 40 }, (_, i) => {
    const group = String((i % 4) + 1);
    return {
      code: `${group}.${Math.floor(i / 4) + 1}`,
      group,
      name: `Chỉ tiêu số ${i + 1}: tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và đúng quy trình trên địa bàn`,
      unit: "%",
      direction: "increase",
      key: false,
      target: 80,
      actual: i % 7 === 3 ? null : 84.2,
    };
  });
}

interface Printed {
  pdf: string;
  words: PdfWord[];
  pages: string[];
}

const dir = makeTempDir("chitieu-ban-in-");
const printed: Record<"18" | "40", Printed> = {} as Record<"18" | "40", Printed>;

async function print(name: "18" | "40", indicators: readonly object[]): Promise<void> {
  const data = join(dir, `${name}.json`);
  // Both excellence questions answered, so the ceiling does not keep the result provisional (QĐ 366 Art. 11).
  writeFileSync(data, JSON.stringify({ preset: "qd366-2025", commonScore: 27, excellence: { disciplineBelow: "Không", shortcomingsRemedied: "Có" }, indicators }));
  const xlsx = join(dir, `ban-in-${name}.xlsx`);
  const pdf = join(outputDir("ban-in"), `ban-in-${name}.pdf`);
  const wrote = await run(["workbook", "--unit", "Huyện Tam Đảo", "--year", "2025", "--data", data, ...HEADER_OPTIONS, "-o", xlsx]);
  expect(wrote.exitCode).toBe(0);
  expect(await run(["print", xlsx, "-o", pdf])).toEqual({ stdout: "", exitCode: 0 });
  printed[name] = { pdf, words: pdfWords(pdf), pages: pdfPageTexts(pdf) };
}

beforeAll(async () => {
  await Promise.all([print("18", complete18()), print("40", provisional40())]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(["18", "40"] as const)("Bản in with %s indicators", (name) => {
  const doc = () => printed[name];

  test("only the signed document prints: A4 landscape pages, 'Trang i / n' on each", () => {
    const { count, sizes } = pdfPages(doc().pdf);
    sizes.forEach((s) => {
      expect(s.width).toBeCloseTo(841.89, 0);
      expect(s.height).toBeCloseTo(595.28, 0);
    });
    doc().pages.forEach((text, i) => expect(text).toContain(`Trang ${i + 1} / ${count}`));
    const all = doc().pages.join("\n");
    // Neither the unit sheet's internal columns and control lines nor the other sheets.
    for (const hidden of ["Chiều", "Chủ yếu", "Trọng số", "Số chỉ tiêu có lỗi số liệu", "Kiểm tra mức trần", "DANH MỤC CHỈ TIÊU", "Mã"]) {
      expect(all).not.toMatch(new RegExp(`(^|\\s)${hidden}(\\s|$)`, "m"));
    }
  });

  test("every text run is at least 13 pt on paper; the header block and title at least 14 pt", () => {
    const { words } = doc();
    const small = words.filter((w) => wordSize(w) < 13 - BOX_TOLERANCE);
    expect(small.map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
    const tableTop = Math.min(...words.filter((w) => w.page === 1 && w.text === "TT").map((w) => w.yMin));
    const heading = words.filter((w) => w.page === 1 && w.yMax <= tableTop);
    expect(heading.length).toBeGreaterThan(20);
    expect(heading.filter((w) => wordSize(w) < 14 - BOX_TOLERANCE).map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
  });

  test("no two words' ink overlaps: every row is tall enough for its wrapped text", () => {
    expect(overlappingWords(doc().words)).toEqual([]);
  });

  test("the table's header row is repeated on every page", () => {
    doc().pages.forEach((text) => {
      expect(text).toMatch(/TT\s+Chỉ tiêu\s+Kế hoạch\s+Thực hiện\s+Tỷ lệ đạt\s+Đánh giá\s+Ghi chú/);
      expect(text).toMatch(/Đơn vị\s+(\S.*\s+)?tính/);
    });
  });

  test("official header block, title, groups, Vietnamese numbers, summary, signature and Nơi nhận", () => {
    const all = doc().pages.join("\n");
    for (const text of [
      "ĐẢNG BỘ TỈNH PHÚ THỌ",
      "HUYỆN ỦY TAM ĐẢO",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Số 12-BC/HU",
      "Tam Đảo, ngày 20 tháng 12 năm 2025",
      "BÁO CÁO",
      "Kết quả thực hiện chỉ tiêu, nhiệm vụ năm 2025 của Huyện Tam Đảo",
      "105,25 %",
      "Kết quả:",
      "chỉ tiêu đạt,",
      "Tổng điểm:",
      "Xếp loại đề xuất:",
      "Xếp loại cuối cùng:",
      "Nơi nhận:",
      "T/M BAN THƯỜNG VỤ",
      "BÍ THƯ",
      "Trần Văn Bình",
    ]) {
      expect(all).toContain(text);
    }
    expect(all).toMatch(/I\.\s+Xây dựng Đảng/);
    expect(all).toMatch(/IV\.\s+Quốc phòng, an ninh, trật tự/);
  });
});

describe("what differs between a final and a provisional result", () => {
  test("18 indicators, all figures in: 2.100 of 2.000, and no TẠM TÍNH mark", () => {
    const all = pdfText(printed["18"].pdf);
    expect(all).toMatch(/Kết nạp đảng viên mới\s+người\s+2\.000\s+2\.100\s+105,00 %\s+Vượt/);
    expect(all).not.toContain("TẠM TÍNH");
    expect(all).not.toContain("tạm tính");
    expect(all).not.toContain("Có thể đạt tối đa");
    const raw = pdfText(printed["18"].pdf).replace(/\s+/g, " ");
    for (const indicator of DEFAULT_CATALOGUE.indicators) expect(raw).toContain(indicator.name.split(" ").slice(0, 4).join(" "));
  });

  test("40 indicators, some figures missing: TẠM TÍNH on every page, each indicator printed once", () => {
    const { pages } = printed["40"];
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page) => expect(page).toContain("TẠM TÍNH"));
    expect(pages.join("\n")).toContain("(tạm tính)");
    const numbers = pages.join("\n").match(/Chỉ tiêu số \d+:/g) ?? [];
    expect(numbers.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `Chỉ tiêu số ${i + 1}:`).sort());
  });

  test("page counts stay small, and the result, signature and Nơi nhận are never split over two pages", () => {
    expect(printed["18"].pages.length).toBeLessThanOrEqual(3);
    // 40 tall rows: five pages of table, and the last row goes along with the result and signature.
    expect(printed["40"].pages.length).toBeLessThanOrEqual(7);
    for (const { pages } of Object.values(printed)) {
      const last = pages[pages.length - 1];
      for (const text of ["Tổng điểm:", "Xếp loại cuối cùng:", "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "Trần Văn Bình"]) expect(last).toContain(text);
      // Never a page of only the repeated header and the signature: the table's last row comes along.
      expect(last).toMatch(/\n\s*\d+\s+\S/);
    }
  });

  test("page 1 is rendered for the documentation", () => {
    const png = pdfToPng(printed["18"].pdf, 1, join(outputDir("ban-in"), "ban-in-18-page-1"), 80);
    copyFileSync(png, docsPicture("07-ban-in.png"));
  });
});
