#!/usr/bin/env node
// Commands are loaded on demand: only workbook and print load ExcelJS.
import { headerOptions } from "./headerOptions";
import { type CommandResult, FileError, UsageError } from "./io";
import type { UnitKind } from "../domain";
// The small mid-year parser only: the engine is loaded with the command that needs it.
import { parseAsOf, parseQuarter, type AsOfRequest } from "../domain/midyear";

const UNIT_KINDS: readonly UnitKind[] = ["commune", "district", "department", "massOrganisation"];

const USAGE = `Cách dùng / Usage:
  chitieu evaluate FILE.json [--format json|table] [--lang vi|en]
  chitieu workbook --unit "Tam Đảo" --year 2021 [--head "Họ tên"] [--data FILE.json] -o FILE.xlsx
           [--unit-kind commune|district|department|massOrganisation]
           [--superior-body "ĐẢNG BỘ TỈNH PHÚ THỌ"] [--issuing-body "BAN THƯỜNG VỤ HUYỆN ỦY TAM ĐẢO"]
           [--number "12-BC/HU"] [--place-date "Tam Đảo, ngày 20 tháng 12 năm 2025"]
           [--signer-title "T/M BAN THƯỜNG VỤ"] [--signer-position "BÍ THƯ"] [--signer-name "Họ tên"]
           [--recipients "- Như trên,\\n- Lưu Văn phòng"]
           [--task-register] [--tasks TASKS.json] [--as-of YYYY-MM-DD] [--leader "Họ tên"]   (sổ việc đột phá, đổi mới)
  chitieu read FILE.xlsx [--format json|table]
  chitieu tasks evaluate FILE.json|FILE.xlsx --year Y --as-of YYYY-MM-DD [--format json|table]
  chitieu print FILE.xlsx [--sheet "Công khai" | "Phiếu đăng ký" | …] -o FILE.pdf      (cần LibreOffice / needs LibreOffice)
  chitieu print TINH.xlsx -o QUYET_DINH.pdf [--number "15-QĐ/TU"] [--superior-body …] …   (quyết định giao chỉ tiêu từ sổ của tỉnh)
  chitieu consolidate FILES_OR_DIR… -o tong-hop.xlsx [--json] [--exceptional KIND,…] [--rules TINH.xlsx] [--previous NAM_TRUOC_DIR_OR_FILE]
           [--as-of 30/06/2025 | --quarter 2]   (tạm tính giữa năm từ trang "Theo dõi" của từng đơn vị)
           [--superior-body …] [--issuing-body …] [--number …] [--place-date …]
           [--signer-title …] [--signer-position …] [--signer-name …] [--recipients "- Như trên,\\n- Lưu VP"]
  chitieu province --year 2021 --group "Huyện, thành phố: Tam Đảo; Sông Lô" [--group …] -o TINH.xlsx   (tệp giao chỉ tiêu của tỉnh)
  chitieu assign TINH.xlsx -o THU_MUC/ [--json]      (ghi tệp của từng đơn vị từ các trang "Giao chỉ tiêu")
  chitieu help
`;

/** The --format option of the commands that print an evaluation. */
function formatOption(args: string[]): "json" | "table" {
  const format = optionValue(args, "--format") ?? "json";
  if (format !== "json" && format !== "table") throw new UsageError(`--format nhận json hoặc table, không nhận "${format}".`);
  return format;
}

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`Thiếu giá trị cho ${name}.`);
  args.splice(index, 2);
  return value;
}

/** `--as-of DATE` or `--quarter N` of consolidate (one of them at most). */
function midYearOption(date: string | undefined, quarter: string | undefined): AsOfRequest | undefined {
  if (date !== undefined && quarter !== undefined) throw new UsageError("Chỉ dùng một trong --as-of và --quarter.");
  if (date !== undefined) return parseAsOf(date) ?? usage(`--as-of nhận một ngày như 30/06/2025 hoặc 2025-06-30, không nhận "${date}".`);
  if (quarter !== undefined) return parseQuarter(quarter) ?? usage(`--quarter nhận 1, 2, 3 hoặc 4, không nhận "${quarter}".`);
  return undefined;
}

const usage = (text: string): never => {
  throw new UsageError(text);
};

export async function run(argv: readonly string[]): Promise<CommandResult> {
  const [command, ...rest] = argv;
  const args = [...rest];
  switch (command) {
    case "evaluate": {
      const format = formatOption(args);
      const language = optionValue(args, "--lang") ?? "vi";
      if (language !== "vi" && language !== "en") throw new UsageError(`--lang nhận vi hoặc en, không nhận "${language}".`);
      if (language === "en" && format === "table") throw new UsageError("--lang en chỉ dùng với --format json (bảng luôn bằng tiếng Việt).");
      if (args.length !== 1) throw new UsageError("Cần đúng một tệp JSON.");
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
      if (asOf !== undefined && !taskRegister) throw new UsageError("--as-of chỉ dùng cùng --task-register hoặc --tasks.");
      if (leader !== undefined && tasks === undefined) throw new UsageError("--leader chỉ dùng cùng --tasks.");
      if (unitKind !== undefined && !UNIT_KINDS.includes(unitKind as UnitKind)) {
        throw new UsageError(`--unit-kind nhận ${UNIT_KINDS.join(", ")}, không nhận "${unitKind}".`);
      }
      if (!unit || !yearText || !output) throw new UsageError("Cần --unit, --year và -o.");
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`Năm "${yearText}" không hợp lệ.`);
      if (args.length > 0) throw new UsageError(`Tham số thừa: ${args.join(" ")}`);
      return runWorkbook({ unit, head, year, data, output, header, unitKind: unitKind as UnitKind | undefined, ...(taskRegister ? { taskRegister: { tasks, asOf, leader } } : {}) });
    }
    case "print": {
      const output = optionValue(args, "-o") ?? optionValue(args, "--output");
      const sheet = optionValue(args, "--sheet");
      const header = headerOptions((name) => optionValue(args, name));
      if (args.length !== 1 || !output) throw new UsageError("Cần đúng một tệp .xlsx và -o FILE.pdf.");
      const { runPrint } = await import("./printCommand");
      return runPrint({ input: args[0], output, sheet, header });
    }
    case "tasks": {
      const [sub, ...files] = args;
      const yearText = optionValue(files, "--year");
      const asOf = optionValue(files, "--as-of");
      const format = formatOption(files);
      if (sub !== "evaluate" || files.length !== 1 || !yearText || !asOf) throw new UsageError("Cần: tasks evaluate FILE.json|FILE.xlsx --year Y --as-of YYYY-MM-DD.");
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`Năm "${yearText}" không hợp lệ.`);
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
      if (unknownKind !== undefined) throw new UsageError(`--exceptional nhận ${UNIT_KINDS.join(", ")}, không nhận "${unknownKind}".`);
      if (!output) throw new UsageError("Cần -o tong-hop.xlsx.");
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
      if (!yearText || !output || groups.length === 0) throw new UsageError("Cần --year, ít nhất một --group và -o.");
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`Năm "${yearText}" không hợp lệ.`);
      if (args.length > 0) throw new UsageError(`Tham số thừa: ${args.join(" ")}`);
      return runProvince({ year, groups, output });
    }
    case "assign": {
      const output = optionValue(args, "-o") ?? optionValue(args, "--output");
      const json = args.includes("--json");
      const inputs = args.filter((a) => a !== "--json");
      if (inputs.length !== 1 || !output) throw new UsageError("Cần đúng một tệp của tỉnh (.xlsx) và -o THU_MUC.");
      const { runAssign } = await import("./assignCommand");
      return runAssign({ input: inputs[0], outputDir: output, json });
    }
    case "read": {
      const format = formatOption(args);
      if (args.length !== 1) throw new UsageError("Cần đúng một tệp .xlsx.");
      const { runRead } = await import("./readCommand");
      return runRead(args[0], format);
    }
    case undefined:
    case "help":
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
      error instanceof FileError
        ? `chitieu: ${error.message}\n`
        : error instanceof UsageError
          ? `chitieu: ${error.message}\n${USAGE}`
        : `chitieu: lỗi không lường trước (${error instanceof Error ? error.message : String(error)}); hãy báo lỗi này kèm lệnh và tệp đã dùng.\n`,
    );
    process.exitCode = 2;
  }
}

if (require.main === module) void main(process.argv.slice(2));
