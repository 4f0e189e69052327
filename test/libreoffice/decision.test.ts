/**
 * The assignment decision (Quyết định giao chỉ tiêu, issue 16 §1) as `chitieu print TINH.xlsx`
 * produces it through LibreOffice from a province workbook: the HD 36 header with the decision's
 * number, "QUYẾT ĐỊNH", Điều 1–3, signature and Nơi nhận, then the annex, one table per unit with
 * only its indicators and targets (its own indicator marked). The PDF is measured: every word at
 * least 13 pt on paper (pdftotext -bbox: 13 pt → 16,9 pt boxes), A4 portrait, numbers Vietnamese-style.
 * The province workbook's own "Quyết định giao" sheet (formulas) prints too, as Excel would print it.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS } from "../../src/layout/province";
import { makeTempDir, outputDir, overlappingWords, pdfPages, pdfPageTexts, pdfWords, wordSize, BOX_TOLERANCE, type PdfWord } from "../support/libreoffice";
import { docsPicture, stackedPng } from "../support/pictures";

jest.setTimeout(300_000);

const dir = makeTempDir("chitieu-quyet-dinh-");
const FIXED = ASSIGNMENT_COLUMNS.length;
const column = (key: (typeof ASSIGNMENT_COLUMNS)[number]["key"]) => ASSIGNMENT_COLUMNS.findIndex((c) => c.key === key) + 1;
const pdf = join(outputDir("quyet-dinh"), "quyet-dinh.pdf");
const sheetPdf = join(outputDir("quyet-dinh"), "quyet-dinh-excel.pdf");
let words: PdfWord[] = [];
let pages: string[] = [];

beforeAll(async () => {
  const file = join(dir, "tinh.xlsx");
  expect(await run(["province", "--year", "2021", "--group", "Huyện, thành phố: Tam Đảo; Sông Lô", "--group", "Sở, ngành: Sở Nội vụ", "-o", file])).toEqual({ stdout: "", exitCode: 0 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  wb.worksheets
    .filter((ws) => ws.name.startsWith("Giao chỉ tiêu"))
    .forEach((ws, sheet) => {
      for (let c = FIXED + 1; ws.getCell(ASSIGNMENT_ROWS.header, c).value; c++) {
        ws.getCell(ASSIGNMENT_ROWS.kind, c).value = "huyện, thị xã, thành phố";
        DEFAULT_CATALOGUE.indicators.forEach((ind, i) => {
          ws.getCell(ASSIGNMENT_ROWS.first + i, c).value = ind.direction === "milestone" ? "Đạt" : ind.direction === "decrease" ? 5 : 100;
        });
      }
      if (sheet !== 0) return;
      ws.getCell(ASSIGNMENT_ROWS.first, column("provinceTarget")).value = 2100;
      ws.getCell(ASSIGNMENT_ROWS.first, FIXED + 1).value = 1200;
      ws.getCell(ASSIGNMENT_ROWS.first, FIXED + 2).value = 900;
      // The last indicator is Tam Đảo's own: Sông Lô is given none.
      const last = ASSIGNMENT_ROWS.first + DEFAULT_CATALOGUE.indicators.length - 1;
      ws.getCell(last, column("scope")).value = "Riêng";
      ws.getCell(last, FIXED + 2).value = null;
    });
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const header = ["--issuing-body", "BAN THƯỜNG VỤ TỈNH ỦY", "--superior-body", "ĐẢNG BỘ TỈNH VĨNH PHÚC", "--number", "15-QĐ/TU", "--place-date", "Vĩnh Phúc, ngày 10 tháng 01 năm 2021"];
  const [printed, sheet] = await Promise.all([run(["print", file, ...header, "-o", pdf]), run(["print", file, "--sheet", "Quyết định giao", "-o", sheetPdf])]);
  expect(printed).toEqual({ stdout: "", exitCode: 0 });
  expect(sheet).toEqual({ stdout: "", exitCode: 0 });
  words = pdfWords(pdf);
  pages = pdfPageTexts(pdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("A4 portrait: the decision, then the annex with one page per unit", () => {
  const { count, sizes } = pdfPages(pdf);
  expect(count).toBeGreaterThanOrEqual(4);
  sizes.forEach((s) => expect(s.height).toBeCloseTo(841.89, 0));
  pages.forEach((text, i) => expect(text).toContain(`Trang ${i + 1} / ${count}`));
  const flat = (text: string) => text.replace(/\s+/g, " ");
  const first = flat(pages[0]);
  for (const text of ["ĐẢNG BỘ TỈNH VĨNH PHÚC", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 15-QĐ/TU", "QUYẾT ĐỊNH", "Về việc giao chỉ tiêu, nhiệm vụ năm 2021", "Điều 1.", "Điều 2.", "Điều 3.", "Nơi nhận:", "T/M BAN THƯỜNG VỤ"]) {
    expect(first).toContain(text);
  }
  expect(first).toContain("cho 3 đơn vị thuộc 2 nhóm đối tượng (Huyện, thành phố; Sở, ngành)");
  const unitPage = (unit: string) => pages.findIndex((p) => flat(p).includes(`. ${unit} (`));
  const [tamDao, songLo, noiVu] = ["Tam Đảo", "Sông Lô", "Sở Nội vụ"].map(unitPage);
  expect(tamDao).toBeGreaterThan(0);
  expect(songLo).toBeGreaterThan(tamDao);
  expect(noiVu).toBeGreaterThan(songLo);
  expect(flat(pages[tamDao])).toContain("(Kèm theo Quyết định số 15-QĐ/TU)");
});

test("each unit's annex: its targets Vietnamese-style, its own indicator marked and only in its table", () => {
  const flat = pages.map((p) => p.replace(/\s+/g, " "));
  const tamDao = flat.findIndex((p) => p.includes("I. Tam Đảo ("));
  const songLo = flat.findIndex((p) => p.includes("II. Sông Lô ("));
  expect(flat[tamDao]).toMatch(/Kết nạp đảng viên mới người 1\.200/);
  expect(flat[tamDao]).toContain("(chỉ tiêu riêng)");
  expect(flat[songLo]).toMatch(/người 900/);
  expect(flat[songLo]).not.toContain("(chỉ tiêu riêng)");
});

test("every word at least 13 pt on paper, none overlapping, none outside the page", () => {
  expect(words.length).toBeGreaterThan(200);
  expect(words.filter((w) => wordSize(w) < 13 - BOX_TOLERANCE).map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
  expect(overlappingWords(words)).toEqual([]);
  expect(words.filter((w) => w.xMin < 0 || w.xMax > 595.28).map((w) => w.text)).toEqual([]);
});

test("the province workbook's own sheet prints the same decision from its formulas, at least 13 pt", () => {
  const excel = pdfWords(sheetPdf);
  expect(excel.filter((w) => wordSize(w) < 13 - BOX_TOLERANCE).map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
  const text = pdfPageTexts(sheetPdf).join("\n").replace(/\s+/g, " ");
  expect(text).toContain("QUYẾT ĐỊNH");
  expect(text).toMatch(/Kết nạp đảng viên mới người 1\.200/);
});

test("the decision's page and Tam Đảo's annex are rendered for the guide", () => {
  const page = (n: number) => ({ pdf, page: n, x: 0, y: 0, width: 595.28, height: 841.89 });
  const tamDao = pages.findIndex((p) => p.replace(/\s+/g, " ").includes(". Tam Đảo (")) + 1;
  expect(tamDao).toBeGreaterThan(1);
  const picture = stackedPng([page(1), page(tamDao)], 700, join(outputDir("quyet-dinh"), "quyet-dinh"), docsPicture("18-quyet-dinh-giao.png"));
  expect(picture.height).toBeGreaterThan(1.5 * picture.width);
});
