import { parseAddress } from "./address";
import { Batch, SyncStats } from "./batch";
import { ExcelErrorValue, Scalar, SheetModel, WorkbookModel } from "./cellStore";
import { fail } from "./errors";
import { recalculate } from "./formulaEngine";
import { formatDisplay } from "./numberFormat";
import { computedAt, writeInputs } from "./rangeOps";
import { deleteSheet, protectSheet, renameSheet } from "./sheetOps";
import { WorkbookProxy } from "./sheetProxies";
import { WorkbookSnapshot, takeSnapshot } from "./snapshot";
import { sheetCharts, type ChartModel } from "./charts";

export { EmulatorError } from "./errors";
export type { EmulatorErrorCode } from "./errors";
export { ExcelEnums } from "./enums";
export type { ChartModel } from "./charts";
export type {
  CellSnapshot, ConditionalFormatSnapshot, DataValidationSnapshot, SheetSnapshot, TableSnapshot, WorkbookSnapshot,
} from "./snapshot";

export interface WorkbookEmulatorOptions {
  latencyMs?: number;
  /** Default 5 MB, Excel on the web's request payload limit. */
  maxRequestBytes?: number;
  /** Initial sheet names; default ["Sheet1"]. */
  sheets?: string[];
}

export interface CellState {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  text: string;
}

export interface WorkbookEmulator {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly stats: SyncStats;
  resetStats(): void;
  setLatency(ms: number): void;
  typeValue(sheet: string, address: string, input: string | number | boolean | null): void;
  cell(sheet: string, address: string): CellState;
  snapshot(): WorkbookSnapshot;
  /** The charts of a sheet, as the add-in asked for them. */
  charts(sheet: string): readonly ChartModel[];
  renameSheet(oldName: string, newName: string): void;
  deleteSheet(name: string): void;
  protectSheet(name: string, password?: string): void;
}

export function createWorkbookEmulator(options: WorkbookEmulatorOptions = {}): WorkbookEmulator {
  const model = new WorkbookModel();
  for (const name of options.sheets ?? ["Sheet1"]) model.addSheet(name);
  const stats: SyncStats = { syncs: 0, requestBytes: [] };
  const settings = { latencyMs: options.latencyMs ?? 0, maxRequestBytes: options.maxRequestBytes ?? 5 * 1024 * 1024 };

  const sheetNamed = (name: string): SheetModel => model.findSheet(name) ?? fail("ItemNotFound", `The sheet '${name}' doesn't exist.`);
  const singleCell = (sheet: string, address: string) => {
    const { rect } = parseAddress(address);
    return { sheet: sheetNamed(sheet), row: rect.startRow, col: rect.startCol };
  };

  return {
    stats,
    async run<T>(body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const batch = new Batch(model, stats, settings);
      const workbook = new WorkbookProxy(batch);
      const context = {
        workbook,
        application: workbook.application,
        sync: () => batch.sync(),
        trackedObjects: { add: () => undefined, remove: () => undefined },
      };
      const result = await body(context as unknown as Excel.RequestContext);
      // Like Excel.run, anything still queued is flushed when the batch function returns.
      if (batch.pending > 0) await batch.sync();
      return result;
    },
    resetStats() {
      stats.syncs = 0;
      stats.requestBytes.length = 0;
    },
    setLatency(ms: number) {
      settings.latencyMs = ms;
    },
    typeValue(sheet, address, input: Scalar | null) {
      const { rect } = parseAddress(address);
      // The user is Excel's UI: typing into a locked cell of a protected sheet is refused too.
      writeInputs({ sheet: sheetNamed(sheet), rect: { ...rect, endRow: rect.startRow, endCol: rect.startCol } }, input === null ? "" : input, "typeValue");
    },
    cell(sheet, address) {
      const { sheet: s, row, col } = singleCell(sheet, address);
      recalculate(model);
      const computed = computedAt(s, row, col);
      const numberFormat = String(s.getStyle(row, col, "numberFormat"));
      return {
        value: computed instanceof ExcelErrorValue ? computed.code : (computed ?? ""),
        formula: s.cellAt(row, col)?.formula ?? null,
        numberFormat,
        locked: s.getStyle(row, col, "locked") !== false,
        text: formatDisplay(computed, numberFormat),
      };
    },
    snapshot() {
      recalculate(model);
      return takeSnapshot(model);
    },
    charts(sheet) {
      return sheetCharts(sheetNamed(sheet)).map((c) => JSON.parse(JSON.stringify(c)) as ChartModel);
    },
    renameSheet(oldName, newName) {
      renameSheet(model, sheetNamed(oldName), newName);
    },
    deleteSheet(name) {
      deleteSheet(model, sheetNamed(name));
    },
    protectSheet(name, password) {
      protectSheet(sheetNamed(name), {}, password);
    },
  };
}
