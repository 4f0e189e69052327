import ExcelJS from "exceljs";
import { consolidate, type UnitSummary } from "../../src/domain";
import { unitWorkbook, type CellContent, type WorkbookLayout } from "../../src/layout";
import { consolidatedWorkbook } from "../../src/layout/comparison";
import { writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { writeXlsx } from "../../src/xlsx/writeLayout";

const INDICATORS: UnitSummary["indicators"] = [
  { code: "1.1", group: "1", name: "Kết nạp đảng viên", direction: "increase", achievement: 1.1, status: "exceeded" },
  { code: "1.2", group: "1", name: "Tỷ lệ <chi bộ> & \"mạnh\"", direction: "increase", achievement: null, status: "pending" },
  { code: "3.5", group: "3", name: " Tỷ lệ hộ nghèo", direction: "decrease", achievement: 0.8, status: "notMet" },
];

function unit(name: string, kind: UnitSummary["kind"], points: number | null, level: UnitSummary["level"], provisional = false): UnitSummary {
  return {
    file: `/don vi/${name}.xlsx`,
    sheet: "Chỉ tiêu",
    modified: "2025-12-20T03:00:00.000Z",
    unit: name,
    kind,
    year: 2025,
    indicators: INDICATORS,
    points,
    level,
    provisional,
    finalLevel: null,
    problems: [],
    quota: { share: 0.2, shareExceptional: 0.25, base: "good" },
  };
}

/** A consolidation with every kind of row: kinds, a tie, a provisional unit, no points, rejected files. */
function layout(): WorkbookLayout {
  const units = [
    unit("Tam Đảo", "district", 98, "excellent"),
    unit("Sông Lô", "district", 98, "excellent"),
    unit("Xã <A> & 'B'", "commune", 90, "good", true),
    unit("Sở Tài chính", "department", null, null),
    ...Array.from({ length: 12 }, (_, i) => unit(`Xã ${i + 1}`, "commune", 70 + i, "good")),
  ];
  const c = consolidate(units, [{ file: "/don vi/hong.xlsx", reason: "không đọc được tệp." }]);
  return consolidatedWorkbook(c, "2026-01-02T03:04:05.000Z");
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

type Formatting = { ref: string; rules: Record<string, unknown>[] };

/** What a sheet looks like to ExcelJS: every cell's value and style, and the sheet's settings (a data bar's random id left out). */
function seen(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights[r] = row.height;
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells[cell.address] = { value: cell.value, type: cell.type, style: JSON.parse(JSON.stringify(cell.style)) as unknown };
    });
  });
  const formattings = (ws as unknown as { conditionalFormattings: Formatting[] }).conditionalFormattings;
  return {
    cells,
    heights,
    columns: ws.columns.map((c) => [c.width, c.style]),
    merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
    views: ws.views,
    rowBreaks: (ws as unknown as { rowBreaks: unknown }).rowBreaks,
    formattings: formattings.map((f) => ({ ref: f.ref, rules: f.rules.map(({ x14Id, ...rule }) => ({ ...rule, x14Id: typeof x14Id })) })),
  };
}

describe("the light .xlsx writer of consolidations", () => {
  test("writes what the ExcelJS writer writes, as ExcelJS reads it back: values, styles, merges, sizes, print setup, formats", async () => {
    const [light, exceljs] = await Promise.all([load(writeSheetsXlsx(layout())), load(await writeXlsx(layout()))]);
    expect(light.worksheets.map((ws) => ws.name)).toEqual(exceljs.worksheets.map((ws) => ws.name));
    for (const ws of exceljs.worksheets) {
      const expected = seen(ws);
      const actual = seen(light.getWorksheet(ws.name) as ExcelJS.Worksheet);
      expect(Object.keys(actual.cells).length).toBeGreaterThan(20);
      expect(actual).toEqual(expected);
    }
  });

  test("text starting with = stays text; a value that is not a scalar is refused", async () => {
    const base = layout();
    const [first, ...rest] = base.sheets;
    const withCell = (content: CellContent): WorkbookLayout => ({ ...base, sheets: [{ ...first, blocks: [...first.blocks, { at: "A3", cells: [[content]], owner: "user" }] }, ...rest] });
    const { type, value } = (await load(writeSheetsXlsx(withCell({ value: "=SUM(1)" })))).worksheets[0].getCell("A3");
    expect(type).toBe(ExcelJS.ValueType.String);
    expect(value).toBe("=SUM(1)");
    expect(() => writeSheetsXlsx(withCell({ value: { formula: "1+1" } } as unknown as CellContent))).toThrow("Ô A3: giá trị phải là số hoặc chữ.");
  });

  test("refuses a unit workbook (tables, validation, protection are ExcelJS's)", () => {
    expect(() => writeSheetsXlsx(unitWorkbook({ unitName: "Tam Đảo", head: "", year: 2025 }))).toThrow("do writeLayout.ts ghi");
  });
});
