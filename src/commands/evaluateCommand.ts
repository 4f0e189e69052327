// The ribbon's "Đánh giá" button. An ExecuteFunction command has no UI of its own and Excel has no
// toast for add-ins (Office.NotificationMessages is Outlook-only), so the command reports in a
// small dialog: the suggested level, the counts, and, when input errors stopped it, how many and
// the first faulty cell, which it also selects so the user lands on what to fix.
import type { ChiTieuWorkbook, EvaluationReport } from "../contract/workbook";

export async function runEvaluateCommand(workbook: ChiTieuWorkbook, notify: (report: EvaluationReport) => Promise<void>): Promise<void> {
  const report = await workbook.evaluate();
  const firstError = report.problems.find((problem) => problem.severity === "error" && problem.cell !== null);
  if (firstError?.cell) await workbook.selectCell(firstError.sheet, firstError.cell);
  await notify(report);
}

/**
 * Runs the command and always signals completion: without event.completed() Office keeps the
 * button busy and eventually shows its own error. A failure has nowhere to be shown, so it is
 * logged for whoever debugs the add-in.
 */
export async function completeEvaluateCommand(
  workbook: () => ChiTieuWorkbook,
  event: Office.AddinCommands.Event,
  notify: (report: EvaluationReport) => Promise<void>,
): Promise<void> {
  try {
    await runEvaluateCommand(workbook(), notify);
  } catch (error) {
    console.error("[chitieu] evaluateActiveSheet failed", error);
  } finally {
    event.completed();
  }
}
