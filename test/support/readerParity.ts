import { NAMES, RULE_NAMES } from "../../src/layout";
import { columnLetter, parseCell } from "../../src/layout/addresses";
import { readUnitWorkbook, readWorkbookCells, type UnitWorkbookRead } from "../../src/xlsx/readWorkbook";
import { excelJsCells, loadExcelJs } from "./excelJsCells";

/** Everything a read gives, its functions applied to every name and every cell of the table. */
function comparable(read: UnitWorkbookRead, tableRef: string | null): unknown {
  const { namedValue, tableCellValue, ...rest } = read;
  const names = [...Object.values(NAMES), ...Object.values(RULE_NAMES)];
  const cells: Record<string, unknown> = {};
  if (tableRef) {
    const [from, to] = tableRef.split(":").map(parseCell);
    for (let r = from.row; r <= to.row + 3; r++) {
      for (let c = from.column; c <= to.column; c++) cells[`${columnLetter(c)}${r + 1}`] = tableCellValue(`${columnLetter(c)}${r + 1}`);
    }
  }
  return { ...rest, named: Object.fromEntries(names.map((n) => [n, namedValue(n)])), cells };
}

/** Reads the file with both readers, expects the same, and gives the narrow reader's read. */
export async function expectSameAsExcelJs(data: Buffer): Promise<UnitWorkbookRead> {
  const wb = await loadExcelJs(data);
  const reference = excelJsCells(wb);
  const before = readWorkbookCells(reference);
  const now = await readUnitWorkbook(data);
  const ref = reference.table("tblChiTieu")?.ref ?? null;
  expect(comparable(now, ref)).toEqual(comparable(before, ref));
  return now;
}

