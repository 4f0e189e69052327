// Task pane entry: show a spinner at once, then the pane when Office.js has finished starting.
// The workbook service (with the layout it writes) is a chunk of its own, fetched and parsed while
// Office.js starts, so this first script only has to draw the spinner.
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { languageFor, loadStrings, stringsFor } from "../i18n/strings";
import { App } from "./App";
import { NotInExcel } from "./NotInExcel";
import { waitForOffice, type Startup } from "../excel/officeUi";
import { Pane } from "./Pane";
import { deferredWorkbook } from "./deferredWorkbook";
import { themeFor } from "./theme";
import { preloadViews } from "./views/renderView";

const loadHost = () => import(/* webpackChunkName: "workbook" */ "../excel/host");
const host = loadHost().catch(loadHost); // one retry: the add-in's own server was reachable a moment ago
host.catch(() => undefined); // handled below, when the pane needs it

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");
const root = createRoot(container);

root.render(
  <FluentProvider theme={webLightTheme}>
    <Spinner label={stringsFor("vi").loading} />
  </FluentProvider>,
);

void waitForOffice()
  .catch((): Startup => ({ host: "preview" }))
  .then(async (startup) => {
    const language = languageFor(startup.displayLanguage);
    // The chosen language's strings before the first render (Vietnamese when they cannot be loaded).
    await loadStrings(language).catch(() => undefined);
    let pane;
    if (startup.host === "excel") {
      // Drawn at once; the first call waits for the service chunk, fetched since the page opened.
      const service = host.then(({ createExcelWorkbook }) => createExcelWorkbook());
      service.catch((error: unknown) => console.error("[chitieu] the workbook service could not be loaded", error));
      pane = <Pane workbook={deferredWorkbook(service)} host="excel" initialLanguage={language} />;
    } else {
      // Outside Excel there is no workbook to work on: the shell says where to go instead.
      pane = <App host="preview" initialLanguage={language} renderView={() => <NotInExcel />} />;
    }
    root.render(<FluentProvider theme={themeFor(startup.bodyBackgroundColor)}>{pane}</FluentProvider>);
    // The first view is up: fetch the other five in the background (they are split off to start sooner).
    if (startup.host === "excel") {
      if (typeof requestIdleCallback === "function") requestIdleCallback(preloadViews, { timeout: 2000 });
      else setTimeout(preloadViews, 500);
    }
  });
