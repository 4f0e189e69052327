import { defineMessages, message } from "./localize";

/** A text of the user's files that breaks one of Excel's limits (EXCEL_LIMITS of src/layout, given as `limit`). */
export const limitMsg = defineMessages("excelLimits", {
  cellText: message(
    (where: string, length: number, limit: number) =>
      `Ô ${where}: chữ dài ${length.toLocaleString("vi-VN")} ký tự, quá giới hạn ${limit.toLocaleString("vi-VN")} ký tự một ô của Excel; hãy rút ngắn chữ này rồi chạy lại.`,
    (where, length, limit) => `Cell ${where}: the text is ${length.toLocaleString("en-GB")} characters long, beyond Excel's ${limit.toLocaleString("en-GB")} per cell; shorten it and run again.`,
    ["Chỉ tiêu!C9", 40_000, 32_767],
  ),
  formulaText: message(
    (where: string, excerpt: string, length: number, limit: number) =>
      `Ô ${where}: công thức chứa chữ "${excerpt}" dài ${length} ký tự, quá giới hạn ${limit} ký tự của Excel cho chữ trong công thức; hãy rút ngắn chữ này (mã chỉ tiêu, mã việc, tên…) rồi chạy lại.`,
    (where, excerpt, length, limit) =>
      `Cell ${where}: the formula holds the text "${excerpt}", ${length} characters long, beyond Excel's ${limit} for text in a formula; shorten it (indicator code, task code, name…) and run again.`,
    ["Bản in!B12", "1.1.1.1…", 300, 255],
  ),
  formula: message(
    (where: string, length: number, excerpt: string, limit: number) =>
      `Ô ${where}: công thức dài ${length.toLocaleString("vi-VN")} ký tự, quá giới hạn ${limit.toLocaleString("vi-VN")} của Excel${excerpt === "" ? "" : `, vì chữ "${excerpt}" lặp lại trong đó`}; hãy rút ngắn chữ này (mã chỉ tiêu, mã việc, tên…) rồi chạy lại.`,
    (where, length, excerpt, limit) =>
      `Cell ${where}: the formula is ${length.toLocaleString("en-GB")} characters long, beyond Excel's ${limit.toLocaleString("en-GB")}${excerpt === "" ? "" : `, because the text "${excerpt}" is repeated in it`}; shorten it (indicator code, task code, name…) and run again.`,
    ["Bản in!B12", 9_000, "1.1.1.1…", 8_192],
  ),
});
