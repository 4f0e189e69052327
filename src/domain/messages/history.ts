import { defineMessages, message } from "./localize";

/** This year beside last year (So với năm trước, `--previous`). */
export const historyMsg = defineMessages("history", {
  notPreviousYear: message(
    (given: number, expected: number, current: number) =>
      `các tệp năm trước là của năm ${given}, không phải năm ${expected} (năm trước năm ${current} của các tệp tổng hợp); hãy chọn các tệp của năm ${expected}.`,
    (given, expected, current) => `last year's files are of ${given}, not ${expected} (the year before ${current}, the year consolidated); choose the files of ${expected}.`,
    [2025, 2024, 2025],
  ),
});
