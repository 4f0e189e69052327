import { defineMessages, message, sentence } from "./localize";
import { TASK_SHEETS } from "../tasks";

/** What registering a task in the pane refuses. */
export const entryMsg = defineMessages("taskEntry", {
  noCode: sentence("Chưa có Mã việc.", "No task code yet."),
  noLeader: sentence("Chưa có người đứng đầu.", "No leader yet."),
  noTitle: sentence("Chưa có tên việc.", "No task title yet."),
  duplicate: message(
    (code: string, cell: string) => `Mã việc ${code} đã có ở ô ${cell} của trang "${TASK_SHEETS.tasks}": hãy chọn mã khác.`,
    (code, cell) => `The task code ${code} is already used at cell ${cell} of the tasks sheet: choose another code.`,
    ["DP-01", "A6"],
  ),
  noRoom: message(
    (sheet: string, free: number, needed: number) =>
      `Trang "${sheet}" còn ${free} dòng trống trong vùng công thức của sổ tính đến, cần ${needed}. Để thêm dòng: bỏ bảo vệ trang, ` +
      "chọn một dòng ở giữa bảng (không phải dòng cuối), bấm chuột phải, Chèn, Dòng bảng phía trên, chèn đủ số dòng cần, " +
      "chép công thức của các cột tính từ dòng trên xuống các dòng mới, rồi đăng ký lại.",
    (sheet, free, needed) =>
      `The sheet "${sheet}" has ${free} blank rows left within the rows the register's formulas reach, and ${needed} are needed. ` +
      "To add rows: unprotect the sheet, select a row in the middle of the table (not the last one), right-click, Insert, Table Rows Above, " +
      "insert as many rows as needed, copy the computed columns' formulas from the row above into the new rows, then register again.",
    [TASK_SHEETS.roadmap, 2, 7],
  ),
  noFollowUpCells: message(
    (names: readonly string[]) => `Không tìm thấy ô ${names.join(", ")} của sổ việc đột phá; hãy tạo lại sổ hoặc đặt lại tên ô.`,
    (names) => `The register's cells ${names.join(", ")} were not found; create the register again or name the cells again.`,
    [["NgayTheoDoi", "NamDotPha"]],
  ),
  badDate: message(
    (found: string) => `${found} không phải một ngày theo dõi (cần dạng YYYY-MM-DD, ví dụ 2025-11-15).`,
    (found) => `${found} is not a follow-up date (write it YYYY-MM-DD, e.g. 2025-11-15).`,
    ['"15/11"'],
  ),
  badYear: message(
    (found: string) => `${found} không phải năm xếp loại (một năm từ 2000 đến 2100).`,
    (found) => `${found} is not an evaluation year (a year from 2000 to 2100).`,
    ['"25"'],
  ),
  noRegister: sentence(
    `Chưa có sổ việc đột phá (trang "${TASK_SHEETS.tasks}" và "${TASK_SHEETS.roadmap}"): hãy tạo sổ trước.`,
    "There is no task register yet (the tasks and roadmap sheets): create it first.",
  ),
});
