import { performance } from "node:perf_hooks";
import { ALL_FEATURES } from "../src/excel/features";
import { createWorkbookService } from "../src/excel/workbookService";
import { CATALOGUE_COLUMNS, TABLES } from "../src/layout";
import { createWorkbookEmulator, type WorkbookEmulator } from "../src/preview/emulator";

export interface ActionMeasure {
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly ms: number;
}

/** A province catalogue of `count` indicators on the catalogue sheet, so set-up builds that many rows. */
async function writeCatalogue(emulator: WorkbookEmulator, count: number): Promise<void> {
  await emulator.run(async (context) => {
    const ws = context.workbook.worksheets.add("Danh mục");
    const header = CATALOGUE_COLUMNS.map((c) => c.header);
    const rows = Array.from({ length: count }, (_, i) => [`'${1 + Math.floor(i / 10)}.${(i % 10) + 1}`, `'${1 + Math.floor(i / 10)}`, "Nhóm", `Chỉ tiêu ${i + 1}`, "người", "Tăng", "", 1]);
    const range = ws.getRangeByIndexes(1, 0, count + 1, header.length);
    range.values = [header, ...rows];
    ws.tables.add(range, true).name = TABLES.catalogue;
    await context.sync();
  });
}

/** Syncs, largest request and wall time of set-up, check and evaluate with `latencyMs` per sync. */
export async function benchWorkbook(rows: number, latencyMs: number): Promise<Record<string, ActionMeasure>> {
  const emulator = createWorkbookEmulator({ sheets: ["Sheet1"] });
  const service = createWorkbookService((batch) => emulator.run(batch), ALL_FEATURES);
  await writeCatalogue(emulator, rows);
  const measures: Record<string, ActionMeasure> = {};
  const measure = async (name: string, action: () => Promise<unknown>) => {
    emulator.resetStats();
    emulator.setLatency(latencyMs);
    const start = performance.now();
    await action();
    measures[name] = { syncs: emulator.stats.syncs, maxRequestBytes: Math.max(...emulator.stats.requestBytes), ms: performance.now() - start };
    emulator.setLatency(0);
  };
  await measure("setUp", () => service.setUp({ unitName: "Tam Đảo", head: "", year: 2021, preset: "qd366-2025", catalogue: "workbook" }));
  for (let i = 0; i < rows; i++) {
    emulator.typeValue("Chỉ tiêu", `H${8 + i}`, 100);
    emulator.typeValue("Chỉ tiêu", `I${8 + i}`, 95 + (i % 11));
  }
  // Recalculate the emulator's formulas now, so the timings below are the adapter's, not the emulator's.
  emulator.cell("Chỉ tiêu", "K8");
  await measure("check", () => service.check());
  await measure("evaluate", () => service.evaluate());
  return measures;
}
