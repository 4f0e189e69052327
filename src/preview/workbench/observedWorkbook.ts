// The pane's service with a hook after every call, so the workbench redraws the grid and follows
// the selection once the pane has changed the emulated workbook.
import type { ChiTieuWorkbook } from "../../excel/api";

export function observedWorkbook(workbook: ChiTieuWorkbook, changed: () => void): ChiTieuWorkbook {
  const after =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } finally {
        changed();
      }
    };
  return {
    status: after(() => workbook.status()),
    setUp: after((options) => workbook.setUp(options)),
    check: after(() => workbook.check()),
    evaluate: after((options) => workbook.evaluate(options)),
    setFinalLevel: after((level, unitLevel) => workbook.setFinalLevel(level, unitLevel)),
    selectCell: after((sheet, cell) => workbook.selectCell(sheet, cell)),
    preparePrint: after((options) => workbook.preparePrint(options)),
    readRules: after(() => workbook.readRules()),
    writeRules: after((rules) => workbook.writeRules(rules)),
    onInputsChanged: (listener) => workbook.onInputsChanged(listener),
  };
}
