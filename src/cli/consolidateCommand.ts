import { consolidate, consolidationResult, rejectedInFileOrder, type Consolidation, type Rejection, type UnitKind, type UnitSummary } from "../domain";
import { consolidatedWorkbook } from "../layout/publicTable";
import { expandInputs, isConsolidationFile, isRejection, readUnitSummary } from "../xlsx/consolidate";
import { writeSheetsXlsx } from "../xlsx/sheetsXlsx";
import { checkOutput, isSameFile, writeOutput, written, type CommandResult } from "./io";

export interface ConsolidateOptions {
  readonly inputs: readonly string[];
  readonly output: string;
  readonly json: boolean;
  /** Unit kinds whose quota is the exceptional share (a body with exceptional results). */
  readonly exceptional: ReadonlySet<UnitKind>;
  /** Called before each file is read (the progress line on a terminal). */
  readonly progress?: (done: number, total: number) => void;
  /** The consolidation time written on the sheet (tests fix it). */
  readonly now?: Date;
}

/** The public JSON shape of `chitieu consolidate --json` (issue 8 §2), the pane's report too. */
export function toConsolidationJson(c: Consolidation): unknown {
  return consolidationResult(c);
}

function textReport(c: Consolidation, output: string): string {
  const lines = [
    c.units.length > 0
      ? `Đã tổng hợp ${c.units.length} tệp vào ${output}.`
      : `Không có tệp nào tổng hợp được; không ghi ${output}.`,
    ...(c.rejected.length > 0 ? [`${c.rejected.length} tệp không tổng hợp được:`] : []),
    ...c.rejected.map((r) => `- ${r.file}: ${r.reason}`),
  ];
  return lines.join("\n") + "\n";
}

/**
 * `chitieu consolidate FILES_OR_DIR… -o tong-hop.xlsx [--json]`: every file read in this one
 * process, one at a time, and reduced to its summary. Exit 0 when every file was consolidated,
 * 1 when some were rejected (the workbook is still written), 2 when none was usable (no workbook).
 */
export async function runConsolidate(options: ConsolidateOptions): Promise<CommandResult> {
  const expanded = expandInputs(options.inputs);
  // An earlier consolidation may be replaced, and then it is not one of the units when it sits in
  // a consolidated folder; a unit workbook, named or in a folder, never is.
  const replaceable = isConsolidationFile(options.output);
  checkOutput(options.output, replaceable ? options.inputs : expanded.files, "bảng tổng hợp (.xlsx)", () => replaceable);
  const files = replaceable ? expanded.files.filter((f) => !isSameFile(f, options.output)) : expanded.files;
  const units: UnitSummary[] = [];
  const rejected: Rejection[] = [...expanded.rejected];
  for (const [i, file] of files.entries()) {
    options.progress?.(i, files.length);
    const read = await readUnitSummary(file);
    if (isRejection(read)) rejected.push(read);
    else units.push(read);
  }
  options.progress?.(files.length, files.length);
  const sorted = rejectedInFileOrder(consolidate(units, rejected, options.exceptional), files);
  // Written by the light writer: ExcelJS took longer to load and write than reading 300 files.
  if (sorted.units.length > 0) writeOutput(options.output, await written(() => writeSheetsXlsx(consolidatedWorkbook(sorted, (options.now ?? new Date()).toISOString()))));
  const stdout = options.json ? JSON.stringify(toConsolidationJson(sorted), null, 2) + "\n" : textReport(sorted, options.output);
  return { stdout, exitCode: sorted.units.length === 0 ? 2 : sorted.rejected.length > 0 ? 1 : 0 };
}

/** The progress line for a terminal: rewritten in place, cleared at the end. */
export function terminalProgress(write: (text: string) => void): (done: number, total: number) => void {
  return (done, total) => write(done < total ? `\rĐang đọc tệp ${done + 1}/${total}…` : "\r\u001b[K");
}
