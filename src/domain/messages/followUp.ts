import { defineMessages, message } from "./localize";

/** What reading a unit's follow-up sheet finds wrong. */
export const followUpMsg = defineMessages("followUp", {
  badDate: message(
    (found: string) => `số liệu của kỳ này chưa được đánh giá: ô ngày "${found}" không phải một ngày; nhập ngày như 30/06/2025.`,
    (found) => `this period's figures are not evaluated: the date cell "${found}" is not a date; enter a date such as 30/06/2025.`,
    ["30/6"],
  ),
});
