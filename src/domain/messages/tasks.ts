/** The breakthrough and innovation tasks' words: their levels and what the task check says (section `task`). */
import { formatPercent } from "../format";
import { defineMessages, message, sentence, text, translate } from "./localize";
import type { Level } from "../types";

/** The four levels as the task texts word them. */
export const TASK_LEVEL_NAMES: Readonly<Record<Level, string>> = defineMessages("taskLevel", {
  excellent: text("Hoàn thành xuất sắc việc đột phá, đổi mới", "Breakthrough task done excellently"),
  good: text("Hoàn thành tốt việc đột phá, đổi mới", "Breakthrough task done well"),
  complete: text("Hoàn thành việc đột phá, đổi mới", "Breakthrough task done"),
  incomplete: text("Không hoàn thành việc đột phá, đổi mới", "Breakthrough task not done"),
});

export const taskMsg = defineMessages("task", {
  noGoal: text("Chưa có mục tiêu chung.", "No general goal yet."),
  noTarget: text("Chưa có mục tiêu cụ thể nào được lượng hóa thành chỉ tiêu.", "No specific goal has been quantified as a target yet."),
  badSpan: message(
    (first: unknown, last: unknown, max: number) =>
      `Thời gian thực hiện ${String(first)}–${String(last)} không hợp lệ: từ 1 đến ${max} năm (hoặc cả nhiệm kỳ).`,
    (first, last, max) => `The span ${String(first)}–${String(last)} is not valid: from 1 to ${max} years (or a whole term).`,
    [2026, 2020, 5],
  ),
  yearUncovered: message(
    (year: number) => `Lộ trình chưa có chỉ tiêu cho năm ${year}: năm này xếp loại Không hoàn thành.`,
    (year) => `The roadmap has no target for ${year}: that year is rated incomplete.`,
    [2026],
  ),
  targetOutsideSpan: message(
    (year: unknown) => `Chỉ tiêu của năm ${String(year)} nằm ngoài thời gian thực hiện.`,
    (year) => `The target for ${String(year)} lies outside the task's span.`,
    [2031],
  ),
  badDirection: message(
    (name: string) => `Chỉ tiêu "${name}": chiều không hợp lệ (Tăng, Giảm hoặc Đạt/Không).`,
    (name) => `Target "${name}": the direction is not valid (Tăng for increase, Giảm for decrease or Đạt/Không for done or not).`,
    ["Target A"],
  ),
  badDate: message(
    (what: string, field: string, found: string) =>
      `Mốc "${what}": không đọc được ngày ${field} "${found}" (cần một ngày có thật, ví dụ 30/09/2025 hoặc 2025-09-30); cho đến khi sửa, mốc tính là chưa xong.`,
    (what, field, found) => `Milestone "${what}": the ${field} date "${found}" cannot be read (a real date is needed, e.g. 30/09/2025 or 2025-09-30); until it is corrected the milestone counts as not done.`,
    ["Milestone A", "hạn", "2025-02-30"],
  ),
  noCode: text("Việc chưa có Mã việc.", "The task has no code."),
  badApprovalDate: message(
    (found: string) => `Ngày phê duyệt ${found} không đọc được (cần một ngày có thật, ví dụ 30/09/2025).`,
    (found) => `The approval date ${found} cannot be read (a real date is needed, e.g. 30/09/2025).`,
    ["2025-02-30"],
  ),
  duplicateCode: message(
    (code: string) => `Mã việc ${code} trùng với một việc khác; mỗi việc cần một mã riêng.`,
    (code) => `The task code ${code} is used by another task; each task needs its own code.`,
    ["DP-01"],
  ),
  noDropDate: text(
    "Việc đã dừng cần Ngày dừng: các năm trước ngày dừng giữ mức của mình, năm dừng và các năm sau tính theo ngày này.",
    "A dropped task needs the day it stopped: the years before keep their levels, the year of the drop and later ones depend on it.",
  ),
  badDropDate: message(
    (found: string) => `Ngày dừng ${found} không đọc được (cần một ngày có thật, ví dụ 30/09/2025).`,
    (found) => `The drop date ${found} cannot be read (a real date is needed, e.g. 30/09/2025).`,
    ["2025-02-30"],
  ),
  droppedBefore: message(
    (year: number) => `Việc đã dừng trong năm ${year}: không xếp loại các năm sau.`,
    (year) => `The task stopped in ${year}: later years are not rated.`,
    [2025],
  ),
  noQuantified: sentence(
    "Năm không có chỉ tiêu lượng hóa nào: chưa phải kế hoạch lượng hóa, xếp loại Không hoàn thành.",
    "No quantified target for the year: not a quantified plan, rated incomplete.",
  ),
  ceiling: message(
    (level: Level) => `Có thể đạt tối đa: ${TASK_LEVEL_NAMES[level]}.`,
    (level) => `Highest reachable: ${translate(TASK_LEVEL_NAMES[level], "en")}.`,
    ["excellent"],
  ),
  due: text("hạn", "due"),
  done: text("hoàn thành", "completion"),
  tooMany: message(
    (leader: string, year: number, count: number, max: number) =>
      `${leader} đăng ký ${count} việc mới trong năm ${year}, quá số ${max} việc mỗi năm theo quy định.`,
    (leader, year, count, max) => `${leader} registered ${count} new tasks in ${year}, more than the ${max} a year the rules allow.`,
    ["Leader A", 2026, 3, 2],
  ),
  targetError: message(
    (name: string, message: string) => `Chỉ tiêu "${name}": ${message}`,
    (name, message) => `Target "${name}": ${message}`,
    ["Target A", "(message)"],
  ),
  dropped: sentence(
    "Dừng thực hiện khi chưa được cấp có thẩm quyền chấp thuận: Không hoàn thành.",
    "Stopped without the approval of the competent authority: Incomplete.",
  ),
  droppedApproved: sentence("Dừng thực hiện đã được chấp thuận: không xếp loại năm này.", "Stopped with approval: no level this year."),
  counts: message(
    (met: number, total: number, exceeded: number) =>
      `${met}/${total} chỉ tiêu đạt hoặc vượt, ${exceeded} chỉ tiêu vượt (${formatPercent(total === 0 ? 0 : exceeded / total)}).`,
    (met, total, exceeded) => `${met}/${total} targets met or exceeded, ${exceeded} exceeded (${formatPercent(total === 0 ? 0 : exceeded / total)}).`,
    [3, 4, 1],
  ),
  milestones: message(
    (done: number, onTime: number, total: number) => `${done}/${total} mốc đã xong, ${onTime} mốc đúng hạn.`,
    (done, onTime, total) => `${done}/${total} milestones done, ${onTime} on time.`,
    [2, 1, 3],
  ),
  pending: message(
    (names: readonly string[]) => `Chỉ tiêu chưa có số liệu (${names.join(", ")}): tính là chưa đạt, kết quả tạm tính.`,
    (names) => `Targets without figures (${names.join(", ")}): counted as not met, the result is provisional.`,
    [["Target A", "Target B"]],
  ),
  yearOpen: sentence(
    "Năm chưa kết thúc và còn mốc chưa xong: kết quả tạm tính.",
    "The year is not over and milestones are still open: the result is provisional.",
  ),
  level: message(
    (level: Level) => `Mức: ${TASK_LEVEL_NAMES[level]}.`,
    (level) => `Level: ${translate(TASK_LEVEL_NAMES[level], "en")}.`,
    ["good"],
  ),
  wholeTask: message(
    (reasons: readonly string[]) => `Cả giai đoạn: ${reasons.join(" ")}`,
    (reasons) => `Whole task: ${reasons.join(" ")}`,
    [["(reason)"]],
  ),
});
