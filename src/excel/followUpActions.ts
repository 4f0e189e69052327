/**
 * Follow-up during the year in the add-in (issue 16 §2), over the unit's "Theo dõi" ("Theo dõi n"
 * for unit n of a shared workbook, the unit the user is on, as every action chooses it): read and
 * evaluate every snapshot (two round trips), record the unit table's actuals as one snapshot (one
 * more), or add the sheet to a unit set up without it (one more), whatever the number of units.
 * The engine judges each snapshot from the inputs (readFollowUpDetail, as `chitieu read` does),
 * never from cached results.
 */
import { parseDirection, quarterOf, textKey } from "../domain";
import { parseDay } from "../domain/dates";
import { followUpPaneMsg } from "../domain/messages/followUpPane";
import { cellAddress, columnIndex, parseCell, parseReference } from "../layout/addresses";
import { problem, type Problem } from "../layout/problems";
import { followUpCadence, readFollowUpDetail, readUnitTable, type FollowUpCell, type UnitTableRead } from "../layout/read";
import { sheetMsg } from "../domain/messages/sheet";
import { NAMES } from "../layout/schema";
import { excelDate, FOLLOW_UP_CADENCES, FOLLOW_UP_ROWS, followUpSheet, followUpSlot, periodColumn, type FollowUpCadence } from "../layout/unit";
import { placedName, type UnitPlace } from "../layout/units";
import type { FeatureSupport, FollowUpReport, SetupResult, SnapshotOptions } from "../contract/workbook";
import { createSheetSteps } from "./applyLayout";
import { constantInput } from "./cellInput";
import { payloadBytes } from "./chunks";
import { noTable, unitChoice } from "./readProtocol";
import { loadContents, loadInventory, type Contents } from "./workbookState";
import { NO_CONTENTS, step, writeProtected } from "./writeProtocol";

/** dd/mm/yyyy of an ISO day. */
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** An Excel serial day as an ISO day (1900 system); null for anything else. */
function isoOfSerial(serial: unknown): string | null {
  if (typeof serial !== "number" || !Number.isFinite(serial) || serial < 1) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

interface FollowUpRead {
  /** The unit followed, whose "Theo dõi" this is. */
  readonly place: UnitPlace;
  readonly contents: Contents;
  readonly table: UnitTableRead | null;
  readonly year: number | null;
  /** The unit's "Theo dõi" as its used range: a cell by 0-based row and column; null when the sheet is absent. */
  readonly cell: FollowUpCell | null;
  readonly sheetProtected: boolean;
}

/**
 * Round trips 1 and 2: what exists and so the unit the user is on, then that unit's table and names
 * with its "Theo dõi" whole; a problem (after one round trip) when there are several units and the
 * user is on none of their sheets.
 */
async function readFollowUpSheet(context: Excel.RequestContext): Promise<FollowUpRead | Problem> {
  const loaded = loadInventory(context);
  await context.sync();
  const inventory = loaded();
  const { place, units } = unitChoice(inventory);
  if (place === null) {
    const sheets = units.map((u) => inventory.names.get(placedName(NAMES.unitName, u))?.sheet ?? u.sheet);
    return problem(inventory.activeSheet, null, sheetMsg.chooseUnit.of(sheets));
  }
  const contents = loadContents(context, inventory, place);
  const exists = inventory.sheets.includes(place.followUpSheet);
  const ws = exists ? context.workbook.worksheets.getItem(place.followUpSheet) : null;
  const used = ws ? ws.getUsedRange().load("address,values,formulas") : null;
  const protection = ws ? ws.protection.load("protected") : null;
  await context.sync();
  const read = contents();
  const year = read.named.get(NAMES.year)?.value;
  let cell: FollowUpCell | null = null;
  if (used) {
    const start = parseCell((parseReference(used.address)?.address ?? "A1").split(":")[0]);
    cell = (row, column) => ({
      value: used.values[row - start.row]?.[column - start.column] ?? "",
      formula: used.formulas[row - start.row]?.[column - start.column] ?? "",
    });
  }
  return {
    place,
    contents: read,
    table: read.table ? readUnitTable(read.table) : null,
    year: typeof year === "number" && Number.isInteger(year) ? year : null,
    cell,
    sheetProtected: protection?.protected === true,
  };
}

/** Every snapshot evaluated, with each row's name, unit and year target from the unit table. */
function report(read: FollowUpRead, cell: FollowUpCell | null, problems: readonly Problem[], wrote: boolean, needsReplace = false): FollowUpReport {
  const { place } = read;
  const unit = { sheet: place.followUpSheet, unitName: String(read.contents.named.get(NAMES.unitName)?.value ?? "").trim() };
  if (cell === null) return { unit, exists: false, year: read.year, cadence: "quarter", snapshots: [], problems: [...problems], wrote, needsReplace };
  const cadence = followUpCadence(cell);
  if (read.table === null || read.year === null) {
    const noYear = problem(place.sheet, null, followUpPaneMsg.noYear.of(placedName(NAMES.year, place), place.sheet));
    return { unit, exists: true, year: read.year, cadence, snapshots: [], problems: [...problems, ...(read.table ? [] : [noTable()]), ...(read.year === null ? [noYear] : [])], wrote, needsReplace };
  }
  const detail = readFollowUpDetail(cell, read.table.rows, read.year, place.followUpSheet);
  const inputs = new Map(read.table.rows.map((r) => [textKey(r.input.code), r.input]));
  const snapshots = detail.periods.map((p) => ({
    period: p.period,
    asOf: p.asOf,
    figures: p.indicators.map((i) => {
      const input = inputs.get(textKey(i.code));
      return { ...i, name: input?.name ?? "", unit: input?.unit ?? "", target: input?.target ?? null };
    }),
  }));
  return { unit, exists: true, year: read.year, cadence, snapshots, problems: [...read.table.problems.filter((p) => p.severity === "error"), ...detail.problems, ...problems], wrote, needsReplace };
}

/** The report when the user must first open one unit's sheet. */
const unchosen = (choose: Problem): FollowUpReport => ({ unit: null, exists: false, year: null, cadence: "quarter", snapshots: [], problems: [choose], wrote: false, needsReplace: false });

export async function readFollowUpAction(context: Excel.RequestContext): Promise<FollowUpReport> {
  const read = await readFollowUpSheet(context);
  return "place" in read ? report(read, read.cell, [], false) : unchosen(read);
}

/** The follow-up rows (0-based sheet rows) and the unit table's sheet row each reads from. */
function followUpRows(cell: FollowUpCell): { row: number; source: number }[] {
  const rows: { row: number; source: number }[] = [];
  for (let row = FOLLOW_UP_ROWS.first - 1; ; row++) {
    const source = /!\$?[A-Z]{1,3}\$?(\d+)/.exec(String(cell(row, 0).formula ?? ""));
    if (!source) return rows;
    rows.push({ row, source: Number(source[1]) });
  }
}

/**
 * One snapshot: the unit table's actuals as they stand, copied as values into the period's "Thực
 * hiện" column of "Theo dõi" with the date, so later typing in the table leaves it as it was.
 */
export async function recordSnapshotAction(context: Excel.RequestContext, options: SnapshotOptions): Promise<FollowUpReport> {
  const read = await readFollowUpSheet(context);
  if (!("place" in read)) return unchosen(read);
  const refuse = (p: Problem) => report(read, read.cell, [p], false);
  const { cell, table, contents, place } = read;
  const sheet = place.followUpSheet;
  if (cell === null) return refuse(problem(place.sheet, null, followUpPaneMsg.noSheet.of(sheet)));
  if (table === null || table.letters === null || contents.table === null || read.year === null) return report(read, cell, [], false);
  const period = Math.trunc(options.period);
  const asOf = parseDay(options.asOf);
  // A sheet by month keeps each month's snapshot in its own group (a date outside the quarter chosen
  // is named at that quarter's last month); by quarter, the quarter's.
  const cadence = followUpCadence(cell);
  const inQuarter = asOf !== null && quarterOf(asOf) === period + 1;
  const slot = cadence === "quarter" ? period : inQuarter ? followUpSlot(cadence, asOf) : period * 3 + 2;
  const dateColumn = periodColumn(Math.min(Math.max(slot, 0), FOLLOW_UP_CADENCES[cadence].length - 1), "actual");
  const dateAt = `${dateColumn}${FOLLOW_UP_ROWS.date}`;
  if (asOf === null || period < 0 || period >= FOLLOW_UP_CADENCES.quarter.length) return refuse(problem(sheet, dateAt, followUpPaneMsg.badDate.of(options.asOf)));
  if (Number(asOf.slice(0, 4)) !== read.year) return refuse(problem(sheet, dateAt, followUpPaneMsg.otherYear.of(vnDate(asOf), read.year)));
  if (!inQuarter) return refuse(problem(sheet, dateAt, followUpPaneMsg.otherQuarter.of(vnDate(asOf), period + 1)));

  const column = columnIndex(dateColumn);
  const origin = parseCell(contents.table.origin);
  const actualColumn = columnIndex(table.letters.actual) - origin.column;
  /** The unit table's raw cell at a sheet row: a "%" row holds 85 % as 0,85, as "Theo dõi" does. */
  const actualAt = (sheetRow: number) => contents.table?.values[sheetRow - 1 - origin.row]?.[actualColumn];
  const rows = followUpRows(cell);
  const next = rows.map((r) => {
    const value = actualAt(r.source);
    return value === undefined ? cell(r.row, column).value : value;
  });
  const before = rows.map((r) => cell(r.row, column).value);
  const heldDate = isoOfSerial(cell(FOLLOW_UP_ROWS.date - 1, column).value);
  const differs = before.some((v, i) => !blank(v) && v !== next[i]) || (before.some((v) => !blank(v)) && heldDate !== asOf);
  if (differs && options.replace !== true) {
    const held = problem(sheet, cellAddress(FOLLOW_UP_ROWS.first - 1, column), followUpPaneMsg.periodHasFigures.of(heldDate ? vnDate(heldDate) : String(cell(FOLLOW_UP_ROWS.date - 1, column).value ?? "")));
    return report(read, cell, [held], false, true);
  }
  const serial = excelDate(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8, 10)));
  const inputs = next.map((v) => [constantInput(blank(v) ? null : (v as string | number | boolean))]);
  const failed = rows.length === 0 ? [] : await writeProtected(context, [sheet], read.sheetProtected ? { ...NO_CONTENTS, protectedSheets: new Set([sheet]) } : NO_CONTENTS, [
    step(() => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.getRange(dateAt).values = [[serial]];
      ws.getRange(`${dateColumn}${rows[0].row + 1}:${dateColumn}${rows[rows.length - 1].row + 1}`).formulas = inputs;
    }, payloadBytes(inputs)),
  ]);
  if (failed.length > 0) return report(read, cell, failed, false);
  // What Excel now holds, without reading it again: the written column and date over what was read.
  const written = new Map(rows.map((r, i) => [r.row, next[i]]));
  const after: FollowUpCell = (row, col) => {
    if (col === column && row === FOLLOW_UP_ROWS.date - 1) return { value: serial, formula: serial };
    if (col === column && written.has(row)) return { value: written.get(row), formula: written.get(row) };
    return cell(row, col);
  };
  return report(read, after, [], true);
}

/** The unit's "Theo dõi" ("Theo dõi n") for a unit set up without it, its rows linked to the unit table's rows. */
export async function createFollowUpAction(context: Excel.RequestContext, features: FeatureSupport, cadence: FollowUpCadence = "quarter"): Promise<SetupResult> {
  const read = await readFollowUpSheet(context);
  if (!("place" in read)) return { changes: [], problems: [read] };
  const { table, contents, place } = read;
  const name = place.followUpSheet;
  if (read.cell !== null) return { changes: [], problems: [problem(name, null, followUpPaneMsg.exists.of(name))] };
  if (table === null || table.letters === null || contents.table === null) return { changes: [], problems: [noTable(), ...(table?.problems ?? [])] };
  // Its formulas name the unit sheet as first created ('Chỉ tiêu 2'!$A8).
  if (contents.table.sheet !== place.sheet) return { changes: [], problems: [problem(contents.table.sheet, null, followUpPaneMsg.unitSheetRenamed.of(place.sheet, contents.table.sheet))] };
  if (read.year === null) return { changes: [], problems: [problem(place.sheet, null, followUpPaneMsg.noYear.of(placedName(NAMES.year, place), place.sheet))] };
  const bySheetRow = new Map(table.rows.map((r) => [r.sheetRow, r.input]));
  const indicators = Array.from({ length: table.lastRow - table.firstRow + 1 }, (_, i) => {
    const input = bySheetRow.get(table.firstRow + i);
    return { direction: parseDirection(input?.direction) ?? "increase", unit: input?.unit ?? "" };
  });
  const sheet = followUpSheet({ year: read.year, indicators, unitLetters: table.letters, unitFirstRow: table.firstRow, cadence, place });
  const ws = () => context.workbook.worksheets.getItem(name);
  const failed = await writeProtected(context, [], NO_CONTENTS, [
    step(() => void context.workbook.worksheets.add(name)),
    ...createSheetSteps(ws, sheet, features),
    step(() => ws().activate()),
  ]);
  if (failed.length > 0) return { changes: [], problems: failed };
  return { changes: [followUpPaneMsg.createdFollowUp.of(name)], problems: [] };
}
