import { leadersWithoutTask, termSummary } from "../../src/domain/term";
import type { Task } from "../../src/domain/tasks";

const inc = (year: number, target: number, actual?: number) => ({ year, name: "a", direction: "increase", target, actual });
const task = (code: string, leader: string, firstYear: number, lastYear: number, actual: (year: number) => number | undefined, over: Partial<Task> = {}): Task => ({
  code,
  leader,
  title: `Việc ${code}`,
  kind: "breakthrough",
  firstYear,
  lastYear,
  goal: "g",
  targets: Array.from({ length: lastYear - firstYear + 1 }, (_, i) => inc(firstYear + i, 10, actual(firstYear + i))),
  milestones: [],
  ...over,
});

// A: one task 2021–2023 met each year; B: two one-year tasks failed in 2022 and 2023, none in 2021 or 2024;
// C (typed " c " once): a task 2021–2025 dropped on 30/06/2022.
const TASKS: Task[] = [
  task("A1", "Nguyễn A", 2021, 2023, () => 12),
  task("B1", "Trần B", 2022, 2022, () => 5),
  task("B2", "Trần B", 2023, 2023, () => 5),
  task("C1", "Lê C", 2021, 2025, () => 10, { state: "dropped", droppedOn: "2022-06-30" }),
  task("C2", " lê c ", 2025, 2025, () => undefined),
];

describe("leaders with no task in a year", () => {
  test("the register's leaders from any year, without a task running that year (a task dropped before it does not count)", () => {
    expect(leadersWithoutTask(TASKS, 2021)).toEqual(["Trần B"]);
    expect(leadersWithoutTask(TASKS, 2023)).toEqual(["Lê C"]);
    expect(leadersWithoutTask(TASKS, 2024)).toEqual(["Nguyễn A", "Trần B", "Lê C"]);
  });
});

describe("a leader's term", () => {
  const term = termSummary(TASKS, 2021, 2025, "2026-01-15");
  const of = (leader: string) => term.leaders.find((l) => l.leader === leader);

  test("every task with its yearly levels and final level", () => {
    expect(term.leaders.map((l) => l.leader)).toEqual(["Nguyễn A", "Trần B", "Lê C"]);
    expect(of("Nguyễn A")?.tasks).toEqual([
      {
        code: "A1",
        title: "Việc A1",
        firstYear: 2021,
        lastYear: 2023,
        years: [2021, 2022, 2023].map((year) => ({ year, level: "excellent", provisional: false })),
        finalLevel: "excellent",
      },
    ]);
    // Dropped in 2022 without approval: 2021 keeps its level, 2022 incomplete and final, later years unrated.
    expect(of("Lê C")?.tasks[0].years.map((y) => y.level)).toEqual(["good", "incomplete", null, null, null]);
    expect(of("Lê C")?.tasks[0].finalLevel).toBe("incomplete");
  });

  test("the years without a task and the incomplete tasks two years running", () => {
    expect(of("Nguyễn A")).toMatchObject({ yearsWithoutTask: [2024, 2025], incompleteTwoYears: [] });
    expect(of("Trần B")).toMatchObject({ yearsWithoutTask: [2021, 2024, 2025], incompleteTwoYears: [2023] });
    expect(of("Lê C")).toMatchObject({ yearsWithoutTask: [2023, 2024], incompleteTwoYears: [] });
  });

  test("only the tasks whose span meets the term, and only the term's years", () => {
    const part = termSummary(TASKS, 2023, 2024, "2026-01-15");
    expect(part.leaders.find((l) => l.leader === "Trần B")?.tasks.map((t) => t.code)).toEqual(["B2"]);
    expect(part.leaders.find((l) => l.leader === "Nguyễn A")?.tasks[0].years.map((y) => y.year)).toEqual([2023]);
  });
});
