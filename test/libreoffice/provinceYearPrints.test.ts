/**
 * What the committee prints at the end of the Vĩnh Phúc year (issue 16 "Done when", the guide's
 * pictures): the three groups assigned from one province workbook, every unit's year typed, then
 * `consolidate --previous` and `chitieu print` through LibreOffice. "Tổng của tỉnh" is the
 * province's report: on paper the new members' line reads 2.100/2.000 = 105,00 %, every word at
 * least 13 pt (pdftotext -bbox: 13 pt → 16,9 pt boxes). "So với năm trước" prints each district
 * with its rank this year and last. Page 1 of each is rendered for the guide (`npm run docs:images`).
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { around, docsPicture, stackedPng } from "../support/pictures";
import { typeFigures } from "../support/followUpFiles";
import { writeUnitFile } from "../support/unitFiles";
import { DISTRICTS, figures, GROUPS, provinceWorkbook } from "../support/vinhPhuc";
import { BOX_TOLERANCE, makeTempDir, outputDir, overlappingWords, pdfPages, pdfPageTexts, pdfWords, wordSize, type PdfWord } from "../support/libreoffice";

jest.setTimeout(300_000);

const dir = makeTempDir("chitieu-nam-vinh-phuc-");
const out = outputDir("vinh-phuc-2021");
const totalsPdf = join(out, "tong-cua-tinh.pdf");
const previousPdf = join(out, "so-voi-nam-truoc.pdf");
let totalsWords: PdfWord[] = [];
let previousWords: PdfWord[] = [];

const HEADER = [
  "--superior-body", "ĐẢNG BỘ TỈNH VĨNH PHÚC",
  "--issuing-body", "BAN THƯỜNG VỤ TỈNH ỦY",
  "--number", "25-BC/TU",
  "--place-date", "Vĩnh Phúc, ngày 20 tháng 12 năm 2021",
  "--signer-title", "T/M BAN THƯỜNG VỤ",
  "--signer-position", "BÍ THƯ",
  "--signer-name", "Nguyễn Văn A",
];

beforeAll(async () => {
  const province = join(dir, "tinh-vinh-phuc-2021.xlsx");
  await provinceWorkbook(province);
  const units = join(dir, "don-vi");
  expect((await run(["assign", province, "-o", units])).exitCode).toBe(0);
  for (const g of GROUPS) for (const unit of g.units) await typeFigures(join(units, `${unit}.xlsx`), { actuals: figures(g, unit, 1) });
  const previous = join(dir, "nam-2020");
  mkdirSync(previous);
  for (const [i, [unit]] of DISTRICTS.entries()) await writeUnitFile(previous, `${unit}.xlsx`, { unit, kind: "district", year: 2020, result: i % 3 === 0 ? "excellent" : "good" });
  const xlsx = join(dir, "tong-hop-2021.xlsx");
  expect((await run(["consolidate", units, "--rules", province, "--previous", previous, ...HEADER, "-o", xlsx])).exitCode).toBe(0);
  const [totals, before] = await Promise.all([
    run(["print", xlsx, "--sheet", "Tổng của tỉnh", "-o", totalsPdf]),
    run(["print", xlsx, "--sheet", "So với năm trước", "-o", previousPdf]),
  ]);
  expect(totals).toEqual({ stdout: "", exitCode: 0 });
  expect(before).toEqual({ stdout: "", exitCode: 0 });
  totalsWords = pdfWords(totalsPdf);
  previousWords = pdfWords(previousPdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The words on the line of the first word `text` of the PDF, left to right. */
function lineOf(words: readonly PdfWord[], text: string): string {
  const mid = (w: PdfWord) => (w.yMin + w.yMax) / 2;
  const found = words.find((w) => w.text === text);
  if (!found) return "";
  return words
    .filter((w) => w.page === found.page && Math.abs(mid(w) - mid(found)) < 3)
    .sort((a, b) => a.xMin - b.xMin)
    .map((w) => w.text)
    .join(" ");
}

/** Whether the words of `text` come in the PDF in their order (other cells' words between them on a wrapped row). */
function inOrder(words: readonly string[], text: string): boolean {
  let at = 0;
  for (const word of text.split(" ")) {
    at = words.indexOf(word, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

test("Tổng của tỉnh: the province's report line 2.100/2.000 = 105,00 % on paper, every word at least 13 pt, one table per group", () => {
  pdfPages(totalsPdf).sizes.forEach((s) => expect(s.width).toBeCloseTo(841.89, 0));
  expect(totalsWords.filter((w) => wordSize(w) < 13 - BOX_TOLERANCE).map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
  expect(overlappingWords(totalsWords)).toEqual([]);
  // The report line on one line of paper (its column is wide enough at 13 pt).
  expect(lineOf(totalsWords, "2.100/2.000")).toContain("2.100/2.000 = 105,00 %");
  // A cell's words come one after another in the PDF, however the cell wraps.
  const all = totalsWords.map((w) => w.text).join(" ");
  for (const text of ["ĐẢNG BỘ TỈNH VĨNH PHÚC", "Số 25-BC/TU", "TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA TỈNH", "Kết nạp đảng viên mới", "Nơi nhận:", "Nguyễn Văn A"]) {
    expect(all).toContain(text);
  }
  // The three groups, each with its own indicators (the bodies' members of mass organisations), under the province's names for them:
  // the bodies' name wraps over three lines of its column, beside the indicator's wrapped name, so their words interleave.
  const words = totalsWords.map((w) => w.text);
  for (const text of ["Kết nạp đoàn viên, hội viên mới", "Hoàn thành chuyển đổi", ...GROUPS.map((g) => g.name)]) expect(inOrder(words, text)).toBe(true);
});

test("So với năm trước: a section per group under its name, changes Vietnamese-style, A4 landscape", () => {
  pdfPages(previousPdf).sizes.forEach((s) => expect(s.width).toBeCloseTo(841.89, 0));
  const all = pdfPageTexts(previousPdf).join("\n").replace(/\s+/g, " ");
  expect(all).toContain("VỚI NĂM 2020");
  for (const [unit] of DISTRICTS) expect(all).toContain(unit);
  // Tam Đảo admitted 115 % of its target this year, 100 % last year: +15 points, printed as Vietnamese Excel prints it.
  expect(lineOf(previousWords, "Đảo")).toMatch(/^Tam Đảo .*\+15,00%/);
  expect(all).not.toMatch(/\d\.\d\d%/);
  // Under the names the province gave its groups, which the units' files carry.
  for (const g of GROUPS) expect(all).toContain(g.name);
  expect(overlappingWords(previousWords)).toEqual([]);
});

test("page 1 of each is rendered for the guide", () => {
  const onPage1 = (words: readonly PdfWord[]) => words.filter((w) => w.page === 1);
  const totals = stackedPng([around(totalsPdf, onPage1(totalsWords))], 1100, join(out, "tong-cua-tinh"), docsPicture("15-tong-cua-tinh.png"));
  expect(totals.width).toBeGreaterThan(1000);
  const before = stackedPng([around(previousPdf, onPage1(previousWords))], 1100, join(out, "so-voi-nam-truoc"), docsPicture("16-so-voi-nam-truoc.png"));
  expect(before.height).toBeGreaterThan(200);
});
