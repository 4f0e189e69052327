import { DEFAULT_TASK_RULES, checkRegistration, evaluateTaskYear, leaderTaskCaps, type Task, type TaskProblem, type TaskRules, type TaskYearResult } from "../domain/tasks";
import { parseDay } from "../domain/dates";
import { reasonOf, render, type Language, type Message } from "../domain/messages/localize";
import { readTasksDocument } from "../domain/tasksDocument";
import { leadersWithoutTask, termSummary } from "../domain/term";
import type { Level } from "../domain/types";
import type { DocumentHeader } from "../layout/schema";
import { FileError, readJsonFile, UsageError, type CommandResult } from "./io";
import { terminalLines } from "./table";
import { cliMsg } from "../domain/messages/cli";
import { levelName, reportMsg, taskLevelName } from "../domain/messages/report";

/** A problem as the JSON gives it, and its whole sentence (its cell named, where there is one) as data, for the table. */
interface Placed {
  readonly problem: TaskProblem;
  readonly said: Message;
}

interface Register {
  readonly tasks: readonly Task[];
  readonly rules: TaskRules;
  /** Problems found while reading (cells of a workbook). */
  readonly problems: readonly Placed[];
  /** An engine problem with its cell named, where the register came from a workbook. */
  readonly place: (p: TaskProblem) => Placed;
}

/** The register of an .xlsx file: reading problems name their cell, as do the engine's. */
async function fromWorkbook(file: string): Promise<Register> {
  const { readInputFile } = await import("../xlsx/inputFile");
  const { FileRefused } = await import("../xlsx/refused");
  let data: Buffer;
  try {
    data = readInputFile(file);
  } catch (error) {
    throw new FileError(error instanceof FileRefused ? cliMsg.inFile.of(file, error.said) : cliMsg.cannotRead.of(file));
  }
  const { readTaskRegisterFile } = await import("../xlsx/readTaskRegister");
  const { placedMessage } = await import("../layout/problems");
  const read = await readTaskRegisterFile(data).catch((error: Error) => {
    if (error instanceof FileRefused) throw new FileError(cliMsg.inFile.of(file, error.said));
    throw new FileError(cliMsg.notXlsx.of(file, reasonOf(error)));
  });
  return {
    tasks: read.tasks,
    rules: read.rules,
    problems: [...read.ruleProblems.map((p) => ({ ...p, code: "" })), ...read.problems].map((p) => ({
      problem: { code: p.code, field: p.cell === null ? p.sheet : `${p.sheet}!${p.cell}`, message: p.message, id: p.id, params: p.params },
      said: placedMessage(p),
    })),
    place: (p) => {
      const at = read.cellOf(p.code, p.field);
      if (at === null) return { problem: p, said: { id: p.id, params: p.params } };
      const said = placedMessage({ ...at, id: p.id, params: p.params });
      return { problem: { ...p, message: render(said, "vi") }, said };
    },
  };
}

function fromJson(file: string): Register {
  const read = readTasksDocument(readJsonFile(file));
  if (!read.ok) throw new FileError(cliMsg.inFile.of(file, read.problem));
  return { tasks: read.tasks, rules: DEFAULT_TASK_RULES, problems: [], place: (p) => ({ problem: p, said: { id: p.id, params: p.params } }) };
}

/** The problems' lines of a table: each under its task's code and field. */
const problemLines = (problems: readonly Placed[], show: (m: Message) => string): string[] =>
  problems.length === 0 ? [] : [show(reportMsg.problems.of()), ...problems.map(({ problem: p, said }) => `  - ${p.code} ${p.field}: ${show(said)}`)];

/** A task's level of a year (or "not rated"), provisional or not. */
const yearLevel = (level: Level | null, provisional: boolean, none: Message): Message => reportMsg.taskLevel.of(level === null ? none : taskLevelName(level), provisional);

/** A task's result as the JSON gives it: its reasons as Vietnamese sentences and, index for index, their ids. */
const taskJson = (t: TaskYearResult) => ({ ...t, reasons: t.reasons.map((r) => render(r, "vi")), reasonIds: t.reasons.map((r) => r.id) });

/** `chitieu tasks evaluate FILE.json|FILE.xlsx --year Y --as-of YYYY-MM-DD`: each task's level for the year; the table in the language. */
export async function runTasksEvaluate(file: string, year: number, asOfText: string, format: "json" | "table", language: Language = "vi"): Promise<CommandResult> {
  const asOf = parseDay(asOfText);
  if (asOf === null) throw new UsageError(cliMsg.asOfNotADay.of(asOfText));
  const register = /\.xlsx$/i.test(file) ? await fromWorkbook(file) : fromJson(file);
  const engine: TaskProblem[] = checkRegistration(register.tasks, register.rules);
  const tasks = register.tasks.map((task) => evaluateTaskYear(task, year, asOf, register.rules));
  const problems = [...register.problems, ...engine.map(register.place)];
  // The optional cap rule of the rules sheet: listed only when the province has switched it on.
  const caps = leaderTaskCaps(register.tasks, tasks, register.rules);
  // The register's leaders (from any year) who carry no task this year (docs/rules.md §4).
  const idle = leadersWithoutTask(register.tasks, year);
  const show = (m: Message) => render(m, language);
  const stdout =
    format === "json"
      ? JSON.stringify({ tasks: tasks.map(taskJson), leadersWithoutTask: idle, ...(register.rules.failedTaskCap === null ? {} : { caps }), problems: problems.map((p) => p.problem) }, null, 2) + "\n"
      : terminalLines([
          ...tasks.map((t, i) => {
            const { leader, title } = register.tasks[i];
            const level = show(yearLevel(t.level, t.provisional, reportMsg.notRatedThisYear.of()));
            // The floor with the ceiling still reachable, as for units (docs/rules.md §2, §4).
            const ceiling = t.provisional && t.ceiling !== null && t.ceiling !== t.level ? show(reportMsg.taskCeiling.of(taskLevelName(t.ceiling))) : "";
            const final = t.finalLevel === null ? "" : show(reportMsg.wholeTask.of(taskLevelName(t.finalLevel)));
            return `${t.code} (${leader}: ${title}): ${level}${ceiling}${final}`;
          }),
          ...(idle.length > 0 ? [show(reportMsg.withoutTask.of(year, idle.join(", ")))] : []),
          ...caps.map((c) => show(reportMsg.leaderCap.of(c.leader, levelName(c.cap), c.failed.join(", ")))),
          ...problemLines(problems, show),
        ]);
  return { stdout, exitCode: problems.length > 0 ? 1 : 0 };
}

export interface TermOptions {
  readonly file: string;
  readonly from?: number;
  readonly to?: number;
  /** The date the term is judged as of (default: the end of its last year). */
  readonly asOf?: string;
  readonly format: "json" | "table";
  /** The committee's term summary as an .xlsx document (HD 36), when given. */
  readonly output?: string;
  readonly header: Partial<DocumentHeader>;
  /** The language of the table. */
  readonly language?: Language;
}

/** `chitieu tasks term FILE --from Y --to Y`: per leader, every task's yearly and final levels over the term (the table in the language). */
export async function runTasksTerm(o: TermOptions): Promise<CommandResult> {
  const register = /\.xlsx$/i.test(o.file) ? await fromWorkbook(o.file) : fromJson(o.file);
  const spans = register.tasks.filter((t) => Number.isInteger(t.firstYear) && Number.isInteger(t.lastYear));
  const from = o.from ?? Math.min(...spans.map((t) => t.firstYear));
  const to = o.to ?? Math.max(...spans.map((t) => t.lastYear));
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new FileError(cliMsg.termEmpty.of(o.file));
  if (to < from || to - from + 1 > register.rules.maxSpanYears) throw new UsageError(cliMsg.termSpan.of(from, to, register.rules.maxSpanYears));
  let asOf = `${to}-12-31`;
  if (o.asOf !== undefined) {
    const parsed = parseDay(o.asOf);
    if (parsed === null) throw new UsageError(cliMsg.asOfNotADay.of(o.asOf));
    asOf = parsed;
  }
  const summary = termSummary(register.tasks, from, to, asOf, register.rules);
  const problems = [...register.problems, ...checkRegistration(register.tasks, register.rules).map(register.place)];
  if (o.output !== undefined) {
    const { checkOutput, NOTHING, writeOutput, written } = await import("./io");
    checkOutput(o.output, [o.file], cliMsg.kindTerm.of(), NOTHING);
    const { termSummarySheet, DEFAULT_HEADER } = await Promise.all([import("../layout/tasks"), import("../layout/print")]).then(([t, p]) => ({ ...t, ...p }));
    const { writeXlsx } = await import("../xlsx/writeLayout");
    const sheet = termSummarySheet(summary, { ...DEFAULT_HEADER, ...o.header });
    writeOutput(o.output, await written(() => writeXlsx({ sheets: [sheet], names: [] })));
  }
  const show = (m: Message) => render(m, o.language ?? "vi");
  const level = (l: Level | null, provisional = false) => yearLevel(l, provisional, reportMsg.notRated.of());
  const stdout =
    o.format === "json"
      ? JSON.stringify({ ...summary, problems: problems.map((p) => p.problem) }, null, 2) + "\n"
      : terminalLines([
          show(reportMsg.term.of(from, to, asOf)),
          ...summary.leaders.flatMap((l) => [
            `${l.leader}:`,
            ...l.tasks.map((t) => `  ${t.code} ${t.title} (${t.firstYear}–${t.lastYear}): ${t.years.map((y) => `${y.year} ${show(level(y.level, y.provisional))}`).join("; ")}${t.finalLevel === null ? "" : show(reportMsg.wholeTask.of(level(t.finalLevel)))}`),
            ...(l.yearsWithoutTask.length > 0 ? [`  ${show(reportMsg.yearsWithoutTask.of(l.yearsWithoutTask.join(", ")))}`] : []),
            ...(l.incompleteTwoYears.length > 0 ? [`  ${show(reportMsg.incompleteTwoYears.of(l.incompleteTwoYears.map((y) => `${y - 1}–${y}`).join(", ")))}`] : []),
          ]),
          ...problemLines(problems, show),
        ]);
  return { stdout, exitCode: problems.length > 0 ? 1 : 0 };
}
