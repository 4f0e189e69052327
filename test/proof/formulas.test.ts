/**
 * Proof against an independent spreadsheet engine: workbooks written by the .xlsx writer are
 * recalculated by LibreOffice, and every "Tỷ lệ đạt", "Đánh giá", TongDiem and XepLoaiDeXuat
 * (and the other summary cells) must equal what the TypeScript engine computes, both from the
 * case itself and from the inputs read back out of the recalculated file.
 */
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unitSheetPositions } from "../../src/layout";
import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { cellScalar, definedNameValue, makeTempDir, recalculateXlsx, requireSoffice } from "../support/libreoffice";
import { proofCases } from "./cases";
import { blankAsNull, engine, expected, layoutFor, SUMMARY_NAMES, type SheetResult } from "./expected";

const CASES = proofCases(460);
const PARALLEL = 2; // soffice processes at once, one per core
const BATCH_SIZE = 60; // files per soffice run: long runs have been seen to stop early

async function sheetResult(file: string, rowCount: number): Promise<SheetResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Chỉ tiêu");
  if (!ws) throw new Error(`${file}: no unit sheet`);
  const { firstRow } = unitSheetPositions(rowCount);
  const rows = Array.from({ length: rowCount }, (_, i) => ({
    achievement: blankAsNull(cellScalar(ws.getCell(`J${firstRow + i}`))),
    status: blankAsNull(cellScalar(ws.getCell(`K${firstRow + i}`))),
  }));
  const names = Object.fromEntries(SUMMARY_NAMES.map((name) => [name, blankAsNull(definedNameValue(wb, name))]));
  return { rows, names };
}

describe("worksheet formulas equal the engine (LibreOffice recalculation)", () => {
  const dir = makeTempDir("chitieu-proof-");
  const results = new Map<string, { file: string }>();

  beforeAll(async () => {
    requireSoffice();
    const files = await Promise.all(
      CASES.map(async (c, i) => {
        const file = join(dir, `case-${i}.xlsx`);
        writeFileSync(file, await writeXlsx(layoutFor(c)));
        return file;
      }),
    );
    const batches = Array.from({ length: Math.ceil(files.length / BATCH_SIZE) }, (_, b) =>
      files.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE),
    );
    const queue = batches.map((batch, b) => ({ batch, b }));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const outputs = await recalculateXlsx(next.batch, join(dir, `out-${next.b}`), { timeoutMs: 600_000 });
        next.batch.forEach((file, i) => results.set(file, { file: outputs[i] }));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }, 1_200_000);

  test(`there are at least 500 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(500);
  });

  test.each(CASES.map((c, i) => [c.id, i] as const))("%s", async (_id, index) => {
    const c = CASES[index];
    const out = results.get(join(dir, `case-${index}.xlsx`));
    if (!out) throw new Error("case was not recalculated");
    const sheet = await sheetResult(out.file, c.indicators.length);
    const fromCase = engine(c);
    expect(sheet).toEqual(expected(fromCase, c));
    // The reader, fed the recalculated file, must reach the same evaluation from the cells.
    const read = await readUnitWorkbook(await readFile(out.file));
    expect(read.evaluation?.indicators).toEqual(fromCase.indicators);
    expect(read.evaluation?.summary).toEqual(fromCase.summary);
  });
});
