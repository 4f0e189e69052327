/**
 * Several units in one workbook (issue 8 §1). The first unit is the single-unit layout as it
 * always was: sheet "Chỉ tiêu", table tblChiTieu, workbook names without suffix, so an old
 * workbook is already unit 1. Unit n ≥ 2 gets the same layout on its own sheets ("Chỉ tiêu n",
 * "Tiêu chí chung n", and "Theo dõi n" when it follows up during the year), its own tables (tblChiTieu_n, tblTieuChiChung_n) and its own names, the
 * unit names with the suffix "_n" (TongDiem_2, XepLoaiCuoiCung_2 …), all workbook-scoped.
 *
 * Suffixed workbook names rather than sheet-scoped ones: any sheet can name a unit's cell without
 * INDIRECT and without qualifying a sheet-local name from another sheet (which LibreOffice does
 * not resolve), "So sánh" says `=TongDiem_2`, and every writer (ExcelJS, the emulator, Office.js)
 * handles them. The catalogue and the rules (with the level list) stay shared, unsuffixed.
 */
import { CRITERIA_NAMES, NAMES, SHEETS, TABLES } from "./schema";
import type { Block, CellContent, SheetLayout, ValidationRule, WorkbookLayout } from "./types";

export interface UnitPlace {
  /** 1 for the original unit, 2, 3 … for units added later. */
  readonly index: number;
  /** "" for unit 1, "_n" for unit n. */
  readonly suffix: string;
  /** The sheets as first created (a person may rename them: the tables find them again). */
  readonly sheet: string;
  readonly table: string;
  readonly criteriaSheet: string;
  readonly criteriaTable: string;
  /** Its follow-up sheet ("Theo dõi", "Theo dõi n"), found by this name: it has no table or name of its own. */
  readonly followUpSheet: string;
}

export function unitPlace(index: number): UnitPlace {
  if (index <= 1) {
    return { index: 1, suffix: "", sheet: SHEETS.unit, table: TABLES.unit, criteriaSheet: SHEETS.criteria, criteriaTable: TABLES.criteria, followUpSheet: SHEETS.followUp };
  }
  const suffix = `_${index}`;
  return {
    index,
    suffix,
    sheet: `${SHEETS.unit} ${index}`,
    table: `${TABLES.unit}${suffix}`,
    criteriaSheet: `${SHEETS.criteria} ${index}`,
    criteriaTable: `${TABLES.criteria}${suffix}`,
    followUpSheet: `${SHEETS.followUp} ${index}`,
  };
}

const UNIT_TABLE = new RegExp(`^${TABLES.unit}(?:_(\\d+))?$`, "i");

/** The unit whose table this is (tblChiTieu → 1, tblChiTieu_3 → 3), or null. */
export function unitIndexOfTable(table: string): number | null {
  const match = UNIT_TABLE.exec(table);
  if (!match) return null;
  const index = match[1] === undefined ? 1 : Number(match[1]);
  return index >= 2 || match[1] === undefined ? index : null;
}

const CRITERIA_TABLE = new RegExp(`^${TABLES.criteria}(?:_(\\d+))?$`, "i");

/** The unit a unit table or a criteria table belongs to, or null. */
function unitOfAnyTable(table: string): number | null {
  const criteria = CRITERIA_TABLE.exec(table);
  if (criteria) return criteria[1] === undefined ? 1 : Number(criteria[1]) >= 2 ? Number(criteria[1]) : null;
  return unitIndexOfTable(table);
}

const FOLLOW_UP_SHEET_NAME = new RegExp(`^${SHEETS.followUp}(?: (\\d+))?$`, "i");

/** The unit whose follow-up sheet this is ("Theo dõi" → 1, "Theo dõi 3" → 3), or null. */
function unitOfFollowUpSheet(sheet: string): number | null {
  const match = FOLLOW_UP_SHEET_NAME.exec(sheet.normalize("NFC").trim());
  if (!match) return null;
  return match[1] === undefined ? 1 : Number(match[1]) >= 2 ? Number(match[1]) : null;
}

/** The name "Bản in" carries for the unit it was built from (DonViBanIn_2 for unit 2). */
export const PRINTED_UNIT_NAME = "DonViBanIn";
const PRINTED_UNIT = new RegExp(`^${PRINTED_UNIT_NAME}(?:_(\\d+))?$`, "i");

export function printedUnitName(place: UnitPlace): string {
  return `${PRINTED_UNIT_NAME}${place.suffix}`;
}

/** The unit whose "Bản in" a workbook holds, by its DonViBanIn name; unit 1 when there is none. */
export function printedUnit(names: Iterable<string>): UnitPlace {
  for (const name of names) {
    const index = unitOfPrintName(name);
    if (index !== null) return unitPlace(index);
  }
  return unitPlace(1);
}

function unitOfPrintName(name: string): number | null {
  const match = PRINTED_UNIT.exec(name);
  return match ? Number(match[1] ?? 1) : null;
}

/**
 * The unit an action works on: the one whose unit, criteria or follow-up sheet the user is on (or
 * whose "Bản in" it is); with a single unit (or none yet: unit 1), that one wherever the user is;
 * otherwise none (the user must choose). `activeNames`: names that point at the active sheet.
 */
export function chooseUnit(
  tables: Iterable<string>,
  activeTables: readonly string[],
  activeNames: readonly string[] = [],
  activeSheet = "",
): { place: UnitPlace | null; units: UnitPlace[] } {
  const units = unitPlaces(tables);
  const hints = [...activeTables.map(unitOfAnyTable), ...activeNames.map(unitOfPrintName), unitOfFollowUpSheet(activeSheet)];
  const active = hints.find((i) => i !== null && units.some((u) => u.index === i));
  if (active !== undefined && active !== null) return { place: unitPlace(active), units };
  return { place: units.length <= 1 ? (units[0] ?? unitPlace(1)) : null, units };
}

/** The units present, by their tables, in order (unit 1 first). */
export function unitPlaces(tables: Iterable<string>): UnitPlace[] {
  const indexes = [...tables].map(unitIndexOfTable).filter((i): i is number => i !== null);
  return [...new Set(indexes)].sort((a, b) => a - b).map(unitPlace);
}

/** The next free unit number. */
export function nextUnitPlace(existing: readonly UnitPlace[]): UnitPlace {
  return unitPlace(Math.max(1, ...existing.map((p) => p.index)) + 1);
}

/** Names every unit has its own of: the unit sheet's cells and the criteria sheet's totals. */
const SHARED = new Set<string>([NAMES.levelList, NAMES.documentNumber, NAMES.recipients]);
export const UNIT_NAMES: readonly string[] = [
  ...Object.values(NAMES).filter((n) => !SHARED.has(n)),
  ...Object.values(CRITERIA_NAMES),
];
const UNIT_NAME_SET = new Set(UNIT_NAMES);

/** A name as unit `place` holds it. */
export function placedName(name: string, place: UnitPlace): string {
  return UNIT_NAME_SET.has(name) ? `${name}${place.suffix}` : name;
}

const NAME_TOKEN = new RegExp(`(?<![A-Za-z0-9_.$!])(${UNIT_NAMES.join("|")})(?![A-Za-z0-9_(])`, "g");

/** A formula (or validation source) with the unit names of `place`: string literals are left alone. */
export function placeFormula(formula: string, place: UnitPlace): string {
  if (place.suffix === "") return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(NAME_TOKEN, (name) => `${name}${place.suffix}`)))
    .join("");
}

function placeRule(rule: ValidationRule, place: UnitPlace): ValidationRule {
  switch (rule.kind) {
    case "list":
      return { ...rule, source: placeFormula(rule.source, place) };
    case "custom":
      return { ...rule, formula: placeFormula(rule.formula, place) };
    case "decimal":
      return { ...rule, formula1: placeFormula(rule.formula1, place), ...(rule.formula2 ? { formula2: placeFormula(rule.formula2, place) } : {}) };
  }
}

/** A block of unit 1's layout with the formulas of unit `place`. */
export function placeBlock(block: Block, place: UnitPlace): Block {
  if (place.suffix === "") return block;
  const cell = (c: CellContent): CellContent =>
    "formula" in c ? { formula: placeFormula(c.formula, place) } : typeof c.value === "string" ? { value: placeText(c.value, place) } : c;
  return { ...block, cells: block.cells.map((row) => row.map(cell)) };
}

/** Sheet text that points at unit 1's sheets ('trang "Chỉ tiêu"', "trang Tiêu chí chung") points at unit `place`'s. */
function placeText(text: string, place: UnitPlace): string {
  return text.replace(`"${SHEETS.unit}"`, `"${place.sheet}"`).replace(`trang ${SHEETS.criteria}`, `trang ${place.criteriaSheet}`);
}

/** One sheet of unit 1's layout moved to unit `place`: its name, tables and every formula. */
export function placeSheet(sheet: SheetLayout, place: UnitPlace): SheetLayout {
  if (place.suffix === "") return sheet;
  const renamed: Readonly<Record<string, string>> = { [SHEETS.unit]: place.sheet, [SHEETS.criteria]: place.criteriaSheet };
  const tables: Readonly<Record<string, string>> = { [TABLES.unit]: place.table, [TABLES.criteria]: place.criteriaTable };
  return {
    ...sheet,
    name: renamed[sheet.name] ?? sheet.name,
    blocks: sheet.blocks.map((block) => placeBlock(block, place)),
    tables: sheet.tables.map((t) => ({ ...t, name: tables[t.name] ?? t.name })),
    validations: sheet.validations.map((v) => ({ ...v, rule: placeRule(v.rule, place) })),
    conditionalFormats: sheet.conditionalFormats.map((f) => ({ ...f, formula: placeFormula(f.formula, place) })),
  };
}

/**
 * Unit `place`'s own sheets taken from a single-unit workbook layout: the unit sheet and the
 * criteria sheet, with their names. The shared sheets (catalogue, rules) and "Bản in" are left out.
 */
export function unitSheetsOf(layout: WorkbookLayout, place: UnitPlace): WorkbookLayout {
  const own = new Set<string>([SHEETS.unit, SHEETS.criteria]);
  const sheets = layout.sheets.filter((s) => own.has(s.name)).map((s) => placeSheet(s, place));
  const renamed = (sheet: string) => (sheet === SHEETS.unit ? place.sheet : place.criteriaSheet);
  const names = layout.names.filter((n) => own.has(n.sheet)).map((n) => ({ ...n, name: placedName(n.name, place), sheet: renamed(n.sheet) }));
  return { sheets, names };
}
