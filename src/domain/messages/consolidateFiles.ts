import { defineMessages, message } from "./localize";

/** What consolidating files in the pane refuses. */
export const consolidateMsg = defineMessages("consolidateFiles", {
  notOurs: message(
    (sheet: string) =>
      `trang "${sheet}" đã có và không phải bảng tổng hợp từ tệp (có thể là bảng so sánh trực tiếp các đơn vị của sổ này), nên Chỉ Tiêu không ghi gì. Hãy đổi tên trang đó, hoặc mở một sổ Excel mới rồi tổng hợp lại.`,
    (sheet) =>
      `the sheet "${sheet}" already exists and is not a consolidation from files (it may be the live comparison of this workbook's units), so Chỉ Tiêu wrote nothing. Rename that sheet, or open a new Excel workbook and consolidate again.`,
    ["So sánh"],
  ),
  insertFailed: message(
    (code: string) => `Đã ghi trang So sánh và Hạn mức, nhưng Excel không chép được trang của các đơn vị (${code}).`,
    (code) => `The So sánh and Hạn mức sheets were written, but Excel could not copy the units' sheets (${code}).`,
    ["InvalidArgument"],
  ),
  previousNone: message(
    (count: number) => `Không tệp nào trong ${count} tệp của năm trước tổng hợp được, nên Chỉ Tiêu không ghi gì. Hãy chọn lại các tệp của năm trước, hoặc bỏ chọn để tổng hợp năm nay.`,
    (count) => `None of the ${count} files of last year could be consolidated, so Chỉ Tiêu wrote nothing. Pick last year's files again, or clear them to consolidate this year alone.`,
    [9],
  ),
  previousRejected: message(
    (file: string, reason: string) => `Tệp của năm trước ${file} không được so sánh: ${reason}`,
    (file, reason) => `Last year's file ${file} is left out of the comparison: ${reason}`,
    ["tam-dao-2020.xlsx", "(reason)"],
  ),
  writeFailed: message(
    (code: string) => `Excel từ chối ghi (${code}); hãy chạy Tổng hợp lại.`,
    (code) => `Excel refused to write (${code}); run Consolidate again.`,
    ["GeneralException"],
  ),
});
