import { quoteSheetName } from "./address";
import { SheetModel, WorkbookModel } from "./cellStore";
import { fail } from "./errors";

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches 'Old name'! or Old! as a sheet prefix inside formula text (a simple textual approach). */
function sheetPrefixPattern(name: string): RegExp {
  const quoted = `'${escapeRegex(name.replace(/'/g, "''"))}'!`;
  const bare = `(?<![\\p{L}\\p{N}_.'])${escapeRegex(name)}!`;
  return new RegExp(`${quoted}|${bare}`, "giu");
}

function rewriteFormulas(model: WorkbookModel, pattern: RegExp, replacement: string): void {
  for (const sheet of model.sheets) {
    for (const cell of sheet.cells.values()) {
      if (cell.formula !== null) cell.formula = cell.formula.replace(pattern, replacement);
    }
  }
  for (const item of model.names) item.formula = item.formula.replace(pattern, replacement);
  model.markDirty();
}

export function validateSheetName(model: WorkbookModel, name: unknown, self?: SheetModel): string {
  if (typeof name !== "string" || name.trim() === "" || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) {
    return fail("InvalidArgument", `The sheet name '${String(name)}' is not valid.`);
  }
  const existing = model.findSheet(name);
  if (existing && existing !== self) fail("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
  return name;
}

export function addSheet(model: WorkbookModel, name?: string): SheetModel {
  let chosen = name;
  if (chosen === undefined) {
    let n = model.sheets.length + 1;
    while (model.findSheet(`Sheet${n}`)) n++;
    chosen = `Sheet${n}`;
  }
  return model.addSheet(validateSheetName(model, chosen));
}

/** Renaming updates every formula and defined name that refers to the sheet, as Excel does. */
export function renameSheet(model: WorkbookModel, sheet: SheetModel, newName: unknown): void {
  const name = validateSheetName(model, newName, sheet);
  if (name === sheet.name) return;
  rewriteFormulas(model, sheetPrefixPattern(sheet.name), `${quoteSheetName(name)}!`);
  sheet.name = name;
}

/** Deleting turns references to the sheet into #REF! and drops its tables. */
export function deleteSheet(model: WorkbookModel, sheet: SheetModel): void {
  const visible = model.sheets.filter((s) => s.visibility === "Visible");
  if (visible.length === 1 && visible[0] === sheet) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
  model.sheets.splice(model.sheets.indexOf(sheet), 1);
  for (let i = model.tables.length - 1; i >= 0; i--) if (model.tables[i].sheet === sheet) model.tables.splice(i, 1);
  rewriteFormulas(model, sheetPrefixPattern(sheet.name), "#REF!");
  if (model.activeSheet === sheet) model.activeSheet = model.sheets.find((s) => s.visibility === "Visible");
  if (model.selection?.sheet === sheet) model.selection = undefined;
}

export function moveSheet(model: WorkbookModel, sheet: SheetModel, position: unknown): void {
  const index = Number(position);
  if (!Number.isInteger(index) || index < 0 || index >= model.sheets.length) fail("InvalidArgument", "Invalid sheet position.");
  model.sheets.splice(model.sheets.indexOf(sheet), 1);
  model.sheets.splice(index, 0, sheet);
}

export function protectSheet(sheet: SheetModel, options: Record<string, boolean>, password?: string): void {
  if (sheet.protection.protected) fail("InvalidOperation", `The sheet '${sheet.name}' is already protected.`);
  sheet.protection = { protected: true, password: password || undefined, options: { ...options } };
}

export function unprotectSheet(sheet: SheetModel, password?: string): void {
  if (!sheet.protection.protected) return;
  if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
    fail("AccessDenied", "The password you supplied is not correct.");
  }
  sheet.protection = { protected: false, options: {} };
}
