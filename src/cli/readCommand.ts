import { readFileSync } from "node:fs";
import { readUnitWorkbook } from "../xlsx/readWorkbook";
import { ZipTooLarge } from "../xlsx/zipGuard";
import { toContractJson } from "./evaluateCommand";
import { UsageError, type CommandResult } from "./io";

/** `chitieu read FILE.xlsx`: the engine's evaluation of the workbook's inputs, plus the levels typed there. */
export async function runRead(file: string): Promise<CommandResult> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new UsageError(`Không đọc được tệp ${file}.`);
  }
  const read = await readUnitWorkbook(data).catch((error: Error) => {
    if (error instanceof ZipTooLarge) throw new UsageError(`${file}: ${error.message}`);
    throw new UsageError(`${file} không phải tệp Excel (.xlsx) hợp lệ: ${error.message}`);
  });
  if (read.evaluation === null) throw new UsageError(read.problems.map((p) => p.message).join("\n"));
  const output = {
    ...(toContractJson(read.evaluation) as object),
    sheet: read.sheet,
    unitLevel: read.unitLevel,
    civilServantLevel: read.civilServantLevel,
    finalLevel: read.finalLevel,
    overwrittenFormulas: read.overwrittenFormulas,
    problems: read.problems,
  };
  const hasErrors = read.problems.some((p) => p.severity === "error");
  return { stdout: JSON.stringify(output, null, 2) + "\n", exitCode: hasErrors ? 1 : 0 };
}
