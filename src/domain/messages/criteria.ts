import { formatPoints } from "../format";
import { defineMessages, message, text } from "./localize";

/** The common criteria's input errors. */
export const criteriaMsg = defineMessages("criteria", {
  missingMax: text("Chưa nhập điểm tối đa của tiêu chí.", "No maximum entered for the criterion."),
  negativeMax: message(
    (value: number) => `Điểm tối đa ${formatPoints(value)} không hợp lệ: không được âm.`,
    (value) => `Maximum ${formatPoints(value)} is not valid: it cannot be negative.`,
    [-10],
  ),
  negativeScore: message(
    (value: number) => `Điểm ${formatPoints(value)} không hợp lệ: không được âm.`,
    (value) => `Score ${formatPoints(value)} is not valid: it cannot be negative.`,
    [-2],
  ),
  aboveMax: message(
    (value: number, max: number) => `Điểm ${formatPoints(value)} lớn hơn điểm tối đa ${formatPoints(max)} của tiêu chí.`,
    (value, max) => `Score ${formatPoints(value)} is above the criterion's maximum of ${formatPoints(max)}.`,
    [12, 10],
  ),
  maxTotal: message(
    (total: number, commonMax: number) =>
      `Tổng điểm tối đa các tiêu chí là ${formatPoints(total)}, khác điểm tiêu chí chung tối đa ${formatPoints(commonMax)} (trang Quy tắc).`,
    (total, commonMax) =>
      `The criteria's maxima add up to ${formatPoints(total)}, not the common-criteria maximum of ${formatPoints(commonMax)} (rules sheet).`,
    [25, 30],
  ),
});
