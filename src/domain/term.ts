/**
 * A leader's term (docs/rules.md §4): over the years of a term, per leader, every task with its
 * yearly levels and its final level, the years in which the leader had no task, and the years in
 * which a task of theirs was rated incomplete the year after one was (two years running). Leaders
 * are those the register knows, in any year, grouped whatever the case and surrounding spaces.
 */
import { DEFAULT_TASK_RULES, evaluateTaskYear, type Task, type TaskRules } from "./tasks";
import { isIsoDay } from "./dates";
import type { Level } from "./types";

const leaderKey = (name: string) => name.trim().normalize("NFC").toLowerCase();

/** Whether the task is one the leader carries in the year: its span holds the year and it was not dropped before it. */
export function taskRunsIn(task: Task, year: number): boolean {
  if (year < task.firstYear || year > task.lastYear) return false;
  return !(task.state === "dropped" && isIsoDay(task.droppedOn) && Number(task.droppedOn.slice(0, 4)) < year);
}

/** The register's leaders, each once, by the name as first written (tasks without a code or a leader left out). */
export function registerLeaders(tasks: readonly Task[]): { leader: string; tasks: Task[] }[] {
  const groups = new Map<string, { leader: string; tasks: Task[] }>();
  for (const task of tasks) {
    const leader = task.leader.trim();
    if (leader === "" || task.code.trim() === "") continue;
    const group = groups.get(leaderKey(leader)) ?? { leader, tasks: [] };
    group.tasks.push(task);
    groups.set(leaderKey(leader), group);
  }
  return [...groups.values()];
}

/** The leaders the register knows (from any year) who carry no task in the year, in register order. */
export function leadersWithoutTask(tasks: readonly Task[], year: number): string[] {
  return registerLeaders(tasks)
    .filter((g) => !g.tasks.some((t) => taskRunsIn(t, year)))
    .map((g) => g.leader);
}

export interface TermTaskYear {
  readonly year: number;
  readonly level: Level | null;
  readonly provisional: boolean;
}

export interface TermTask {
  readonly code: string;
  readonly title: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** One entry per year of the term that the task's span holds. */
  readonly years: readonly TermTaskYear[];
  /** The task's overall level (its last year, or the year of a drop without approval); null until then or outside the term. */
  readonly finalLevel: Level | null;
}

export interface TermLeader {
  readonly leader: string;
  readonly tasks: readonly TermTask[];
  /** Years of the term in which the leader carries no task. */
  readonly yearsWithoutTask: readonly number[];
  /** Each year of the term in which a task of theirs is rated incomplete, as was one the year before. */
  readonly incompleteTwoYears: readonly number[];
}

export interface TermSummary {
  readonly from: number;
  readonly to: number;
  readonly asOf: string;
  readonly leaders: readonly TermLeader[];
}

/** The term from `from` to `to` (inclusive), each year judged as of `asOf` (a completion after it does not count yet). */
export function termSummary(tasks: readonly Task[], from: number, to: number, asOf: string, rules: TaskRules = DEFAULT_TASK_RULES): TermSummary {
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const leaders = registerLeaders(tasks).map((group): TermLeader => {
    const own = group.tasks
      .filter((t) => t.firstYear <= to && t.lastYear >= from)
      .map((task): TermTask => {
        const results = years.filter((y) => y >= task.firstYear && y <= task.lastYear).map((year) => ({ year, result: evaluateTaskYear(task, year, asOf, rules) }));
        return {
          code: task.code,
          title: task.title,
          firstYear: task.firstYear,
          lastYear: task.lastYear,
          years: results.map(({ year, result }) => ({ year, level: result.level, provisional: result.provisional })),
          finalLevel: results.find(({ result }) => result.finalLevel !== null)?.result.finalLevel ?? null,
        };
      });
    const failedIn = (year: number) => own.some((t) => t.years.some((y) => y.year === year && y.level === "incomplete"));
    return {
      leader: group.leader,
      tasks: own,
      yearsWithoutTask: years.filter((year) => !group.tasks.some((t) => taskRunsIn(t, year))),
      incompleteTwoYears: years.filter((year) => year > from && failedIn(year - 1) && failedIn(year)),
    };
  });
  return { from, to, asOf, leaders };
}
