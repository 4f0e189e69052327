import {
  FIELD_NAMES,
  formatCount,
  formatPercent,
  LEVEL_NAMES,
  STATUS_NAMES,
  type Evaluation,
} from "../domain";

/** A readable Vietnamese table of an evaluation for the terminal (`--format table`). */

function pad(text: string, width: number): string {
  // Width in code points of NFC text, so Vietnamese letters count as one column.
  return text + " ".repeat(Math.max(0, width - Array.from(text).length));
}

export function formatTable(evaluation: Evaluation): string {
  const rows = evaluation.indicators.map((r) => [
    r.code,
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
  lines.push("Lý do:", ...s.reasons.map((r) => `  - ${r}`));
  if (evaluation.errors.length > 0) {
    lines.push("Lỗi số liệu:");
    for (const e of evaluation.errors) {
      const where = [e.code, FIELD_NAMES[e.field] ?? e.field].filter((part) => part).join(" ");
      lines.push(`  - ${where}: ${e.message}`);
    }
  }
  return lines.join("\n") + "\n";
}
