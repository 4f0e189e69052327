import {
  FIELD_NAMES,
  formatCount,
  formatPercent,
  LEVEL_NAMES,
  STATUS_NAMES,
  type Evaluation,
} from "../domain";
import { render } from "../domain/localize";

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

/** A readable Vietnamese table of an evaluation for the terminal (`--format table`). */

function pad(text: string, width: number): string {
  // Width in code points of NFC text, so Vietnamese letters count as one column.
  return text + " ".repeat(Math.max(0, width - Array.from(text).length));
}

export function formatTable(evaluation: Evaluation): string {
  const rows = evaluation.indicators.map((r) => [
    visible(r.code),
    r.achievement === null ? "" : formatPercent(r.achievement),
    STATUS_NAMES[r.status],
  ]);
  const header = ["Mã", "Tỷ lệ đạt", "Đánh giá"];
  const widths = header.map((h, c) => Math.max(Array.from(h).length, ...rows.map((row) => Array.from(row[c]).length)));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c])).join("  ").trimEnd();
  const s = evaluation.summary;
  const lines = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line), ""];
  lines.push(
    `Tổng số chỉ tiêu: ${s.total}; đạt và vượt: ${s.met} (vượt: ${s.exceeded}); không đạt: ${s.notMet}; chưa có số liệu: ${s.pending}; lỗi số liệu: ${s.errors}`,
  );
  if (s.resultPoints !== null) lines.push(`Điểm kết quả: ${formatCount(s.resultPoints)}`);
  if (s.points !== null) lines.push(`Tổng điểm: ${formatCount(s.points)}`);
  const level = s.level === null ? "chưa xếp loại được" : LEVEL_NAMES[s.level];
  lines.push(`Xếp loại đề xuất: ${level}${s.provisional ? " (tạm tính)" : ""}`);
  if (s.provisional && s.ceilingLevel !== null) lines.push(`Có thể đạt tối đa: ${LEVEL_NAMES[s.ceilingLevel]}`);
  lines.push("Lý do:", ...s.reasons.map((r) => `  - ${render(r, "vi")}`));
  if (evaluation.errors.length > 0) {
    lines.push("Lỗi số liệu:");
    for (const e of evaluation.errors) {
      const where = [e.code, FIELD_NAMES[e.field] ?? e.field].filter((part) => part).join(" ");
      lines.push(`  - ${where}: ${e.message}`);
    }
  }
  return terminalLines(lines);
}
