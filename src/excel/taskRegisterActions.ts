/**
 * The register of breakthrough tasks as the pane uses it: read and evaluate it for a follow-up,
 * set the follow-up cells, register a new task from the form, and add its problems to `check`.
 * A fixed number of round trips whatever the number of tasks: one to see what exists, one to
 * read, one to write.
 */
import type { MilestoneAttention, Problem, RegisterTaskResult, TaskFollowUp, TaskProgress, TaskRegisterReport } from "../contract/workbook";
import { milestoneState } from "../domain/tasks";
import { problem } from "../layout/problems";
import { planTaskEntry, type TaskEntry } from "../layout/tasks";
import { entryMsg } from "../domain/messages/taskEntry";
import { TASK_NAMES, TASK_SHEETS, TASK_TABLES } from "../layout/tasks";
import { excelDate } from "../layout/tasks";
import { isIsoDay, serialDay } from "../domain/dates";
import { constantInput } from "./cellInput";
import { evaluateRead, loadRegister, registerProblems, type RegisterRead } from "./taskRegister";
import { loadInventory, type CellRead, type Inventory } from "./workbookState";

const hasRegister = (found: Inventory) => found.tables.has(TASK_TABLES.tasks) && found.tables.has(TASK_TABLES.roadmap);

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
const isIsoDate = isIsoDay;
const isYear = (year: number) => Number.isInteger(year) && year >= 2000 && year <= 2100;

/** The follow-up's problems, each naming its input cell. */
function followUpProblems(followUp: TaskFollowUp, asOf: CellRead, year: CellRead): Problem[] {
  return [
    ...(isIsoDate(followUp.asOf) ? [] : [problem(asOf.sheet, asOf.address, entryMsg.badDate.of(`"${followUp.asOf}"`))]),
    ...(isYear(followUp.year) ? [] : [problem(year.sheet, year.address, entryMsg.badYear.of(`"${followUp.year}"`))]),
  ];
}

/** The follow-up the named cells hold, or their problems. */
function storedFollowUp(register: RegisterRead): { followUp: TaskFollowUp | null; problems: Problem[] } {
  const { asOf, year } = register.followUp;
  if (!asOf || !year) return { followUp: null, problems: [problem(TASK_SHEETS.tasks, null, entryMsg.noFollowUpCells.of([TASK_NAMES.asOf, TASK_NAMES.year]))] };
  const date = (typeof asOf.value === "number" && Number.isInteger(asOf.value) ? serialDay(asOf.value) : null) ?? String(asOf.value ?? "");
  const followUp = { asOf: date, year: typeof year.value === "number" ? year.value : Number.NaN };
  const problems = followUpProblems(followUp, asOf, year);
  return problems.length > 0 ? { followUp: null, problems } : { followUp, problems: [] };
}

function progressOf(register: RegisterRead, followUp: TaskFollowUp): { tasks: TaskProgress[]; problems: Problem[] } {
  const evaluation = evaluateRead(register, followUp.year, followUp.asOf);
  const tasks = evaluation.tasks.map((task, i): TaskProgress => {
    const result = evaluation.results[i];
    const cells = register.read.milestoneCellsOf(task.code);
    const attention = task.milestones.flatMap((m, j): MilestoneAttention[] => {
      const state = milestoneState(m, followUp.asOf, evaluation.rules);
      return state === "overdue" || state === "dueSoon" ? [{ what: m.what, due: m.due, state, sheet: cells[j].sheet, cell: cells[j].cell }] : [];
    });
    return {
      code: task.code,
      leader: task.leader,
      position: task.position ?? null,
      unit: task.unit ?? null,
      title: task.title,
      level: result.level,
      ceiling: result.ceiling,
      finalLevel: result.finalLevel,
      provisional: result.provisional,
      milestones: result.milestones,
      reasons: result.reasons,
      attention: [...attention.filter((a) => a.state === "overdue"), ...attention.filter((a) => a.state === "dueSoon")],
    };
  });
  return { tasks, problems: [...evaluation.problems] };
}

/** Two round trips: what exists, then the register. */
export async function readTaskRegisterAction(context: Excel.RequestContext, asked?: TaskFollowUp): Promise<TaskRegisterReport> {
  const inventory = loadInventory(context);
  await context.sync();
  const found = inventory();
  if (!hasRegister(found)) return { exists: false, followUp: null, tasks: [], problems: [] };
  const load = loadRegister(context, found);
  await context.sync();
  const register = load();
  const { asOf, year } = register.followUp;
  // A follow-up asked for is judged as if typed into the named cells.
  const unreadable = asked ? (asOf && year ? followUpProblems(asked, asOf, year) : []) : [];
  const stored = asked ? { followUp: unreadable.length === 0 ? asked : null, problems: unreadable } : storedFollowUp(register);
  const followUp = stored.followUp;
  if (!followUp) return { exists: true, followUp: null, tasks: [], problems: [...stored.problems, ...registerProblems(register)] };
  const { tasks, problems } = progressOf(register, followUp);
  return { exists: true, followUp, tasks, problems };
}

/** Two round trips: where the named cells are, then the write. Only the two input cells change. */
export async function setTaskFollowUpAction(context: Excel.RequestContext, followUp: TaskFollowUp): Promise<Problem[]> {
  const inventory = loadInventory(context);
  await context.sync();
  const found = inventory();
  const asOf = found.names.get(TASK_NAMES.asOf);
  const year = found.names.get(TASK_NAMES.year);
  if (!asOf || !year) return [problem(TASK_SHEETS.tasks, null, entryMsg.noFollowUpCells.of([TASK_NAMES.asOf, TASK_NAMES.year]))];
  const cell = (ref: { sheet: string; address: string }): CellRead => ({ sheet: ref.sheet, address: ref.address.replace(/\$/g, ""), value: null, formula: null });
  const problems = followUpProblems(followUp, cell(asOf), cell(year));
  if (problems.length > 0) return problems;
  context.workbook.worksheets.getItem(asOf.sheet).getRange(asOf.address).values = [[excelDate(followUp.asOf)]];
  context.workbook.worksheets.getItem(year.sheet).getRange(year.address).values = [[followUp.year]];
  await context.sync();
  return [];
}

/** Three round trips: what exists, the register, then the new task's cells (nothing when refused). */
export async function registerTaskAction(context: Excel.RequestContext, entry: TaskEntry): Promise<RegisterTaskResult> {
  const inventory = loadInventory(context);
  await context.sync();
  const found = inventory();
  if (!hasRegister(found)) return { ok: false, problems: [{ field: "register", message: entryMsg.noRegister.of() }] };
  const load = loadRegister(context, found);
  await context.sync();
  const register = load();
  if (!register.tasksGrid || !register.roadmapGrid) return { ok: false, problems: [{ field: "register", message: entryMsg.noRegister.of() }] };
  const plan = planTaskEntry(register.tasksGrid, register.roadmapGrid, entry, register.read.tasks, register.rules);
  if (!plan.ok) return plan;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => sheets.get(name) ?? sheets.set(name, context.workbook.worksheets.getItem(name)).get(name) as Excel.Worksheet;
  for (const write of plan.writes) sheet(write.sheet).getRange(write.address).formulas = [[constantInput(write.value)]];
  await context.sync();
  return { ok: true, ...plan.taskCell };
}

/** The register's problems for `check`: none, and no round trip, when the workbook has no register. */
export async function registerCheckProblems(context: Excel.RequestContext, found: Inventory): Promise<Problem[]> {
  if (!found.tables.has(TASK_TABLES.tasks) && !found.tables.has(TASK_TABLES.roadmap)) return [];
  const load = loadRegister(context, found);
  await context.sync();
  return registerProblems(load()).map(({ code: _code, ...p }) => p);
}
