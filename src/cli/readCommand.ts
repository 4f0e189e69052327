import { readFileSync } from "node:fs";
import { readUnitWorkbook } from "../xlsx/readWorkbook";
import { ZipTooLarge } from "../xlsx/zipGuard";
import { LEVEL_NAMES, type Level } from "../domain";
import { toContractJson } from "./evaluateCommand";
import { UsageError, type CommandResult } from "./io";
import { formatTable } from "./table";

/** `chitieu read FILE.xlsx`: the engine's evaluation of the workbook's inputs, plus the levels typed there. */
export async function runRead(file: string, format: "json" | "table" = "json"): Promise<CommandResult> {
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
  const hasErrors = read.problems.some((p) => p.severity === "error");
  const exitCode = hasErrors ? 1 : 0;
  if (format === "table") {
    const level = (value: Level | null) => (value === null ? "(trống)" : LEVEL_NAMES[value]);
    const lines = [
      `Trang tính: ${read.sheet}`,
      `Xếp loại của đơn vị: ${level(read.unitLevel)}`,
      `Xếp loại công chức: ${level(read.civilServantLevel)}`,
      `Xếp loại cuối cùng: ${level(read.finalLevel)}`,
      ...(read.overwrittenFormulas.length > 0 ? [`Ô công thức bị nhập đè: ${read.overwrittenFormulas.join(", ")}`] : []),
      ...(read.problems.length > 0 ? ["Vấn đề:", ...read.problems.map((p) => `  - ${p.severity === "error" ? "Lỗi" : "Lưu ý"}: ${p.message}`)] : []),
    ];
    return { stdout: formatTable(read.evaluation) + lines.join("\n") + "\n", exitCode };
  }
  const output = {
    ...(toContractJson(read.evaluation) as object),
    sheet: read.sheet,
    unitLevel: read.unitLevel,
    civilServantLevel: read.civilServantLevel,
    finalLevel: read.finalLevel,
    overwrittenFormulas: read.overwrittenFormulas,
    problems: read.problems,
  };
  return { stdout: JSON.stringify(output, null, 2) + "\n", exitCode };
}
