/**
 * One official document (issue 17 §2): every printed sheet of the product takes its header block,
 * styles and page set-up from src/layout/print/officialDocument.ts, so the party line, the sizes and
 * the A4 set-up cannot drift between documents. The PDF measurements are in test/libreoffice.
 */
import { DEFAULT_CATALOGUE, type Consolidation } from "../../../src/domain";
import { DEFAULT_HEADER, PARTY_NAME, printSheet, SHEETS, tableTitle, type SheetLayout } from "../../../src/layout";
import { keptTogetherBreaks, pageBody } from "../../../src/layout/print";
import { publicTableSheet, totalsSheet } from "../../../src/layout/comparison";
import { TASK_PRINT_SHEETS, withTaskRegister } from "../../../src/layout/tasks";
import { unitWorkbook } from "../../../src/layout";
import { DEFAULT_LETTERS } from "../../../src/layout/unit";
import { NAMED } from "../../proof/taskCases";

const empty: Consolidation = { year: 2025, units: [], rejected: [], quota: [], totals: [] } as unknown as Consolidation;
const tasks = withTaskRegister(unitWorkbook({ unitName: "Xã A", head: "A", year: 2025 }), { tasks: NAMED, year: 2025, asOf: "2025-11-15" });
const taskSheet = (name: string) => tasks.sheets.find((s) => s.name === name) as SheetLayout;

const DOCUMENTS: [string, SheetLayout][] = [
  [
    "Bản in",
    printSheet({
      unitSheet: SHEETS.unit,
      letters: DEFAULT_LETTERS,
      firstRow: 8,
      lastRow: 25,
      rows: DEFAULT_CATALOGUE.indicators,
      groups: DEFAULT_CATALOGUE.groups,
      header: DEFAULT_HEADER,
      title: tableTitle(2025, "Huyện Tam Đảo"),
    }).sheet,
  ],
  ["Công khai", publicTableSheet(empty)],
  ["Tổng của tỉnh", totalsSheet(empty)],
  [TASK_PRINT_SHEETS.results, taskSheet(TASK_PRINT_SHEETS.results)],
  [TASK_PRINT_SHEETS.form, taskSheet(TASK_PRINT_SHEETS.form)],
];

describe.each(DOCUMENTS)("%s", (_, sheet) => {
  test("the party line is the HD 36 one: 15 pt bold capitals, underlined, in row 1", () => {
    const party = sheet.blocks.filter((b) => b.cells.flat().some((c) => "value" in c && c.value === PARTY_NAME));
    expect(party).toHaveLength(1);
    expect(party[0].at).toMatch(/^[A-Z]+1$/);
    expect(party[0].style?.font).toMatchObject({ name: "Times New Roman", size: 15, bold: true, underline: true });
  });

  test("every printed cell's text is at least 13 pt, Times New Roman", () => {
    const sizes = sheet.blocks.map((b) => b.style?.font?.size ?? sheet.font.size ?? 0);
    expect(Math.min(...sizes, sheet.font.size ?? 0)).toBeGreaterThanOrEqual(13);
    expect(sheet.blocks.every((b) => (b.style?.font?.name ?? sheet.font.name) === "Times New Roman")).toBe(true);
  });

  test("A4 at 100 %, never fit to a smaller size, page numbers in the footer at 13 pt", () => {
    expect(sheet.print).toMatchObject({ paper: "A4", scale: 100, centerHorizontally: true });
    expect(sheet.print?.footerCenter).toContain("&13Trang &P / &N");
  });
});

describe("page breaks kept together", () => {
  // Rows 1–9 of 50 pt on a landscape page that holds about 9 of them; row 1 is the repeated header.
  const page = pageBody("landscape");
  const rows = (count: number, tall = page / 9) => Array.from({ length: count }, (_, i) => ({ row: i + 1, height: tall }));

  test("a heading row never ends a page: it starts the next one with its first row", () => {
    const free = keptTogetherBreaks(rows(20), "landscape", new Set(), 30, page / 9);
    const heading = free[0] - 1;
    expect(keptTogetherBreaks(rows(20), "landscape", new Set([heading]), 30, page / 9)[0]).toBe(heading);
  });

  test("the tail takes the table's last row along instead of printing under the repeated header alone", () => {
    // Rows 1–8 fill page 1; rows 9–10 are the signature.
    const table = rows(8, page / 8.5);
    const tail = [{ row: 9, height: page / 8.5 }, { row: 10, height: page / 8.5 }];
    expect(keptTogetherBreaks([...table, ...tail], "landscape", new Set(), 9, page / 8.5)).toEqual([9]);
    expect(keptTogetherBreaks([...table, ...tail], "landscape", new Set(), 9, page / 8.5, 8)).toEqual([8]);
  });

  test("a heading above the last row goes along with it and the tail (a last group of one indicator)", () => {
    const table = rows(8, page / 8.5);
    const tail = [{ row: 9, height: page / 8.5 }, { row: 10, height: page / 8.5 }];
    // Row 7 heads row 8, the last: the break comes before the heading, not between it and its row.
    expect(keptTogetherBreaks([...table, ...tail], "landscape", new Set([7]), 9, page / 8.5, 8)).toEqual([7]);
  });

  test("a tail taller than a page is broken only where it must be, never before each of its rows", () => {
    const table = rows(10, page / 20);
    const tail = [11, 12, 13, 14, 15].map((row) => ({ row, height: page * 0.22 }));
    const breaks = keptTogetherBreaks([...table, ...tail], "landscape", new Set(), 11, page / 20, 10);
    expect(breaks).toHaveLength(1);
  });
});
