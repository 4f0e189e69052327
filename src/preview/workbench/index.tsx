// preview.html (development only): the task pane over an in-memory workbook, no Excel, no Office.js.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { FeatureSupport } from "../../contract/workbook";
import { createWorkbookService } from "../../excel/workbookService";
import { createWorkbookEmulator } from "../emulator";
import { snapshotToXlsx } from "../exportXlsx";
import { Workbench } from "./Workbench";

/** Everything the add-in uses; change events come from the grid (the workbench's onInputsChanged). */
const EMULATED_FEATURES: FeatureSupport = { dataValidation: true, conditionalFormats: true, pageLayout: true, changeEvents: true, copyFormulas: true };

const emulator = createWorkbookEmulator({ latencyMs: 0 });
const workbook = createWorkbookService(emulator.run, EMULATED_FEATURES);

// Browser tests and curious developers inspect the emulated workbook from the console.
Object.assign(window, { chitieuPreview: { emulator } });

const container = document.getElementById("root");
if (!container) throw new Error("preview.html has no #root element");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <Workbench emulator={emulator} workbook={workbook} toXlsx={snapshotToXlsx} />
  </FluentProvider>,
);
