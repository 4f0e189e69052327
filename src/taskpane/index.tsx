// Task pane entry: show a spinner at once, then the shell when Office.js has finished starting.
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { strings } from "../i18n/strings";
import { App } from "./App";
import { waitForOffice, type Startup } from "./office";
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
    root.render(
      <FluentProvider theme={themeFor(startup.bodyBackgroundColor)}>
        <App host={startup.host} />
      </FluentProvider>,
    );
  });
