/**
 * Probe 7: cost of a soffice run, to decide how to batch ~500 evaluation cases:
 * 1 workbook vs 20 workbooks in one run (25 formula rows each) vs the same 500 rows in one sheet.
 * Timings are logged and written to test-output/libreoffice/timing.json. Timings are only
 * indicative when Jest runs other LibreOffice suites in parallel, so nothing is asserted about them:
 * the figures are read by a person (startup dominated: batching paid off, hence one run per suite).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { makeTempDir, outputDir, readXlsxValues, recalculateXlsx, valueAt } from "../support/libreoffice";

jest.setTimeout(300_000);

const ROWS_PER_BOOK = 25;
const BOOKS = 20;

/** `rows` evaluation-like formula rows; cached results are wrong on purpose. */
function build(rows: number, seed: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const rules = wb.addWorksheet("Quy tắc");
  rules.getCell("B3").value = 1.2;
  wb.definedNames.add("'Quy tắc'!$B$3", "NguongXuatSac");
  const ws = wb.addWorksheet("Chỉ tiêu");
  for (let r = 1; r <= rows; r++) {
    ws.getCell(`A${r}`).value = 10;
    ws.getCell(`B${r}`).value = seed + r;
    ws.getCell(`C${r}`).value = {
      formula: `IF(ROUND(B${r}/A${r},4)>=NguongXuatSac,"Hoàn thành xuất sắc nhiệm vụ","Không đạt")`,
      result: "?",
    };
    ws.getCell(`D${r}`).value = { formula: `ROUND(B${r}/A${r},4)`, result: -1 };
  }
  return wb;
}

async function write(dir: string, name: string, wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/** Row r of a book built with `seed` must show the recalculated ratio (seed + r) / 10. */
async function expectRecalculated(file: string, rows: number, seed: number): Promise<void> {
  const values = await readXlsxValues(file);
  for (const r of [1, rows]) {
    expect(valueAt(values, "Chỉ tiêu", `D${r}`)).toBeCloseTo((seed + r) / 10, 10);
  }
}

let inDir = "";
afterAll(() => fs.rmSync(inDir, { recursive: true, force: true }));

test("probe 7: the cost of one soffice run for 1, 20 and 500-row workbooks", async () => {
  inDir = makeTempDir("chitieu-timing-");
  const outDir = outputDir("timing");
  const single = await write(inDir, "single", build(ROWS_PER_BOOK, 0));
  const many = await Promise.all(Array.from({ length: BOOKS }, (_, i) => write(inDir, `book-${i}`, build(ROWS_PER_BOOK, i))));
  const oneSheet = await write(inDir, "one-sheet-500", build(ROWS_PER_BOOK * BOOKS, 0));

  const [[singleOut], t1] = await timed(() => recalculateXlsx([single], outDir));
  const [manyOut, t20] = await timed(() => recalculateXlsx(many, outDir));
  const [[oneSheetOut], t500] = await timed(() => recalculateXlsx([oneSheet], outDir));

  await expectRecalculated(singleOut, ROWS_PER_BOOK, 0);
  await Promise.all(manyOut.map((f, i) => expectRecalculated(f, ROWS_PER_BOOK, i)));
  await expectRecalculated(oneSheetOut, ROWS_PER_BOOK * BOOKS, 0);

  const report = {
    soffice: "one invocation each, fresh private profile",
    oneWorkbookMs: Math.round(t1),
    twentyWorkbooksOneRunMs: Math.round(t20),
    perExtraWorkbookMs: Math.round((t20 - t1) / (BOOKS - 1)),
    oneWorkbook500RowsMs: Math.round(t500),
  };
  fs.writeFileSync(path.join(outputDir(), "timing.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`LibreOffice timing: ${JSON.stringify(report)}`);
});
