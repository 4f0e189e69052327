/**
 * "So sánh" printed readably (issue 16 §3): 18 indicators × 4 measures are 82 columns, which fitted
 * to one page wide printed at about 2 pt. Printed by LibreOffice as `chitieu print --sheet "So sánh"`
 * prints it, from the consolidation the CLI writes (the light writer) and from a shared workbook's live
 * sheet (ExcelJS): several pages across at 95 %, the unit's number, name and kind on every page (title
 * columns), the header rows and the title on every page, the pages of a column band one after the other
 * (down, then over), an indicator's four measures never split
 * across pages, each group of indicators starting a page, and every word at least 10 pt (the table's
 * 12 pt at 11,4 pt).
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { DEFAULT_CATALOGUE, type UnitKind } from "../../src/domain";
import { COMPARISON_MEASURES, COMPARISON_PRINT_SCALE, COMPARISON_SHEETS, sharedWorkbook, TOTAL_ROW_LABEL, TOTALS_HEADING } from "../../src/layout";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { makeTempDir, outputDir, overlappingWords, pdfPages, pdfToPng, pdfWords, wordSize, type PdfWord } from "../support/libreoffice";
import { docsPicture } from "../support/pictures";
import { districtParams } from "../support/provinceFiles";
import { writeUnitFile } from "../support/unitFiles";

jest.setTimeout(300_000);

const UNITS: readonly { unit: string; kind: UnitKind }[] = [
  ...["Thành phố Vĩnh Yên", "Thành phố Phúc Yên", "Huyện Tam Đảo", "Huyện Sông Lô", "Huyện Lập Thạch", "Huyện Yên Lạc", "Huyện Vĩnh Tường", "Huyện Bình Xuyên", "Huyện Tam Dương"].map(
    (unit) => ({ unit, kind: "district" as const }),
  ),
  { unit: "Sở Tài chính", kind: "department" },
];
const MEASURE_HEADERS = COMPARISON_MEASURES.map((m) => m.header);
const lastWord = (text: string) => text.split(" ").at(-1) as string;
/** The table's 12 pt at the print scale, and the notes' 11 pt. */
const TABLE_PT = (12 * COMPARISON_PRINT_SCALE) / 100;
const SMALLEST_PT = 10;

const dir = makeTempDir("chitieu-so-sanh-in-");
const out = outputDir("so-sanh");

/** The PDF's pages, each as its words and its text on one line. */
function pages(pdf: string): { words: PdfWord[]; text: string }[] {
  const words = pdfWords(pdf);
  return Array.from({ length: pdfPages(pdf).count }, (_, i) => {
    const on = words.filter((w) => w.page === i + 1);
    return { words: on, text: on.map((w) => w.text).join(" ") };
  });
}

/** What every printed So sánh must show, whichever writer wrote it. */
function expectReadable(printed: { words: PdfWord[]; text: string }[], title: string): number {
  // Each unit on every page across of its rows: on as many pages as every other unit, more than one.
  const across = UNITS.map((u) => printed.filter((p) => p.text.includes(u.unit)).length);
  expect(new Set(across).size).toBe(1);
  expect(across[0]).toBeGreaterThan(1);
  expect(printed.length % across[0]).toBe(0);
  printed.forEach((page) => {
    expect(page.text).toContain(title);
    expect(page.text).toContain("Loại đơn vị");
    expect(UNITS.some((u) => page.text.includes(u.unit)) || page.text.includes("Tổng của tỉnh")).toBe(true);
    const small = page.words.filter((w) => wordSize(w) < SMALLEST_PT);
    expect(small.map((w) => `${w.text} ${wordSize(w).toFixed(1)} pt`)).toEqual([]);
  });
  // The unit names print at the table's size, not shrunk to fit.
  const names = printed.flatMap((p) => p.words.filter((w) => w.text === "Huyện"));
  expect(Math.min(...names.map(wordSize))).toBeGreaterThan(TABLE_PT - 0.1);
  // Each indicator whole on one page (its code in its header, its four measures under it), each group from a page's start.
  const codes = DEFAULT_CATALOGUE.indicators.map((i) => i.code);
  const pageOf = (code: string) => printed.findIndex((p) => p.words.some((w) => w.text === `${code}.`));
  for (const code of codes) {
    const page = printed[pageOf(code)];
    expect(page).toBeDefined();
    const indicatorsOnPage = codes.filter((c) => pageOf(c) === pageOf(code)).length;
    // The measures' header line: each measure's last word once per indicator on the page.
    const y = page.words.find((w) => w.text === lastWord(MEASURE_HEADERS[0]))?.yMin ?? NaN;
    const line = page.words.filter((w) => Math.abs(w.yMin - y) < 1);
    expect(MEASURE_HEADERS.map((h) => line.filter((w) => w.text === lastWord(h)).length)).toEqual(MEASURE_HEADERS.map(() => indicatorsOnPage));
  }
  const groups = [...new Set(DEFAULT_CATALOGUE.indicators.map((i) => i.group))];
  for (const g of groups) {
    const first = DEFAULT_CATALOGUE.indicators.find((i) => i.group === g)?.code as string;
    const before = codes[codes.indexOf(first) - 1];
    if (before !== undefined) expect(pageOf(before)).toBeLessThan(pageOf(first));
  }
  // Across: 18 indicators need more than one page.
  expect(new Set(codes.map(pageOf)).size).toBeGreaterThan(1);
  // Down, then over: the pages of one indicator's column follow one another.
  const holding = printed.flatMap((p, i) => (p.words.some((w) => w.text === `${codes[0]}.`) ? [i] : []));
  expect(holding).toEqual(holding.map((_, k) => holding[0] + k));
  return across[0];
}

test("So sánh from files, as `chitieu consolidate` writes it, prints pages across with the units on each, readable", async () => {
  const units = join(dir, "units");
  mkdirSync(units);
  for (const [i, u] of UNITS.entries()) await writeUnitFile(units, `${String(i + 1).padStart(2, "0")}.xlsx`, { ...u, result: "good", common: 25 });
  const xlsx = join(dir, "tong-hop.xlsx");
  expect((await run(["consolidate", units, "-o", xlsx])).exitCode).toBe(0);
  const pdf = join(out, "so-sanh.pdf");
  expect(await run(["print", xlsx, "--sheet", COMPARISON_SHEETS.comparison, "-o", pdf])).toEqual({ stdout: "", exitCode: 0 });
  const printed = pages(pdf);
  const across = expectReadable(printed, "SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM");
  // The province's totals, labelled in the title columns, on every page across of their rows.
  expect(printed.filter((p) => p.text.includes(TOTAL_ROW_LABEL)).length).toBe(across);
  // For the guide: the first page of indicators (after the page of points, levels and quota).
  const indicatorPage = printed.findIndex((p) => p.text.includes("1.1.")) + 1;
  expect(indicatorPage).toBeGreaterThan(1);
  copyFileSync(pdfToPng(pdf, indicatorPage, join(out, "so-sanh-chi-tieu"), 80), docsPicture("19-so-sanh-in.png"));
});

test("So sánh with live formulas, as ExcelJS writes a shared workbook, prints the same way", async () => {
  const built = sharedWorkbook(UNITS.map((u) => districtParams(u.unit, { unitKind: u.kind })), { comparison: true });
  const xlsx = join(dir, "so-chung.xlsx");
  writeFileSync(xlsx, await writeXlsx(built));
  const pdf = join(out, "so-sanh-truc-tiep.pdf");
  expect(await run(["print", xlsx, "--sheet", COMPARISON_SHEETS.comparison, "-o", pdf])).toEqual({ stdout: "", exitCode: 0 });
  expectReadable(pages(pdf), "SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU");
});

/** Units whose names wrap to three lines: eight of them end the first page just under the last unit. */
const LONG_NAMED = Array.from({ length: 8 }, (_, i) => ({ unit: `Ủy ban Mặt trận Tổ quốc Việt Nam huyện số ${i + 1}`, kind: "district" as const }));

/** The totals' heading never ends a page: each page that shows it shows the totals' rows under it. */
function expectTotalsWhole(printed: { words: PdfWord[]; text: string }[]): void {
  const withHeading = printed.filter((p) => p.text.includes(TOTALS_HEADING));
  expect(withHeading.length).toBeGreaterThan(0);
  for (const page of withHeading) {
    const heading = page.words.find((w) => w.text === TOTALS_HEADING.split(" ")[0]) as PdfWord;
    const label = page.words.filter((w) => w.text === TOTAL_ROW_LABEL.split(" ")[0] && w.yMin > heading.yMin);
    expect(label.length).toBeGreaterThan(0);
  }
}

/** A province's name for its group of subjects, longer than its column: it wraps over four lines. */
const LONG_GROUP = "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị – xã hội cấp huyện";

test("So sánh keeps the province's totals whole on a page, with the last unit, from files and live", async () => {
  const units = join(dir, "long-named");
  mkdirSync(units);
  for (const [i, u] of LONG_NAMED.entries()) await writeUnitFile(units, `${String(i + 1).padStart(2, "0")}.xlsx`, { ...u, groupName: LONG_GROUP, result: "good", common: 25 });
  const xlsx = join(dir, "tong-hop-dai.xlsx");
  expect((await run(["consolidate", units, "-o", xlsx])).exitCode).toBe(0);
  const pdf = join(out, "so-sanh-tong-cua-tinh.pdf");
  expect(await run(["print", xlsx, "--sheet", COMPARISON_SHEETS.comparison, "-o", pdf])).toEqual({ stdout: "", exitCode: 0 });
  const printed = pages(pdf);
  expectTotalsWhole(printed);
  // The group's name, wrapped in its column on the units' rows and the total's, in rows as tall as it: every word printed, none over another.
  const totalsPage = printed.find((p) => p.text.includes(TOTALS_HEADING)) as { words: PdfWord[]; text: string };
  const afterLabel = totalsPage.text.slice(totalsPage.text.lastIndexOf(TOTAL_ROW_LABEL));
  expect(afterLabel.replace(/\s+/g, " ")).toContain(LONG_GROUP);
  expect(printed.flatMap((p) => overlappingWords(p.words))).toEqual([]);

  const shared = join(dir, "so-chung-dai.xlsx");
  writeFileSync(shared, await writeXlsx(sharedWorkbook(LONG_NAMED.map((u) => districtParams(u.unit, { unitKind: u.kind })), { comparison: true })));
  const livePdf = join(out, "so-sanh-truc-tiep-tong-cua-tinh.pdf");
  expect(await run(["print", shared, "--sheet", COMPARISON_SHEETS.comparison, "-o", livePdf])).toEqual({ stdout: "", exitCode: 0 });
  expectTotalsWhole(pages(livePdf));
});
