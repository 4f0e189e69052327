/**
 * The write protocol: every write goes through `writeProtected`, one round trip (more only past
 * Excel on the web's request limit) that unprotects, writes and protects again.
 */
import { problem, SHEETS, type Problem, type RepairPlan } from "../layout";
import { batches, columnSteps, payloadBytes, type WriteStep } from "./chunks";
import type { Contents } from "./workbookState";
import { sheetMsg } from "../domain/messages/sheet";

/** How the add-in protects a sheet: people may still widen columns, heighten rows and filter. */
export const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true };

/**
 * The write round trip: unprotect (only sheets protected without a password can be), write,
 * protect again. A password makes the first step fail, and Excel then applies nothing of the
 * batch. Writes beyond Excel on the web's request limit go in further round trips.
 */
export async function writeProtected(
  context: Excel.RequestContext,
  sheets: readonly string[],
  contents: Contents,
  steps: readonly WriteStep[],
): Promise<Problem[]> {
  return (await writeProtectedOutcome(context, sheets, contents, steps)).problems;
}

export interface WriteOutcome {
  readonly problems: Problem[];
  /** Excel's error code when the write failed; "" when it went through. */
  readonly code: string;
  /** Known to have written nothing: Excel refused to unprotect a sheet, the round trip's first operation. */
  readonly nothingWritten: boolean;
}

/** `writeProtected`, also giving Excel's error code to a caller that reads back what was written. */
export async function writeProtectedOutcome(
  context: Excel.RequestContext,
  sheets: readonly string[],
  contents: Contents,
  steps: readonly WriteStep[],
): Promise<WriteOutcome> {
  // Each sheet once: protecting a sheet that is already protected fails (and Excel keeps the writes before it).
  const locked = [...new Set(sheets)].filter((s) => contents.protectedSheets.has(s));
  const parts = batches(steps);
  let written = 0;
  try {
    for (const [i, part] of parts.entries()) {
      if (i === 0) for (const sheet of locked) context.workbook.worksheets.getItem(sheet).protection.unprotect();
      part.forEach((step) => step.queue());
      if (i === parts.length - 1) {
        for (const sheet of locked) context.workbook.worksheets.getItem(sheet).protection.protect(PROTECTION);
      }
      // One round trip per 2.5 MB of writes: a fixed single sync below about 2,000 rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      written += 1;
    }
    return { problems: [], code: "", nothingWritten: false };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    const where = (error as { debugInfo?: { errorLocation?: string } }).debugInfo?.errorLocation ?? "";
    const sheet = locked[0] ?? sheets[0] ?? SHEETS.unit;
    // Only a refused unprotect, the round trip's first operation, means nothing was written: Excel
    // keeps every operation of a batch that ran before the failing one.
    const nothingWritten = written === 0 && locked.length > 0 && /\.unprotect$/i.test(where);
    const message = nothingWritten
      ? sheetMsg.passwordProtected.of(code)
      : written > 0
        ? sheetMsg.writeStopped.of(code)
        : sheetMsg.writeStoppedInBatch.of(code);
    await protectAgain(context, locked);
    return { problems: [problem(sheet, null, message)], code, nothingWritten };
  }
}

/** After a failed write: the sheets it unprotected and did not protect again are protected again. */
async function protectAgain(context: Excel.RequestContext, sheets: readonly string[]): Promise<void> {
  if (sheets.length === 0) return;
  try {
    const protections = sheets.map((sheet) => context.workbook.worksheets.getItem(sheet).protection.load("protected"));
    await context.sync();
    protections.forEach((protection) => !protection.protected && protection.protect(PROTECTION));
    await context.sync();
  } catch {
    // The failure is already reported; a sheet left unprotected is still the user's data, unharmed.
  }
}

/** A single queued write of small size (a few cells). */
export const step = (queue: () => void, bytes = 1_000): WriteStep => ({ bytes, queue });

export function repairSteps(context: Excel.RequestContext, sheet: string, plan: RepairPlan): WriteStep[] {
  const ws = () => context.workbook.worksheets.getItem(sheet);
  return [
    ...plan.columns.flatMap((column) => columnSteps(ws, column.at, column.formulas)),
    ...plan.cells.map((cell) =>
      step(() => (context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).formulas = [[cell.formula]]), payloadBytes(cell.formula)),
    ),
  ];
}

/** For writes that unprotect no sheet of a unit. */
export const NO_CONTENTS: Contents = { table: null, protectedSheets: new Set(), named: new Map() };
