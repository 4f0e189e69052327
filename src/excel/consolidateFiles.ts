/**
 * Tổng hợp from files in the task pane (issue 8 §2): unit workbooks picked from disk are read in
 * the browser (fflate, no upload), checked exactly as `chitieu consolidate` checks
 * them, and their figures written as values into "So sánh" and "Hạn mức": the layout the CLI
 * writes (src/layout/comparisonSheet.ts). Round trips: one to see which sheets exist, one more
 * only when one of ours is there already, then one per 3.5 MB of writes (a single one below a
 * few hundred units); the same for 3 files and for 30.
 *
 * Last year's files, when picked, are read the same way (each under the preset of its own year, as
 * `--previous` reads them) and put beside this year's on "So với năm trước"; a file of last year
 * that cannot be used is named as a warning, and none usable writes nothing.
 *
 * Sheet names: the values go to the same "So sánh" and "Hạn mức" as a live comparison of the
 * units of this workbook. An existing "So sánh" is replaced only when it is itself an earlier
 * consolidation from files (its note says "Tổng hợp từ … tệp"); a live comparison, or any other
 * sheet of one of these names, is never overwritten: nothing is written and the pane says which
 * sheet to rename (or to consolidate in a new, empty workbook).
 */
import type { ConsolidateFilesOptions, ConsolidationReport, FeatureSupport, UnitFileInput } from "../contract/workbook";
import { consolidationResult, previousYearOf, type Consolidation, type PreviousYear, type UnitKind } from "../domain";
import { consolidateMsg } from "../domain/messages/consolidateFiles";
import { COMPARISON_SHEETS, consolidatedWorkbook, PREVIOUS_YEAR_SHEET } from "../layout/comparison";
import { DEFAULT_HEADER } from "../layout/print";
import { problem, type Problem } from "../layout/problems";
import { RULE_NAMES } from "../layout/schema";
import { consolidateUnitFiles, givenRules, presetOfTheYear } from "../xlsx/unitSummary";
import { openXlsxPortable } from "../xlsx/xlsxPackage";
import { readWorkbook, rulesOf } from "./readProtocol";
import { createSheetSteps } from "./applyLayout";
import { batches, payloadBytes, type WriteStep } from "./chunks";

/** The note under the title of a "So sánh" written from files (comparisonSheet.ts): "Tổng hợp từ 12 tệp lúc …". */
const FROM_FILES_NOTE = /^Tổng hợp từ \d+ tệp/;

/** A file read after the pane has had a turn: reading is synchronous, and the progress bar is drawn between files. */
async function openAfterRepaint(bytes: Uint8Array) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return openXlsxPortable(bytes);
}

/** Read, check and consolidate the picked files, then write the comparison into the open workbook. */
export async function consolidateFiles(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
  files: readonly UnitFileInput[],
  options: ConsolidateFilesOptions,
  features: FeatureSupport,
  now: Date = new Date(),
): Promise<ConsolidationReport> {
  // By name, as the CLI takes a folder's files (the file picker's order is the browser's): which of
  // two files of one unit is kept, and on a tie which year and catalogue count, never depend on it.
  const byName = (picked: readonly UnitFileInput[]) =>
    [...picked].sort((a, b) => a.name.localeCompare(b.name, "vi")).map((f) => ({ name: f.name, bytes: f.bytes, modified: new Date(f.lastModified).toISOString() }));
  const units = byName(files);
  const lastYear = byName(options.previousFiles ?? []);
  const total = units.length + lastYear.length;
  // The open workbook's rules are the province's (docs/rules.md §3 "Whose rules"); a new, empty workbook has none: the preset of the year.
  const open = await run(async (context) => {
    const { contents } = await readWorkbook(context);
    return contents.named.has(RULE_NAMES.preset) ? rulesOf(contents) : null;
  });
  if (open !== null && open.problems.length > 0) return { units: [], rejected: [], quota: [], groups: [], totals: [], problems: open.problems, wrote: false, insertedSheets: [] };
  const rules = open === null ? presetOfTheYear : givenRules(open.rules);
  const exceptional = new Set<UnitKind | null>(options.exceptionalKinds);
  const progress = (offset: number) => (options.onProgress ? (done: number) => options.onProgress?.(offset + done, total) : undefined);
  const c = await consolidateUnitFiles(units, openAfterRepaint, exceptional, rules, progress(0));
  const result = consolidationResult(c);
  if (c.units.length === 0) return { ...result, problems: [], wrote: false, insertedSheets: [] };
  // Last year's files as the CLI's --previous reads them: each under the preset of its own year.
  const before = lastYear.length > 0 ? await consolidateUnitFiles(lastYear, openAfterRepaint, exceptional, presetOfTheYear, progress(units.length), c.year === null ? undefined : c.year - 1) : null;
  // Only the year before stands beside this year: the same files given twice, or another year's, are left out, each saying its year.
  const leftOut = (before?.rejected ?? []).map((r) => problem(PREVIOUS_YEAR_SHEET, null, consolidateMsg.previousRejected.of(r.file, r.reason), "warning"));
  if (before !== null && before.units.length === 0) return { ...result, problems: [problem(PREVIOUS_YEAR_SHEET, null, consolidateMsg.previousNone.of(lastYear.length)), ...leftOut], wrote: false, insertedSheets: [] };
  const previous = before === null ? null : previousYearOf(c, before);
  const insert = options.insertUnitSheets === true && features.insertWorksheets === true;
  const copies = insert ? unitSheetCopies(c, files) : [];
  const written = await run((context) => writeConsolidation(context, c, previous, copies, features, now));
  return { ...result, ...(previous ? { previous } : {}), ...written, problems: [...written.problems, ...(written.wrote ? leftOut : [])] };
}

/** A unit file to copy into the workbook: its bytes as base64, its unit sheet, the name it gets here. */
interface SheetCopy {
  readonly base64: string;
  readonly sheet: string;
  readonly unit: string;
}

/** The consolidated units' files with the sheet holding each one's table (the user may have renamed it). */
function unitSheetCopies(c: Consolidation, files: readonly UnitFileInput[]): SheetCopy[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  const copies: SheetCopy[] = [];
  // A shared workbook's units are each copied from their own sheet.
  const base64 = new Map<string, string>();
  for (const u of c.units) {
    const file = byName.get(u.file) as UnitFileInput;
    if (!base64.has(u.file)) base64.set(u.file, toBase64(file.bytes));
    copies.push({ base64: base64.get(u.file) as string, sheet: u.sheet, unit: u.unit });
  }
  return copies;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** A sheet name Excel accepts (31 characters, none of []:*?/\), unique among `taken` (case-insensitive). */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Đơn vị";
  let name = base;
  for (let n = 2; taken.has(name.toLocaleLowerCase("vi")); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  taken.add(name.toLocaleLowerCase("vi"));
  return name;
}

async function writeConsolidation(
  context: Excel.RequestContext,
  c: Consolidation,
  previous: PreviousYear | null,
  copies: readonly SheetCopy[],
  features: FeatureSupport,
  now: Date,
): Promise<Pick<ConsolidationReport, "problems" | "wrote" | "insertedSheets">> {
  const layout = consolidatedWorkbook(c, now.toISOString(), DEFAULT_HEADER, previous);
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const existing = sheets.items.map((s) => s.name);
  const clashing = layout.sheets.map((s) => s.name).filter((name) => existing.includes(name));
  const problems: Problem[] = [];
  if (clashing.length > 0) {
    const note = existing.includes(COMPARISON_SHEETS.comparison)
      ? context.workbook.worksheets.getItem(COMPARISON_SHEETS.comparison).getRange("A2").load("values")
      : null;
    await context.sync();
    // Our sheets are replaced together: an earlier "So sánh" from files vouches for its "Hạn mức".
    const fromFiles = note !== null && FROM_FILES_NOTE.test(String(note.values[0][0] ?? ""));
    if (!fromFiles) problems.push(problem(clashing[0], null, consolidateMsg.notOurs.of(clashing[0])));
  }
  if (problems.length > 0) return { problems, wrote: false, insertedSheets: [] };

  const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
  const steps: WriteStep[] = [
    {
      bytes: 500,
      queue: () => {
        for (const name of clashing) context.workbook.worksheets.getItem(name).delete();
        for (const sheet of layout.sheets) context.workbook.worksheets.add(sheet.name);
      },
    },
    ...layout.sheets.flatMap((sheet) => createSheetSteps(sheetOf(sheet.name), sheet, features)),
    { bytes: 100, queue: () => sheetOf(COMPARISON_SHEETS.comparison)().activate() },
  ];
  try {
    for (const batch of batches(steps)) {
      batch.forEach((step) => step.queue());
      // One round trip per 3.5 MB of writes: a single one for a few hundred units.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  } catch (error) {
    return { problems: [problem(COMPARISON_SHEETS.comparison, null, consolidateMsg.writeFailed.of((error as { code?: string }).code ?? ""))], wrote: false, insertedSheets: [] };
  }
  if (copies.length === 0) return { problems: [], wrote: true, insertedSheets: [] };
  try {
    return { problems: [], wrote: true, insertedSheets: await insertUnitSheets(context, copies, existing) };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    return { problems: [problem(COMPARISON_SHEETS.comparison, null, consolidateMsg.insertFailed.of(code), "warning")], wrote: true, insertedSheets: [] };
  }
}

/**
 * ExcelApi 1.13: each unit's sheet copied after the comparison, renamed after its unit. One
 * round trip per 3.5 MB of files to insert, one to rename them all.
 */
async function insertUnitSheets(context: Excel.RequestContext, copies: readonly SheetCopy[], existing: readonly string[]): Promise<string[]> {
  const inserted: { ids: OfficeExtension.ClientResult<string[]>; unit: string }[] = [];
  const steps: WriteStep[] = copies.map((copy) => ({
    bytes: payloadBytes(copy.base64),
    queue: () =>
      inserted.push({
        unit: copy.unit,
        ids: context.workbook.insertWorksheetsFromBase64(copy.base64, { sheetNamesToInsert: [copy.sheet], positionType: "End" }),
      }),
  }));
  for (const batch of batches(steps)) {
    batch.forEach((step) => step.queue());
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  const taken = new Set([...existing, ...Object.values(COMPARISON_SHEETS)].map((name) => name.toLocaleLowerCase("vi")));
  const names = inserted.flatMap(({ ids, unit }) =>
    ids.value.map((id) => {
      const name = uniqueSheetName(unit, taken);
      context.workbook.worksheets.getItem(id).name = name;
      return name;
    }),
  );
  await context.sync();
  return names;
}
