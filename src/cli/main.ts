#!/usr/bin/env node
// Commands are loaded on demand: only workbook and print load ExcelJS.
import { headerOptions } from "./headerOptions";
import { type CommandResult, FileError, UsageError } from "./io";
import { cliMsg } from "./messages";
import { render, type Language, type Message } from "../domain/localize";
import type { UnitKind } from "../domain";
// The small mid-year parser only: the engine is loaded with the command that needs it.
import { parseAsOf, parseQuarter, type AsOfRequest } from "../domain/midyear";

const UNIT_KINDS: readonly UnitKind[] = ["commune", "district", "department", "massOrganisation"];

/** The --format option of the commands that print an evaluation. */
function formatOption(args: string[]): "json" | "table" {
  const format = optionValue(args, "--format") ?? "json";
  if (format !== "json" && format !== "table") throw new UsageError(cliMsg.choice.of("--format", ["json", "table"], format));
  return format;
}

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(cliMsg.missingValue.of(name));
  args.splice(index, 2);
  return value;
}

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
  const [command, ...rest] = argv;
  const args = [...rest];
  switch (command) {
    case "evaluate": {
      const format = formatOption(args);
      const language = optionValue(args, "--lang") ?? "vi";
      if (language !== "vi" && language !== "en") throw new UsageError(cliMsg.choice.of("--lang", ["vi", "en"], language));
      if (language === "en" && format === "table") throw new UsageError(cliMsg.langTable.of());
      if (args.length !== 1) throw new UsageError(cliMsg.oneJson.of());
      const { runEvaluate } = await import("./evaluateCommand");
      return runEvaluate(args[0], format, language);
    }
    case "workbook": {
      const { runWorkbook } = await import("./workbookCommand");
      const unit = optionValue(args, "--unit");
      const yearText = optionValue(args, "--year");
      const output = optionValue(args, "-o") ?? optionValue(args, "--output");
      const head = optionValue(args, "--head") ?? "";
      const data = optionValue(args, "--data");
      const header = headerOptions((name) => optionValue(args, name));
      const unitKind = optionValue(args, "--unit-kind");
      const tasks = optionValue(args, "--tasks");
      const asOf = optionValue(args, "--as-of");
      const leader = optionValue(args, "--leader");
      const taskRegister = args.includes("--task-register") || tasks !== undefined;
      if (args.includes("--task-register")) args.splice(args.indexOf("--task-register"), 1);
      if (asOf !== undefined && !taskRegister) throw new UsageError(cliMsg.asOfNeedsRegister.of());
      if (leader !== undefined && tasks === undefined) throw new UsageError(cliMsg.leaderNeedsTasks.of());
      if (unitKind !== undefined && !UNIT_KINDS.includes(unitKind as UnitKind)) {
        throw new UsageError(cliMsg.choice.of("--unit-kind", UNIT_KINDS, unitKind));
      }
      if (!unit || !yearText || !output) throw new UsageError(cliMsg.workbookNeeds.of());
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(cliMsg.badYear.of(yearText));
      if (args.length > 0) throw new UsageError(cliMsg.extraArguments.of(args.join(" ")));
      return runWorkbook({ unit, head, year, data, output, header, unitKind: unitKind as UnitKind | undefined, ...(taskRegister ? { taskRegister: { tasks, asOf, leader } } : {}) });
    }
    case "print": {
      const output = optionValue(args, "-o") ?? optionValue(args, "--output");
      const sheet = optionValue(args, "--sheet");
      const header = headerOptions((name) => optionValue(args, name));
      if (args.length !== 1 || !output) throw new UsageError(cliMsg.printNeeds.of());
      const { runPrint } = await import("./printCommand");
      return runPrint({ input: args[0], output, sheet, header });
    }
    case "tasks": {
      if (args[0] === "term") {
        const files = args.slice(1);
        const header = headerOptions((name) => optionValue(files, name));
        const year = (name: string) => {
          const text = optionValue(files, name);
          if (text === undefined) return undefined;
          const y = Number(text);
          if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(cliMsg.optionNotAYear.of(name, text));
          return y;
        };
        const from = year("--from");
        const to = year("--to");
        const asOfTerm = optionValue(files, "--as-of");
        const output = optionValue(files, "-o") ?? optionValue(files, "--output");
        const json = files.includes("--json");
        if (json) files.splice(files.indexOf("--json"), 1);
        const format = json ? "json" : formatOption(files);
        if (files.length !== 1) throw new UsageError(cliMsg.termNeeds.of());
        if (output !== undefined && !/\.xlsx$/i.test(output)) throw new UsageError(cliMsg.termOutput.of(output));
        const { runTasksTerm } = await import("./tasksCommand");
        return runTasksTerm({ file: files[0], from, to, asOf: asOfTerm, format, output, header });
      }
      const [sub, ...files] = args;
      const yearText = optionValue(files, "--year");
      const asOf = optionValue(files, "--as-of");
      const format = formatOption(files);
      if (sub !== "evaluate" || files.length !== 1 || !yearText || !asOf) throw new UsageError(cliMsg.tasksNeeds.of());
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(cliMsg.badYear.of(yearText));
      const { runTasksEvaluate } = await import("./tasksCommand");
      return runTasksEvaluate(files[0], year, asOf, format);
    }
    case "consolidate": {
      const output = optionValue(args, "-o") ?? optionValue(args, "--output");
      const exceptional = optionValue(args, "--exceptional")?.split(",").map((k) => k.trim()) ?? [];
      const rules = optionValue(args, "--rules");
      const previous = optionValue(args, "--previous");
      const asOf = midYearOption(optionValue(args, "--as-of"), optionValue(args, "--quarter"));
      const header = headerOptions((name) => optionValue(args, name));
      const json = args.includes("--json");
      const inputs = args.filter((a) => a !== "--json");
      const unknownKind = exceptional.find((k) => !UNIT_KINDS.includes(k as UnitKind));
      if (unknownKind !== undefined) throw new UsageError(cliMsg.choice.of("--exceptional", UNIT_KINDS, unknownKind));
      if (!output) throw new UsageError(cliMsg.consolidateNeeds.of());
      const { runConsolidate, terminalProgress } = await import("./consolidateCommand");
      const progress = process.stderr.isTTY ? terminalProgress((text) => process.stderr.write(text)) : undefined;
      return runConsolidate({ inputs, output, json, exceptional: new Set(exceptional as UnitKind[]), rules, previous, header, progress, ...(asOf ? { asOf } : {}) });
    }
    case "province": {
      const { parseGroupOption, runProvince } = await import("./assignCommand");
      const yearText = optionValue(args, "--year");
      const output = optionValue(args, "-o") ?? optionValue(args, "--output");
      const groups = [];
      for (let text = optionValue(args, "--group"); text !== undefined; text = optionValue(args, "--group")) groups.push(parseGroupOption(text));
      if (!yearText || !output || groups.length === 0) throw new UsageError(cliMsg.provinceNeeds.of());
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(cliMsg.badYear.of(yearText));
      if (args.length > 0) throw new UsageError(cliMsg.extraArguments.of(args.join(" ")));
      return runProvince({ year, groups, output });
    }
    case "assign": {
      const output = optionValue(args, "-o") ?? optionValue(args, "--output");
      const json = args.includes("--json");
      const inputs = args.filter((a) => a !== "--json");
      if (inputs.length !== 1 || !output) throw new UsageError(cliMsg.assignNeeds.of());
      const { runAssign } = await import("./assignCommand");
      return runAssign({ input: inputs[0], outputDir: output, json });
    }
    case "read": {
      const format = formatOption(args);
      if (args.length !== 1) throw new UsageError(cliMsg.readNeeds.of());
      const { runRead } = await import("./readCommand");
      return runRead(args[0], format);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return { stdout: render(cliMsg.usage.of(), "vi"), exitCode: command === undefined ? 2 : 0 };
    default:
      throw new UsageError(cliMsg.unknownCommand.of(command));
  }
}

/** The language of the error messages: `--lang en` words them in English wherever it stands. */
function errorLanguage(argv: readonly string[]): Language {
  return argv.some((arg, i) => arg === "--lang" && argv[i + 1] === "en") ? "en" : "vi";
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
