// The ribbon's "In" button: builds "Bản in" from the current table with the header already in the
// workbook, or, while the unit sheet has data errors, refuses, selects the first faulty cell and
// says why in the notice dialog (an ExecuteFunction command has no UI of its own).
import type { ChiTieuWorkbook, Problem } from "../contract/workbook";

export async function runPrintCommand(workbook: ChiTieuWorkbook, notify: (problems: readonly Problem[]) => Promise<void>): Promise<void> {
  const problems = await workbook.preparePrint({});
  const first = problems.find((problem) => problem.cell !== null);
  if (first?.cell) await workbook.selectCell(first.sheet, first.cell);
  await notify(problems);
}

/** Runs the command and always signals completion (see completeEvaluateCommand). */
export async function completePrintCommand(
  workbook: () => ChiTieuWorkbook,
  event: Office.AddinCommands.Event,
  notify: (problems: readonly Problem[]) => Promise<void>,
): Promise<void> {
  try {
    await runPrintCommand(workbook(), notify);
  } catch (error) {
    console.error("[chitieu] printActiveSheet failed", error);
  } finally {
    event.completed();
  }
}
