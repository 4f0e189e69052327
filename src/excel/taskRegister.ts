/**
 * The register of breakthrough and innovation tasks in the open workbook: creating its two
 * sheets (and, in a workbook set up before they existed, the task rules' lines of the rules
 * sheet) with the leader's block on each unit sheet, and reading it back for the engine. A fixed
 * number of round trips whatever the number of tasks: one to see what exists, one to see where
 * the unit sheets' blocks go, one per write batch (by size), one to read.
 */
import { checkRegistration, DEFAULT_TASK_RULES, evaluateTaskYear, type Task, type TaskProblem, type TaskRules, type TaskYearResult } from "../domain/tasks";
import { type Message } from "../domain/messages/localize";
import { registerMsg } from "../domain/messages/taskRegisterSetup";
import { parseReference } from "../layout/addresses";
import { problem, type Problem } from "../layout/problems";
import { readTaskRegister, type TaskRegisterProblem, type TaskRegisterRead } from "../layout/tasks";
import { readTaskRules, taskRuleBlocks, taskRuleNames } from "../layout/unit";
import { RULE_NAMES, SHEETS } from "../layout/schema";
import { TASK_NAMES, TASK_RULE_NAMES, TASK_SHEETS, TASK_TABLES } from "../layout/tasks";
import { roadmapRows, taskRegisterLayout, taskRegisterPositions } from "../layout/tasks";
import type { TableGrid } from "../layout/read";
import type { FeatureSupport } from "../contract/workbook";
import { addNames, createSheetSteps, writeBlock } from "./applyLayout";
import { batches, payloadBytes, type WriteStep } from "./chunks";
import { loadInventory, type CellRead, type Inventory } from "./workbookState";
import { loadBlockAreas, unitTaskTargets, unitTaskWrites } from "./unitTaskBlocks";
import { PROTECTION } from "./writeProtocol";

export interface CreateRegisterOptions {
  /** The year evaluated (NamDotPha). */
  readonly year: number;
  /** The follow-up date, YYYY-MM-DD (NgayTheoDoi): the pane passes the day it is created. */
  readonly asOf: string;
  /** Tasks to write at once (none: an empty register). */
  readonly tasks?: readonly Task[];
}

export async function createTaskRegister(
  context: Excel.RequestContext,
  options: CreateRegisterOptions,
  features: FeatureSupport,
): Promise<{ changes: Message[]; problems: Problem[] }> {
  const inventory = loadInventory(context);
  await context.sync();
  const found = inventory();
  const problems: Problem[] = [];
  if (!found.names.has(RULE_NAMES.preset) || !found.sheets.includes(SHEETS.rules)) problems.push(problem(SHEETS.rules, null, registerMsg.noRules.of(SHEETS.rules)));
  const layout = taskRegisterLayout({ tasks: options.tasks ?? [], year: options.year, asOf: options.asOf });
  for (const { name } of layout.sheets) if (found.sheets.includes(name)) problems.push(problem(name, null, registerMsg.exists.of(name)));
  if (problems.length > 0) return { changes: [], problems };
  // Each unit sheet shows its leader's tasks: what stands where the block goes is read first.
  const targets = unitTaskTargets(found);
  const areas = targets.length > 0 ? loadBlockAreas(context, targets) : () => [];
  if (targets.length > 0) await context.sync();
  const tasks = options.tasks ?? [];
  const units = unitTaskWrites(context, areas(), taskRegisterPositions(tasks.length, roadmapRows(tasks).length), features);

  const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
  const addRules = !found.names.has(TASK_RULE_NAMES.dueSoonDays);
  const rulesSheet = (found.names.get(RULE_NAMES.preset) as { sheet: string }).sheet;
  const ruleBlocks = addRules ? taskRuleBlocks() : [];
  const steps: WriteStep[] = [
    { bytes: 200, queue: () => layout.sheets.forEach((sheet) => context.workbook.worksheets.add(sheet.name)) },
    ...layout.sheets.flatMap((sheet) => createSheetSteps(sheetOf(sheet.name), sheet, features)),
    {
      bytes: payloadBytes(ruleBlocks) + 1_000,
      queue: () => {
        const sheets = new Map(layout.sheets.map((sheet) => [sheet.name, sheetOf(sheet.name)()]));
        addNames(context, sheets, layout.names);
        if (!addRules) return;
        const ws = sheetOf(rulesSheet)();
        // The rules sheet is protected in unit workbooks (the province's rules): opened for the task rules' lines only.
        ws.protection.unprotect();
        for (const block of ruleBlocks) writeBlock(ws, block, true);
        ws.protection.protect(PROTECTION);
        addNames(context, new Map([[SHEETS.rules, ws]]), taskRuleNames().map((n) => ({ ...n, sheet: SHEETS.rules })));
      },
    },
    ...units.steps,
  ];
  for (const batch of batches(steps)) {
    batch.forEach((step) => step.queue());
    // One round trip per 3.5 MB of writes: a single one for a register of several hundred tasks.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  return {
    changes: [...layout.sheets.map((sheet) => registerMsg.created.of(sheet.name)), ...(addRules ? [registerMsg.rulesAdded.of(SHEETS.rules)] : []), ...units.changes],
    problems: units.problems,
  };
}

export interface RegisterEvaluation {
  readonly tasks: readonly Task[];
  readonly rules: TaskRules;
  readonly results: readonly TaskYearResult[];
  /** Reading problems and the engine's (registration check, bad figures), each naming its cell. */
  readonly problems: readonly TaskRegisterProblem[];
}

/** What one read of the register gives: its tables as read, the engine's tasks, the task rules, the follow-up cells. */
export interface RegisterRead {
  readonly tasksGrid: TableGrid | null;
  readonly roadmapGrid: TableGrid | null;
  readonly read: TaskRegisterRead;
  readonly rules: TaskRules;
  readonly ruleProblems: readonly Problem[];
  /** The named cells NgayTheoDoi and NamDotPha: where they are and what they hold (null when not named). */
  readonly followUp: { readonly asOf: CellRead | null; readonly year: CellRead | null };
}

/** Queues the register's reads (tables, task rules, follow-up cells) for the caller's next sync. */
export function loadRegister(context: Excel.RequestContext, found: Inventory): () => RegisterRead {
  const table = (name: string) => {
    const range = found.tables.has(name) ? context.workbook.tables.getItem(name).getRange().load("address,values,formulas") : null;
    return (): TableGrid | null => {
      const ref = range ? parseReference(range.address) : null;
      return range && ref ? { sheet: ref.sheet, origin: ref.address.split(":")[0], values: range.values, formulas: range.formulas } : null;
    };
  };
  const named = (name: string) => {
    const ref = found.names.get(name);
    return ref ? { ...ref, range: context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address).load("values,formulas") } : null;
  };
  const tasks = table(TASK_TABLES.tasks);
  const roadmap = table(TASK_TABLES.roadmap);
  const ruleCells = (Object.keys(TASK_RULE_NAMES) as (keyof TaskRules)[]).flatMap((key) => {
    const cell = named(TASK_RULE_NAMES[key]);
    return cell ? [{ key, range: cell.range }] : [];
  });
  const asOf = named(TASK_NAMES.asOf);
  const year = named(TASK_NAMES.year);
  const cellRead = (cell: ReturnType<typeof named>): CellRead | null =>
    cell ? { sheet: cell.sheet, address: cell.address.replace(/\$/g, ""), value: cell.range.values[0][0], formula: cell.range.formulas[0][0] } : null;
  return () => {
    const tasksGrid = tasks();
    const roadmapGrid = roadmap();
    // A workbook set up before the task rules existed is judged by the default (docs/rules.md §4).
    const { rules, problems: ruleProblems } =
      ruleCells.length === 0 ? { rules: DEFAULT_TASK_RULES, problems: [] } : readTaskRules(Object.fromEntries(ruleCells.map((c) => [c.key, c.range.values[0][0]])));
    return { tasksGrid, roadmapGrid, read: readTaskRegister(tasksGrid, roadmapGrid), rules, ruleProblems, followUp: { asOf: cellRead(asOf), year: cellRead(year) } };
  };
}

/** The register's reading problems and the engine's registration check, each naming its cell. */
export function registerProblems(register: RegisterRead, engine: readonly TaskProblem[] = checkRegistration(register.read.tasks, register.rules)): TaskRegisterProblem[] {
  const placed = engine.map((p) => {
    const at = register.read.cellOf(p.code, p.field);
    return { ...problem(at?.sheet ?? TASK_SHEETS.tasks, at?.cell ?? null, p), code: p.code };
  });
  return [...register.ruleProblems.map((p) => ({ ...p, code: "" })), ...register.read.problems, ...placed];
}

/** Read the register in two round trips and evaluate it for a year as of a date. */
export async function evaluateTaskRegister(context: Excel.RequestContext, year: number, asOf: string): Promise<RegisterEvaluation> {
  const inventory = loadInventory(context);
  await context.sync();
  const register = loadRegister(context, inventory());
  await context.sync();
  return evaluateRead(register(), year, asOf);
}

/** The evaluation of a register already read. */
export function evaluateRead(register: RegisterRead, year: number, asOf: string): RegisterEvaluation {
  const { read, rules } = register;
  const engine: TaskProblem[] = checkRegistration(read.tasks, rules);
  const results = read.tasks.map((task) => evaluateTaskYear(task, year, asOf, rules));
  return { tasks: read.tasks, rules, results, problems: registerProblems(register, engine) };
}
