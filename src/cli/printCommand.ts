import * as fs from "node:fs";
import * as path from "node:path";
import { exceljsPrintArea } from "../xlsx/writeLayout";
import ExcelJS from "exceljs";
import { textKey } from "../domain";
import { PUBLIC_SHEET } from "../layout/comparison";
import { SHEETS } from "../layout/schema";
import { printedUnit, unitIndexOfTable, unitPlace, type UnitPlace } from "../layout/units";
import { readXlsxWorkbook } from "../xlsx/workbookCells";
import { openXlsx, type XlsxWorkbook } from "../xlsx/xlsxParts";
import type { DocumentHeader } from "../layout/schema";
import { DECISION_SHEET } from "../layout/province";
import { isProvinceWorkbook, printDecision } from "./decisionPrint";
import { checkOutput, FileError, writeOutput, type CommandResult } from "./io";
import { manualPageBreaks } from "../xlsx/zipXml";
import { manualColumnBreaks, withColumnBreaks } from "../xlsx/columnBreaks";
import { readInputFile } from "../xlsx/inputFile";
import { FileRefused } from "../xlsx/refused";
import { MalformedXml } from "../xlsx/xmlText";
import { excelCellText, xmlSafeText } from "../xlsx/xmlSafe";
import { convertFiles, findSoffice, makeTempDir } from "./libreoffice";
import { render, type Language, type Message } from "../domain/messages/localize";
import { placedMessage } from "../layout/problems";
import { cliMsg } from "../domain/messages/cli";
import { reportMsg } from "../domain/messages/report";

export interface PrintOptions {
  readonly input: string;
  readonly output: string;
  /** The sheet to print; by default "Bản in", or "Công khai" in a consolidated workbook. */
  readonly sheet?: string;
  /** The header and signature of a document made for the print (the assignment decision). */
  readonly header?: Partial<DocumentHeader>;
  /** Where to look for soffice; the defaults are PATH and the usual install folders. */
  readonly searchPath?: string;
  readonly fallbacks?: readonly string[];
  /** The language of a refusal's report. */
  readonly language?: Language;
}

const TIMEOUT_MS = 180_000;

/** Sheets printed when none is named, the first found: a unit's document, a committee's table. */
const PRINTED_SHEETS = [SHEETS.print, PUBLIC_SHEET] as const;

/**
 * The unit a printed sheet shows a level of: the one "Bản in" is built from, or the unit whose
 * table the sheet holds ("Chỉ tiêu", "Chỉ tiêu 2" …, by their tables, whatever the sheet is named now).
 */
function unitOfSheet(book: XlsxWorkbook, sheet: string): UnitPlace | null {
  if (textKey(sheet) === textKey(SHEETS.print)) return printedUnit(book.definedNames.map((d) => d.name));
  const index = book.tables.filter((t) => t.sheet === sheet).map((t) => unitIndexOfTable(t.name)).find((i) => i !== null);
  return index === undefined || index === null ? null : unitPlace(index);
}

/** The data errors of the unit a printed sheet shows, as the pane reads them, each its whole sentence as data. */
function printedUnitErrors(book: XlsxWorkbook, place: UnitPlace | null): Message[] {
  if (place === null) return [];
  const read = readXlsxWorkbook(book, { place });
  return read.table === null ? [] : read.problems.filter((p) => p.severity === "error").map(placedMessage);
}

/**
 * A printed sheet as PDF ("Bản in", or "Công khai", unless --sheet names another): LibreOffice prints every
 * visible sheet with a print range, so a temporary copy keeps only that sheet visible; the
 * workbook itself is left untouched.
 */
export async function runPrint(options: PrintOptions): Promise<CommandResult> {
  checkOutput(options.output, [options.input], cliMsg.kindPdf.of(), isPdf);
  const wb = new ExcelJS.Workbook();
  // The file is read from disk once; the narrow reader's parts serve the checks, the data errors and the page breaks.
  let book: XlsxWorkbook;
  try {
    const bytes = readInputFile(options.input);
    // ExcelJS has no bound of its own: the narrow reader's walk first refuses a zip bomb, an encrypted file or an .xls with its
    // message, and its linear parse of every sheet refuses what Excel would (400,000 unclosed <si> took ExcelJS 9 s).
    book = openXlsx(bytes);
    for (const sheet of book.sheetNames) book.cells(sheet);
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    if (error instanceof FileRefused) throw new FileError(cliMsg.inFile.of(options.input, error.said));
    if (error instanceof MalformedXml) throw new FileError(cliMsg.notXlsx.of(options.input, error.said));
    throw new FileError(cliMsg.cannotReadExcel.of(options.input));
  }
  // A province workbook prints its assignment decision, made from the assignment sheets as they stand.
  const decision = options.sheet === undefined ? !PRINTED_SHEETS.some((sheet) => wb.getWorksheet(sheet) !== undefined) : textKey(options.sheet) === textKey(DECISION_SHEET);
  if (decision && isProvinceWorkbook(book)) {
    return printDecision(book, options, (input, sheet) => runPrint({ ...options, input, sheet, header: undefined }));
  }
  const wanted = options.sheet ?? PRINTED_SHEETS.find((sheet) => wb.getWorksheet(sheet) !== undefined) ?? SHEETS.print;
  const printed = wb.worksheets.find((ws) => textKey(ws.name) === textKey(wanted));
  if (printed === undefined) {
    throw new FileError(
      options.sheet === undefined
        ? cliMsg.noPrintedSheet.of(options.input, SHEETS.print, PUBLIC_SHEET)
        : cliMsg.noSuchSheet.of(options.input, options.sheet, wb.worksheets.map((ws) => `"${ws.name}"`).join(", ")),
    );
  }
  // A signed document never carries a data error (a final level above its cap, a disqualified
  // head rated above incomplete): refused as the pane refuses it, each cell named. The unit sheet
  // carries the level and the signature too.
  const errors = printedUnitErrors(book, unitOfSheet(book, printed.name));
  if (errors.length > 0) {
    const show = (m: Message) => render(m, options.language ?? "vi");
    return { stdout: [show(reportMsg.printRefused.of(options.input)), ...errors.map((e) => `- ${show(e)}`)].join("\n") + "\n", exitCode: 1 };
  }
  const soffice = findSoffice(options.searchPath, options.fallbacks);
  if (soffice === undefined) {
    throw new FileError(cliMsg.noSoffice.of(printed.name));
  }
  // ExcelJS reads a sheet's manual page breaks but does not keep them: put them back (the column breaks into the copy it writes).
  const printedXml = book.sheetXml(printed.name) ?? "";
  for (const row of manualPageBreaks(printedXml)) printed.getRow(row - 1).addPageBreak();
  for (const ws of wb.worksheets) ws.state = ws === printed ? "visible" : "hidden";
  // ExcelJS reads the print area back as "A1:E33" and would write it in a form LibreOffice ignores.
  if (printed.pageSetup.printArea) printed.pageSetup.printArea = exceljsPrintArea(printed.pageSetup.printArea);
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: wb.worksheets.indexOf(printed), visibility: "visible" }];
  writableText(wb);
  const dir = makeTempDir("chitieu-print-");
  try {
    const copy = path.join(dir, `${path.basename(options.output, path.extname(options.output))}.xlsx`);
    let pdf: string;
    try {
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      fs.writeFileSync(copy, withColumnBreaks(bytes, new Map([[`xl/worksheets/sheet${printed.id}.xml`, manualColumnBreaks(printedXml)]])));
      [pdf] = await convertFiles(soffice, [copy], dir, "pdf:calc_pdf_Export", "pdf", TIMEOUT_MS, true);
    } catch (error) {
      throw new FileError(cliMsg.exportFailed.of(options.output, (error as Error).message));
    }
    // Through a temporary file: a failed write (full disk) leaves the previous PDF as it was.
    writeOutput(options.output, fs.readFileSync(pdf));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { stdout: "", exitCode: 0 };
}

/**
 * The copy as LibreOffice must read it whole: ExcelJS decodes a cell's _xFFFF_ to U+FFFF and its
 * _x005F_x0041_ to "_x0041_", and would write both back as they are (an ill-formed part, whose
 * strings LibreOffice drops from the print; an "A" where the sheet shows "_x0041_").
 */
function writableText(wb: ExcelJS.Workbook): void {
  const safe = (text: string) => excelCellText(xmlSafeText(text));
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged cell shows its first cell's value: that one is changed once.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = cell.value;
        if (typeof value === "string") cell.value = safe(value);
        else if (value !== null && typeof value === "object" && "richText" in value) {
          cell.value = { richText: value.richText.map((run) => ({ ...run, text: safe(run.text) })) };
        }
      }),
    );
  }
}

/** Whether an existing file is a PDF (an earlier print), which a new print may replace. */
function isPdf(file: string): boolean {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.toString("latin1") === "%PDF-";
}
