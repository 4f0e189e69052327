import ExcelJS from "exceljs";
import { cellAddress, columnLetter, parseCell, qualified, rangeAddress } from "../layout/addresses";
import { blockFormulaRuns } from "../layout/formulaRuns";
import type {
  Block,
  ConditionalFormatSpec,
  DataBarSpec,
  PrintSpec,
  SheetLayout,
  StyleSpec,
  ValidationSpec,
  WorkbookLayout,
} from "../layout/types";
import { assertExcelLimits } from "../layout/excelLimits";
import { withColumnBreaks } from "./columnBreaks";
import { excelCellText, xmlSafeData } from "./xmlSafe";

/**
 * The .xlsx writer: applies the shared layout to an ExcelJS workbook, for Excel versions that
 * cannot run add-ins. Formulas are written without cached results and the file asks Excel to
 * recalculate on open.
 */

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function toExcelStyle(style: StyleSpec): Partial<ExcelJS.Style> {
  const result: Partial<ExcelJS.Style> = {};
  if (style.font) {
    const { color, ...font } = style.font;
    result.font = { ...font, ...(color ? { color: { argb: argb(color) } } : {}) };
  }
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontal || style.vertical || style.wrap) {
    result.alignment = {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical === "center" ? "middle" : style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
    result.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.numberFormat) result.numFmt = style.numberFormat;
  return result;
}

/** Visit every cell of a range such as "A8:L25" or "D30". */
function forEachCell(range: string, visit: (address: string) => void): void {
  const [start, end = start] = range.split(":");
  const a = parseCell(start);
  const b = parseCell(end);
  for (let row = a.row; row <= b.row; row++) {
    for (let column = a.column; column <= b.column; column++) visit(`${columnLetter(column)}${row + 1}`);
  }
}

const styleOf = (target: ExcelJS.Cell): Partial<ExcelJS.Style> => target.style;

function applyStyle(ws: ExcelJS.Worksheet, range: string, style: StyleSpec | undefined, unlocked: boolean | undefined): void {
  const excelStyle = style ? toExcelStyle(style) : {};
  forEachCell(range, (address) => {
    const cell = ws.getCell(address);
    // As Office.js sets a format: only the properties given, so a block's style keeps the wrap
    // (or bold) a range style gave its cells before it.
    const { alignment, font, ...rest } = excelStyle;
    const had = styleOf(cell);
    Object.assign(cell, rest, alignment ? { alignment: { ...had.alignment, ...alignment } } : {}, font ? { font: { ...had.font, ...font } } : {});
    if (unlocked) cell.protection = { locked: false };
  });
}

/**
 * A constant as ExcelJS stores it. ExcelJS takes an object value as a formula, hyperlink or rich
 * text, so a value that is not a scalar (data that slipped past a type cast) is refused here.
 */
function constant(cell: ExcelJS.Cell, value: unknown): ExcelJS.CellValue {
  if (typeof value === "string") return excelCellText(value);
  if (value === null || ["number", "boolean"].includes(typeof value)) return value as ExcelJS.CellValue;
  throw new TypeError(`Ô ${cell.address} của trang "${cell.worksheet.name}": giá trị phải là số hoặc chữ.`);
}

/**
 * The cell of each formula run's follower (block row and column) → its run's first cell, whose
 * formula it shares: stored once, as Excel stores a filled column (<f t="shared">), so that a
 * sheet of thousands of rows does not repeat a kilobyte of formula text a row. Only on sheets
 * that ask for it (SheetLayout.sharedFormulas): ExcelJS cannot write a workbook whose shared
 * formula's first cell was edited, as tests and scripts edit unit sheets.
 */
function sharedMasters(block: Block, start: { row: number; column: number }): Map<number, string> {
  const masters = new Map<number, string>();
  const width = block.cells[0]?.length ?? 0;
  for (const run of block.mergeTo ? [] : blockFormulaRuns(block)) {
    for (let c = run.column; c < run.column + run.columns; c++) {
      const master = cellAddress(start.row + run.row, start.column + c);
      for (let r = run.row + 1; r < run.row + run.rows; r++) masters.set(r * width + c, master);
    }
  }
  return masters;
}

function writeBlock(ws: ExcelJS.Worksheet, block: Block, shareFormulas: boolean): void {
  const start = parseCell(block.at);
  const masters = shareFormulas ? sharedMasters(block, start) : new Map<number, string>();
  const width = block.cells[0]?.length ?? 0;
  block.cells.forEach((row, r) =>
    row.forEach((content, c) => {
      const cell = ws.getCell(start.row + r + 1, start.column + c + 1);
      const master = masters.get(r * width + c);
      // Text is always stored as text here, even when it begins with "=": never a formula.
      if (!("formula" in content)) cell.value = constant(cell, content.value);
      else cell.value = master ? { sharedFormula: master } : { formula: content.formula.replace(/^=/, "") };
    }),
  );
  const range = block.mergeTo ? `${block.at}:${block.mergeTo}` : rangeAddress(block.at, block.cells.length, block.cells[0]?.length ?? 1);
  applyStyle(ws, range, block.style, block.unlocked);
  if (block.mergeTo) ws.mergeCells(`${block.at}:${block.mergeTo}`);
}

function addTables(ws: ExcelJS.Worksheet, sheet: SheetLayout): void {
  for (const table of sheet.tables) {
    const [start, end] = table.range.split(":");
    const a = parseCell(start);
    const b = parseCell(end);
    const columns = Array.from({ length: b.column - a.column + 1 }, (_, c) => ({
      name: String(ws.getCell(a.row + 1, a.column + c + 1).value ?? ""),
      filterButton: true,
    }));
    const rows = Array.from({ length: b.row - a.row }, (_, r) =>
      columns.map((_, c) => ws.getCell(a.row + r + 2, a.column + c + 1).value),
    );
    ws.addTable({ name: table.name, ref: start, headerRow: true, style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true }, columns, rows });
  }
}

/** ExcelJS supports range validations at run time but leaves them out of its typings. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

function validationModel(spec: ValidationSpec): ExcelJS.DataValidation {
  const messages = { showErrorMessage: true, errorStyle: "stop", errorTitle: spec.errorTitle, error: spec.errorMessage } as const;
  const rule = spec.rule;
  switch (rule.kind) {
    case "list":
      return {
        type: "list",
        allowBlank: true,
        formulae: [rule.source.startsWith("=") ? rule.source.slice(1) : `"${rule.source}"`],
        ...messages,
      };
    case "decimal":
      return {
        type: "decimal",
        allowBlank: true,
        operator: rule.operator,
        formulae: [rule.formula1, ...(rule.formula2 ? [rule.formula2] : [])].map((f) => f.replace(/^=/, "")),
        ...messages,
      };
    case "custom":
      return { type: "custom", allowBlank: true, formulae: [rule.formula.replace(/^=/, "")], ...messages };
  }
}

function conditionalFormat(spec: ConditionalFormatSpec): ExcelJS.ConditionalFormattingOptions {
  return {
    ref: spec.range,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [spec.formula],
        style: {
          ...(spec.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(spec.fill) } } } : {}),
          font: { ...(spec.fontColor ? { color: { argb: argb(spec.fontColor) } } : {}), ...(spec.bold ? { bold: true } : {}) },
        },
      },
    ],
  };
}

/** A solid bar between fixed bounds; ExcelJS adds the Excel 2010 extension LibreOffice reads too. */
function dataBar(spec: DataBarSpec): ExcelJS.ConditionalFormattingOptions {
  const rule = {
    type: "dataBar",
    priority: 1,
    gradient: false,
    minLength: 0,
    maxLength: 100,
    cfvo: [
      { type: "num", value: spec.min },
      { type: "num", value: spec.max },
    ],
    color: { argb: argb(spec.color) },
  };
  // ExcelJS writes the bar colour but its typings lack it.
  return { ref: spec.range, rules: [rule as unknown as ExcelJS.ConditionalFormattingRule] };
}

/**
 * A print area as ExcelJS must be given it: it writes "$" + each corner, so "A1:E33" becomes
 * "$A1:$E33", which LibreOffice ignores (it prints the whole sheet, helper columns too). "A$1:E$33"
 * comes out as "$A$1:$E$33", which both Excel and LibreOffice read.
 */
export function exceljsPrintArea(area: string): string {
  return area.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2");
}

function applyPrint(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: print.orientation,
    ...(print.scale !== undefined
      ? { fitToPage: false, scale: print.scale }
      : // fitToHeight written explicitly: a missing one means 1 page tall to Excel and LibreOffice.
        { fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: print.fitToHeight }),
    printArea: exceljsPrintArea(print.area),
    ...(print.titleRows ? { printTitlesRow: print.titleRows.replace(/\$/g, "") } : {}),
    ...(print.titleColumns ? { printTitlesColumn: print.titleColumns.replace(/\$/g, "") } : {}),
    horizontalCentered: print.centerHorizontally,
    margins: { ...print.margins, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { ...(print.headerCenter ? { oddHeader: `&C${print.headerCenter}` } : {}), oddFooter: `&C${print.footerCenter}` };
}

async function writeSheet(wb: ExcelJS.Workbook, sheet: SheetLayout): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows }] : undefined,
  });
  ws.columns = sheet.columnWidths.map((width) => ({ width, style: { font: { name: sheet.font.name, size: sheet.font.size } } }));
  for (const { row, height } of sheet.rowHeights ?? []) ws.getRow(row).height = height;
  // A row break is written after its row.
  for (const row of sheet.pageBreaks ?? []) ws.getRow(row - 1).addPageBreak();
  for (const range of sheet.rangeStyles) applyStyle(ws, range.range, range.style, range.unlocked);
  for (const spec of sheet.numberFormats) {
    const start = parseCell(spec.range.split(":")[0]);
    spec.formats.forEach((row, r) => row.forEach((numFmt, c) => (ws.getCell(start.row + r + 1, start.column + c + 1).numFmt = numFmt)));
  }
  for (const block of sheet.blocks) writeBlock(ws, block, sheet.sharedFormulas === true);
  addTables(ws, sheet);
  for (const spec of sheet.validations) rangeValidations(ws).add(spec.range, validationModel(spec));
  for (const spec of sheet.conditionalFormats) ws.addConditionalFormatting(conditionalFormat(spec));
  for (const spec of sheet.dataBars ?? []) ws.addConditionalFormatting(dataBar(spec));
  if (sheet.print) applyPrint(ws, sheet.print);
  if (sheet.protect) {
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
}

export async function layoutToWorkbook(given: WorkbookLayout): Promise<ExcelJS.Workbook> {
  assertExcelLimits(given);
  // ExcelJS writes U+FFFE and U+FFFF as they are (an ill-formed part): they are taken out first.
  const layout = xmlSafeData(given);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ Tiêu";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of layout.sheets) await writeSheet(wb, sheet);
  for (const name of layout.names) wb.definedNames.add(qualified(name.sheet, name.ref), name.name);
  return wb;
}

/** The .xlsx file's bytes (Uint8Array so that the browser preview can use it too). */
export async function writeXlsx(layout: WorkbookLayout): Promise<Uint8Array> {
  const wb = await layoutToWorkbook(layout);
  // ExcelJS writes no column breaks: they go into its sheets' parts, named by their ids.
  const breaks = new Map(wb.worksheets.map((ws, i) => [`xl/worksheets/sheet${ws.id}.xml`, layout.sheets[i].columnBreaks ?? []]));
  return withColumnBreaks(new Uint8Array(await wb.xlsx.writeBuffer()), breaks);
}
