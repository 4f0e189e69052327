import {
  assess,
  checkAssignment,
  groupNameLength,
  isBlank,
  MAX_GROUP_NAME,
  numberMessage,
  parseCellFlag,
  parseCellNumber,
  parseDirection,
  parseYesNo,
  textKey,
  UNIT_KIND_NAMES,
  type AssignedIndicator,
  type AssignedUnit,
  type Group,
  type GroupAssignment,
  type Indicator,
  type RuleSet,
  type UnitKind,
} from "../../domain";
import { assignSheetMsg } from "../../domain/messages/assignSheet";
import { cellAddress, parseCell } from "../addresses";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS, SCOPE_WORDS, type AssignmentColumnKey } from "./assignmentSheet";
import { columnsByHeader } from "../headers";
import { SHEETS, type RuleNameKey } from "../schema";
import { readRules } from "../unit";
import { sheetMsg } from "../../domain/messages/sheet";
import { problem, type Problem } from "../problems";

/** What reading one assignment sheet needs: its table with the rows above it, as the cells hold them. */
export interface AssignmentCells {
  readonly sheet: string;
  /** Top-left cell of the table (its header row). */
  readonly origin: string;
  /** The table's values, header row first. */
  readonly values: readonly (readonly unknown[])[];
  /** The rows of heads and kinds above the header, over the table's columns. */
  readonly heads: readonly unknown[];
  readonly kinds: readonly unknown[];
  readonly group: unknown;
  readonly year: unknown;
}

const trimmed = (raw: unknown) => (raw === null || raw === undefined ? "" : String(raw).normalize("NFC").trim());

function unitKindOf(raw: unknown): UnitKind | null | undefined {
  if (isBlank(raw)) return null;
  const found = (Object.entries(UNIT_KIND_NAMES) as [UnitKind, string][]).find(([, name]) => textKey(name) === textKey(String(raw)));
  return found ? found[0] : undefined;
}

/**
 * One group's assignment, with every unreadable cell reported. Units are the columns after the fixed
 * ones whose header holds a name; the sum check is a warning (the committee may assign more than its
 * own target), everything else an error that stops `assign` before anything is written.
 */
export function readAssignment(cells: AssignmentCells): { assignment: GroupAssignment | null; problems: Problem[] } {
  const { sheet } = cells;
  const origin = parseCell(cells.origin);
  const header = cells.values[0] ?? [];
  const columns = columnsByHeader(header, ASSIGNMENT_COLUMNS);
  const missing = ASSIGNMENT_COLUMNS.filter((c) => columns[c.key] === undefined);
  const problems: Problem[] = missing.map((c) => problem(sheet, null, assignSheetMsg.missingColumn.of(c.header)));
  if (missing.length > 0) return { assignment: null, problems };
  const at = (row: number, column: number) => cellAddress(origin.row + row, origin.column + column);
  /** A cell `rows` above the table's header row (the layout's rows, wherever the table was moved). */
  const above = (row: number, column: number) => cellAddress(origin.row - (ASSIGNMENT_ROWS.header - row), column);

  const group = trimmed(cells.group);
  if (group === "") problems.push(problem(sheet, above(ASSIGNMENT_ROWS.group, 2), assignSheetMsg.noGroup));
  // A group's name is a title the pages publish: a longer cell is a careless one (consolidation would not publish it).
  const groupLength = groupNameLength(group);
  if (groupLength > MAX_GROUP_NAME) problems.push(problem(sheet, above(ASSIGNMENT_ROWS.group, 2), assignSheetMsg.groupNameTooLong.of(groupLength, MAX_GROUP_NAME)));
  const year = typeof cells.year === "number" && Number.isInteger(cells.year) && cells.year >= 1900 && cells.year <= 2200 ? cells.year : null;
  if (year === null) problems.push(problem(sheet, above(ASSIGNMENT_ROWS.year, 2), assignSheetMsg.badYear.of(trimmed(cells.year))));

  const fixed = new Set(Object.values(columns));
  const unitColumns: { column: number; name: string; head: string; kind: UnitKind | null }[] = [];
  const seenUnits = new Set<string>();
  header.forEach((raw, column) => {
    const name = trimmed(raw);
    if (fixed.has(column) || name === "") return;
    if (seenUnits.has(textKey(name))) {
      problems.push(problem(sheet, at(0, column), assignSheetMsg.duplicateUnit.of(name)));
      return;
    }
    seenUnits.add(textKey(name));
    const kind = unitKindOf(cells.kinds[column]);
    if (kind === undefined) problems.push(problem(sheet, above(ASSIGNMENT_ROWS.kind, origin.column + column), assignSheetMsg.badKind.of(name, trimmed(cells.kinds[column]))));
    unitColumns.push({ column, name, head: trimmed(cells.heads[column]), kind: kind ?? null });
  });
  if (unitColumns.length === 0) problems.push(problem(sheet, null, assignSheetMsg.noUnits));

  const groups = new Map<string, Group>();
  const indicators: AssignedIndicator[] = [];
  const targets = new Map(unitColumns.map((u) => [u.name, new Map<string, number | true>()]));
  const seenCodes = new Set<string>();
  cells.values.slice(1).forEach((row, i) => {
    const r = i + 1;
    const get = (key: AssignmentColumnKey) => row[columns[key] as number];
    const where = (key: AssignmentColumnKey) => at(r, columns[key] as number);
    const code = trimmed(get("code"));
    if (code === "") return;
    if (seenCodes.has(textKey(code))) {
      problems.push(problem(sheet, where("code"), assignSheetMsg.duplicateCode.of(code)));
      return;
    }
    seenCodes.add(textKey(code));
    const direction = parseDirection(get("direction"));
    const key = parseCellFlag(get("key"));
    const weight = parseCellNumber(get("weight"));
    const additive = parseYesNo(get("additive"));
    const scopeText = textKey(trimmed(get("scope")));
    const scope = scopeText === "" || scopeText === textKey(SCOPE_WORDS.all) ? "all" : scopeText === textKey(SCOPE_WORDS.own) ? "own" : null;
    if (direction === null) problems.push(problem(sheet, where("direction"), sheetMsg.catalogueDirection.of(code, trimmed(get("direction")))));
    if (key.kind === "invalid") problems.push(problem(sheet, where("key"), sheetMsg.catalogueKey.of(code)));
    if (weight.kind !== "value" || weight.value <= 0) problems.push(problem(sheet, where("weight"), sheetMsg.catalogueWeight.of(code)));
    if (additive.kind === "invalid") problems.push(problem(sheet, where("additive"), assignSheetMsg.badYesNo.of(code, "Cộng dồn")));
    if (scope === null) problems.push(problem(sheet, where("scope"), assignSheetMsg.badScope.of(code, SCOPE_WORDS.all, SCOPE_WORDS.own)));
    const provinceRaw = get("provinceTarget");
    const province = isBlank(provinceRaw) ? null : parseCellNumber(provinceRaw);
    if (province?.kind === "invalid") problems.push(problem(sheet, where("provinceTarget"), assignSheetMsg.provinceTarget.of(code, numberMessage(province))));
    const groupCode = trimmed(get("group")) || code.split(".")[0];
    if (!groups.has(groupCode)) groups.set(groupCode, { code: groupCode, name: trimmed(get("groupName")) || null });
    const indicator: Indicator = {
      code,
      group: groupCode,
      name: trimmed(get("name")),
      unit: trimmed(get("unit")),
      direction: direction ?? "increase",
      key: key.kind === "value" && key.value,
      weight: weight.kind === "value" && weight.value > 0 ? weight.value : 1,
    };
    const provinceTarget = province?.kind === "value" ? province.value : null;
    indicators.push({ ...indicator, additive: additive.kind === "value" && additive.value, scope: scope ?? "all", provinceTarget });
    if (direction === null) return;
    const given: number[] = [];
    for (const unit of unitColumns) {
      const raw = row[unit.column];
      if (isBlank(raw)) {
        if (scope === "all") problems.push(problem(sheet, at(r, unit.column), assignSheetMsg.missingUnitTarget.of(unit.name, code)));
        continue;
      }
      const checked = assess(direction, raw, null, "sheet");
      const error = checked.status === "error" ? checked.errors.find((e) => e.field === "target") : undefined;
      if (error) {
        problems.push(problem(sheet, at(r, unit.column), assignSheetMsg.unitTarget.of(unit.name, code, error)));
        continue;
      }
      const target = direction === "milestone" ? true : (raw as number);
      targets.get(unit.name)?.set(code, target);
      if (typeof target === "number") given.push(target);
    }
    if (additive.kind === "value" && additive.value && provinceTarget !== null && direction !== "milestone") {
      const check = checkAssignment(code, provinceTarget, given);
      if (check.message) problems.push(problem(sheet, where("difference"), check.message, "warning"));
    }
  });
  const units: AssignedUnit[] = unitColumns.map((u) => ({ name: u.name, head: u.head, kind: u.kind, targets: targets.get(u.name) ?? new Map() }));
  const ok = problems.every((p) => p.severity !== "error");
  return {
    assignment: ok && year !== null ? { group, year, catalogue: { groups: [...groups.values()], indicators }, indicators, units } : null,
    problems,
  };
}

/** A province workbook read back: every group's assignment (tables tblGiao1, tblGiao2 …) and the province's rules. */
export interface ProvinceRead {
  readonly assignments: readonly GroupAssignment[];
  readonly rules: RuleSet;
  readonly problems: readonly Problem[];
}

/** One assignment table as found: its sheet, top-left cell (header row) and values, header first. */
export interface AssignmentTableFound {
  readonly sheet: string;
  readonly origin: string;
  readonly values: readonly (readonly unknown[])[];
}

/**
 * Every assignment table of a province workbook and its rules, however the cells are held (a file
 * read by the CLI, a live workbook read by the add-in): `cellAt` gives a sheet's cell by 0-based row
 * and column, for the rows above each table (heads, kinds, the group and year in column C).
 */
export function readProvince(
  tables: readonly AssignmentTableFound[],
  cellAt: (sheet: string, row: number, column: number) => unknown,
  ruleValues: Readonly<Partial<Record<RuleNameKey, unknown>>>,
): ProvinceRead {
  const { rules, problems } = readRules(ruleValues);
  // Not a province workbook at all: what its rules cells lack is beside the point.
  if (tables.length === 0) return { assignments: [], rules, problems: [problem(SHEETS.rules, null, assignSheetMsg.noTable)] };
  const assignments: GroupAssignment[] = [];
  for (const table of tables) {
    const origin = parseCell(table.origin);
    const width = table.values[0]?.length ?? 0;
    /** A row of the layout above the header, wherever the table now starts. */
    const rowOf = (layoutRow: number) => origin.row - (ASSIGNMENT_ROWS.header - layoutRow);
    const row = (layoutRow: number) => Array.from({ length: width }, (_, c) => cellAt(table.sheet, rowOf(layoutRow), origin.column + c));
    const result = readAssignment({
      ...table,
      heads: row(ASSIGNMENT_ROWS.head),
      kinds: row(ASSIGNMENT_ROWS.kind),
      group: cellAt(table.sheet, rowOf(ASSIGNMENT_ROWS.group), 2),
      year: cellAt(table.sheet, rowOf(ASSIGNMENT_ROWS.year), 2),
    });
    problems.push(...result.problems);
    if (result.assignment) assignments.push(result.assignment);
  }
  return { assignments, rules, problems };
}
