/**
 * The user guide's picture of the quota decision (docs/images/11-han-muc.png, made by `npm run docs:images`): a shared workbook
 * of Vĩnh Phúc units (9 districts and cities, 7 provincial departments) with its live "Hạn mức"
 * and "So sánh", recalculated and printed by LibreOffice, cut from the PDF at 110 dpi: the quota
 * per kind on top, the units' points, levels, rank and decision below. The scenario has each
 * decision the committee meets: Tam Đảo keeps "excellent", Sông Lô and Vĩnh Yên must be lowered
 * (one place for the districts), and two departments tie at the cut of their one place.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { CONSOLIDATION_MESSAGES } from "../../src/domain/messages/consolidation";
import { COMPARISON_FIRST_ROW, COMPARISON_HEADER_ROWS, COMPARISON_SHEETS, LIVE_COLUMN_LETTERS, sharedWorkbook } from "../../src/layout";
import type { PrintSpec } from "../../src/layout/types";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { makeTempDir, outputDir, pdfWords, requireSoffice } from "../support/libreoffice";
import { around, docsPicture, stackedPng } from "../support/pictures";
import { engineConsolidation, unitParams, type UnitCase } from "../support/sharedUnits";

jest.setTimeout(300_000);

const good = (name: string, kind: UnitCase["kind"], exceeded: number, common: number): UnitCase => ({ name, kind, exceeded, common });
const UNITS: readonly UnitCase[] = [
  { name: "Huyện Tam Đảo", kind: "district", exceeded: 8, common: 28 },
  { name: "Huyện Sông Lô", kind: "district", exceeded: 7, common: 26 },
  { name: "Thành phố Vĩnh Yên", kind: "district", exceeded: 6, common: 25 },
  good("Huyện Lập Thạch", "district", 4, 25),
  good("Huyện Yên Lạc", "district", 3, 24),
  good("Huyện Vĩnh Tường", "district", 5, 23),
  good("Huyện Bình Xuyên", "district", 2, 24),
  good("Huyện Tam Dương", "district", 1, 22),
  good("Thành phố Phúc Yên", "district", 3, 23),
  { name: "Sở Tài chính", kind: "department", exceeded: 7, common: 26 },
  { name: "Sở Kế hoạch và Đầu tư", kind: "department", exceeded: 6, common: 26 },
  good("Sở Nội vụ", "department", 2, 25),
  good("Sở Công Thương", "department", 3, 24),
  good("Sở Xây dựng", "department", 1, 23),
  good("Sở Y tế", "department", 4, 24),
  good("Sở Giáo dục và Đào tạo", "department", 2, 22),
];

const dir = makeTempDir("chitieu-han-muc-");
const IMAGE = docsPicture("11-han-muc.png");

test("the scenario meets every decision: keep, lower and a tie at the cut", () => {
  const decisions = engineConsolidation(UNITS, "good", new Set()).units.map((u) => [u.unit, u.decision]);
  expect(decisions.filter(([, d]) => d !== null)).toEqual([
    ["Huyện Tam Đảo", "keep"],
    ["Huyện Sông Lô", "lower"],
    ["Thành phố Vĩnh Yên", "lower"],
    ["Sở Tài chính", "tie"],
    ["Sở Kế hoạch và Đầu tư", "tie"],
  ]);
});

test("Hạn mức and the decisions on So sánh, printed by LibreOffice, are cut into the guide's picture", async () => {
  requireSoffice();
  const built = sharedWorkbook(UNITS.map((u) => unitParams(u, "good")), { comparison: true });
  // "So sánh" printed from its column headers to the quota decision, on one page: fitted, without its pages across.
  const area = `A${COMPARISON_HEADER_ROWS.group}:${LIVE_COLUMN_LETTERS.decision}${COMPARISON_FIRST_ROW + UNITS.length - 1}`;
  const onePage = (print: PrintSpec): PrintSpec => ({ ...print, area, fitToWidth: 1, fitToHeight: 1, scale: undefined, titleColumns: undefined, headerCenter: undefined });
  const layout = {
    ...built,
    sheets: built.sheets.map((sheet) => (sheet.name === COMPARISON_SHEETS.comparison && sheet.print ? { ...sheet, columnBreaks: [], print: onePage(sheet.print) } : sheet)),
  };
  const xlsx = join(dir, "han-muc.xlsx");
  writeFileSync(xlsx, await writeXlsx(layout));
  // Each sheet printed as `chitieu print --sheet` prints it (LibreOffice recalculates on load).
  const out = outputDir("han-muc");
  const pdfs = Object.values(COMPARISON_SHEETS).map((sheet) => join(out, `${sheet}.pdf`));
  for (const [i, sheet] of Object.values(COMPARISON_SHEETS).entries()) expect(await run(["print", xlsx, "--sheet", sheet, "-o", pdfs[i]])).toEqual({ stdout: "", exitCode: 0 });
  const [comparison, quota] = pdfs.map((pdf) => {
    const words = pdfWords(pdf).filter((w) => w.page === 1);
    // The page without its footer line ("Trang 1 / 1").
    const footer = Math.max(...words.filter((w) => w.text === "Trang").map((w) => w.yMin));
    return { pdf, words: words.filter((w) => w.yMin < footer - 3), text: words.map((w) => w.text).join(" ") };
  });
  // What the picture must show, as printed: the quota of each kind, every unit and each decision.
  expect(quota.text).toMatch(/^HẠN MỨC/);
  for (const kind of ["huyện, thị xã, thành phố", "sở, ban, ngành"]) expect(quota.text).toContain(kind);
  for (const u of UNITS) expect(comparison.text).toContain(u.name);
  expect(comparison.text).not.toContain("Mức xét");
  // Each decision by its first word (the texts wrap, and pdftotext may interleave columns): one keep, two lower, two ties.
  const first = (text: string) => text.split(" ")[0];
  const count = (word: string) => comparison.words.filter((w) => w.text === word).length;
  expect([CONSOLIDATION_MESSAGES.decision.keep, CONSOLIDATION_MESSAGES.decision.lower, CONSOLIDATION_MESSAGES.decision.tie(96)].map((t) => count(first(t)))).toEqual([1, 2, 2]);
  const size = stackedPng([around(quota.pdf, quota.words), around(comparison.pdf, comparison.words, 2)], 1100, join(dir, "region"), IMAGE);
  expect(size.width).toBe(1100);
});
