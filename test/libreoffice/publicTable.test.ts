/**
 * "Công khai", the public table of results (issue 8 §3), as `chitieu consolidate` writes it and
 * `chitieu print --sheet "Công khai"` prints it through LibreOffice: A4 portrait pages, every
 * word at least 13 pt on paper (Liberation Serif's boxes are 1.3 em tall: 13 pt → 16.9 pt), no
 * two words' ink overlapping, the header row on every page, units ranked within their kind, and
 * none of the comparison's internal columns. Page 1 is rendered for the guide (`npm run docs:images`).
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { UnitKind } from "../../src/domain";
import { docsPicture } from "../support/pictures";
import { makeTempDir, outputDir, pdfPages, pdfPageTexts, pdfToPng, BOX_TOLERANCE, overlappingWords, pdfWords, wordSize, type PdfWord } from "../support/libreoffice";
import { writeUnitFile } from "../support/unitFiles";

jest.setTimeout(300_000);


const dir = makeTempDir("chitieu-cong-khai-");
const pdf = join(outputDir("cong-khai"), "cong-khai.pdf");
const picked = join(outputDir("cong-khai"), "cong-khai-picked.pdf");
const totalsPdf = join(outputDir("cong-khai"), "tong-cua-tinh.pdf");
let words: PdfWord[] = [];
let totalsWords: PdfWord[] = [];
let pages: string[] = [];

/** 36 communes with long names, 6 districts and 3 departments: more than one page. */
const UNITS: { unit: string; kind: UnitKind; result: "excellent" | "good"; common: number }[] = [
  ...Array.from({ length: 36 }, (_, i) => ({
    unit: `Xã số ${i + 1} thuộc khu vực miền núi phía Bắc của tỉnh`,
    kind: "commune" as const,
    result: (i % 3 === 0 ? "excellent" : "good") as "excellent" | "good",
    common: 15 + (i % 16),
  })),
  ...["Huyện Tam Đảo", "Huyện Sông Lô", "Thành phố Vĩnh Yên", "Huyện Lập Thạch", "Huyện Yên Lạc", "Thị xã Phúc Yên"].map((unit, i) => ({
    unit,
    kind: "district" as const,
    result: (i < 3 ? "excellent" : "good") as "excellent" | "good",
    common: 30 - 2 * i,
  })),
  ...["Sở Tài chính", "Sở Nội vụ", "Ban Tổ chức"].map((unit, i) => ({ unit, kind: "department" as const, result: "good" as const, common: 20 + i })),
];

beforeAll(async () => {
  const units = join(dir, "units");
  mkdirSync(units);
  for (const [i, u] of UNITS.entries()) await writeUnitFile(units, `${String(i + 1).padStart(2, "0")}.xlsx`, u);
  const xlsx = join(dir, "tong-hop.xlsx");
  expect((await run(["consolidate", units, "-o", xlsx])).exitCode).toBe(0);
  const [named, chosen, totals] = await Promise.all([
    run(["print", xlsx, "--sheet", "Công khai", "-o", pdf]),
    run(["print", xlsx, "-o", picked]),
    run(["print", xlsx, "--sheet", "Tổng của tỉnh", "-o", totalsPdf]),
  ]);
  expect(named).toEqual({ stdout: "", exitCode: 0 });
  expect(chosen).toEqual({ stdout: "", exitCode: 0 });
  expect(totals).toEqual({ stdout: "", exitCode: 0 });
  totalsWords = pdfWords(totalsPdf);
  words = pdfWords(pdf);
  pages = pdfPageTexts(pdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The words printed on the same line as the first `word` of a page, left to right. */
function lineAt(page: number, word: string): string {
  const mid = (w: PdfWord) => (w.yMin + w.yMax) / 2;
  const found = words.find((w) => w.page === page && w.text === word);
  if (!found) return "";
  return words
    .filter((w) => w.page === page && Math.abs(mid(w) - mid(found)) < 3)
    .sort((a, b) => a.xMin - b.xMin)
    .map((w) => w.text)
    .join(" ");
}

/** The text of the "Xếp loại" column in the row of the first `word` of a page (wrapped lines too). */
function levelAt(page: number, word: string): string {
  const mid = (w: PdfWord) => (w.yMin + w.yMax) / 2;
  const found = words.find((w) => w.page === page && w.text === word);
  // The rank column's header: the level column starts to its right.
  const column = words.find((w) => w.page === page && w.text === "Hạng");
  if (!found || !column) return "";
  return words
    .filter((w) => w.page === page && w.xMin > column.xMax && Math.abs(mid(w) - mid(found)) < 12)
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    .map((w) => w.text)
    .join(" ");
}

test("A4 portrait pages with 'Trang i / n'; without --sheet, print picks the public table of a consolidated workbook", () => {
  const { count, sizes } = pdfPages(pdf);
  expect(count).toBeGreaterThanOrEqual(2);
  sizes.forEach((s) => {
    expect(s.width).toBeCloseTo(595.28, 0);
    expect(s.height).toBeCloseTo(841.89, 0);
  });
  pages.forEach((text, i) => expect(text).toContain(`Trang ${i + 1} / ${count}`));
  expect(pdfPageTexts(picked)).toEqual(pages);
});

test("every word is at least 13 pt on paper (boxes of 16 pt and more), the header block and title at least 14 pt", () => {
  expect(words.filter((w) => w.yMax - w.yMin < 16).map((w) => `${w.text} ${(w.yMax - w.yMin).toFixed(2)} pt box`)).toEqual([]);
  expect(words.filter((w) => wordSize(w) < 13 - BOX_TOLERANCE).map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
  const tableTop = Math.min(...words.filter((w) => w.page === 1 && ["TT", "Tổng", "Hạng"].includes(w.text)).map((w) => w.yMin));
  const heading = words.filter((w) => w.page === 1 && w.yMax <= tableTop);
  expect(heading.length).toBeGreaterThan(15);
  expect(heading.filter((w) => wordSize(w) < 14 - BOX_TOLERANCE).map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
});

test("no two words' ink overlaps, and every word stays inside the page", () => {
  expect(overlappingWords(words)).toEqual([]);
  expect(words.filter((w) => w.xMin < 0 || w.xMax > 595.28).map((w) => w.text)).toEqual([]);
});

test("the header row on every page; no file, time, quota or indicator column", () => {
  for (let page = 1; page <= pages.length; page++) expect(lineAt(page, "TT")).toMatch(/^TT Đơn vị (Tổng )?(điểm )?Hạng (Tổng )?(điểm )?Xếp loại/);
  const all = pages.join("\n");
  for (const hidden of ["Tệp nguồn", "Thời điểm", "Hạn mức", ".xlsx", "Tỷ lệ đạt", "Loại đơn vị"]) expect(all).not.toContain(hidden);
});

test("official header, title, kinds as headings, units ranked by points within their kind, signature and Nơi nhận", () => {
  const all = pages.join("\n");
  for (const text of ["ĐẢNG CỘNG SẢN VIỆT NAM", "CÔNG KHAI KẾT QUẢ THỰC HIỆN CHỈ TIÊU", "Nơi nhận:", "T/M BAN THƯỜNG VỤ"]) expect(all).toContain(text);
  expect(all).toMatch(/I\.\s+Xã, phường/);
  expect(all).toMatch(/II\.\s+Huyện, thị xã, thành phố/);
  expect(all).toMatch(/III\.\s+Sở, ban, ngành/);
  const flat = all.replace(/\s+/g, " ");
  // Districts by points: 100, 98, 96 (all exceeded), then 94, 92, 90 (all met).
  const order = ["Huyện Tam Đảo", "Huyện Sông Lô", "Thành phố Vĩnh Yên", "Huyện Lập Thạch", "Huyện Yên Lạc", "Thị xã Phúc Yên"].map((u) => flat.indexOf(u));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  const page = (unit: string) => pages.findIndex((text) => text.includes(unit)) + 1;
  expect(lineAt(page("Tam Đảo"), "Đảo")).toBe("1 Huyện Tam Đảo 100 1");
  expect(lineAt(page("Phúc Yên"), "Phúc")).toBe("6 Thị xã Phúc Yên 90 6");
  expect(levelAt(page("Tam Đảo"), "Đảo")).toBe("Hoàn thành xuất sắc nhiệm vụ (đề xuất)");
  expect(levelAt(page("Phúc Yên"), "Phúc")).toBe("Hoàn thành tốt nhiệm vụ (đề xuất)");
});

test("page 1 is rendered for the documentation", () => {
  const png = pdfToPng(pdf, 1, join(outputDir("cong-khai"), "cong-khai-page-1"), 80);
  copyFileSync(png, docsPicture("09-cong-khai.png"));
});

test("Tổng của tỉnh: A4 landscape at 100 %, every word at least 13 pt (the table wraps instead of shrinking), numbers in Vietnamese style", () => {
  const { sizes } = pdfPages(totalsPdf);
  sizes.forEach((s) => expect(s.width).toBeCloseTo(841.89, 0));
  expect(totalsWords.length).toBeGreaterThan(100);
  expect(totalsWords.filter((w) => wordSize(w) < 13 - BOX_TOLERANCE).map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
  expect(overlappingWords(totalsWords)).toEqual([]);
  expect(totalsWords.filter((w) => w.xMax > 841.89).map((w) => w.text)).toEqual([]);
  const all = pdfPageTexts(totalsPdf).join("\n");
  for (const text of ["ĐẢNG CỘNG SẢN VIỆT NAM", "TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA TỈNH", "Nơi nhận:", "T/M BAN THƯỜNG VỤ"]) expect(all).toContain(text);
  // Percentages as 105,00 %, never 105.00%: the columns' formats carry the Vietnamese separators.
  expect(all).toMatch(/\d+,\d\d %/);
  expect(all).not.toMatch(/\d+\.\d\d ?%/);
});
