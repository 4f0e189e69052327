// The ribbon's "Đánh giá" button. An ExecuteFunction command has no UI of its own, and Excel offers
// no non-blocking notification to add-ins (Office.NotificationMessages is Outlook-only), so the
// command reports through the workbook itself: the evaluation writes its results into the sheet's
// summary cells, and when input errors stopped it the first faulty cell is selected so the user
// lands on what to fix. The task pane's Kiểm tra view lists all of them.
import type { ChiTieuWorkbook } from "../excel/api";

export async function runEvaluateCommand(workbook: ChiTieuWorkbook): Promise<void> {
  const report = await workbook.evaluate();
  const firstError = report.problems.find((problem) => problem.severity === "error" && problem.cell !== null);
  if (firstError?.cell) await workbook.selectCell(firstError.sheet, firstError.cell);
}

/**
 * Runs the command and always signals completion: without event.completed() Office keeps the
 * button busy and eventually shows its own error. A failure has nowhere to be shown, so it is
 * logged for whoever debugs the add-in.
 */
export async function completeEvaluateCommand(
  workbook: () => ChiTieuWorkbook,
  event: Office.AddinCommands.Event,
): Promise<void> {
  try {
    await runEvaluateCommand(workbook());
  } catch (error) {
    console.error("[chitieu] evaluateActiveSheet failed", error);
  } finally {
    event.completed();
  }
}
