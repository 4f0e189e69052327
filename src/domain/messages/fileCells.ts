import { defineMessages, message, text } from "./localize";

/** What reading a workbook's cells from a file finds wrong. */
export const fileMsg = defineMessages("fileCells", {
  badTableRange: message(
    (table: string, ref: string) => `bảng ${table} có vùng "${ref}" không hợp lệ`,
    (table, ref) => `the table ${table} has the range "${ref}", which is not valid`,
    ["tblChiTieu", "A7:XFE8"],
  ),
  tableOverSummary: message(
    (table: string, ref: string, cell: string) =>
      `bảng ${table} (${ref}) trùm lên cả ô tổng hợp ${cell}: từ dòng đó trở xuống không được đọc là chỉ tiêu. Hãy chọn bảng, Table Design > Resize Table (Đổi kích cỡ bảng) cho vừa các dòng chỉ tiêu.`,
    (table, ref, cell) =>
      `the table ${table} (${ref}) also covers the summary cell ${cell}: the rows from there down are not read as indicators. Select the table and use Table Design > Resize Table to fit the indicator rows.`,
    ["tblChiTieu", "A7:L1048576", "D38"],
  ),
  uncomputed: text(
    "ô có công thức nhưng tệp không lưu kết quả của công thức (tệp do một chương trình không tính công thức ghi ra), nên không biết giá trị. Hãy mở tệp trong Excel, lưu lại rồi đọc lại.",
    "the cell holds a formula but the file does not hold its result (it was written by a program that does not calculate), so its value is unknown. Open the file in Excel, save it and read it again.",
  ),
});
