/**
 * Writing the live comparison through the adapter (issue 8 §4): a shared workbook of UNITS unit
 * sheets × INDICATORS indicators is put into the workbook emulator (not measured), then
 * buildComparison ("So sánh", "Hạn mức", "Biểu đồ" and its charts) is measured at 100 ms per
 * sync: round trips, largest request (Excel on the web refuses one over 5 MB) and time.
 * `npx ts-node --transpile-only bench/comparison.ts [UNITS] [INDICATORS]` prints it alone.
 */
import { performance } from "node:perf_hooks";
import type { Catalogue } from "../src/domain";
import { addNames, createSheetSteps } from "../src/excel/applyLayout";
import { batches } from "../src/excel/chunks";
import { ALL_FEATURES } from "../src/excel/features";
import { createWorkbookService } from "../src/excel/workbookService";
import { sharedWorkbook } from "../src/layout";
import { createWorkbookEmulator } from "../src/preview/emulator";
import type { ActionMeasure } from "./workbook";

function catalogue(count: number): Catalogue {
  const groups = [1, 2, 3, 4].map((g) => ({ code: String(g), name: `Nhóm ${g}` }));
  const indicators = Array.from({ length: count }, (_, i) => {
    const group = String(1 + Math.floor((i * 4) / count));
    return { code: `${group}.${i + 1}`, group, name: `Chỉ tiêu ${i + 1}`, unit: "người", direction: "increase" as const, key: false, weight: 1 };
  });
  return { groups, indicators };
}

export async function benchComparison(units: number, indicators: number, latencyMs: number): Promise<ActionMeasure> {
  const cat = catalogue(indicators);
  const layout = sharedWorkbook(
    Array.from({ length: units }, (_, i) => ({ unitName: `Xã ${i + 1}`, unitKind: i % 3 === 0 ? ("district" as const) : ("commune" as const), head: "", year: 2025, catalogue: cat })),
  );
  const emulator = createWorkbookEmulator({ sheets: ["Sheet1"] });
  await emulator.run(async (context) => {
    const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
    // A round trip or more per sheet: setting the workbook up is not what is measured.
    for (const sheet of layout.sheets) {
      context.workbook.worksheets.add(sheet.name);
      for (const part of batches(createSheetSteps(sheetOf(sheet.name), sheet, ALL_FEATURES))) {
        part.forEach((step) => step.queue());
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
    }
    addNames(context, new Map(layout.sheets.map((sheet) => [sheet.name, sheetOf(sheet.name)()])), layout.names);
    await context.sync();
  });
  // Recalculate the emulator's formulas now, so the time below is the adapter's, not the emulator's.
  emulator.cell(layout.sheets[0].name, "A1");
  const service = createWorkbookService((batch) => emulator.run(batch), ALL_FEATURES);
  emulator.resetStats();
  emulator.setLatency(latencyMs);
  const start = performance.now();
  const built = await service.buildComparison();
  const ms = performance.now() - start;
  emulator.setLatency(0);
  if (built.problems.length > 0) throw new Error(built.problems.map((p) => p.detail).join("; "));
  return { syncs: emulator.stats.syncs, maxRequestBytes: Math.max(...emulator.stats.requestBytes), ms };
}

if (require.main === module) {
  const [units = 300, indicators = 40] = process.argv.slice(2).map(Number);
  void benchComparison(units, indicators, 100).then((m) => console.log(JSON.stringify(m)));
}
