import { readFileSync } from "node:fs";
import { DEFAULT_TASK_RULES, TASK_LEVEL_NAMES, checkRegistration, evaluateTaskYear, leaderTaskCaps, type Task, type TaskProblem, type TaskRules, type TaskYearResult } from "../domain/tasks";
import { LEVEL_NAMES } from "../domain";
import { parseDay } from "../domain/dates";
import { render } from "../domain/localize";
import { readTasksDocument } from "../domain/tasksDocument";
import { leadersWithoutTask, termSummary } from "../domain/term";
import type { Level } from "../domain/types";
import type { DocumentHeader } from "../layout/schema";
import { readJsonFile, reasonOf, UsageError, type CommandResult } from "./io";
import { terminalLines } from "./table";
import { cliMsg } from "./messages";

interface Register {
  readonly tasks: readonly Task[];
  readonly rules: TaskRules;
  /** Problems found while reading (cells of a workbook), in the output's shape. */
  readonly problems: readonly TaskProblem[];
  /** An engine problem with its cell named, where the register came from a workbook. */
  readonly place: (p: TaskProblem) => TaskProblem;
}

/** The register of an .xlsx file: reading problems name their cell, as do the engine's. */
async function fromWorkbook(file: string): Promise<Register> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new UsageError(cliMsg.cannotRead.of(file));
  }
  const { readTaskRegisterFile } = await import("../xlsx/readTaskRegister");
  const { locateTaskProblem } = await import("../layout/tasks");
  const { ZipRefused } = await import("../xlsx/zip");
  const read = await readTaskRegisterFile(data).catch((error: Error) => {
    if (error instanceof ZipRefused) throw new UsageError(cliMsg.inFile.of(file, error.said));
    throw new UsageError(cliMsg.notXlsx.of(file, reasonOf(error)));
  });
  return {
    tasks: read.tasks,
    rules: read.rules,
    problems: [...read.ruleProblems.map((p) => ({ ...p, code: "" })), ...read.problems].map((p) => ({
      code: p.code,
      field: p.cell === null ? p.sheet : `${p.sheet}!${p.cell}`,
      message: p.message,
      id: p.id,
      params: p.params,
    })),
    place: (p) => {
      const where = locateTaskProblem(read, p.code, p.field);
      return where === null ? p : { ...p, message: `${where}: ${p.message}` };
    },
  };
}

function fromJson(file: string): Register {
  const read = readTasksDocument(readJsonFile(file));
  if (!read.ok) throw new UsageError(cliMsg.inFile.of(file, read.problem));
  return { tasks: read.tasks, rules: DEFAULT_TASK_RULES, problems: [], place: (p) => p };
}

/** A task's result as the JSON gives it: its reasons as Vietnamese sentences and, index for index, their ids. */
const taskJson = (t: TaskYearResult) => ({ ...t, reasons: t.reasons.map((r) => render(r, "vi")), reasonIds: t.reasons.map((r) => r.id) });

/** `chitieu tasks evaluate FILE.json|FILE.xlsx --year Y --as-of YYYY-MM-DD`: each task's level for the year. */
export async function runTasksEvaluate(file: string, year: number, asOfText: string, format: "json" | "table"): Promise<CommandResult> {
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
  const stdout =
    format === "json"
      ? JSON.stringify({ tasks: tasks.map(taskJson), leadersWithoutTask: idle, ...(register.rules.failedTaskCap === null ? {} : { caps }), problems }, null, 2) + "\n"
      : terminalLines([
          ...tasks.map((t, i) => {
            const { leader, title } = register.tasks[i];
            const level = t.level === null ? "không xếp loại năm này" : TASK_LEVEL_NAMES[t.level];
            // The floor with the ceiling still reachable, as for units (docs/rules.md §2, §4).
            const ceiling = t.provisional && t.ceiling !== null && t.ceiling !== t.level ? `, có thể đạt tối đa: ${TASK_LEVEL_NAMES[t.ceiling]}` : "";
            const final = t.finalLevel === null ? "" : `; cả giai đoạn: ${TASK_LEVEL_NAMES[t.finalLevel]}`;
            return `${t.code} (${leader}: ${title}): ${level}${t.provisional ? " (tạm tính)" : ""}${ceiling}${final}`;
          }),
          ...(idle.length > 0 ? [`Chưa có việc đột phá, đổi mới năm ${year}: ${idle.join(", ")}`] : []),
          ...caps.map((c) => `Mức trần: ${c.leader} xếp loại không cao hơn ${LEVEL_NAMES[c.cap]} (việc không hoàn thành: ${c.failed.join(", ")})`),
          ...(problems.length > 0 ? ["Vấn đề:", ...problems.map((p) => `  - ${p.code} ${p.field}: ${p.message}`)] : []),
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
}

/** `chitieu tasks term FILE --from Y --to Y`: per leader, every task's yearly and final levels over the term. */
export async function runTasksTerm(o: TermOptions): Promise<CommandResult> {
  const register = /\.xlsx$/i.test(o.file) ? await fromWorkbook(o.file) : fromJson(o.file);
  const spans = register.tasks.filter((t) => Number.isInteger(t.firstYear) && Number.isInteger(t.lastYear));
  const from = o.from ?? Math.min(...spans.map((t) => t.firstYear));
  const to = o.to ?? Math.max(...spans.map((t) => t.lastYear));
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new UsageError(cliMsg.termEmpty.of(o.file));
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
  const level = (l: Level | null, provisional = false) => (l === null ? "không xếp loại" : `${TASK_LEVEL_NAMES[l]}${provisional ? " (tạm tính)" : ""}`);
  const stdout =
    o.format === "json"
      ? JSON.stringify({ ...summary, problems }, null, 2) + "\n"
      : terminalLines([
          `Nhiệm kỳ ${from}–${to}, theo dõi đến ${asOf}:`,
          ...summary.leaders.flatMap((l) => [
            `${l.leader}:`,
            ...l.tasks.map((t) => `  ${t.code} ${t.title} (${t.firstYear}–${t.lastYear}): ${t.years.map((y) => `${y.year} ${level(y.level, y.provisional)}`).join("; ")}${t.finalLevel === null ? "" : `; cả giai đoạn: ${level(t.finalLevel)}`}`),
            ...(l.yearsWithoutTask.length > 0 ? [`  Năm chưa có việc: ${l.yearsWithoutTask.join(", ")}`] : []),
            ...(l.incompleteTwoYears.length > 0 ? [`  Không hoàn thành hai năm liền: ${l.incompleteTwoYears.map((y) => `${y - 1}–${y}`).join(", ")}`] : []),
          ]),
          ...(problems.length > 0 ? ["Vấn đề:", ...problems.map((p) => `  - ${p.code} ${p.field}: ${p.message}`)] : []),
        ]);
  return { stdout, exitCode: problems.length > 0 ? 1 : 0 };
}
