/**
 * "Bản in": the signed year-end table of the active unit, refused while the unit has data errors.
 */
import { DEFAULT_CATALOGUE } from "../domain";
import { NAMES, printSheet, problem, SHEETS, DEFAULT_HEADER, tableTitle, type DocumentHeader, type PrintRow, type Problem, type TableGrid, type UnitTableRead } from "../layout";
import type { FeatureSupport, PrintOptions } from "../contract/workbook";
import { columnIndex, parseCell } from "../layout/addresses";
import { addNames, createSheetSteps } from "./applyLayout";
import { constantInput } from "./cellInput";
import { sheetMsg } from "../domain/messages/sheet";
import { placeSheet, PRINTED_UNIT_NAME, printedUnitName } from "../layout/units";
import { readWorkbook, namedValue, noTable, analyse } from "./readProtocol";
import { writeProtected, step } from "./writeProtocol";

const HEADER_NAMES = {
  superiorBody: NAMES.superiorBody,
  issuingBody: NAMES.issuingBody,
  placeDate: NAMES.placeDate,
  signerTitle: NAMES.signerTitle,
  signerPosition: NAMES.signerPosition,
  signerName: NAMES.signerName,
} as const;

/** The indicators "Bản in" prints, in table order; their texts and notes size its rows. */
function printRows(table: TableGrid, read: UnitTableRead): PrintRow[] {
  const origin = parseCell(table.origin);
  const noteIndex = read.letters ? columnIndex(read.letters.note) - origin.column : -1;
  const scalar = (v: unknown) => (typeof v === "number" || typeof v === "string" ? v : null);
  return read.rows.map(({ sheetRow, input }) => ({
    code: input.code,
    group: input.group ?? "",
    name: input.name ?? "",
    unit: input.unit ?? "",
    target: scalar(input.target),
    actual: scalar(input.actual),
    note: String(table.values[sheetRow - origin.row - 1]?.[noteIndex] ?? ""),
  }));
}

/** The header as the workbook holds it (the ribbon has no form to type it in). */
function headerInWorkbook(text: (name: string) => string): DocumentHeader {
  const fields = Object.entries(HEADER_NAMES) as [keyof typeof HEADER_NAMES, string][];
  return {
    ...(Object.fromEntries(fields.map(([field, name]) => [field, text(name)])) as Pick<DocumentHeader, keyof typeof HEADER_NAMES>),
    // The number line's cell reads "Số 12-BC/HU"; the header holds what follows "Số". Both are
    // on "Bản in", so the defaults stand in until it is first built.
    number: text(NAMES.documentNumber).replace(/^Số\s*/, "") || DEFAULT_HEADER.number,
    recipients: text(NAMES.recipients) || DEFAULT_HEADER.recipients,
  };
}

/**
 * Refused, writing nothing, while the unit sheet has a data error (a cap violation is one): a
 * signed document must not carry them. Otherwise the header goes into its cells and "Bản in" is
 * built anew from the table as it is now (rows, groups, heights), then selected for printing.
 */
export async function preparePrintAction(context: Excel.RequestContext, options: PrintOptions, features: FeatureSupport): Promise<Problem[]> {
  const snapshot = await readWorkbook(context, true);
  const { inventory, contents } = snapshot;
  const analysis = analyse(snapshot, false);
  if (!analysis) return [noTable(snapshot)];
  const errors = analysis.problems.filter((p) => p.severity === "error");
  const letters = analysis.read.letters;
  if (errors.length > 0 || !letters) return errors;
  const exists = inventory.sheets.includes(SHEETS.print);
  if (exists && inventory.names.get(NAMES.documentNumber)?.sheet !== SHEETS.print) {
    return [problem(SHEETS.print, null, sheetMsg.foreignSheet.of(SHEETS.print))];
  }
  const { table, read } = analysis;
  const text = (name: string) => String(namedValue(contents, name) ?? "");
  const header = options.header ?? headerInWorkbook(text);
  const year = Number(namedValue(contents, NAMES.year));
  const printed = printSheet({
    unitSheet: table.sheet,
    letters,
    firstRow: read.firstRow,
    lastRow: read.lastRow,
    rows: printRows(table, read),
    groups: snapshot.catalogue?.catalogue.groups ?? DEFAULT_CATALOGUE.groups,
    header,
    title: tableTitle(Number.isInteger(year) ? year : null, text(NAMES.unitName)),
    provisional: analysis.evaluated.evaluation.summary.provisional,
  });
  const printWs = () => context.workbook.worksheets.getItem(SHEETS.print);
  return writeProtected(context, [table.sheet], contents, [
    step(() => {
      // The pane's form writes its header; the ribbon keeps the one in the workbook.
      for (const [field, name] of options.header ? (Object.entries(HEADER_NAMES) as [keyof typeof HEADER_NAMES, string][]) : []) {
        const cell = contents.named.get(name);
        if (cell) context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).formulas = [[constantInput(header[field])]];
      }
      for (const name of printed.names) if (inventory.names.has(name.name)) context.workbook.names.getItem(name.name).delete();
      for (const name of inventory.names.keys()) if (name.startsWith(PRINTED_UNIT_NAME)) context.workbook.names.getItem(name).delete();
      if (exists) printWs().delete();
      context.workbook.worksheets.add(SHEETS.print);
    }),
    // The active unit's document: its own names (TongDiem_2 …) in every formula.
    ...createSheetSteps(printWs, placeSheet(printed.sheet, snapshot.place), features),
    step(() => {
      // Which unit this "Bản in" is of, so that actions from it work on that unit.
      const names = [...printed.names, { name: printedUnitName(snapshot.place), ref: "$A$1" }];
      addNames(context, new Map([[SHEETS.print, printWs()]]), names.map((n) => ({ ...n, sheet: SHEETS.print })));
      printWs().activate();
      printWs().getRange("A1").select();
    }),
  ]);
}
