/**
 * The status badges fit their text in both languages: the problem list's Error/Warning badges and
 * the evaluation's provisional badge, rendered by the real view (the evaluation report) (server-side, Fluent's own
 * styles) into a pane 300 px wide in Debian's Chromium, each beside a long sentence. A badge's text
 * must stay on one line inside the badge. Without Chromium this suite is skipped locally and FAILS on CI.
 */
import {
  createDOMRenderer,
  FluentProvider,
  RendererProvider,
  renderToStyleElements,
  SSRProvider,
  webLightTheme,
} from "@fluentui/react-components";
import type { Browser } from "playwright-core";
import { renderToStaticMarkup } from "react-dom/server";
import type { ChiTieuWorkbook, EvaluationReport } from "../../src/contract/workbook";
import { LanguageProvider } from "../../src/i18n/LanguageProvider";
import { strings } from "../../src/i18n/allStrings";
import { LANGUAGES, type Language } from "../../src/i18n/strings";
import { problem } from "../../src/layout/problems";
import { ReportView } from "../../src/taskpane/views/EvaluateView";
import { WorkbookProvider } from "../../src/taskpane/WorkbookContext";
import { chromiumAvailable, CHROMIUM_PATH, INSTALL_HINT, launchChromium } from "../support/chromium";
import { GOOD_REPORT } from "./fakeWorkbook";
import { verbatim } from "../../src/domain/messages/localize";

const runnable = chromiumAvailable();

if (!runnable && process.env.CI) {
  it("needs Chromium on CI", () => {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: ${INSTALL_HINT}`);
  });
}

/** The narrowest task pane Excel shows. */
const PANE_WIDTH_PX = 300;

const LONG =
  "Ô chứa chữ 2.100 người chứ không phải số, nên công thức không tính được: hãy gõ lại thành số 2.100, rồi đánh giá lại.";
const problems = [problem("Chỉ tiêu", "I9", verbatim(LONG)), problem("Quy tắc", null, verbatim(LONG), "warning")];
const report: EvaluationReport = {
  ...GOOD_REPORT,
  problems,
  evaluation: { ...GOOD_REPORT.evaluation, summary: { ...GOOD_REPORT.evaluation.summary, level: "incomplete", provisional: true } },
};

function page(language: Language): string {
  const renderer = createDOMRenderer();
  const body = renderToStaticMarkup(
    <RendererProvider renderer={renderer}>
      <SSRProvider>
        <FluentProvider theme={webLightTheme}>
          <LanguageProvider initialLanguage={language}>
            <WorkbookProvider workbook={{} as ChiTieuWorkbook}>
              <ReportView report={report} restoring={false} onRestore={() => undefined} />
            </WorkbookProvider>
          </LanguageProvider>
        </FluentProvider>
      </SSRProvider>
    </RendererProvider>,
  );
  const styles = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">${styles}</head><body style="margin:0"><div style="width:${PANE_WIDTH_PX}px">${body}</div></body></html>`;
}

interface BadgeBox {
  readonly text: string;
  readonly lines: number;
  readonly overflows: boolean;
}

(runnable ? describe : describe.skip)("status badges in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(LANGUAGES)("fit their text in %s", async (language) => {
    const tab = await browser.newPage();
    await tab.setContent(page(language));
    const badges: BadgeBox[] = await tab.$$eval(".fui-Badge", (elements) =>
      elements.map((badge) => {
        const range = document.createRange();
        range.selectNodeContents(badge);
        const lineTops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return {
          text: badge.textContent ?? "",
          lines: lineTops.size,
          overflows: badge.scrollWidth > badge.clientWidth || badge.scrollHeight > badge.clientHeight,
        };
      }),
    );
    await tab.close();
    const s = strings[language];
    expect(badges.map((b) => b.text).sort()).toEqual([s.provisionalBadge, s.severityError, s.severityWarning].sort());
    expect(badges.filter((b) => b.lines !== 1 || b.overflows)).toEqual([]);
  }, 60_000);
});
