import { ALL_FEATURES } from "../../src/excel/features";
import { createWorkbookService } from "../../src/excel/workbookService";
import type { FeatureSupport } from "../../src/contract/workbook";
import { CATALOGUE_COLUMNS, TABLES } from "../../src/layout";
import { createWorkbookEmulator, type WorkbookEmulator } from "../../src/preview/emulator";
import type { WorkbookSnapshot } from "../../src/preview/emulator/snapshot";

export function setup(features: FeatureSupport = ALL_FEATURES, sheets: string[] = ["Sheet1"]) {
  const emulator: WorkbookEmulator = createWorkbookEmulator({ sheets });
  const service = createWorkbookService((batch) => emulator.run(batch), features);
  return { emulator, service };
}

export const SETUP = { unitName: "Tam Đảo", head: "Nguyễn Văn A", year: 2021, preset: "qd366-2025", catalogue: "default" } as const;

/** Sheet row of the n-th indicator (0-based) in a freshly created unit sheet. */
export const row = (n: number) => 8 + n;

/** A province catalogue of `count` increase indicators, written as the catalogue sheet's table. */
export async function writeCatalogue(emulator: WorkbookEmulator, count: number): Promise<void> {
  await emulator.run(async (context) => {
    const ws = context.workbook.worksheets.add("Danh mục");
    const header = CATALOGUE_COLUMNS.map((c) => c.header);
    const rows = Array.from({ length: count }, (_, i) => [`'${1 + Math.floor(i / 10)}.${(i % 10) + 1}`, `'${1 + Math.floor(i / 10)}`, "Nhóm", `Chỉ tiêu số ${i + 1}`, "người", "Tăng", "", 1]);
    const range = ws.getRangeByIndexes(1, 0, count + 1, header.length);
    range.values = [header, ...rows];
    ws.tables.add(range, true).name = TABLES.catalogue;
    await context.sync();
  });
}

/** Address of a named cell on its sheet. */
export function cellOf(emulator: WorkbookEmulator, name: string): string {
  const named = emulator.snapshot().names.find((n) => n.name === name);
  if (!named) throw new Error(`no name ${name}`);
  return String(named.formula).replace(/^.*!/, "").replace(/\$/g, "");
}

/** What a person does in Excel before typing into a locked cell: unprotect the sheet (no password). */
export async function unprotect(emulator: WorkbookEmulator, sheet: string): Promise<void> {
  await emulator.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).protection.unprotect();
    await context.sync();
  });
}

/** A person changes a cell's format to General (so typing "=…" makes a formula even in a text column). */
export async function formatAsGeneral(emulator: WorkbookEmulator, sheet: string, address: string): Promise<void> {
  await emulator.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).numberFormat = [["General"]];
    await context.sync();
  });
}

/** Cells of a sheet holding a formula as text: what Excel does with a formula sent into a text-formatted cell. */
export function formulasLeftAsText(snapshot: WorkbookSnapshot, sheet: string): string[] {
  const cells = snapshot.sheets.find((s) => s.name === sheet)?.cells ?? [];
  return cells.filter((c) => c.formula === null && typeof c.value === "string" && c.value.startsWith("=")).map((c) => c.address);
}
