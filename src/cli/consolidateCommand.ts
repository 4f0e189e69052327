import { consolidate, consolidationResult, resolveAsOf, vnDay, type AsOfRequest, type PreviousYear, previousYearOf, rejectedInFileOrder, type Consolidation, type Rejection, type UnitKind, type UnitSummary } from "../domain";
import { DEFAULT_HEADER } from "../layout/print";
import { consolidatedWorkbook } from "../layout/comparison";
import { SHEETS, type DocumentHeader } from "../layout/schema";
import { expandInputs, isConsolidationFile, isRejection, readRulesFile, readUnitSummary } from "../xlsx/consolidate";
import { writeSheetsXlsx } from "../xlsx/sheetsXlsx";
import { givenRules, presetOfTheYear, type ProvinceRules } from "../xlsx/unitSummary";
import { FileRefused } from "../xlsx/refused";
import { checkOutput, FileError, isSameFile, writeOutput, written, type CommandResult } from "./io";
import { render, type Language, type Message } from "../domain/messages/localize";
import { placedMessage } from "../layout/problems";
import { cliMsg } from "../domain/messages/cli";
import { reportMsg } from "../domain/messages/report";

export interface ConsolidateOptions {
  readonly inputs: readonly string[];
  readonly output: string;
  readonly json: boolean;
  /** Unit kinds whose quota is the exceptional share (a body with exceptional results). */
  readonly exceptional: ReadonlySet<UnitKind>;
  /** A workbook whose rules sheet holds the province's rules; without it, the preset of the year. */
  readonly rules?: string;
  /** Last year's consolidation or unit files (a folder or a file), put beside this year's. */
  readonly previous?: string;
  /** The header and signature of "Công khai", as `workbook` takes them. */
  readonly header?: Partial<DocumentHeader>;
  /** Called before each file is read (the progress line on a terminal). */
  readonly progress?: (done: number, total: number) => void;
  /** Mid-year (tạm tính): each unit from its follow-up snapshot at this date or quarter, not the year's actuals. */
  readonly asOf?: AsOfRequest;
  /** The consolidation time written on the sheet (tests fix it). */
  readonly now?: Date;
  /** The language of the text report. */
  readonly language?: Language;
}

/** The public JSON shape of `chitieu consolidate --json` (issue 8 §2): the pane's report, its rejections worded in Vietnamese. */
export function toConsolidationJson(c: Consolidation, previous: LastYear | null = null): unknown {
  const result = consolidationResult(c);
  // A rejection's reason in Vietnamese, as before, and its message's id beside it.
  const worded = (rejections: readonly Rejection[]) => rejections.map(({ file, reason }) => ({ file, reason: render(reason, "vi"), reasonId: reason.id }));
  return { ...result, rejected: worded(result.rejected), ...(previous ? { previous: { ...previous.previous, rejected: worded(previous.leftOut) } } : {}) };
}

/** Last year beside this year, and last year's files left out of it (unreadable, or of another year than the one before). */
interface LastYear {
  readonly previous: PreviousYear;
  readonly leftOut: readonly Rejection[];
}

/** Last year's units read and consolidated as this year's are (each under the preset of its own year), then compared. */
async function previousYear(paths: string, current: Consolidation, exceptional: ReadonlySet<UnitKind>): Promise<LastYear> {
  const expanded = expandInputs([paths]);
  if (expanded.rejected.length > 0) throw new FileError(cliMsg.inFile.of("--previous", cliMsg.joined.of(expanded.rejected.map((r) => r.reason))));
  const units: UnitSummary[] = [];
  const unread: Rejection[] = [];
  for (const file of expanded.files) {
    for (const read of await readUnitSummary(file, presetOfTheYear)) {
      if (isRejection(read)) unread.push(read);
      else units.push(read);
    }
  }
  if (units.length === 0) throw new FileError(cliMsg.previousEmpty.of(paths));
  // Only the year before stands beside this year: the same files given twice, or another year's, would be published as last year.
  const before = rejectedInFileOrder(consolidate(units, unread, exceptional, current.year === null ? undefined : current.year - 1), expanded.files);
  if (before.units.length === 0) throw new FileError(cliMsg.inFile.of("--previous", cliMsg.joined.of(before.rejected.map((r) => cliMsg.inFile.of(r.file, r.reason)))));
  return { previous: previousYearOf(current, before), leftOut: before.rejected };
}

function textReport(c: Consolidation, files: number, output: string, language: Language, leftOut: readonly Rejection[]): string {
  const show = (m: Message) => render(m, language);
  const withProblems = c.units.filter((u) => u.problems.length > 0);
  const midYear = c.asOf ? reportMsg.midYear.of(c.asOf.quarter, vnDay(c.asOf.date)) : "";
  const lines = [
    show(c.units.length > 0 ? reportMsg.consolidated.of(midYear, c.units.length, files, output) : reportMsg.nothingConsolidated.of(output)),
    ...(c.rejected.length > 0 ? [show(reportMsg.rejectedCount.of(c.rejected.length))] : []),
    ...c.rejected.map((r) => `- ${r.file}: ${show(r.reason)}`),
    ...(withProblems.length > 0 ? [show(reportMsg.reviewCount.of(withProblems.length))] : []),
    ...withProblems.flatMap((u) => u.problems.map((p) => `- ${u.unit} (${u.file}${p.cell === undefined ? "" : `, ${p.cell}`}): ${show({ id: p.id, params: p.params })}`)),
    ...(leftOut.length > 0 ? [show(reportMsg.previousLeftOut.of(leftOut.length))] : []),
    ...leftOut.map((r) => `- ${r.file}: ${show(r.reason)}`),
  ];
  return lines.join("\n") + "\n";
}

/** The province's rules: those of the named workbook, refused with the cells it cannot read; else the preset of the year. */
function provinceRules(file: string | undefined): ProvinceRules {
  if (file === undefined) return presetOfTheYear;
  let read: ReturnType<typeof readRulesFile>;
  try {
    read = readRulesFile(file);
  } catch (error) {
    throw new FileError(error instanceof FileRefused ? cliMsg.inFile.of(`--rules: ${file}`, error.said) : cliMsg.rulesUnreadable.of(file));
  }
  if (read === null) throw new FileError(cliMsg.rulesNoSheet.of(file, SHEETS.rules));
  if (read.problems.length > 0) throw new FileError(cliMsg.inFile.of(`--rules: ${file}`, cliMsg.joined.of(read.problems.map(placedMessage))));
  return givenRules(read.rules);
}

/**
 * `chitieu consolidate FILES_OR_DIR… -o tong-hop.xlsx [--json] [--rules FILE]`: every file read in
 * this one process, one at a time, each of its units evaluated under the province's rules and
 * reduced to its summary. Exit 0 when every unit was consolidated as its file gives it, 1 when some
 * were rejected or a unit has a problem (its own rules, a refused final level; the workbook is
 * still written), 2 when none was usable (no workbook).
 */
export async function runConsolidate(options: ConsolidateOptions): Promise<CommandResult> {
  const rules = provinceRules(options.rules);
  const expanded = expandInputs(options.inputs);
  // An earlier consolidation may be replaced, and then it is not one of the units when it sits in
  // a consolidated folder; a unit workbook, named or in a folder, never is.
  const replaceable = isConsolidationFile(options.output);
  const rulesFile = options.rules === undefined ? [] : [options.rules];
  checkOutput(options.output, [...(replaceable ? options.inputs : expanded.files), ...rulesFile], cliMsg.kindConsolidation.of(), () => replaceable);
  const files = replaceable ? expanded.files.filter((f) => !isSameFile(f, options.output)) : expanded.files;
  const units: UnitSummary[] = [];
  const rejected: Rejection[] = [...expanded.rejected];
  for (const [i, file] of files.entries()) {
    options.progress?.(i, files.length);
    for (const read of await readUnitSummary(file, rules, options.asOf)) {
      if (isRejection(read)) rejected.push(read);
      else units.push(read);
    }
  }
  options.progress?.(files.length, files.length);
  const consolidated = rejectedInFileOrder(consolidate(units, rejected, options.exceptional), files);
  const request = options.asOf;
  const sorted = request && consolidated.year !== null ? { ...consolidated, asOf: resolveAsOf(request, consolidated.year) } : consolidated;
  const previous = options.previous === undefined ? null : await previousYear(options.previous, sorted, options.exceptional);
  const header = { ...DEFAULT_HEADER, ...options.header };
  // Written by the light writer: ExcelJS took longer to load and write than reading 300 files.
  if (sorted.units.length > 0) writeOutput(options.output, await written(() => writeSheetsXlsx(consolidatedWorkbook(sorted, (options.now ?? new Date()).toISOString(), header, previous?.previous ?? null))));
  const stdout = options.json ? JSON.stringify(toConsolidationJson(sorted, previous), null, 2) + "\n" : textReport(sorted, files.length, options.output, options.language ?? "vi", previous?.leftOut ?? []);
  const flawed = sorted.rejected.length > 0 || sorted.units.some((u) => u.problems.length > 0);
  return { stdout, exitCode: sorted.units.length === 0 ? 2 : flawed ? 1 : 0 };
}

/** The progress line for a terminal, in the language: rewritten in place, cleared at the end. */
export function terminalProgress(write: (text: string) => void, language: Language = "vi"): (done: number, total: number) => void {
  return (done, total) => write(done < total ? `\r${render(reportMsg.reading.of(done + 1, total), language)}` : "\r\u001b[K");
}
