// What the ribbon's "Đánh giá" and "In" report, as plain lines for the notice dialog. No rules
// here: the figures come from the evaluation report or the print problems.
import type { EvaluationReport, Problem } from "../contract/workbook";
import { render } from "../domain/messages/localize";
import { fill } from "../i18n/fill";
import { stringsFor, type Language, type StringKey } from "../i18n/strings";
import { LEVEL_LABEL } from "../taskpane/views/levelLabels";

export interface Notice {
  readonly title: string;
  readonly lines: readonly string[];
  readonly close: string;
}

export function evaluationNotice(report: EvaluationReport, language: Language): Notice {
  const say = (key: StringKey, values: Record<string, string | number> = {}) => fill(stringsFor(language)[key], values);
  const s = report.evaluation.summary;
  const errors = report.problems.filter((p) => p.severity === "error");
  const firstCell = errors.find((p) => p.cell !== null);
  return {
    title: say("noticeTitle"),
    lines: [
      s.level === null
        ? say("noticeNoLevel")
        : say("noticeLevel", { level: stringsFor(language)[LEVEL_LABEL[s.level]], provisional: s.provisional ? say("noticeProvisional") : "" }),
      say("noticeCounts", { met: s.met, total: s.total, notMet: s.notMet, pending: s.pending }),
      ...(errors.length > 0 ? [say("noticeErrors", { count: errors.length, cell: firstCell ? `${firstCell.sheet}!${firstCell.cell}` : "-" })] : []),
    ],
    close: say("noticeClose"),
  };
}

/** What the ribbon's "In" reports: ready to print, or why not (the data errors). */
export function printNotice(problems: readonly Problem[], language: Language): Notice {
  const say = (key: StringKey, values: Record<string, string | number> = {}) => fill(stringsFor(language)[key], values);
  const first = problems.find((p) => p.cell !== null) ?? problems[0];
  return {
    title: say("noticePrintTitle"),
    lines: first
      ? [say("noticePrintRefused", { count: problems.length, cell: first.cell ? `${first.sheet}!${first.cell}` : first.sheet, message: render({ id: first.id, params: first.params }, language) })]
      : [say("noticePrintReady")],
    close: say("noticeClose"),
  };
}

/** The notice travels to the dialog page in the URL fragment (never sent to a server). */
export function noticeUrl(page: string, notice: Notice): string {
  return `${page}#${encodeURIComponent(JSON.stringify(notice))}`;
}

export function noticeFromFragment(fragment: string): Notice | null {
  try {
    const value = JSON.parse(decodeURIComponent(fragment.replace(/^#/, ""))) as Notice;
    return typeof value.title === "string" && Array.isArray(value.lines) ? value : null;
  } catch {
    return null;
  }
}
