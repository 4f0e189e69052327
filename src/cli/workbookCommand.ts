import { daySerial, parseDay } from "../domain/dates";
import {
  DEFAULT_CATALOGUE,
  parseDirection,
  parseFlag,
  parseNumber,
  readEvaluationDocument,
  type Catalogue,
  type EvaluationInput,
  type Indicator,
  type UnitKind,
} from "../domain";
import type { DocumentHeader } from "../layout/schema";
import type { Scalar } from "../layout/types";
import { unitWorkbook, type UnitValues } from "../layout/unit";
import { writeSheetsXlsx } from "../xlsx/sheetsXlsx";
import { zlibDeflater } from "./zlibDeflate";
import { readTasksDocument } from "../domain/tasksDocument";
import { withTaskRegister, type TaskRegisterParams } from "../layout/tasks";
import { checkOutput, FileError, NOTHING, readJsonFile, UsageError, writeOutput, written, type CommandResult } from "./io";
import { render } from "../domain/messages/localize";
import { sheetMsg } from "../domain/messages/sheet";
import { cliMsg } from "../domain/messages/cli";

export interface WorkbookOptions {
  readonly unit: string;
  readonly head: string;
  readonly year: number;
  readonly data?: string;
  readonly output: string;
  readonly unitKind?: UnitKind;
  readonly header?: Partial<DocumentHeader>;
  /** Add the register of breakthrough tasks, empty or from a `tasks evaluate` document. */
  readonly taskRegister?: { readonly tasks?: string; readonly asOf?: string; readonly leader?: string };
}

/**
 * A document value as a cell constant: a number, text or true/false, never an object or array
 * (the .xlsx writer must not see `{ "formula": … }`). Text starting with "=" stays text.
 */
function scalar(raw: unknown, where: string): Scalar {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  throw new FileError(Array.isArray(raw) ? cliMsg.valueNotArray.of(where) : cliMsg.valueNotObject.of(where));
}

/** A number typed as text is written as a number; anything unreadable is kept as typed. */
function cellValue(raw: Scalar): Scalar {
  const parsed = parseNumber(raw);
  return parsed.kind === "value" ? parsed.value : raw;
}

/** A document's date as the sheet takes it: a day it reads (2025-06-30, 30/6/2025) as its serial, anything else as typed (the sheet then names it). */
function dateCell(raw: Scalar): Scalar {
  const iso = parseDay(raw);
  return iso === null ? raw : daySerial(iso);
}

/** The catalogue and values of an `evaluate` document: its indicators become the catalogue. */
function fromDocument(file: string, input: EvaluationInput): { catalogue: Catalogue; values: Map<string, UnitValues> } {
  const indicators: Indicator[] = input.indicators.map((item) => {
    const direction = parseDirection(item.direction);
    if (direction === null) throw new FileError(cliMsg.badDirection.of(item.code, String(item.direction)));
    const weight = parseNumber(item.weight ?? 1);
    const key = parseFlag(item.key);
    return {
      code: item.code,
      group: item.group ?? item.code.split(".")[0],
      name: item.name ?? "",
      unit: item.unit ?? "",
      direction,
      key: key.kind === "value" && key.value,
      weight: weight.kind === "value" ? weight.value : 1,
    };
  });
  const groupCodes = [...new Set(indicators.map((i) => i.group))];
  const knownGroups = new Map(DEFAULT_CATALOGUE.groups.map((g) => [g.code, g.name]));
  const catalogue = {
    // The workbook is Vietnamese: a group the default catalogue does not name is named from the catalogue's wording.
    groups: groupCodes.map((code) => ({ code, name: knownGroups.get(code) ?? render(sheetMsg.groupName.of(code), "vi") })),
    indicators,
  };
  // Milestone values stay as typed ("Đạt"); numbers typed as text become numbers.
  const values = new Map(
    input.indicators.map((item, i) => {
      const milestone = indicators[i].direction === "milestone";
      const cell = (field: "target" | "actual") => {
        const raw = scalar(item[field], `${file}: indicators[${i}].${field}`);
        return milestone ? raw : cellValue(raw);
      };
      const score = scalar(item.score, `${file}: indicators[${i}].score`);
      const date = (field: "due" | "done") => dateCell(scalar(item[field], `${file}: indicators[${i}].${field}`));
      return [
        item.code,
        { target: cell("target"), actual: cell("actual"), late: scalar(item.late, `${file}: indicators[${i}].late`), due: date("due"), done: date("done"), score: cellValue(score) },
      ];
    }),
  );
  return { catalogue, values };
}

/** A document's yes/no answers ({ degradation, … } or { disciplineBelow, … }) as the cells take them. */
function answerCells(file: string, field: string, raw: Readonly<Record<string, unknown>> | undefined): Record<string, Scalar> | undefined {
  if (raw === undefined) return undefined;
  return Object.fromEntries(Object.entries(raw).map(([key, v]) => [key, scalar(v, `${file}: ${field}.${key}`)]));
}

/** The register's contents: the tasks of a document, the year, and the follow-up date (today unless given). */
function taskRegisterParams(options: { readonly tasks?: string; readonly asOf?: string; readonly leader?: string }, year: number): TaskRegisterParams {
  const asOf = parseDay(options.asOf ?? new Date().toISOString().slice(0, 10));
  if (asOf === null) throw new UsageError(cliMsg.asOfNotADay.of(String(options.asOf)));
  if (options.tasks === undefined) return { tasks: [], year, asOf };
  const read = readTasksDocument(readJsonFile(options.tasks));
  if (!read.ok) throw new FileError(cliMsg.inFile.of(options.tasks, read.problem));
  const leader = options.leader?.normalize("NFC").trim();
  if (leader !== undefined && !read.tasks.some((t) => t.leader.normalize("NFC").trim() === leader)) {
    throw new FileError(cliMsg.leaderNotFound.of(leader, options.tasks));
  }
  return { tasks: read.tasks, year, asOf, formLeader: leader };
}

export async function runWorkbook(options: WorkbookOptions): Promise<CommandResult> {
  let extra = {};
  if (options.data) {
    const read = readEvaluationDocument(readJsonFile(options.data));
    if (!read.ok) throw new FileError(cliMsg.inFile.of(options.data, read.problem));
    const common = parseNumber(read.input.commonScore);
    extra = {
      ...fromDocument(options.data, read.input),
      preset: read.input.preset,
      commonScore: common.kind === "value" ? common.value : null,
      // Every answer of the document, so the workbook reads back as the document evaluates.
      disqualifying: answerCells(options.data, "disqualifying", read.input.disqualifying),
      excellence: answerCells(options.data, "excellence", read.input.excellence),
    };
  }
  const unitLayout = unitWorkbook({
    unitName: options.unit,
    head: options.head,
    year: options.year,
    unitKind: options.unitKind,
    header: options.header,
    withPrintSheet: true,
    ...extra,
  });
  const layout = options.taskRegister ? withTaskRegister(unitLayout, taskRegisterParams(options.taskRegister, options.year)) : unitLayout;
  const inputs = [options.data, options.taskRegister?.tasks].filter((file) => file !== undefined);
  checkOutput(options.output, inputs, cliMsg.kindWorkbook.of(), NOTHING);
  // A register of thousands of tasks (150,000 roadmap rows) is more than ExcelJS can hold: the
  // light writer streams it, its formula runs stated once (issue 15 §4).
  const write = options.taskRegister ? async () => writeSheetsXlsx(layout, zlibDeflater) : async () => (await import("../xlsx/writeLayout")).writeXlsx(layout);
  writeOutput(options.output, await written(write));
  return { stdout: "", exitCode: 0 };
}
