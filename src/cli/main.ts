#!/usr/bin/env node
// Commands are loaded on demand: only workbook and print load ExcelJS.
import { HEADER_OPTIONS, headerOptions } from "./headerOptions";
import { type CommandResult, FileError, UsageError } from "./io";
import { cliMsg } from "../domain/messages/cli";
import { parseOptions, type ParsedOptions } from "./options";
import { render, type Language, type Message } from "../domain/messages/localize";
import type { UnitKind } from "../domain";
// The small mid-year parser only: the engine is loaded with the command that needs it.
import { parseAsOf, parseQuarter, type AsOfRequest } from "../domain/midyear";

const UNIT_KINDS: readonly UnitKind[] = ["commune", "district", "department", "massOrganisation"];

/** The --format option of the commands that print an evaluation. */
function formatOption(o: ParsedOptions): "json" | "table" {
  const format = o.value("--format") ?? "json";
  if (format !== "json" && format !== "table") throw new UsageError(cliMsg.choice.of("--format", ["json", "table"], format));
  return format;
}

/** A year option's value, 2000–2100. */
function yearOption(o: ParsedOptions, name: string, message: (text: string) => Message): number | undefined {
  const text = o.value(name);
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(message(text));
  return year;
}

const HEADER = Object.fromEntries(Object.keys(HEADER_OPTIONS).map((name) => [name, "string" as const]));

/** `--as-of DATE` or `--quarter N` of consolidate (one of them at most). */
function midYearOption(date: string | undefined, quarter: string | undefined): AsOfRequest | undefined {
  if (date !== undefined && quarter !== undefined) throw new UsageError(cliMsg.asOfOrQuarter.of());
  if (date !== undefined) return parseAsOf(date) ?? usage(cliMsg.midYearDate.of(date));
  if (quarter !== undefined) return parseQuarter(quarter) ?? usage(cliMsg.choice.of("--quarter", ["1", "2", "3", "4"], quarter));
  return undefined;
}

const usage = (said: Message): never => {
  throw new UsageError(said);
};

export async function run(argv: readonly string[]): Promise<CommandResult> {
  const [command, ...args] = argv;
  switch (command) {
    case "evaluate": {
      const o = parseOptions(args, { "--format": "string" });
      const format = formatOption(o);
      if (o.positionals.length !== 1) throw new UsageError(cliMsg.oneJson.of());
      const { runEvaluate } = await import("./evaluateCommand");
      return runEvaluate(o.positionals[0], format, o.language);
    }
    case "workbook": {
      const { runWorkbook } = await import("./workbookCommand");
      const o = parseOptions(args, {
        "--unit": "string",
        "--year": "string",
        "--output": "string",
        "--head": "string",
        "--data": "string",
        "--unit-kind": "string",
        "--tasks": "string",
        "--as-of": "string",
        "--leader": "string",
        "--task-register": "boolean",
        ...HEADER,
      });
      const unit = o.value("--unit");
      const yearText = o.value("--year");
      const output = o.value("--output");
      const head = o.value("--head") ?? "";
      const data = o.value("--data");
      const header = headerOptions(o.value);
      const unitKind = o.value("--unit-kind");
      const tasks = o.value("--tasks");
      const asOf = o.value("--as-of");
      const leader = o.value("--leader");
      const taskRegister = o.flag("--task-register") || tasks !== undefined;
      if (asOf !== undefined && !taskRegister) throw new UsageError(cliMsg.asOfNeedsRegister.of());
      if (leader !== undefined && tasks === undefined) throw new UsageError(cliMsg.leaderNeedsTasks.of());
      if (unitKind !== undefined && !UNIT_KINDS.includes(unitKind as UnitKind)) {
        throw new UsageError(cliMsg.choice.of("--unit-kind", UNIT_KINDS, unitKind));
      }
      if (!unit || !yearText || !output) throw new UsageError(cliMsg.workbookNeeds.of());
      const year = yearOption(o, "--year", (text) => cliMsg.badYear.of(text)) as number;
      if (o.positionals.length > 0) throw new UsageError(cliMsg.extraArguments.of(o.positionals.join(" ")));
      return runWorkbook({ unit, head, year, data, output, header, unitKind: unitKind as UnitKind | undefined, ...(taskRegister ? { taskRegister: { tasks, asOf, leader } } : {}) });
    }
    case "print": {
      const o = parseOptions(args, { "--output": "string", "--sheet": "string", ...HEADER });
      const output = o.value("--output");
      if (o.positionals.length !== 1 || !output) throw new UsageError(cliMsg.printNeeds.of());
      const { runPrint } = await import("./printCommand");
      return runPrint({ input: o.positionals[0], output, sheet: o.value("--sheet"), header: headerOptions(o.value), language: o.language });
    }
    case "tasks": {
      const [sub, ...rest] = args;
      if (sub === "term") {
        const o = parseOptions(rest, { "--from": "string", "--to": "string", "--as-of": "string", "--output": "string", "--json": "boolean", "--format": "string", ...HEADER });
        const from = yearOption(o, "--from", (text) => cliMsg.optionNotAYear.of("--from", text));
        const to = yearOption(o, "--to", (text) => cliMsg.optionNotAYear.of("--to", text));
        const output = o.value("--output");
        const format = o.flag("--json") ? "json" : formatOption(o);
        if (o.positionals.length !== 1) throw new UsageError(cliMsg.termNeeds.of());
        if (output !== undefined && !/\.xlsx$/i.test(output)) throw new UsageError(cliMsg.termOutput.of(output));
        const { runTasksTerm } = await import("./tasksCommand");
        return runTasksTerm({ file: o.positionals[0], from, to, asOf: o.value("--as-of"), format, output, header: headerOptions(o.value), language: o.language });
      }
      const o = parseOptions(rest, { "--year": "string", "--as-of": "string", "--format": "string" });
      const yearText = o.value("--year");
      const asOf = o.value("--as-of");
      const format = formatOption(o);
      if (sub !== "evaluate" || o.positionals.length !== 1 || !yearText || !asOf) throw new UsageError(cliMsg.tasksNeeds.of());
      const year = yearOption(o, "--year", (text) => cliMsg.badYear.of(text)) as number;
      const { runTasksEvaluate } = await import("./tasksCommand");
      return runTasksEvaluate(o.positionals[0], year, asOf, format, o.language);
    }
    case "consolidate": {
      const o = parseOptions(args, {
        "--output": "string",
        "--exceptional": "string",
        "--rules": "string",
        "--previous": "string",
        "--as-of": "string",
        "--quarter": "string",
        "--json": "boolean",
        ...HEADER,
      });
      const output = o.value("--output");
      const exceptional = o.value("--exceptional")?.split(",").map((k) => k.trim()) ?? [];
      const rules = o.value("--rules");
      const previous = o.value("--previous");
      const asOf = midYearOption(o.value("--as-of"), o.value("--quarter"));
      const header = headerOptions(o.value);
      const json = o.flag("--json");
      const inputs = o.positionals;
      const unknownKind = exceptional.find((k) => !UNIT_KINDS.includes(k as UnitKind));
      if (unknownKind !== undefined) throw new UsageError(cliMsg.choice.of("--exceptional", UNIT_KINDS, unknownKind));
      if (!output) throw new UsageError(cliMsg.consolidateNeeds.of());
      const { runConsolidate, terminalProgress } = await import("./consolidateCommand");
      const progress = process.stderr.isTTY ? terminalProgress((text) => process.stderr.write(text), o.language) : undefined;
      return runConsolidate({ inputs, output, json, exceptional: new Set(exceptional as UnitKind[]), rules, previous, header, progress, language: o.language, ...(asOf ? { asOf } : {}) });
    }
    case "province": {
      const { parseGroupOption, runProvince } = await import("./assignCommand");
      const o = parseOptions(args, { "--year": "string", "--output": "string", "--group": "strings" });
      const yearText = o.value("--year");
      const output = o.value("--output");
      const groups = o.values("--group").map(parseGroupOption);
      if (!yearText || !output || groups.length === 0) throw new UsageError(cliMsg.provinceNeeds.of());
      const year = yearOption(o, "--year", (text) => cliMsg.badYear.of(text)) as number;
      if (o.positionals.length > 0) throw new UsageError(cliMsg.extraArguments.of(o.positionals.join(" ")));
      return runProvince({ year, groups, output });
    }
    case "assign": {
      const o = parseOptions(args, { "--output": "string", "--json": "boolean", "--follow-up": "string" });
      const output = o.value("--output");
      if (o.positionals.length !== 1 || !output) throw new UsageError(cliMsg.assignNeeds.of());
      const cadence = o.value("--follow-up") ?? "quarter";
      if (cadence !== "quarter" && cadence !== "month") throw new UsageError(cliMsg.choice.of("--follow-up", ["quarter", "month"], cadence));
      const { runAssign } = await import("./assignCommand");
      return runAssign({ input: o.positionals[0], outputDir: output, json: o.flag("--json"), cadence, language: o.language });
    }
    case "read": {
      const o = parseOptions(args, { "--format": "string", "--unit": "string" });
      const format = formatOption(o);
      if (o.positionals.length !== 1) throw new UsageError(cliMsg.readNeeds.of());
      const { runRead } = await import("./readCommand");
      return runRead(o.positionals[0], format, o.language, o.value("--unit"));
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return { stdout: render(cliMsg.usage.of(), errorLanguage(argv)), exitCode: command === undefined ? 2 : 0 };
    default:
      throw new UsageError(cliMsg.unknownCommand.of(command));
  }
}

/** The language of the error messages: `--lang en` (or `--lang=en`) words them in English wherever it stands, even where the options could not be parsed. */
function errorLanguage(argv: readonly string[]): Language {
  return argv.some((arg, i) => arg === "--lang=en" || (arg === "--lang" && argv[i + 1] === "en")) ? "en" : "vi";
}

/**
 * Entry point: usage errors go to stderr with exit code 2 and nothing on stdout. Any other
 * error is a bug or a file we did not foresee: a short message, never a stack trace.
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    const result = await run(argv);
    process.stdout.write(result.stdout);
    process.exitCode = result.exitCode;
  } catch (error) {
    const say = (m: Message) => `chitieu: ${render(m, errorLanguage(argv))}\n`;
    process.stderr.write(
      error instanceof FileError
        ? say(error.said)
        : error instanceof UsageError
          ? `${say(error.said)}${render(cliMsg.usage.of(), errorLanguage(argv))}`
          : say(cliMsg.unexpected.of(error instanceof Error ? error.message : String(error))),
    );
    process.exitCode = 2;
  }
}

if (require.main === module) void main(process.argv.slice(2));
