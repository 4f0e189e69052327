/**
 * The preview's "download as .xlsx": the emulator's workbook, turned into the shared layout
 * description and written by the same .xlsx writer the CLI uses.
 */
import { columnIndex, columnLetter, parseCell, parseReference } from "../layout/addresses";
import type { Block, ConditionalFormatSpec, PrintSpec, SheetLayout, StyleSpec, ValidationSpec, WorkbookLayout } from "../layout/types";
import { writeXlsx } from "../xlsx/writeLayout";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "./emulator";

const POINTS_PER_CHARACTER = 5.6;

function cellStyle(cell: CellSnapshot): StyleSpec {
  const horizontal = cell.alignment.horizontal.toLowerCase();
  return {
    font: { name: cell.font.name, size: cell.font.size, bold: cell.font.bold, italic: cell.font.italic, color: cell.font.color },
    ...(cell.fill && cell.fill.toUpperCase() !== "#FFFFFF" ? { fill: cell.fill } : {}),
    ...(horizontal === "left" || horizontal === "center" || horizontal === "right" ? { horizontal } : {}),
    ...(cell.alignment.wrapText ? { wrap: true } : {}),
    ...(Object.keys(cell.borders).length > 0 ? { border: true } : {}),
    numberFormat: cell.numberFormat,
  };
}

function cellBlock(cell: CellSnapshot): Block {
  return {
    at: cell.address,
    cells: [[cell.formula ? { formula: cell.formula } : { value: cell.value }]],
    owner: "user",
    style: cellStyle(cell),
    unlocked: !cell.locked,
  };
}

function validation(v: SheetSnapshot["dataValidations"][number]): ValidationSpec | null {
  const alert = v.errorAlert as { title?: string; message?: string };
  const base = { range: v.range, errorTitle: alert.title ?? "", errorMessage: alert.message ?? "" };
  const rule = v.rule as { list?: { source: string }; decimal?: { operator: string; formula1: unknown; formula2?: unknown }; custom?: { formula: string } };
  if (rule.list) return { ...base, rule: { kind: "list", source: String(rule.list.source) } };
  if (rule.custom) return { ...base, rule: { kind: "custom", formula: rule.custom.formula } };
  if (rule.decimal) {
    const operator = /between/i.test(rule.decimal.operator) ? "between" : "greaterThan";
    return { ...base, rule: { kind: "decimal", operator, formula1: String(rule.decimal.formula1), ...(rule.decimal.formula2 !== undefined ? { formula2: String(rule.decimal.formula2) } : {}) } };
  }
  return null;
}

function conditionalFormat(c: SheetSnapshot["conditionalFormats"][number]): ConditionalFormatSpec | null {
  if (!c.formula) return null;
  const color = (key: string) => (typeof c.format[key] === "string" ? (c.format[key] as string) : undefined);
  return { range: c.range, formula: c.formula.replace(/^=/, ""), fill: color("fill.color"), fontColor: color("font.color"), bold: c.format["font.bold"] === true };
}

function print(sheet: SheetSnapshot): PrintSpec | undefined {
  const p = sheet.pageLayout;
  if (!p.printArea) return undefined;
  return {
    orientation: /landscape/i.test(p.orientation) ? "landscape" : "portrait",
    paper: "A4",
    fitToWidth: p.zoom.horizontalFitToPages ?? 1,
    fitToHeight: p.zoom.verticalFitToPages ?? 0,
    ...(p.zoom.horizontalFitToPages === undefined && p.zoom.scale !== undefined ? { scale: p.zoom.scale } : {}),
    // The emulator keeps a sheet's print ranges qualified ('So sánh'!$4:$6), the layout without the sheet.
    titleRows: p.printTitleRows?.replace(/^.*!/, ""),
    titleColumns: p.printTitleColumns?.replace(/^.*!/, ""),
    area: p.printArea.replace(/^.*!/, ""),
    headerCenter: p.headersFooters.centerHeader || undefined,
    footerCenter: p.headersFooters.centerFooter ?? "",
    centerHorizontally: p.centerHorizontally,
    margins: { left: p.margins.leftMargin / 72, right: p.margins.rightMargin / 72, top: p.margins.topMargin / 72, bottom: p.margins.bottomMargin / 72 },
  };
}

/** Whether a cell lies in a merged area other than at its first cell. */
function coveredByMerge(sheet: SheetSnapshot, address: string): boolean {
  const at = parseCell(address);
  return sheet.merges.some((m) => {
    const [a, b] = m.split(":").map(parseCell);
    return (at.row !== a.row || at.column !== a.column) && at.row >= a.row && at.row <= b.row && at.column >= a.column && at.column <= b.column;
  });
}

function sheetLayout(sheet: SheetSnapshot): SheetLayout {
  const widths = Object.entries(sheet.columnWidths);
  const columnCount = widths.reduce((max, [letter]) => Math.max(max, columnIndex(letter) + 1), 0);
  return {
    name: sheet.name,
    font: {},
    columnWidths: Array.from({ length: columnCount }, (_, i) => (sheet.columnWidths[columnLetter(i)] ?? 48) / POINTS_PER_CHARACTER),
    // The rest of a merged area is left out: the writer would put its blank into the area's first cell.
    blocks: sheet.cells
      .filter((c) => (c.value !== null || c.formula !== null || c.numberFormat !== "General") && !coveredByMerge(sheet, c.address))
      .map((c) => {
        const merge = sheet.merges.find((m) => m.split(":")[0] === c.address);
        return merge ? { ...cellBlock(c), mergeTo: merge.split(":")[1] } : cellBlock(c);
      }),
    rowHeights: Object.entries(sheet.rowHeights).map(([row, height]) => ({ row: Number(row), height })),
    pageBreaks: sheet.pageLayout.rowBreaks,
    columnBreaks: sheet.pageLayout.columnBreaks,
    rangeStyles: [],
    numberFormats: [],
    tables: sheet.tables.map((t) => ({ name: t.name, range: t.range, style: t.style })),
    validations: sheet.dataValidations.map(validation).filter((v): v is ValidationSpec => v !== null),
    conditionalFormats: sheet.conditionalFormats.map(conditionalFormat).filter((c): c is ConditionalFormatSpec => c !== null),
    protect: sheet.protection.protected,
    freezeRows: sheet.freezePanes.rows || undefined,
    print: print(sheet),
  };
}

export function snapshotToLayout(snapshot: WorkbookSnapshot): WorkbookLayout {
  return {
    sheets: [...snapshot.sheets].sort((a, b) => a.position - b.position).map(sheetLayout),
    names: snapshot.names.flatMap((n) => {
      const ref = parseReference(n.formula);
      return ref ? [{ name: n.name, sheet: ref.sheet, ref: ref.address }] : [];
    }),
  };
}

export function snapshotToXlsx(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  return writeXlsx(snapshotToLayout(snapshot));
}
