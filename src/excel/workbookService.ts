/**
 * The Office.js adapter behind the task pane and the ribbon: the ChiTieuWorkbook contract wired to
 * its actions. Each action reads through the read protocol (readProtocol.ts: at most two round
 * trips) and writes through the write protocol (writeProtocol.ts: one more); rules live in
 * src/domain and the layout in src/layout, so the adapter only moves data in and out of Excel.
 */
import type { ChiTieuWorkbook, FeatureSupport } from "../contract/workbook";
import { unitPlaces } from "../layout/units";
import { statusAction } from "./statusAction";
import { setUpAction } from "./setUpAction";
import { evaluateAction, checkAction } from "./evaluateAction";
import { setFinalLevelAction } from "./finalLevelAction";
import { preparePrintAction } from "./printAction";
import { readRulesAction, writeRulesAction } from "./rulesAction";
import { comparisonAction } from "./comparisonAction";
import { createTaskRegister } from "./taskRegister";
import { readTaskRegisterAction, registerTaskAction, setTaskFollowUpAction } from "./taskRegisterActions";
import { createAssignmentSheetsAction } from "./provinceActions";
import { createFollowUpAction, readFollowUpAction, recordSnapshotAction } from "./followUpActions";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export { detectFeatures } from "./features";

export function createWorkbookService(run: ExcelRun, features: FeatureSupport): ChiTieuWorkbook {
  return {
    status: () => run((context) => statusAction(context, features)),
    setUp: (options) => run((context) => setUpAction(context, options, features)),
    check: () => run(checkAction),
    evaluate: (options) => run((context) => evaluateAction(context, options?.restoreFormulas ?? false)),
    setFinalLevel: (level, unitLevel, civilServantLevel) => run((context) => setFinalLevelAction(context, level, unitLevel, civilServantLevel)),
    selectCell: (sheet, cell) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    preparePrint: (options) => run((context) => preparePrintAction(context, options, features)),
    readRules: () => run(readRulesAction),
    writeRules: (rules) => run((context) => writeRulesAction(context, rules)),
    buildComparison: () => run((context) => comparisonAction(context, features)),
    createTaskRegister: (followUp) => run((context) => createTaskRegister(context, followUp, features)),
    readTaskRegister: (followUp) => run((context) => readTaskRegisterAction(context, followUp)),
    setTaskFollowUp: (followUp) => run((context) => setTaskFollowUpAction(context, followUp)),
    registerTask: (entry) => run((context) => registerTaskAction(context, entry)),
    // Its own chunk (the .xlsx reader and the consolidation rules), loaded when first used.
    consolidateFiles: async (files, options) =>
      (await import(/* webpackChunkName: "consolidate-files" */ "./consolidateFiles")).consolidateFiles(run, files, options, features),
    createAssignmentSheets: (options) => run((context) => createAssignmentSheetsAction(context, options, features)),
    // Its own chunk (the .xlsx writer), loaded when first used.
    assignUnits: async (cadence) => (await import(/* webpackChunkName: "assign-files" */ "./assignFiles")).assignUnits(run, cadence),
    readFollowUp: () => run(readFollowUpAction),
    recordSnapshot: (options) => run((context) => recordSnapshotAction(context, options)),
    createFollowUp: (cadence) => run((context) => createFollowUpAction(context, features, cadence)),
    // Every unit's table: a colleague typing on another unit's sheet (co-authoring) only refreshes the pane.
    onInputsChanged: (listener) =>
      features.changeEvents
        ? run(async (context) => {
            const tables = context.workbook.tables.load("items/name");
            await context.sync();
            const units = unitPlaces(tables.items.map((t) => t.name));
            if (units.length === 0) return null;
            const registrations = units.map((place) => context.workbook.tables.getItem(place.table).onChanged.add(async () => listener()));
            await context.sync();
            return async () => {
              registrations.forEach((registration) => registration.remove());
              await registrations[0].context.sync();
            };
          })
        : Promise.resolve(null),
  };
}
