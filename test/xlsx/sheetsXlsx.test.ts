import ExcelJS from "exceljs";
import { consolidate, DEFAULT_CATALOGUE, ruleSet, type UnitSummary } from "../../src/domain";
import { KeptSheets, unitWorkbook, type CellContent, type WorkbookLayout } from "../../src/layout";
import { consolidatedWorkbook } from "../../src/layout/comparison";
import { SheetsXlsxWriter, writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { TASK_SHEETS, withTaskRegister } from "../../src/layout/tasks";
import { benchTasks } from "../../bench/tasks";
import { READ_MESSAGES } from "../../src/domain/messages/unitFile";

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
  const c = consolidate(units, [{ file: "/don vi/hong.xlsx", reason: READ_MESSAGES.unreadable.of() }]);
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

});

/** A unit workbook as `chitieu assign` writes it: its own catalogue, targets, every sheet (tables, validation, protection). */
function unitLayout(name: string, shift: number, catalogue = DEFAULT_CATALOGUE, kept?: KeptSheets): WorkbookLayout {
  const values = new Map(catalogue.indicators.map((i, n) => [i.code, { target: n % 5 === 0 ? "Đạt" : 100 + n + shift }]));
  return unitWorkbook({ unitName: name, unitKind: "district", head: `Bí thư ${name}`, year: 2025, rules: ruleSet(), catalogue, values, withPrintSheet: true, withFollowUp: true, kept });
}

type Validations = { model: Record<string, unknown> };

/** Beyond `seen`: the cells' validation, the protection, the tables and the workbook's names. */
function seenUnit(wb: ExcelJS.Workbook) {
  return {
    names: (wb.definedNames as unknown as { model: unknown }).model,
    sheets: wb.worksheets.map((ws) => ({
      name: ws.name,
      validations: (ws as unknown as { dataValidations: Validations }).dataValidations.model,
      protection: (ws as unknown as { sheetProtection: unknown }).sheetProtection ?? null,
      tables: ws.getTables().map((t) => {
        const { name, displayName, tableRef, headerRow, totalsRow, columns, style } = (t as unknown as { table: Record<string, unknown> }).table;
        // Column names only: ExcelJS also writes a totals-row label and function for a table without a totals row, which mean nothing.
        return { name, displayName, tableRef, headerRow, totalsRow, columns: (columns as { name: string }[]).map((c) => c.name), style };
      }),
    })),
  };
}

describe("the light writer of unit workbooks", () => {
  test("writes what the ExcelJS writer writes, as ExcelJS reads it back: cells, formulas, styles, validation, protection, tables, names", async () => {
    const [light, exceljs] = await Promise.all([load(writeSheetsXlsx(unitLayout("Tam Đảo", 0))), load(await writeXlsx(unitLayout("Tam Đảo", 0)))]);
    expect(light.worksheets.map((ws) => ws.name)).toEqual(exceljs.worksheets.map((ws) => ws.name));
    for (const ws of exceljs.worksheets) expect(seen(light.getWorksheet(ws.name) as ExcelJS.Worksheet)).toEqual(seen(ws));
    const expected = seenUnit(exceljs);
    expect(seenUnit(light)).toEqual(expected);
    // What the comparison is about is there: three tables, validation on the unit's sheet, its protection.
    const unit = expected.sheets[0];
    expect([expected.sheets.flatMap((s) => s.tables).length, Object.keys(unit.validations).length > 50, unit.protection]).toEqual([3, true, expect.objectContaining({ sheet: true })]);
  });

  test("one writer for many units writes each file byte for byte as a writer of that file alone would", () => {
    const own = { ...DEFAULT_CATALOGUE, indicators: [...DEFAULT_CATALOGUE.indicators, { ...DEFAULT_CATALOGUE.indicators[0], code: "9.9", name: "Chỉ tiêu riêng" }] };
    // Laid out as assign lays them out: the sheets the units have alike are the same objects, which the writer renders once.
    const kept = new KeptSheets();
    const layouts = [unitLayout("Tam Đảo", 0, DEFAULT_CATALOGUE, kept), unitLayout("Sông Lô", 7, DEFAULT_CATALOGUE, kept), unitLayout("Xã có chỉ tiêu riêng", 3, own, kept), unitLayout("Tam Đảo", 0, DEFAULT_CATALOGUE, kept)];
    expect(layouts[1].sheets.map((sheet, i) => sheet === layouts[0].sheets[i])).toEqual([false, true, true, true, true, true]);
    expect(layouts[2].sheets.map((sheet, i) => sheet === layouts[0].sheets[i])).toEqual([false, false, false, false, true, true]);
    const writer = new SheetsXlsxWriter();
    const together = layouts.map((l) => writer.write(l));
    const alone = layouts.map((l) => writeSheetsXlsx(l));
    expect(together.map((bytes) => Buffer.from(bytes).toString("base64"))).toEqual(alone.map((bytes) => Buffer.from(bytes).toString("base64")));
    expect(Buffer.from(alone[0]).equals(Buffer.from(alone[1]))).toBe(false);
    expect(Buffer.from(alone[0]).equals(Buffer.from(alone[3]))).toBe(true);
  });
});

describe("the light writer of task registers", () => {
  test("writes what the ExcelJS writer writes, as ExcelJS reads it back: the register's shared formulas, tables, validation and protection", async () => {
    const register = (): WorkbookLayout =>
      withTaskRegister(unitLayout("Tam Đảo", 0), { tasks: benchTasks(4, 2, 3), year: 2022, asOf: "2022-11-15" });
    const [light, exceljs] = await Promise.all([load(writeSheetsXlsx(register())), load(await writeXlsx(register()))]);
    expect(light.worksheets.map((ws) => ws.name)).toEqual(exceljs.worksheets.map((ws) => ws.name));
    for (const ws of exceljs.worksheets) expect(seen(light.getWorksheet(ws.name) as ExcelJS.Worksheet)).toEqual(seen(ws));
    expect(seenUnit(light)).toEqual(seenUnit(exceljs));
    // What the comparison is about is there: the roadmap's formula columns shared down their rows.
    const roadmap = light.getWorksheet(TASK_SHEETS.roadmap) as ExcelJS.Worksheet;
    const followers = Object.values(seen(roadmap).cells).filter((c) => (c as { value: unknown }).value instanceof Object && "sharedFormula" in ((c as { value: object }).value));
    expect(followers.length).toBeGreaterThan(100);
  });
});
