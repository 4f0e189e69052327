/**
 * Check and evaluate: read, analyse, and (evaluate only, when the whole batch is valid) put back
 * the formulas the sheet needs.
 */
import { DEFAULT_CATALOGUE, evaluate } from "../domain";
import { groupProgress, isEmptyPlan, type Problem } from "../layout";
import type { EvaluationReport } from "../contract/workbook";
import { readWorkbook, noTable, analyse } from "./readProtocol";
import { registerCheckProblems } from "./taskRegisterActions";
import { writeProtected, repairSteps } from "./writeProtocol";

export async function evaluateAction(context: Excel.RequestContext, restoreFormulas: boolean): Promise<EvaluationReport> {
  // The catalogue comes in the same round trip: the pane names each group as the workbook's catalogue does.
  const snapshot = await readWorkbook(context, true);
  const analysis = analyse(snapshot, restoreFormulas);
  if (!analysis) {
    return {
      evaluation: evaluate({ indicators: [] }),
      problems: [noTable(snapshot)],
      groups: [],
      unitLevel: null,
      civilServantLevel: null,
      finalLevel: null,
      overwrittenFormulas: [],
      wrote: false,
    };
  }
  const { read, evaluated, plan, table } = analysis;
  const problems = [...analysis.problems];
  const valid = !problems.some((p) => p.severity === "error");
  let wrote = false;
  if (valid && !isEmptyPlan(plan)) {
    const sheets = [...new Set([table.sheet, ...plan.cells.map((c) => c.sheet)])];
    const failed = await writeProtected(context, sheets, snapshot.contents, repairSteps(context, table.sheet, plan));
    problems.push(...failed);
    wrote = failed.length === 0;
  }
  const restored = restoreFormulas && wrote;
  return {
    evaluation: evaluated.evaluation,
    problems,
    groups: groupProgress(read, evaluated.evaluation, snapshot.catalogue?.catalogue.groups ?? DEFAULT_CATALOGUE.groups),
    unitLevel: analysis.levels.unitLevel,
    civilServantLevel: analysis.levels.civilServantLevel,
    finalLevel: analysis.levels.finalLevel,
    overwrittenFormulas: restored ? [] : read.overwritten,
    wrote,
    // What Excel showed before this run's writes; after formulas were put back, the next run compares.
    sheet: analysis.sheet,
  };
}

/** Every input problem of the active unit, writing nothing. */
export async function checkAction(context: Excel.RequestContext): Promise<Problem[]> {
  const snapshot = await readWorkbook(context);
  const problems = analyse(snapshot, false)?.problems ?? [noTable(snapshot)];
  // The breakthrough-task register's reading and registration problems, when it exists.
  return [...problems, ...(await registerCheckProblems(context, snapshot.inventory))];
}
