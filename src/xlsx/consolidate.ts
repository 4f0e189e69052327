import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { AsOfRequest, Rejection, RuleSet, UnitSummary } from "../domain";
import { COMPARISON_SHEETS } from "../layout/comparison";
import { PUBLIC_SHEET } from "../layout/comparison";
import { readRules } from "../layout/unit";
import type { Problem } from "../layout/problems";
import { RULE_NAMES, type RuleNameKey } from "../layout/schema";
import { readUnitBytes, type ProvinceRules } from "./unitSummary";
import { READ_MESSAGES } from "../domain/messages/unitFile";
import { fileCells, namedValue } from "./workbookCells";
import { readInputFile } from "./inputFile";
import { openXlsx } from "./xlsxParts";
import { FileRefused } from "./refused";

/**
 * Reading unit workbooks for consolidation from disk (CLI), one file at a time: each is read,
 * checked and reduced to its UnitSummary before the next is opened, so memory holds summaries,
 * never workbooks. The checks themselves are shared with the task pane (unitSummary.ts).
 */
export { isRejection } from "./unitSummary";

/** The .xlsx files to consolidate: files as given, directories' .xlsx files by name (not Excel's ~$ lock files). */
export function expandInputs(paths: readonly string[]): { files: string[]; rejected: Rejection[] } {
  const files: string[] = [];
  const rejected: Rejection[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      rejected.push({ file: path, reason: READ_MESSAGES.notAnInput.of(path) });
      continue;
    }
    if (!isDirectory) files.push(path);
    else {
      const names = readdirSync(path).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$") && !n.startsWith("."));
      files.push(...names.sort((a, b) => a.localeCompare(b, "vi")).map((n) => join(path, n)));
    }
  }
  return { files, rejected };
}

/** One file read, checked and reduced to its units' summaries (at a date: its follow-up snapshot's), or the reasons they cannot be consolidated. */
export async function readUnitSummary(file: string, rules: ProvinceRules, asOf?: AsOfRequest): Promise<(UnitSummary | Rejection)[]> {
  let bytes: Buffer;
  let modified: string;
  try {
    bytes = readInputFile(file);
    modified = statSync(file).mtime.toISOString();
  } catch (error) {
    return [{ file, reason: error instanceof FileRefused ? error.said : READ_MESSAGES.unreadable.of() }];
  }
  return readUnitBytes({ name: file, bytes, modified }, openXlsx, rules, asOf);
}

/**
 * The province's rules from a workbook's rules sheet (`consolidate --rules FILE`): null when the
 * file has no rules sheet of Chỉ Tiêu; otherwise the rules with any cell that could not be read.
 * Throws when the file is not a readable .xlsx.
 */
export function readRulesFile(file: string): { rules: RuleSet; problems: Problem[] } | null {
  const cells = fileCells(openXlsx(readInputFile(file)));
  const values = Object.fromEntries((Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(cells, RULE_NAMES[key])]));
  return Object.values(values).every((v) => v === undefined) ? null : readRules(values);
}

/**
 * Whether a file is a consolidation written by `chitieu consolidate` (So sánh … Công khai, no
 * table), which a new consolidation may replace; a unit workbook (it has a table) never is.
 */
export function isConsolidationFile(file: string): boolean {
  try {
    const book = openXlsx(readInputFile(file));
    return book.tables.length === 0 && book.sheetNames.includes(COMPARISON_SHEETS.comparison) && book.sheetNames.includes(PUBLIC_SHEET);
  } catch {
    return false;
  }
}
