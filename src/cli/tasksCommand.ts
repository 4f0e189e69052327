import { TASK_LEVEL_NAMES, checkRegistration, evaluateTaskYear, type TaskProblem } from "../domain/tasks";
import { readTasksDocument } from "../domain/tasksDocument";
import { readJsonFile, UsageError, type CommandResult } from "./io";

/** `chitieu tasks evaluate FILE.json --year Y --as-of YYYY-MM-DD`: each task's level for the year. */
export function runTasksEvaluate(file: string, year: number, asOf: string, format: "json" | "table"): CommandResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of "${asOf}" cần dạng YYYY-MM-DD.`);
  const read = readTasksDocument(readJsonFile(file));
  if (!read.ok) throw new UsageError(`${file}: ${read.problem}`);
  const problems: TaskProblem[] = checkRegistration(read.tasks);
  const tasks = read.tasks.map((task) => evaluateTaskYear(task, year, asOf, undefined, problems));
  const stdout =
    format === "json"
      ? JSON.stringify({ tasks, problems }, null, 2) + "\n"
      : [
          ...tasks.map((t) => {
            const level = t.level === null ? "không xếp loại năm này" : TASK_LEVEL_NAMES[t.level];
            const final = t.finalLevel === null ? "" : `; cả giai đoạn: ${TASK_LEVEL_NAMES[t.finalLevel]}`;
            return `${t.code}: ${level}${t.provisional ? " (tạm tính)" : ""}${final}`;
          }),
          ...(problems.length > 0 ? ["Vấn đề:", ...problems.map((p) => `  - ${p.code} ${p.field}: ${p.message}`)] : []),
        ].join("\n") + "\n";
  return { stdout, exitCode: problems.length > 0 ? 1 : 0 };
}
