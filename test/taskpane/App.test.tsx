/** @jest-environment jsdom */
// The shell in both languages: labelled tabs for the ten views, a labelled and keyboard-reachable
// language switch that relabels everything, and the panel region the views render into.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App, type AppProps } from "../../src/taskpane/App";
import { strings } from "../../src/i18n/allStrings";
import type { Language } from "../../src/i18n/strings";
import { VIEW_PANEL_ID } from "../../src/taskpane/views";

const TABS: Record<Language, string[]> = {
  vi: ["Thiết lập", "Giao chỉ tiêu", "Theo dõi", "Kiểm tra", "Đánh giá", "Xếp loại", "In", "Tổng hợp", "Đột phá", "Cài đặt"],
  en: ["Setup", "Assign", "Follow-up", "Check", "Evaluate", "Rating", "Print", "Consolidate", "Breakthrough tasks", "Settings"],
};

function renderApp(props: Partial<AppProps> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host="preview" {...props} />
    </FluentProvider>,
  );
}

/** Asserts the ten tabs, in order, by accessible name (what a screen reader announces). */
function expectTabs(language: Language) {
  const list = screen.getByRole("tablist", { name: strings[language].viewsLabel });
  const tabs = within(list).getAllByRole("tab");
  expect(tabs).toHaveLength(TABS[language].length);
  TABS[language].forEach((name, i) => expect(within(list).getByRole("tab", { name })).toBe(tabs[i]));
}

afterEach(cleanup);

describe("App shell", () => {
  it.each(["vi", "en"] as const)("labels the ten views in %s", (language) => {
    renderApp({ initialLanguage: language });
    expectTabs(language);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Chỉ Tiêu");
    expect(screen.getByRole("radiogroup", { name: strings[language].languageLabel })).toBeTruthy();
    expect(document.documentElement.lang).toBe(language);
  });

  it("starts in Vietnamese and switches to English and back", () => {
    renderApp();
    expectTabs("vi");

    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expectTabs("en");
    expect(screen.getByRole("radiogroup", { name: "Language" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe(strings.en.statusPreview);
    expect(document.documentElement.lang).toBe("en");

    fireEvent.click(screen.getByRole("radio", { name: "Tiếng Việt" }));
    expectTabs("vi");
  });

  it("lets the keyboard reach the language switch", () => {
    renderApp();
    const checked = screen.getByRole("radio", { name: "Tiếng Việt" }) as HTMLInputElement;
    expect(checked.checked).toBe(true);
    expect(checked.tabIndex).not.toBe(-1);
    act(() => checked.focus());
    expect(document.activeElement).toBe(checked);
  });

  it("selects a view and renders it into the labelled panel region", () => {
    renderApp({ renderView: (view) => <p>view:{view}</p> });
    const panel = document.getElementById(VIEW_PANEL_ID);
    expect(panel?.getAttribute("role")).toBe("tabpanel");
    expect(panel?.textContent).toBe("view:setup");

    const rating = screen.getByRole("tab", { name: "Xếp loại" });
    fireEvent.click(rating);
    expect(rating.getAttribute("aria-selected")).toBe("true");
    expect(panel?.textContent).toBe("view:rating");
    expect(panel?.getAttribute("aria-labelledby")).toBe(rating.id);
  });

  it("says whether it runs inside Excel", () => {
    renderApp({ host: "excel" });
    expect(screen.getByRole("status").textContent).toBe(strings.vi.statusInExcel);
  });
});
