import * as fs from "node:fs";
import * as path from "node:path";
import { textKey } from "../domain";
import { DEFAULT_HEADER } from "../layout/print";
import { ASSIGNMENT_TABLE_PREFIX, DECISION_NUMBER, DECISION_SHEET, decisionSheet, decisionUnits } from "../layout/province";
import type { DocumentHeader } from "../layout/schema";
import { readProvinceWorkbook } from "../xlsx/readAssignment";
import { writeXlsx } from "../xlsx/writeLayout";
import type { XlsxWorkbook } from "../xlsx/xlsxParts";
import type { CommandResult } from "./io";
import { makeTempDir } from "./libreoffice";
import { render, type Language, type Message } from "../domain/messages/localize";
import { placedMessage } from "../layout/problems";
import { reportMsg } from "../domain/messages/report";

/** Whether a workbook is the province's (it holds an assignment table, tblGiao…). */
export const isProvinceWorkbook = (book: XlsxWorkbook) => book.tables.some((t) => textKey(t.name).startsWith(textKey(ASSIGNMENT_TABLE_PREFIX)));

/**
 * `chitieu print TINH.xlsx`: the assignment decision (Quyết định giao chỉ tiêu) from the province
 * workbook's assignment sheets as they stand, each unit's annex with only the indicators it carries,
 * printed like every other document (a one-sheet workbook through LibreOffice). Refused, each cell
 * named, while an assignment sheet has an error (as `assign` refuses to write the units' files).
 */
export async function printDecision(
  book: XlsxWorkbook,
  options: { readonly input: string; readonly output: string; readonly header?: Partial<DocumentHeader>; readonly language?: Language },
  print: (input: string, sheet: string) => Promise<CommandResult>,
): Promise<CommandResult> {
  const read = readProvinceWorkbook(book);
  const errors = read.problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || read.assignments.length === 0) {
    const show = (m: Message) => render(m, options.language ?? "vi");
    const lines = errors.map((p) => `- ${p.cell ? `${p.sheet}!${p.cell}: ` : ""}${show(placedMessage(p))}`);
    return { stdout: [show(reportMsg.decisionRefused.of(options.input)), ...lines].join("\n") + "\n", exitCode: 1 };
  }
  const header = { ...DEFAULT_HEADER, number: DECISION_NUMBER, ...options.header };
  const sheet = decisionSheet({ year: read.assignments[0].year, header, units: decisionUnits(read.assignments) });
  const dir = makeTempDir("chitieu-quyet-dinh-");
  try {
    const copy = path.join(dir, `${path.basename(options.output, path.extname(options.output))}.xlsx`);
    fs.writeFileSync(copy, await writeXlsx({ sheets: [sheet], names: [] }));
    return await print(copy, DECISION_SHEET);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
