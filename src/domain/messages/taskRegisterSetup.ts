import { defineMessages, message } from "./localize";
import { TASK_SHEETS } from "../tasks";

/** What setting up the task register says (the rules sheet's name, SHEETS of src/layout, given as a parameter). */
export const registerMsg = defineMessages("taskRegisterSetup", {
  noRules: message(
    (sheet: string) => `Chưa có trang "${sheet}": hãy chạy Thiết lập trước khi tạo sổ việc đột phá.`,
    (sheet) => `There is no "${sheet}" sheet: run Setup before creating the task register.`,
    ["Quy tắc"],
  ),
  exists: message(
    (sheet: string) => `Trang "${sheet}" đã có; sổ việc đột phá không được tạo lại để giữ nguyên những gì đã nhập.`,
    (sheet) => `The sheet "${sheet}" already exists; the task register is not created again, so that what was typed stays.`,
    [TASK_SHEETS.tasks],
  ),
  created: message((sheet: string) => `Đã tạo trang "${sheet}".`, (sheet) => `Created the sheet "${sheet}".`, [TASK_SHEETS.roadmap]),
  rulesAdded: message(
    (sheet: string) => `Đã thêm các ngưỡng mặc định của việc đột phá vào trang "${sheet}".`,
    (sheet) => `Added the default thresholds of breakthrough tasks to the "${sheet}" sheet.`,
    ["Quy tắc"],
  ),
});
