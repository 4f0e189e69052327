/**
 * What the contract suite needs of a workbook besides the service: type a value as a person
 * would, read a cell or a name back. Written once with Office.js calls, so the same code runs on
 * the emulator (npm test) and inside desktop Excel (npm run test:excel).
 */
import type { ChiTieuWorkbook } from "../../src/contract/workbook";

export type Batch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ContractHost {
  readonly service: ChiTieuWorkbook;
  /** Type into a cell (unlocked input cells only, as a person on a protected sheet can). */
  type(sheet: string, address: string, value: string | number): Promise<void>;
  /** Unprotect a sheet protected without a password, as a person does before typing in a locked cell. */
  unprotect(sheet: string): Promise<void>;
  value(sheet: string, address: string): Promise<unknown>;
  formula(sheet: string, address: string): Promise<unknown>;
  sheetNames(): Promise<string[]>;
  /** Sheet and A1 address (no $) of a workbook-scoped named cell. */
  nameAddress(name: string): Promise<{ sheet: string; address: string }>;
}

export function officeHost(run: Batch, service: ChiTieuWorkbook): ContractHost {
  const cell = async (sheet: string, address: string, property: "values" | "formulas") =>
    run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address).load(property);
      await context.sync();
      return range[property][0][0] as unknown;
    });
  return {
    service,
    type: (sheet, address, value) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
        await context.sync();
      }),
    unprotect: (sheet) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).protection.unprotect();
        await context.sync();
      }),
    value: (sheet, address) => cell(sheet, address, "values"),
    formula: (sheet, address) => cell(sheet, address, "formulas"),
    sheetNames: () =>
      run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        return sheets.items.map((ws) => ws.name);
      }),
    nameAddress: (name) =>
      run(async (context) => {
        const range = context.workbook.names.getItem(name).getRange().load("address");
        await context.sync();
        const [sheet, address] = range.address.split("!");
        return { sheet: sheet.replace(/^'|'$/g, "").replace(/''/g, "'"), address: address.replace(/\$/g, "") };
      }),
  };
}

/**
 * Leaves one empty sheet: the state each case starts from. Excel refuses to delete the last
 * sheet, so a fresh one is added first and the others deleted.
 */
export async function resetWorkbook(run: Batch): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const fresh = context.workbook.worksheets.add(`Kiểm thử ${Date.now() % 100000}`);
    fresh.activate();
    for (const ws of sheets.items) ws.delete();
    const names = context.workbook.names.load("items/name");
    await context.sync();
    for (const named of names.items) named.delete();
    await context.sync();
  });
}
