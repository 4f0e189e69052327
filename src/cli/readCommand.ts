import { readFileSync } from "node:fs";
import { fileCells, readWorkbookCells, type WorkbookCells } from "../xlsx/workbookCells";
import { followUpOf } from "../xlsx/readFollowUp";
import { openXlsx } from "../xlsx/xlsxParts";
import { ZipRefused } from "../xlsx/zip";
import { LEVEL_NAMES, withTaskCap, type Level } from "../domain";
import { TASK_LEVEL_NAMES } from "../domain/tasks";
import { unitLeaderTasks, type UnitLeaderTasks } from "../xlsx/readTaskRegister";
import { toContractJson } from "./evaluateCommand";
import { reasonOf, UsageError, type CommandResult } from "./io";
import { formatTable, terminalLines } from "./table";
import { placedMessage } from "../layout/problems";
import { cliMsg } from "./messages";

/** `chitieu read FILE.xlsx`: the engine's evaluation of the workbook's inputs, plus the levels typed there. */
export function runRead(file: string, format: "json" | "table" = "json"): CommandResult {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new UsageError(cliMsg.cannotRead.of(file));
  }
  // The file is inflated once: the unit sheet, its leader's tasks and its follow-up are all read from these cells.
  let cells: WorkbookCells;
  let read;
  try {
    cells = fileCells(openXlsx(data));
    read = readWorkbookCells(cells);
  } catch (error) {
    if (error instanceof ZipRefused) throw new UsageError(cliMsg.inFile.of(file, error.said));
    throw new UsageError(cliMsg.notXlsx.of(file, reasonOf(error)));
  }
  if (read.evaluation === null) throw new UsageError(cliMsg.lines.of(read.problems.map(placedMessage)));
  // A workbook that also holds the task register: the leader's tasks of the year, as the unit sheet shows them.
  const leaderTasks = unitLeaderTasks(cells);
  // The optional rule, where the sheet applies it: the suggested level no higher than the cap (as the sheet's formula).
  const evaluation = leaderTasks?.cap && leaderTasks.onUnitSheet ? withTaskCap(read.evaluation, leaderTasks.cap) : read.evaluation;
  const followUp = followUpOf(cells, read);
  const problems = [...read.problems, ...followUp.problems];
  const hasErrors = problems.some((p) => p.severity === "error");
  const exitCode = hasErrors ? 1 : 0;
  if (format === "table") {
    const level = (value: Level | null) => (value === null ? "(trống)" : LEVEL_NAMES[value]);
    const lines = [
      `Trang tính: ${read.sheet}`,
      `Xếp loại của đơn vị: ${level(read.unitLevel)}`,
      `Xếp loại công chức: ${level(read.civilServantLevel)}`,
      `Xếp loại cuối cùng: ${level(read.finalLevel)}`,
      ...(leaderTasks ? leaderTaskLines(leaderTasks) : []),
      ...(read.overwrittenFormulas.length > 0 ? [`Ô công thức bị nhập đè: ${read.overwrittenFormulas.join(", ")}`] : []),
      ...(problems.length > 0 ? ["Vấn đề:", ...problems.map((p) => `  - ${p.severity === "error" ? "Lỗi" : "Lưu ý"}: ${p.message}`)] : []),
    ];
    return { stdout: formatTable(evaluation) + terminalLines(lines), exitCode };
  }
  const output = {
    ...(toContractJson(evaluation) as object),
    sheet: read.sheet,
    unitLevel: read.unitLevel,
    civilServantLevel: read.civilServantLevel,
    finalLevel: read.finalLevel,
    overwrittenFormulas: read.overwrittenFormulas,
    problems,
    ...(leaderTasks ? { leaderTasks } : {}),
    ...(followUp.periods.length > 0 ? { followUp: followUp.periods } : {}),
  };
  return { stdout: JSON.stringify(output, null, 2) + "\n", exitCode };
}

function leaderTaskLines(t: UnitLeaderTasks): string[] {
  return [
    `Việc đột phá, đổi mới năm ${t.year} của người đứng đầu${t.leader === "" ? "" : ` ${t.leader}`}: ${t.tasks.length} việc`,
    ...t.tasks.map((task) => {
      const level = task.level === null ? "không xếp loại năm này" : TASK_LEVEL_NAMES[task.level];
      const final = task.finalLevel === null ? "" : `; cả giai đoạn: ${TASK_LEVEL_NAMES[task.finalLevel]}`;
      return `  ${task.code}: ${level}${task.provisional ? " (tạm tính)" : ""}${final}`;
    }),
    ...(t.cap === null ? [] : [`Mức trần: xếp loại không cao hơn ${LEVEL_NAMES[t.cap]} (việc không hoàn thành: ${t.failed.join(", ")})`]),
  ];
}
