import { formatCount, formatPercent, type Evaluation } from "../domain";
import { render, type Language, type Message } from "../domain/messages/localize";
import { levelName, reportMsg } from "../domain/messages/report";

/**
 * Characters a terminal acts on instead of showing (escape sequences that clear the screen or
 * retitle the window, carriage returns, line breaks inside a code) and those that reorder or hide
 * the text around them (bidirectional overrides and isolates, line and paragraph separators).
 */
const UNSHOWN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** Text from a file as a terminal should show it: each such character written as its escape, "\x1B", "\u202E". */
export function visible(text: string): string {
  return text.replace(UNSHOWN, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/** Lines of a table for the terminal, every line's text made visible (a line break inside a cell is shown, not obeyed). */
export function terminalLines(lines: readonly string[]): string {
  return lines.map(visible).join("\n") + "\n";
}

function pad(text: string, width: number): string {
  // Width in code points of NFC text, so Vietnamese letters count as one column.
  return text + " ".repeat(Math.max(0, width - Array.from(text).length));
}

/** A readable table of an evaluation for the terminal (`--format table`), worded in the language. */
export function formatTable(evaluation: Evaluation, language: Language): string {
  const show = (m: Message) => render(m, language);
  const rows = evaluation.indicators.map((r) => [
    visible(r.code),
    r.achievement === null ? "" : formatPercent(r.achievement),
    show(reportMsg.status.of(r.status)),
  ]);
  const header = [reportMsg.headCode, reportMsg.headAchievement, reportMsg.headStatus].map((heading) => show(heading.of()));
  const widths = header.map((h, c) => Math.max(Array.from(h).length, ...rows.map((row) => Array.from(row[c]).length)));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c])).join("  ").trimEnd();
  const s = evaluation.summary;
  const lines = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line), ""];
  lines.push(show(reportMsg.counts.of(s.total, s.met, s.exceeded, s.notMet, s.pending, s.errors)));
  if (s.resultPoints !== null) lines.push(show(reportMsg.resultPoints.of(formatCount(s.resultPoints))));
  if (s.points !== null) lines.push(show(reportMsg.totalPoints.of(formatCount(s.points))));
  lines.push(show(reportMsg.suggested.of(s.level === null ? reportMsg.notRatedYet.of() : levelName(s.level), s.provisional)));
  if (s.provisional && s.ceilingLevel !== null) lines.push(show(reportMsg.ceiling.of(levelName(s.ceilingLevel))));
  lines.push(show(reportMsg.reasons.of()), ...s.reasons.map((r) => `  - ${show(r)}`));
  if (evaluation.errors.length > 0) {
    lines.push(show(reportMsg.dataErrors.of()));
    for (const e of evaluation.errors) {
      const where = [e.code, show(reportMsg.field.of(e.field))].filter((part) => part).join(" ");
      lines.push(`  - ${where}: ${show({ id: e.id, params: e.params })}`);
    }
  }
  return terminalLines(lines);
}
