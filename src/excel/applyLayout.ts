/**
 * Queues the shared layout onto Excel through Office.js. Nothing here syncs: the caller
 * decides when the batch goes, so an action stays at a fixed number of round trips.
 */
import { cellAddress, columnLetter, parseCell, rangeAddress } from "../layout/addresses";
import type { Block, ConditionalFormatSpec, NameSpec, PrintSpec, SheetLayout, StyleSpec, ValidationSpec } from "../layout/types";
import type { FeatureSupport } from "../contract/workbook";
import { blockFormulaRuns, type FormulaRun } from "../layout/formulaRuns";
import { toCellInput } from "./cellInput";
import { COPY_BYTES, withoutFollowers } from "./formulaRuns";

type CellInput = ReturnType<typeof toCellInput> | null;
import { MAX_STEP_BYTES, payloadBytes, type WriteStep } from "./chunks";
import { PROTECTION } from "./writeProtocol";

/** Office.js column widths are in points; the layout's are in characters of the body font. */
const POINTS_PER_CHARACTER = 5.6;

function blockRange(block: Block): string {
  return rangeAddress(block.at, block.cells.length, block.cells[0]?.length ?? 1);
}

function applyStyle(range: Excel.Range, style: StyleSpec, rows: number, columns: number): void {
  const format = range.format;
  if (style.font) {
    const f = style.font;
    if (f.name !== undefined) format.font.name = f.name;
    if (f.size !== undefined) format.font.size = f.size;
    if (f.bold !== undefined) format.font.bold = f.bold;
    if (f.italic !== undefined) format.font.italic = f.italic;
    if (f.underline !== undefined) format.font.underline = f.underline ? "Single" : "None";
    if (f.color !== undefined) format.font.color = f.color;
  }
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontal) format.horizontalAlignment = style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical) format.verticalAlignment = style.vertical === "top" ? "Top" : style.vertical === "center" ? "Center" : "Bottom";
  if (style.wrap) format.wrapText = true;
  if (style.border) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
      if ((edge === "InsideHorizontal" && rows < 2) || (edge === "InsideVertical" && columns < 2)) continue;
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = "#808080";
    }
  }
  if (style.numberFormat) range.numberFormat = Array.from({ length: rows }, () => Array<string>(columns).fill(style.numberFormat as string));
}

/** What applying a style adds to a request: its number format goes as one string per cell, row by row. */
function styleBytes(style: StyleSpec | undefined, rows: number, columns: number): number {
  return style?.numberFormat ? rows * (columns * (payloadBytes(style.numberFormat) + 1) + 2) : 0;
}

function rangeSize(address: string): { rows: number; columns: number } {
  const [start, end = start] = address.split(":");
  const a = parseCell(start);
  const b = parseCell(end);
  return { rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

/** Write one block's contents (and, when asked, its style, merge and lock state). */
export function writeBlock(ws: Excel.Worksheet, block: Block, withFormat: boolean): void {
  writeInputs(ws, block, block.cells.map((row) => row.map(toCellInput)), [], withFormat);
}

/** A block's inputs as sent (null: left for a copy to fill), then the copies that fill its runs. */
function writeInputs(ws: Excel.Worksheet, block: Block, inputs: readonly (readonly CellInput[])[], runs: readonly FormulaRun[], withFormat: boolean): void {
  const address = blockRange(block);
  const range = ws.getRange(address);
  if (withFormat && block.style) {
    const size = block.mergeTo ? rangeSize(`${block.at}:${block.mergeTo}`) : rangeSize(address);
    applyStyle(block.mergeTo ? ws.getRange(`${block.at}:${block.mergeTo}`) : range, block.style, size.rows, size.columns);
  }
  range.formulas = inputs as CellInput[][] as string[][];
  const start = parseCell(block.at);
  for (const run of runs) {
    const first = rangeAddress(cellAddress(start.row + run.row, start.column + run.column), 1, run.columns);
    const rest = rangeAddress(cellAddress(start.row + run.row + 1, start.column + run.column), run.rows - 1, run.columns);
    ws.getRange(rest).copyFrom(ws.getRange(first), "Formulas");
  }
  if (withFormat && block.mergeTo) ws.getRange(`${block.at}:${block.mergeTo}`).merge(false);
  if (withFormat && block.unlocked) ws.getRange(block.mergeTo ? `${block.at}:${block.mergeTo}` : address).format.protection.locked = false;
}

function addValidation(ws: Excel.Worksheet, spec: ValidationSpec): void {
  const validation = ws.getRange(spec.range).dataValidation;
  validation.clear();
  const rule = spec.rule;
  switch (rule.kind) {
    case "list":
      validation.rule = { list: { inCellDropDown: true, source: rule.source } };
      break;
    case "decimal":
      validation.rule = {
        decimal: {
          operator: rule.operator === "between" ? "Between" : "GreaterThan",
          formula1: rule.formula1,
          ...(rule.formula2 ? { formula2: rule.formula2 } : {}),
        },
      };
      break;
    case "custom":
      validation.rule = { custom: { formula: rule.formula } };
      break;
  }
  validation.errorAlert = { showAlert: true, style: "Stop", title: spec.errorTitle, message: spec.errorMessage };
}

function addConditionalFormat(ws: Excel.Worksheet, spec: ConditionalFormatSpec): void {
  const format = ws.getRange(spec.range).conditionalFormats.add("Custom");
  format.custom.rule.formula = `=${spec.formula}`;
  if (spec.fill) format.custom.format.fill.color = spec.fill;
  if (spec.fontColor) format.custom.format.font.color = spec.fontColor;
  if (spec.bold) format.custom.format.font.bold = true;
}

function applyPrint(ws: Excel.Worksheet, print: PrintSpec, pageBreaks: { readonly rows: readonly number[]; readonly columns: readonly number[] }): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom =
    print.scale !== undefined ? { scale: print.scale } : { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
  layout.centerHorizontally = print.centerHorizontally;
  layout.leftMargin = print.margins.left * 72;
  layout.rightMargin = print.margins.right * 72;
  layout.topMargin = print.margins.top * 72;
  layout.bottomMargin = print.margins.bottom * 72;
  if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
  if (print.titleColumns) layout.setPrintTitleColumns(print.titleColumns);
  for (const row of pageBreaks.rows) ws.horizontalPageBreaks.add(`A${row}`);
  for (const column of pageBreaks.columns) ws.verticalPageBreaks.add(`${columnLetter(column - 1)}1`);
  layout.setPrintArea(print.area);
  if (print.headerCenter) layout.headersFooters.defaultForAllPages.centerHeader = print.headerCenter;
  layout.headersFooters.defaultForAllPages.centerFooter = print.footerCenter;
}

/**
 * A whole sheet as first created, as write steps: formats first, then contents (large blocks
 * cut by size so no request nears Excel on the web's 5 MB limit), then the table, validation,
 * conditional formats, print setup and protection.
 */
export function createSheetSteps(ws: () => Excel.Worksheet, sheet: SheetLayout, features: FeatureSupport): WriteStep[] {
  const formats: WriteStep = {
    bytes:
      payloadBytes(sheet.rangeStyles) +
      sheet.rangeStyles.reduce((sum, styled) => {
        const size = rangeSize(styled.range);
        return sum + styleBytes(styled.style, size.rows, size.columns);
      }, 0) +
      payloadBytes(sheet.numberFormats),
    queue: () => {
      const sheetWs = ws();
      const widthsRange = sheetWs.getRangeByIndexes(0, 0, 1, sheet.columnWidths.length);
      sheet.columnWidths.forEach((width, i) => {
        widthsRange.getColumn(i).format.columnWidth = width * POINTS_PER_CHARACTER;
      });
      const columns = sheetWs.getRange(`A:${columnLetter(sheet.columnWidths.length - 1)}`);
      if (sheet.font.name) columns.format.font.name = sheet.font.name;
      if (sheet.font.size) columns.format.font.size = sheet.font.size;
      for (const { row, height } of sheet.rowHeights ?? []) sheetWs.getRange(`${row}:${row}`).format.rowHeight = height;
      for (const styled of sheet.rangeStyles) {
        const size = rangeSize(styled.range);
        const range = sheetWs.getRange(styled.range);
        applyStyle(range, styled.style, size.rows, size.columns);
        if (styled.unlocked) range.format.protection.locked = false;
      }
      for (const spec of sheet.numberFormats) sheetWs.getRange(spec.range).numberFormat = spec.formats.map((row) => [...row]);
    },
  };
  const contents = sheet.blocks.flatMap((block) => blockSteps(ws, block, features.copyFormulas));
  const structure: WriteStep = {
    bytes: payloadBytes(sheet.validations) + payloadBytes(sheet.conditionalFormats) + 2_000,
    queue: () => {
      const sheetWs = ws();
      for (const table of sheet.tables) {
        const created = sheetWs.tables.add(table.range, true);
        created.name = table.name;
        created.style = table.style;
      }
      addRules(sheetWs, sheet, features);
      if (features.pageLayout && sheet.print) applyPrint(sheetWs, sheet.print, { rows: sheet.pageBreaks ?? [], columns: sheet.columnBreaks ?? [] });
      if (sheet.freezeRows) sheetWs.freezePanes.freezeRows(sheet.freezeRows);
      if (sheet.protect) sheetWs.protection.protect(PROTECTION);
    },
  };
  return [formats, ...contents, structure];
}

/**
 * One block as write steps. With `fill` (ExcelApi 1.9), a run of one formula shifted down a column
 * is sent as its first row and a copy (formulaRuns.ts), and only what is sent is counted. A block
 * still too large is cut into row bands that each stay under the step size; a run's copy goes with
 * the band that writes its first row.
 */
function blockSteps(ws: () => Excel.Worksheet, block: Block, fill: boolean): WriteStep[] {
  const runs = fill && !block.mergeTo ? blockFormulaRuns(block) : [];
  const inputs = withoutFollowers(block.cells.map((row) => row.map(toCellInput)), runs);
  const width = block.cells[0]?.length ?? 1;
  const bytes = payloadBytes(inputs) + runs.length * COPY_BYTES + styleBytes(block.style, block.cells.length, width);
  const bands = Math.max(1, Math.ceil(bytes / (MAX_STEP_BYTES / 2)));
  if (bands === 1 || block.mergeTo) return [{ bytes, queue: () => writeInputs(ws(), block, inputs, runs, true) }];
  const start = parseCell(block.at);
  const height = Math.ceil(block.cells.length / bands);
  return Array.from({ length: bands }, (_, band) => {
    const from = band * height;
    const cells = block.cells.slice(from, from + height);
    const sent = inputs.slice(from, from + height);
    const copies = runs.filter((run) => run.row >= from && run.row < from + height).map((run) => ({ ...run, row: run.row - from }));
    const part: Block = { ...block, at: `${columnLetter(start.column)}${start.row + 1 + from}`, cells, run: undefined };
    const bytes = payloadBytes(sent) + copies.length * COPY_BYTES + styleBytes(block.style, cells.length, width);
    return { bytes, queue: () => writeInputs(ws(), part, sent, copies, true) };
  }).filter((step) => step.bytes > 2);
}

/** Data validation and conditional formats, where the requirement sets allow them. */
export function addRules(ws: Excel.Worksheet, rules: Pick<SheetLayout, "validations" | "conditionalFormats">, features: FeatureSupport): void {
  if (features.dataValidation) rules.validations.forEach((spec) => addValidation(ws, spec));
  if (features.conditionalFormats) rules.conditionalFormats.forEach((spec) => addConditionalFormat(ws, spec));
}

export function addNames(context: Excel.RequestContext, sheets: ReadonlyMap<string, Excel.Worksheet>, names: readonly (NameSpec & { sheet: string })[]): void {
  for (const name of names) {
    const ws = sheets.get(name.sheet);
    if (ws) context.workbook.names.add(name.name, ws.getRange(name.ref));
  }
}
