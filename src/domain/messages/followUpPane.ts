import { defineMessages, message } from "./localize";

/** What the pane's follow-up actions refuse or report. */
export const followUpPaneMsg = defineMessages("followUpPane", {
  noSheet: message(
    (sheet: string) => `Bảng tính chưa có trang "${sheet}": hãy tạo trang theo dõi trước.`,
    (sheet) => `The workbook has no "${sheet}" sheet: create the follow-up sheet first.`,
    ["Theo dõi 2"],
  ),
  exists: message((sheet: string) => `Trang "${sheet}" đã có.`, (sheet) => `The "${sheet}" sheet already exists.`, ["Theo dõi"]),
  badDate: message(
    (found: string) => `Ngày "${found}" không hợp lệ: cần một ngày như 30/06/2025.`,
    (found) => `The date "${found}" is not valid: enter a date such as 30/06/2025.`,
    ["31/02/2025"],
  ),
  otherYear: message(
    (date: string, year: number) => `Ngày ${date} không thuộc năm đánh giá ${year}.`,
    (date, year) => `The date ${date} is not in the year evaluated, ${year}.`,
    ["30/06/2024", 2025],
  ),
  otherQuarter: message(
    (date: string, quarter: number) => `Ngày ${date} không thuộc quý ${quarter}: mỗi quý giữ một lần số liệu ở nhóm cột của quý đó.`,
    (date, quarter) => `The date ${date} is not in quarter ${quarter}: each quarter keeps one snapshot in its own columns.`,
    ["30/06/2025", 1],
  ),
  periodHasFigures: message(
    (date: string) => `Kỳ này đã có số liệu đến ngày ${date}: chọn "Ghi đè" nếu muốn thay bằng số liệu hiện nay.`,
    (date) => `This period already holds figures as of ${date}: choose "Replace" to put today's figures in their place.`,
    ["31/03/2025"],
  ),
  unitSheetRenamed: message(
    (expected: string, sheet: string) => `Trang theo dõi đọc bảng chỉ tiêu ở trang "${expected}", nhưng bảng đang ở trang "${sheet}".`,
    (expected, sheet) => `The follow-up sheet reads the indicator table on the "${expected}" sheet, but the table is on "${sheet}".`,
    ["Chỉ tiêu 2", "Tiêu chí chung"],
  ),
  noYear: message(
    (name: string, sheet: string) => `Chưa ghi năm đánh giá (ô ${name}) trên trang "${sheet}": hãy chạy Thiết lập.`,
    (name, sheet) => `The year evaluated (cell ${name}) is not on the "${sheet}" sheet: run Setup.`,
    ["NamDanhGia", "Chỉ tiêu"],
  ),
  createdFollowUp: message((sheet: string) => `Đã tạo trang "${sheet}".`, (sheet) => `Created the "${sheet}" sheet.`, ["Theo dõi 2"]),
});
