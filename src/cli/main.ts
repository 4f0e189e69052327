#!/usr/bin/env node
import { runEvaluate } from "./evaluateCommand";
import { runRead } from "./readCommand";
import { runWorkbook } from "./workbookCommand";
import { type CommandResult, UsageError } from "./io";

const USAGE = `Cách dùng / Usage:
  chitieu evaluate FILE.json [--format json|table]
  chitieu workbook --unit "Tam Đảo" --year 2021 [--head "Họ tên"] [--data FILE.json] -o FILE.xlsx
  chitieu read FILE.xlsx
`;

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`Thiếu giá trị cho ${name}.`);
  args.splice(index, 2);
  return value;
}

export async function run(argv: readonly string[]): Promise<CommandResult> {
  const [command, ...rest] = argv;
  const args = [...rest];
  switch (command) {
    case "evaluate": {
      const format = optionValue(args, "--format") ?? "json";
      if (format !== "json" && format !== "table") throw new UsageError(`--format nhận json hoặc table, không nhận "${format}".`);
      if (args.length !== 1) throw new UsageError("Cần đúng một tệp JSON.");
      return runEvaluate(args[0], format);
    }
    case "workbook": {
      const unit = optionValue(args, "--unit");
      const yearText = optionValue(args, "--year");
      const output = optionValue(args, "-o") ?? optionValue(args, "--output");
      const head = optionValue(args, "--head") ?? "";
      const data = optionValue(args, "--data");
      if (!unit || !yearText || !output) throw new UsageError("Cần --unit, --year và -o.");
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`Năm "${yearText}" không hợp lệ.`);
      if (args.length > 0) throw new UsageError(`Tham số thừa: ${args.join(" ")}`);
      return runWorkbook({ unit, head, year, data, output });
    }
    case "read": {
      if (args.length !== 1) throw new UsageError("Cần đúng một tệp .xlsx.");
      return runRead(args[0]);
    }
    case undefined:
    case "--help":
    case "-h":
      return { stdout: USAGE, exitCode: command === undefined ? 2 : 0 };
    default:
      throw new UsageError(`Lệnh không rõ: ${command}`);
  }
}

/**
 * Entry point: usage errors go to stderr with exit code 2 and nothing on stdout. Any other
 * error is a bug or a file we did not foresee: a short Vietnamese message, never a stack trace.
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    const result = await run(argv);
    process.stdout.write(result.stdout);
    process.exitCode = result.exitCode;
  } catch (error) {
    process.stderr.write(
      error instanceof UsageError
        ? `chitieu: ${error.message}\n${USAGE}`
        : `chitieu: lỗi không lường trước (${error instanceof Error ? error.message : String(error)}); hãy báo lỗi này kèm lệnh và tệp đã dùng.\n`,
    );
    process.exitCode = 2;
  }
}

if (require.main === module) void main(process.argv.slice(2));
