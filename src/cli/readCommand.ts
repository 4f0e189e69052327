import { fileCells, namedValue, placedCells, readWorkbookCells, unitPlacesOf, type WorkbookCells } from "../xlsx/workbookCells";
import { followUpOf } from "../xlsx/readFollowUp";
import { openXlsx } from "../xlsx/xlsxParts";
import { readInputFile } from "../xlsx/inputFile";
import { FileRefused } from "../xlsx/refused";
import { textKey, withTaskCap, type Level } from "../domain";
import { reasonOf, render, type Language, type Message } from "../domain/messages/localize";
import { unitLeaderTasks, type UnitLeaderTasks } from "../xlsx/readTaskRegister";
import { toContractJson } from "./evaluateCommand";
import { FileError, UsageError, type CommandResult } from "./io";
import { formatTable, terminalLines } from "./table";
import { placedMessage } from "../layout/problems";
import { NAMES } from "../layout/schema";
import { placedName, type UnitPlace } from "../layout/units";
import { cliMsg } from "../domain/messages/cli";
import { levelName, reportMsg, taskLevelName } from "../domain/messages/report";

/**
 * `chitieu read FILE.xlsx`: the engine's evaluation of the workbook's inputs, plus the levels typed
 * there; the table in the language. A shared workbook's unit is chosen with `unit` (its number or
 * name), as the pane works on the unit the user is on: without it, a file of several units is
 * refused naming them, rather than read for its first unit unasked.
 */
export function runRead(file: string, format: "json" | "table" = "json", language: Language = "vi", unit?: string): CommandResult {
  let data: Buffer;
  try {
    data = readInputFile(file);
  } catch (error) {
    throw new FileError(error instanceof FileRefused ? cliMsg.inFile.of(file, error.said) : cliMsg.cannotRead.of(file));
  }
  // The file is inflated once: the unit sheet, its leader's tasks and its follow-up are all read from these cells.
  let cells: WorkbookCells;
  let places: UnitPlace[];
  let place: UnitPlace;
  let read;
  try {
    const book = openXlsx(data);
    cells = fileCells(book);
    places = unitPlacesOf(book);
    place = chosenUnit(cells, places, file, unit);
    read = readWorkbookCells(cells, { place });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof FileRefused) throw new FileError(cliMsg.inFile.of(file, error.said));
    throw new FileError(cliMsg.notXlsx.of(file, reasonOf(error)));
  }
  if (read.evaluation === null) throw new FileError(cliMsg.lines.of(read.problems.map(placedMessage)));
  // A workbook that also holds the task register: the leader's tasks of the year, as the unit sheet shows them.
  const leaderTasks = unitLeaderTasks(placedCells(cells, place));
  // The optional rule, where the sheet applies it: the suggested level no higher than the cap (as the sheet's formula).
  const evaluation = leaderTasks?.cap && leaderTasks.onUnitSheet ? withTaskCap(read.evaluation, leaderTasks.cap) : read.evaluation;
  const followUp = followUpOf(cells, read, place);
  const problems = [...read.problems, ...followUp.problems];
  const hasErrors = problems.some((p) => p.severity === "error");
  const exitCode = hasErrors ? 1 : 0;
  if (format === "table") {
    const show = (m: Message) => render(m, language);
    const level = (value: Level | null) => (value === null ? reportMsg.blank.of() : levelName(value));
    const lines = [
      // `sheet` is null only for a workbook without an evaluation, refused above.
      ...(read.sheet === null ? [] : [show(reportMsg.sheet.of(read.sheet))]),
      show(reportMsg.unitLevel.of(level(read.unitLevel))),
      show(reportMsg.civilServantLevel.of(level(read.civilServantLevel))),
      show(reportMsg.finalLevel.of(level(read.finalLevel))),
      ...(leaderTasks ? leaderTaskLines(leaderTasks, show) : []),
      ...(read.overwrittenFormulas.length > 0 ? [show(reportMsg.overwritten.of(read.overwrittenFormulas.join(", ")))] : []),
      ...(problems.length > 0 ? [show(reportMsg.problems.of()), ...problems.map((p) => `  - ${show(reportMsg.severity.of(p.severity))}: ${show(placedMessage(p))}`)] : []),
    ];
    return { stdout: formatTable(evaluation, language) + terminalLines(lines), exitCode };
  }
  const output = {
    ...(toContractJson(evaluation) as object),
    sheet: read.sheet,
    ...(places.length > 1 ? { unit: { index: place.index, name: unitNameOf(cells, place) } } : {}),
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

/** The leader's tasks of the year, a line each, in the words `show` gives. */
function leaderTaskLines(t: UnitLeaderTasks, show: (m: Message) => string): string[] {
  return [
    show(reportMsg.leaderTasks.of(t.year, t.leader, t.tasks.length)),
    ...t.tasks.map((task) => {
      const level = reportMsg.taskLevel.of(task.level === null ? reportMsg.notRatedThisYear.of() : taskLevelName(task.level), task.provisional);
      const final = task.finalLevel === null ? "" : show(reportMsg.wholeTask.of(taskLevelName(task.finalLevel)));
      return `  ${task.code}: ${show(level)}${final}`;
    }),
    ...(t.cap === null ? [] : [show(reportMsg.cap.of(levelName(t.cap), t.failed.join(", ")))]),
  ];
}

/** The unit's name as its sheet holds it ("" when empty). */
function unitNameOf(cells: WorkbookCells, place: UnitPlace): string {
  const value = namedValue(cells, placedName(NAMES.unitName, place));
  return typeof value === "string" || typeof value === "number" ? String(value).normalize("NFC").trim() : "";
}

/** The unit `given` names (its number, or its name NFC and case aside); the only one when not given. */
function chosenUnit(cells: WorkbookCells, places: readonly UnitPlace[], file: string, given: string | undefined): UnitPlace {
  const listed = places.map((p) => `${p.index}. ${unitNameOf(cells, p) || p.sheet}`);
  if (given === undefined) {
    if (places.length > 1) throw new FileError(cliMsg.chooseUnit.of(file, listed));
    return places[0];
  }
  const found = /^\d+$/.test(given.trim()) ? places.find((p) => p.index === Number(given.trim())) : places.find((p) => textKey(unitNameOf(cells, p)) === textKey(given));
  if (found === undefined) throw new FileError(cliMsg.noSuchUnit.of(file, given, listed));
  return found;
}
