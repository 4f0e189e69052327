// The pane's service as the workbench sees it: a hook after every call, so the grid redraws and
// follows the selection once the pane has changed the emulated workbook; a hook after the calls that
// write to it; and change events fed by the grid, which is where a user types in the preview.
import type { ChiTieuWorkbook } from "../../contract/workbook";
import type { FollowUpCadence } from "../../layout/unit";

export interface WorkbookObserver {
  /** After any call, also a failed one. */
  readonly changed: () => void;
  /** After a call that writes to the workbook succeeded. */
  readonly wrote: () => void;
  /** Listeners for typed changes; the grid calls each after a commit. */
  readonly inputListeners: Set<() => void>;
}

export function observedWorkbook(workbook: ChiTieuWorkbook, observer: WorkbookObserver): ChiTieuWorkbook {
  const after =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>, writes = false) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await call(...args);
        if (writes) observer.wrote();
        return result;
      } finally {
        observer.changed();
      }
    };
  return {
    status: after(() => workbook.status()),
    setUp: after((options) => workbook.setUp(options), true),
    check: after(() => workbook.check()),
    evaluate: (options) => after(() => workbook.evaluate(options), options?.restoreFormulas === true)(),
    setFinalLevel: after((level, unitLevel) => workbook.setFinalLevel(level, unitLevel), true),
    selectCell: after((sheet, cell) => workbook.selectCell(sheet, cell)),
    preparePrint: after((options) => workbook.preparePrint(options), true),
    buildComparison: after(() => workbook.buildComparison(), true),
    createTaskRegister: after((followUp) => workbook.createTaskRegister(followUp), true),
    readTaskRegister: after((followUp) => workbook.readTaskRegister(followUp)),
    setTaskFollowUp: after((followUp) => workbook.setTaskFollowUp(followUp), true),
    registerTask: after((entry) => workbook.registerTask(entry), true),
    consolidateFiles: after((files, options) => workbook.consolidateFiles(files, options), true),
    createAssignmentSheets: after((options) => workbook.createAssignmentSheets(options), true),
    assignUnits: after(() => workbook.assignUnits()),
    readFollowUp: after(() => workbook.readFollowUp()),
    recordSnapshot: after((options) => workbook.recordSnapshot(options), true),
    createFollowUp: after((cadence?: FollowUpCadence) => workbook.createFollowUp(cadence), true),
    readRules: after(() => workbook.readRules()),
    writeRules: after((rules) => workbook.writeRules(rules), true),
    // Excel raises the unit table's onChanged; in the preview the grid is the only place a user types.
    onInputsChanged: (listener) => {
      observer.inputListeners.add(listener);
      return Promise.resolve(async () => {
        observer.inputListeners.delete(listener);
      });
    },
  };
}
