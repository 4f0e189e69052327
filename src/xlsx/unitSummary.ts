import {
  consolidate,
  presetForYear,
  rejectedInFileOrder,
  ruleSet,
  type Consolidation,
  formatPercent,
  formatPoints,
  LEVEL_NAMES,
  parseDirection,
  round4,
  STATUS_NAMES,
  vnDay,
  type AsOfRequest,
  textKey,
  UNIT_KIND_NAMES,
  type Rejection,
  type Status,
  type RuleSet,
  type Summary,
  type UnitKind,
  type UnitSummary,
  type UnitProblem,
} from "../domain";
import { reasonOf, said, type Message } from "../domain/messages/localize";
import { READ_MESSAGES } from "../domain/messages/unitFile";
import { sheetMsg } from "../domain/messages/sheet";
import { NAMES, TABLES } from "../layout/schema";
import { ruleDifferences } from "../layout/unit";
import { placedMessage, type Problem } from "../layout/problems";
import { readXlsxWorkbook, unitPlacesOf, type UnitWorkbookRead } from "./workbookCells";
import type { XlsxWorkbook } from "./xlsxPackage";
import { ZipRefused } from "./zip";

/**
 * One unit workbook's bytes checked and reduced to its UnitSummary, or the reason it cannot be
 * consolidated: the same checks for the CLI (`chitieu consolidate`) and the task pane (Tổng
 * hợp), which differ only in how they decode the package's parts. No Node API here.
 */

const KIND_BY_TEXT = new Map((Object.entries(UNIT_KIND_NAMES) as [UnitKind, string][]).map(([kind, text]) => [textKey(text), kind]));

const shown = (v: unknown) => (typeof v === "number" ? formatPoints(v) : v === "" || v === undefined || v === null ? READ_MESSAGES.empty : `"${String(v)}"`);

/** The recomputed value of each summary cell that consolidation relies on or shows. */
function recomputedSummary(s: Summary): Readonly<Record<string, string>> {
  return {
    [NAMES.count]: formatPoints(s.total),
    [NAMES.met]: formatPoints(s.met),
    [NAMES.exceeded]: formatPoints(s.exceeded),
    [NAMES.notMet]: formatPoints(s.notMet),
    [NAMES.pending]: formatPoints(s.pending),
    [NAMES.resultPoints]: s.resultPoints === null ? READ_MESSAGES.empty : formatPoints(s.resultPoints),
    [NAMES.points]: s.points === null ? READ_MESSAGES.empty : formatPoints(s.points),
    [NAMES.suggestedLevel]: s.level === null ? READ_MESSAGES.empty : `"${LEVEL_NAMES[s.level]}"`,
  };
}

/** Opens an .xlsx package: synchronously with node's zlib, or asynchronously in the browser. */
export type OpenPackage = (bytes: Uint8Array) => XlsxWorkbook | Promise<XlsxWorkbook>;

/** A unit file as given: its name (shown in every reason), its bytes and its modification time (ISO 8601). */
export interface UnitFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly modified: string;
}

/** The rules every unit is evaluated under (the province's), by the year its file holds. */
export type ProvinceRules = (year: number | null) => RuleSet;

/** The province's rules when none are named: the preset of the year (docs/rules.md §2). */
export const presetOfTheYear: ProvinceRules = (year) => ruleSet(presetForYear(year));

/** The rules of a province's workbook for every unit, whatever its year. */
export const givenRules = (rules: RuleSet): ProvinceRules => () => rules;

/**
 * The file's bytes opened, every unit it holds evaluated under the province's rules and checked:
 * a summary, or the reason it cannot be consolidated, per unit (most files hold one).
 */
export async function readUnitBytes(file: UnitFile, open: OpenPackage, rules: ProvinceRules, asOf?: AsOfRequest): Promise<(UnitSummary | Rejection)[]> {
  const reject = (reason: Message): Rejection => ({ file: file.name, reason });
  try {
    const book = await open(file.bytes);
    const places = unitPlacesOf(book);
    return places.map((place) => {
      const read = summariseUnit(file.name, file.modified, readXlsxWorkbook(book, { place, rules, ...(asOf ? { asOf } : {}) }));
      // In a shared workbook a rejection says which unit's sheet it is about.
      return places.length > 1 && isRejection(read) ? { ...read, reason: READ_MESSAGES.onSheet.of(place.sheet, read.reason) } : read;
    });
  } catch (error) {
    // Encrypted, an .xls, ZIP64 or too large: the message says what to do.
    return [reject(error instanceof ZipRefused ? error.said : READ_MESSAGES.notExcel.of(reasonOf(error)))];
  }
}

/** A problem as consolidation names it: the cell as Sheet!A1. */
const unitProblem = (p: Problem): UnitProblem => (p.cell === null ? said(placedMessage(p)) : { cell: `${p.sheet}!${p.cell}`, ...said({ id: p.id, params: p.params }) });

/** The checks of a unit workbook read back (name, year, kind, formulas typed over), and its summary. */
export function summariseUnit(file: string, modified: string, read: UnitWorkbookRead): UnitSummary | Rejection {
  const reject = (reason: Message): Rejection => ({ file, reason });
  const { evaluation, table } = read;
  if (evaluation === null || table === null || table.letters === null || read.sheet === null) return reject(READ_MESSAGES.notChiTieu.of(TABLES.unit));
  const yearValue = read.namedValue(NAMES.year);
  const year = typeof yearValue === "string" && yearValue.trim() !== "" ? Number(yearValue) : yearValue;
  if (typeof year !== "number" || !Number.isInteger(year)) return reject(READ_MESSAGES.noYear.of(NAMES.year));
  const unitValue = read.namedValue(NAMES.unitName);
  const unit = typeof unitValue === "string" || typeof unitValue === "number" ? String(unitValue).normalize("NFC").trim() : "";
  if (unit === "") return reject(READ_MESSAGES.noUnit.of(NAMES.unitName));
  const kindValue = read.namedValue(NAMES.unitKind);
  const kindText = kindValue === undefined || kindValue === null ? "" : String(kindValue).trim();
  const kind = kindText === "" ? null : KIND_BY_TEXT.get(textKey(kindText));
  if (kind === undefined) return reject(READ_MESSAGES.badKind.of(kindText, NAMES.unitKind));
  // Optional: files made before it, or not by an assignment, have no group name; consolidation then names the kind.
  const groupValue = read.namedValue(NAMES.groupName);
  const groupName = typeof groupValue === "string" || typeof groupValue === "number" ? String(groupValue).normalize("NFC").trim() : "";

  // Formulas typed over: never consolidated, reported with what the engine recomputes from the inputs.
  const letters = table.letters;
  const mismatches = read.overwrittenFormulas.map((address) => {
    const sheetRow = Number(/\d+$/.exec(address)?.[0]);
    const index = table.rows.findIndex((r) => r.sheetRow === sheetRow);
    const result = evaluation.indicators[index];
    const typed = read.tableCellValue(address);
    const where = `${address} (${result?.code ?? ""})`;
    if (!result) return READ_MESSAGES.typedOnly.of(where, shown(typed));
    if (address.startsWith(letters.achievement)) {
      const typedText = typeof typed === "number" ? formatPercent(round4(typed)) : shown(typed);
      return READ_MESSAGES.recomputed.of(where, typedText, result.achievement === null ? READ_MESSAGES.empty : formatPercent(result.achievement));
    }
    return READ_MESSAGES.recomputed.of(where, shown(typed), `"${STATUS_NAMES[result.status]}"`);
  });
  const recomputed = recomputedSummary(evaluation.summary);
  for (const name of Object.values(NAMES)) {
    const typedOver = read.problems.find((p) => p.detail === sheetMsg.summaryOverwritten(name));
    if (!typedOver) continue;
    const where = `${name} (${typedOver.cell ?? ""})`;
    const typed = shown(read.namedValue(name));
    mismatches.push(name in recomputed ? READ_MESSAGES.recomputed.of(where, typed, recomputed[name]) : READ_MESSAGES.typedOnly.of(where, typed));
  }
  if (mismatches.length > 0) return reject(READ_MESSAGES.overwritten.of(mismatches));

  return {
    file,
    sheet: read.sheet,
    modified,
    unit,
    kind,
    ...(groupName === "" ? {} : { groupName }),
    year,
    indicators: table.rows.map((row, i) => ({
      code: row.input.code,
      group: String(row.input.group ?? ""),
      name: String(row.input.name ?? ""),
      direction: parseDirection(row.input.direction) ?? textKey(String(row.input.direction ?? "")),
      achievement: evaluation.indicators[i].achievement,
      status: evaluation.indicators[i].status,
      unit: String(row.input.unit ?? ""),
      // Figures for So sánh and the province's totals: numbers the engine rated, and a pending unit's target.
      ...figures(row.input, evaluation.indicators[i].status),
    })),
    points: evaluation.summary.points,
    level: evaluation.summary.level,
    ceilingLevel: evaluation.summary.ceilingLevel,
    // Mid-year every unit is provisional, whatever its figures: its year is not over.
    provisional: read.snapshot ? true : evaluation.summary.provisional,
    ...(read.snapshot ? { snapshot: read.snapshot.asOf } : {}),
    // A level refused at its source never travels: the suggested level counts instead (docs/rules.md §3).
    // Mid-year, a final level typed in the file is not the year's yet: the suggested level counts.
    finalLevel: read.finalLevelRefused.length > 0 || read.snapshot ? null : read.finalLevel,
    problems: [
      ...ruleDifferences(read.ownRules, read.rules),
      ...read.finalLevelRefused,
      ...(read.snapshot?.problems ?? []),
    ]
      .map(unitProblem)
      .concat(read.snapshot && read.snapshot.asOf === null ? [{ cell: `${read.snapshot.sheet}!A3`, ...said(READ_MESSAGES.noSnapshot.of(vnDay(read.snapshot.asked))) }] : []),
    quota: { share: read.rules.quotaShare, shareExceptional: read.rules.quotaShareExceptional, base: read.rules.quotaBase },
  };
}

/** A unit's target and actual of one indicator as consolidation keeps them (So sánh, province totals). */
export function figures(input: { readonly target?: unknown; readonly actual?: unknown; readonly direction?: unknown }, status: Status): { target: number | null; actual: number | null } {
  const rated = status === "exceeded" || status === "met" || status === "notMet";
  // A milestone is done or not: 1 or 0 against 1, as the engine rated it ("Đạt" is text in the cell).
  if (parseDirection(input.direction) === "milestone") return rated ? { target: 1, actual: status === "met" ? 1 : 0 } : { target: null, actual: null };
  const number = (ok: boolean, v: unknown) => (ok && typeof v === "number" && Number.isFinite(v) ? v : null);
  // A pending unit's target is shown beside the others (So sánh); the totals count only units with both.
  return { target: number(rated || status === "pending", input.target), actual: number(rated, input.actual) };
}

export const isRejection = (r: UnitSummary | Rejection): r is Rejection => "reason" in r;

/**
 * Files given at once (the pane's file picker) read one after the other and consolidated as
 * `chitieu consolidate` does; `progress` is called before each file and once at the end.
 */
export async function consolidateUnitFiles(
  files: readonly UnitFile[],
  open: OpenPackage,
  exceptionalKinds: ReadonlySet<UnitKind | null>,
  rules: ProvinceRules,
  progress?: (done: number, total: number) => void,
  /** The year to consolidate (last year's files beside this year's), else the majority's. */
  year?: number,
): Promise<Consolidation> {
  const units: UnitSummary[] = [];
  const rejected: Rejection[] = [];
  for (const [i, file] of files.entries()) {
    progress?.(i, files.length);
    // One file at a time: memory holds summaries, never several workbooks' parts.
    for (const read of await readUnitBytes(file, open, rules)) {
      if (isRejection(read)) rejected.push(read);
      else units.push(read);
    }
  }
  progress?.(files.length, files.length);
  return rejectedInFileOrder(consolidate(units, rejected, exceptionalKinds, year), files.map((f) => f.name));
}
