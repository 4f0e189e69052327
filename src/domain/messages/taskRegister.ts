import { defineMessages, message, text as wording } from "./localize";
import { TASK_KIND_NAMES, TASK_SHEETS } from "../tasks";

/** What reading the task register finds wrong (a table name, TASK_TABLES of src/layout, is a parameter). */
export const readMsg = defineMessages("taskRegister", {
  missingTable: message(
    (table: string, sheet: string) => `không tìm thấy bảng ${table}; hãy chạy Thiết lập sổ việc đột phá để tạo trang "${sheet}".`,
    (table, sheet) => `the table ${table} was not found; set up the task register to create the sheet "${sheet}".`,
    ["tblViecDotPha", TASK_SHEETS.tasks],
  ),
  missingColumn: message(
    (table: string, header: string) => `bảng ${table} thiếu cột "${header}"; hãy thêm lại cột này.`,
    (table, header) => `the table ${table} has no column "${header}"; add it back.`,
    ["tblViecDotPha", "Mã việc"],
  ),
  noCode: wording("dòng có nội dung nhưng chưa có Mã việc.", "the row has content but no task code."),
  duplicate: message(
    (code: string, first: string) => `Mã việc ${code} trùng với dòng ở ô ${first}; dòng này không được xếp loại.`,
    (code, first) => `the task code ${code} is also used by the row at cell ${first}; this row is not rated.`,
    ["DP-01", "A7"],
  ),
  notYear: message(
    (found: string) => `${found} không phải một năm (cần một số, ví dụ 2025).`,
    (found) => `${found} is not a year (a number is needed, e.g. 2025).`,
    ['"2025a"'],
  ),
  unknownWord: message(
    (found: string, allowed: readonly string[]) => `không đọc được ${found}: chọn một trong ${allowed.map((a) => `"${a}"`).join(", ")}.`,
    (found, allowed) => `cannot read ${found}: choose one of ${allowed.map((a) => `"${a}"`).join(", ")}.`,
    ['"other"', Object.values(TASK_KIND_NAMES)],
  ),
  unknownCode: message(
    (code: string) => `Mã việc ${code} không có ở trang "${TASK_SHEETS.tasks}".`,
    (code) => `the task code ${code} is not on the tasks sheet.`,
    ["DP-09"],
  ),
  textDate: message(
    (found: string) => `ngày ${found} được ghi dạng chữ: sổ đọc được nhưng công thức của bảng tính không tính được; hãy nhập lại dạng ngày.`,
    (found) => `the date ${found} is written as text: it is read, but the sheet's formulas cannot compute with it; type it again as a date.`,
    ['"30/09/2025"'],
  ),
  yesNo: message(
    (found: string) => `không đọc được ${found}: chọn "Có" hoặc "Không".`,
    (found) => `cannot read ${found}: choose "Có" (yes) or "Không" (no).`,
    ['"maybe"'],
  ),
  timeOfDay: message(
    (date: string) => `ngày ${date} có kèm giờ, nên bảng tính có thể xếp mốc khác với ngày này; hãy nhập lại ngày không kèm giờ.`,
    (date) => `the date ${date} has a time of day, so the sheet may judge the milestone differently; type the date again without a time.`,
    ["2025-03-31"],
  ),
  noFormula: wording(
    "ô này phải là công thức của sổ (dòng được thêm ở cuối bảng, hoặc công thức bị gõ đè): hãy chèn dòng vào giữa bảng, hoặc chép công thức từ dòng trên.",
    "this cell must hold the register's formula (a row added below the table, or a formula typed over): insert rows inside the table, or copy the formula from the row above.",
  ),
  outsideFormulas: message(
    (first: number, last: number) =>
      `dòng này nằm ngoài các dòng ${first}–${last} mà công thức của trang "${TASK_SHEETS.tasks}" tính đến: hãy chèn dòng vào giữa bảng thay vì thêm ở cuối bảng.`,
    (first, last) => `this row is outside rows ${first}–${last} that the tasks sheet's formulas reach: insert rows inside the table instead of adding them below it.`,
    [7, 56],
  ),
});
