/**
 * So sánh's print setup as both writers put it in the file (issue 16 §3): the title columns and rows
 * in one _xlnm.Print_Titles name of the sheet, and its column breaks, which ExcelJS does not write
 * and which are put into its file afterwards.
 */
import { consolidate, DEFAULT_CATALOGUE, type UnitSummary } from "../../src/domain";
import { COMPARISON_SHEETS, comparisonPrint, consolidatedWorkbook, spansByPage } from "../../src/layout/comparison";
import { manualColumnBreaks, withColumnBreaks } from "../../src/xlsx/columnBreaks";
import { writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { openXlsx } from "../../src/xlsx/xlsxParts";

function unit(name: string): UnitSummary {
  return {
    file: `${name}.xlsx`,
    sheet: "Chỉ tiêu",
    modified: "2025-12-20T03:00:00.000Z",
    unit: name,
    kind: "district",
    year: 2025,
    indicators: DEFAULT_CATALOGUE.indicators.map((i) => ({ code: i.code, group: i.group, name: i.name, direction: i.direction, achievement: 1, status: "met" as const })),
    points: 90,
    level: "good",
    provisional: false,
    finalLevel: null,
    problems: [],
    quota: { share: 0.2, shareExceptional: 0.25, base: "good" },
  };
}

const layout = consolidatedWorkbook(consolidate([unit("Tam Đảo"), unit("Sông Lô")], []), "2026-01-02T03:04:05.000Z");
const comparison = layout.sheets.find((s) => s.name === COMPARISON_SHEETS.comparison);

test("So sánh of 18 indicators breaks before each group and never inside an indicator's four measures", () => {
  const breaks = comparison?.columnBreaks ?? [];
  // 10 fixed columns, then 4 per indicator: groups of 4, 4, 7 and 3 indicators start at K, AA, AQ and BU.
  expect(breaks).toEqual(expect.arrayContaining([11, 27, 43, 71]));
  for (const column of breaks.filter((c) => c > 10)) expect((column - 11) % 4).toBe(0);
  expect(breaks.length).toBeGreaterThan(4);
  expect(comparison?.print).toMatchObject({ scale: 95, titleColumns: "$A:$C", titleRows: "$4:$6", area: expect.stringMatching(/^A4:CD\d+$/) });
});

test("a group's header is cut at the page breaks inside it, each part naming the group", () => {
  expect(spansByPage(11, 26, [9, 11, 19, 27])).toEqual([{ from: 11, to: 18 }, { from: 19, to: 26 }]);
  expect(spansByPage(27, 42, [11, 19, 27, 35, 43])).toEqual([{ from: 27, to: 34 }, { from: 35, to: 42 }]);
});

test("a sheet narrower than a page has no break", () => {
  const shape = { widths: [5, 24, 18, 10, 10, 10, 13], fixed: 3, groupSizes: [1], measures: 4, headerRows: { first: 4, last: 6 }, lastRow: 9 };
  expect(comparisonPrint(shape, "SO SÁNH").columnBreaks).toEqual([]);
});

test.each([
  ["the light writer", async () => writeSheetsXlsx(layout)],
  ["ExcelJS", async () => writeXlsx(layout)],
])("%s writes the title columns and rows and the column breaks", async (_, write) => {
  const book = openXlsx(await write());
  const index = book.sheetNames.indexOf(COMPARISON_SHEETS.comparison);
  const titles = book.definedNames.filter((d) => d.name === "_xlnm.Print_Titles" && d.localSheetId === index);
  expect(titles.map((d) => d.refersTo)).toEqual(["'So sánh'!$A:$C,'So sánh'!$4:$6"]);
  expect(manualColumnBreaks(book.sheetXml(COMPARISON_SHEETS.comparison) ?? "")).toEqual(comparison?.columnBreaks);
  // Only So sánh has them.
  for (const sheet of book.sheetNames.filter((s) => s !== COMPARISON_SHEETS.comparison)) expect(manualColumnBreaks(book.sheetXml(sheet) ?? "")).toEqual([]);
});

test("a file without column breaks to put in is returned as it was", async () => {
  const bytes = await writeXlsx({ sheets: layout.sheets.slice(1), names: [] });
  expect(withColumnBreaks(bytes, new Map([["xl/worksheets/sheet1.xml", []]]))).toBe(bytes);
});
