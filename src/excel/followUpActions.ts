/**
 * Follow-up during the year in the add-in (issue 16 §2), over the unit workbook's "Theo dõi": read
 * and evaluate every snapshot (two round trips), record the unit table's actuals as one snapshot
 * (one more), or add the sheet to a workbook set up without it (one more). The engine judges each
 * snapshot from the inputs (readFollowUpDetail, as `chitieu read` does), never from cached results.
 */
import { parseDirection, quarterOf, textKey } from "../domain";
import { parseDay } from "../domain/dates";
import { defineMessages, message, sentence, text } from "../domain/localize";
import { cellAddress, columnIndex, parseCell, parseReference } from "../layout/addresses";
import { problem, type Problem } from "../layout/problems";
import { followUpCadence, readFollowUpDetail, readUnitTable, type FollowUpCell, type UnitTableRead } from "../layout/read";
import { NAMES, SHEETS } from "../layout/schema";
import { excelDate, FOLLOW_UP_CADENCES, FOLLOW_UP_ROWS, FOLLOW_UP_SHEET, followUpSheet, followUpSlot, periodColumn, type FollowUpCadence } from "../layout/unit";
import type { FeatureSupport, FollowUpReport, SetupResult, SnapshotOptions } from "../contract/workbook";
import { createSheetSteps } from "./applyLayout";
import { constantInput } from "./cellInput";
import { payloadBytes } from "./chunks";
import { noTable } from "./readProtocol";
import { loadContents, loadInventory, type Contents } from "./workbookState";
import { NO_CONTENTS, step, writeProtected } from "./writeProtocol";

export const followUpPaneMsg = defineMessages("followUpPane", {
  noSheet: text(
    `Bảng tính chưa có trang "${FOLLOW_UP_SHEET}": hãy tạo trang theo dõi trước.`,
    `The workbook has no "${FOLLOW_UP_SHEET}" sheet: create the follow-up sheet first.`,
  ),
  exists: text(`Trang "${FOLLOW_UP_SHEET}" đã có.`, `The "${FOLLOW_UP_SHEET}" sheet already exists.`),
  badDate: message(
    (found: string) => `Ngày "${found}" không hợp lệ: cần một ngày như 30/06/2025.`,
    (found) => `The date "${found}" is not valid: enter a date such as 30/06/2025.`,
    ["31/02/2025"],
  ),
  otherYear: message(
    (date: string, year: number) => `Ngày ${date} không thuộc năm đánh giá ${year}.`,
    (date, year) => `The date ${date} is not in the year evaluated, ${year}.`,
    ["30/06/2024", 2025],
  ),
  otherQuarter: message(
    (date: string, quarter: number) => `Ngày ${date} không thuộc quý ${quarter}: mỗi quý giữ một lần số liệu ở nhóm cột của quý đó.`,
    (date, quarter) => `The date ${date} is not in quarter ${quarter}: each quarter keeps one snapshot in its own columns.`,
    ["30/06/2025", 1],
  ),
  periodHasFigures: message(
    (date: string) => `Kỳ này đã có số liệu đến ngày ${date}: chọn "Ghi đè" nếu muốn thay bằng số liệu hiện nay.`,
    (date) => `This period already holds figures as of ${date}: choose "Replace" to put today's figures in their place.`,
    ["31/03/2025"],
  ),
  unitSheetRenamed: message(
    (sheet: string) => `Trang theo dõi đọc bảng chỉ tiêu ở trang "${SHEETS.unit}", nhưng bảng đang ở trang "${sheet}".`,
    (sheet) => `The follow-up sheet reads the indicator table on the "${SHEETS.unit}" sheet, but the table is on "${sheet}".`,
    ["Chỉ tiêu 2"],
  ),
  noYear: text(
    `Chưa ghi năm đánh giá (ô ${NAMES.year}) trên trang "${SHEETS.unit}": hãy chạy Thiết lập.`,
    `The year evaluated (cell ${NAMES.year}) is not on the "${SHEETS.unit}" sheet: run Setup.`,
  ),
  createdFollowUp: sentence(`Đã tạo trang "${FOLLOW_UP_SHEET}".`, `Created the "${FOLLOW_UP_SHEET}" sheet.`),
});

/** dd/mm/yyyy of an ISO day. */
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** An Excel serial day as an ISO day (1900 system); null for anything else. */
function isoOfSerial(serial: unknown): string | null {
  if (typeof serial !== "number" || !Number.isFinite(serial) || serial < 1) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

interface FollowUpRead {
  readonly contents: Contents;
  readonly table: UnitTableRead | null;
  readonly year: number | null;
  /** "Theo dõi" as its used range: a cell by 0-based row and column; null when the sheet is absent. */
  readonly cell: FollowUpCell | null;
  readonly sheetProtected: boolean;
}

/** Round trips 1 and 2: what exists, then unit 1's table and names with "Theo dõi" whole. */
async function readFollowUpSheet(context: Excel.RequestContext): Promise<FollowUpRead> {
  const loaded = loadInventory(context);
  await context.sync();
  const inventory = loaded();
  const contents = loadContents(context, inventory);
  const exists = inventory.sheets.includes(FOLLOW_UP_SHEET);
  const ws = exists ? context.workbook.worksheets.getItem(FOLLOW_UP_SHEET) : null;
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
    contents: read,
    table: read.table ? readUnitTable(read.table) : null,
    year: typeof year === "number" && Number.isInteger(year) ? year : null,
    cell,
    sheetProtected: protection?.protected === true,
  };
}

/** Every snapshot evaluated, with each row's name, unit and year target from the unit table. */
function report(read: FollowUpRead, cell: FollowUpCell | null, problems: readonly Problem[], wrote: boolean, needsReplace = false): FollowUpReport {
  if (cell === null) return { exists: false, year: read.year, cadence: "quarter", snapshots: [], problems: [...problems], wrote, needsReplace };
  const cadence = followUpCadence(cell);
  if (read.table === null || read.year === null) {
    return { exists: true, year: read.year, cadence, snapshots: [], problems: [...problems, ...(read.table ? [] : [noTable()]), ...(read.year === null ? [problem(SHEETS.unit, null, followUpPaneMsg.noYear)] : [])], wrote, needsReplace };
  }
  const detail = readFollowUpDetail(cell, read.table.rows, read.year);
  const inputs = new Map(read.table.rows.map((r) => [textKey(r.input.code), r.input]));
  const snapshots = detail.periods.map((p) => ({
    period: p.period,
    asOf: p.asOf,
    figures: p.indicators.map((i) => {
      const input = inputs.get(textKey(i.code));
      return { ...i, name: input?.name ?? "", unit: input?.unit ?? "", target: input?.target ?? null };
    }),
  }));
  return { exists: true, year: read.year, cadence, snapshots, problems: [...read.table.problems.filter((p) => p.severity === "error"), ...detail.problems, ...problems], wrote, needsReplace };
}

export async function readFollowUpAction(context: Excel.RequestContext): Promise<FollowUpReport> {
  const read = await readFollowUpSheet(context);
  return report(read, read.cell, [], false);
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
  const refuse = (p: Problem) => report(read, read.cell, [p], false);
  const { cell, table, contents } = read;
  if (cell === null) return refuse(problem(SHEETS.unit, null, followUpPaneMsg.noSheet));
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
  if (asOf === null || period < 0 || period >= FOLLOW_UP_CADENCES.quarter.length) return refuse(problem(FOLLOW_UP_SHEET, dateAt, followUpPaneMsg.badDate.of(options.asOf)));
  if (Number(asOf.slice(0, 4)) !== read.year) return refuse(problem(FOLLOW_UP_SHEET, dateAt, followUpPaneMsg.otherYear.of(vnDate(asOf), read.year)));
  if (!inQuarter) return refuse(problem(FOLLOW_UP_SHEET, dateAt, followUpPaneMsg.otherQuarter.of(vnDate(asOf), period + 1)));

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
    const held = problem(FOLLOW_UP_SHEET, cellAddress(FOLLOW_UP_ROWS.first - 1, column), followUpPaneMsg.periodHasFigures.of(heldDate ? vnDate(heldDate) : String(cell(FOLLOW_UP_ROWS.date - 1, column).value ?? "")));
    return report(read, cell, [held], false, true);
  }
  const serial = excelDate(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8, 10)));
  const inputs = next.map((v) => [constantInput(blank(v) ? null : (v as string | number | boolean))]);
  const failed = rows.length === 0 ? [] : await writeProtected(context, [FOLLOW_UP_SHEET], read.sheetProtected ? { ...NO_CONTENTS, protectedSheets: new Set([FOLLOW_UP_SHEET]) } : NO_CONTENTS, [
    step(() => {
      const ws = context.workbook.worksheets.getItem(FOLLOW_UP_SHEET);
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

/** "Theo dõi" for a unit workbook set up without it, its rows linked to the unit table's rows. */
export async function createFollowUpAction(context: Excel.RequestContext, features: FeatureSupport, cadence: FollowUpCadence = "quarter"): Promise<SetupResult> {
  const read = await readFollowUpSheet(context);
  const { table, contents } = read;
  if (read.cell !== null) return { changes: [], problems: [problem(FOLLOW_UP_SHEET, null, followUpPaneMsg.exists)] };
  if (table === null || table.letters === null || contents.table === null) return { changes: [], problems: [noTable(), ...(table?.problems ?? [])] };
  if (contents.table.sheet !== SHEETS.unit) return { changes: [], problems: [problem(contents.table.sheet, null, followUpPaneMsg.unitSheetRenamed.of(contents.table.sheet))] };
  if (read.year === null) return { changes: [], problems: [problem(SHEETS.unit, null, followUpPaneMsg.noYear)] };
  const bySheetRow = new Map(table.rows.map((r) => [r.sheetRow, r.input]));
  const indicators = Array.from({ length: table.lastRow - table.firstRow + 1 }, (_, i) => {
    const input = bySheetRow.get(table.firstRow + i);
    return { direction: parseDirection(input?.direction) ?? "increase", unit: input?.unit ?? "" };
  });
  const sheet = followUpSheet({ year: read.year, indicators, unitLetters: table.letters, unitFirstRow: table.firstRow, cadence });
  const ws = () => context.workbook.worksheets.getItem(FOLLOW_UP_SHEET);
  const failed = await writeProtected(context, [], NO_CONTENTS, [
    step(() => void context.workbook.worksheets.add(FOLLOW_UP_SHEET)),
    ...createSheetSteps(ws, sheet, features),
    step(() => ws().activate()),
  ]);
  if (failed.length > 0) return { changes: [], problems: failed };
  return { changes: [followUpPaneMsg.createdFollowUp.of()], problems: [] };
}
