// Task pane entry: show a spinner at once, then the pane when Office.js has finished starting.
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { languageFor, strings } from "../i18n/strings";
import { App } from "./App";
import { NotInExcel } from "./NotInExcel";
import { createExcelWorkbook, waitForOffice, type Startup } from "../excel/host";
import { Pane } from "./Pane";
import { themeFor } from "./theme";

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");
const root = createRoot(container);

root.render(
  <FluentProvider theme={webLightTheme}>
    <Spinner label={strings.vi.loading} />
  </FluentProvider>,
);

void waitForOffice()
  .catch((): Startup => ({ host: "preview" }))
  .then((startup) => {
    const language = languageFor(startup.displayLanguage);
    root.render(
      <FluentProvider theme={themeFor(startup.bodyBackgroundColor)}>
        {startup.host === "excel" ? (
          <Pane workbook={createExcelWorkbook()} host="excel" initialLanguage={language} />
        ) : (
          // Outside Excel there is no workbook to work on: the shell says where to go instead.
          <App host="preview" initialLanguage={language} renderView={() => <NotInExcel />} />
        )}
      </FluentProvider>,
    );
  });
