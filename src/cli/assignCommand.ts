import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ruleSet, type PresetId } from "../domain";
import { assignedUnitWorkbook, parseGroupLine, planUnitFiles, provinceWorkbook, repeatedUnit, type ProvinceGroup } from "../layout/province";
import type { FollowUpCadence } from "../layout/unit";
import { KeptSheets } from "../layout/keptSheets";
import { readProvinceWorkbook } from "../xlsx/readAssignment";
import { openXlsx } from "../xlsx/xlsxParts";
import { SheetsXlsxWriter } from "../xlsx/sheetsXlsx";
import { zlibDeflater } from "./zlibDeflate";
import { readInputFile } from "../xlsx/inputFile";
import { FileRefused } from "../xlsx/refused";
import { checkOutput, FileError, NOTHING, UsageError, writeOutput, written, type CommandResult } from "./io";
import { reasonOf, render, type Language, type Message } from "../domain/messages/localize";
import { placedMessage } from "../layout/problems";
import { cliMsg } from "../domain/messages/cli";
import { reportMsg } from "../domain/messages/report";

/**
 * `chitieu province` makes the province's workbook to fill in; `chitieu assign` writes every unit's
 * workbook from it (issue 16 §1). Nothing is written while any cell of any group is in error.
 */

/** `--group "Huyện, thành phố: Tam Đảo; Sông Lô"`: a group's name, then its units separated by ";". */
export function parseGroupOption(text: string): ProvinceGroup {
  const group = parseGroupLine(text);
  if (group === null) throw new UsageError(cliMsg.groupShape.of(text));
  return group;
}

export async function runProvince(options: { readonly year: number; readonly groups: readonly ProvinceGroup[]; readonly preset?: PresetId; readonly output: string }): Promise<CommandResult> {
  const repeated = repeatedUnit(options.groups);
  if (repeated !== null) throw new UsageError(cliMsg.groupRepeatedUnit.of(repeated));
  const layout = provinceWorkbook(options.year, options.groups, ruleSet(options.preset));
  // An existing province workbook may hold the targets typed for every unit: never replaced.
  checkOutput(options.output, [], cliMsg.kindProvince.of(), NOTHING);
  // Loaded here only: assign writes with the light writer and never loads ExcelJS.
  const { writeXlsx } = await import("../xlsx/writeLayout");
  writeOutput(options.output, await written(() => writeXlsx(layout)));
  return { stdout: "", exitCode: 0 };
}

export interface AssignResult {
  readonly units: { unit: string; group: string; file: string; indicators: number }[];
  readonly problems: { sheet: string; cell: string | null; message: string }[];
}

export async function runAssign(options: {
  readonly input: string;
  readonly outputDir: string;
  readonly json: boolean;
  readonly cadence?: FollowUpCadence;
  /** The language of the text report. */
  readonly language?: Language;
}): Promise<CommandResult> {
  if (existsSync(options.outputDir) && !statSync(options.outputDir).isDirectory()) {
    throw new FileError(cliMsg.outputDirIsFile.of(options.outputDir));
  }
  let data: Buffer;
  try {
    data = readInputFile(options.input);
  } catch (error) {
    throw new FileError(error instanceof FileRefused ? cliMsg.inFile.of(options.input, error.said) : cliMsg.cannotRead.of(options.input));
  }
  let read;
  try {
    read = readProvinceWorkbook(openXlsx(data));
  } catch (error) {
    if (error instanceof FileRefused) throw new FileError(cliMsg.inFile.of(options.input, error.said));
    throw new FileError(cliMsg.notXlsx.of(options.input, reasonOf(error)));
  }
  const plan = planUnitFiles(read.assignments);
  const planned = plan.planned.map((p) => ({ ...p, file: join(options.outputDir, p.file) }));
  const fileProblems: Message[] = [...plan.clashes];
  // A unit's file may already hold its actuals: assigning again never replaces it.
  for (const p of planned) {
    if (existsSync(p.file)) fileProblems.push(cliMsg.unitFileExists.of(p.file));
  }
  // Each problem's whole sentence as data: Vietnamese in the JSON, the text report in the language.
  const placed = [...read.problems.map((p) => ({ sheet: p.sheet, cell: p.cell, said: placedMessage(p) })), ...fileProblems.map((m) => ({ sheet: "", cell: null, said: m }))];
  const problems = placed.map(({ sheet, cell, said }) => ({ sheet, cell, message: render(said, "vi") }));
  const errors = fileProblems.length > 0 || read.problems.some((p) => p.severity === "error");
  const result: AssignResult = {
    units: errors ? [] : planned.map((p) => ({ unit: p.unit.name, group: p.assignment.group, file: p.file, indicators: p.unit.targets.size })),
    problems,
  };
  if (!errors) {
    mkdirSync(options.outputDir, { recursive: true });
    // The units of a group share every sheet but their own: each is laid out and rendered once (sheetsXlsx.ts).
    const kept = new KeptSheets();
    const writer = new SheetsXlsxWriter(zlibDeflater);
    for (const p of planned) {
      const layout = assignedUnitWorkbook(p, read.rules, options.cadence, kept);
      writeOutput(p.file, await written(() => writer.write(layout)));
    }
  }
  const exitCode = errors ? 1 : 0;
  if (options.json) return { stdout: `${JSON.stringify(result, null, 2)}\n`, exitCode };
  const show = (m: Message) => render(m, options.language ?? "vi");
  const sentences = placed.map((p) => show(p.said));
  const lines = errors
    ? [show(reportMsg.nothingWritten.of(problems.length)), ...sentences]
    : [...sentences, show(reportMsg.unitsWritten.of(result.units.length, options.outputDir))];
  return { stdout: `${lines.join("\n")}\n`, exitCode };
}
