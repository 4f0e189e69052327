// Renders the whole pane over a fake workbook and opens one view, as a user would: by its tab.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { ChiTieuWorkbook } from "../../src/contract/workbook";
import { strings } from "../../src/i18n/allStrings";
import type { Language } from "../../src/i18n/strings";
import { Pane } from "../../src/taskpane/Pane";
import { VIEW_LABEL, VIEW_PANEL_ID, type ViewId } from "../../src/taskpane/views";
import { createFakeWorkbook, type FakeWorkbook } from "./fakeWorkbook";

export async function renderPane(view: ViewId, options: { workbook?: FakeWorkbook; language?: Language } = {}) {
  const workbook = options.workbook ?? createFakeWorkbook();
  const language = options.language ?? "vi";
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <Pane workbook={workbook as unknown as ChiTieuWorkbook} host="preview" initialLanguage={language} />
    </FluentProvider>,
  );
  if (view !== "setup") fireEvent.click(screen.getByRole("tab", { name: strings[language][VIEW_LABEL[view]] }));
  await settle();
  const panel = document.getElementById(VIEW_PANEL_ID);
  if (!panel) throw new Error("no view panel");
  return { ...result, workbook, panel };
}

/** Lets the fake's resolved promises and the resulting renders finish. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}
