/**
 * bench only: a local stand-in for Office.js (served in place of appsforoffice.microsoft.com's
 * office.js) so the production task pane starts as in Excel: Office.onReady reports an Excel host
 * and Excel.run runs over the in-memory workbook emulator. Bundled by bench/ui.ts, never shipped.
 */
import { createWorkbookEmulator } from "../src/preview/emulator";

const emulator = createWorkbookEmulator({ latencyMs: 0 });
const info = { host: "Excel", platform: "OfficeOnline" };

Object.assign(window, {
  Office: {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: (callback?: (value: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: "vi-VN",
      requirements: { isSetSupported: (name: string) => name === "ExcelApi" },
    },
    actions: { associate: () => undefined },
  },
  Excel: { run: emulator.run },
});
