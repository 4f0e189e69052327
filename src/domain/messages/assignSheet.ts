import { defineMessages, message, text } from "./localize";

/** What reading a province's assignment sheet finds wrong (the scope words, SCOPE_WORDS of src/layout, given as parameters). */
export const assignSheetMsg = defineMessages("assignSheet", {
  missingColumn: message(
    (header: string) => `bảng giao chỉ tiêu thiếu cột "${header}".`,
    (header) => `the assignment table has no "${header}" column.`,
    ["Mã"],
  ),
  noGroup: text("chưa ghi tên nhóm đối tượng.", "the group of subjects has no name."),
  groupNameTooLong: message(
    (length: number, limit: number) => `tên nhóm đối tượng dài ${length} ký tự, vượt giới hạn ${limit} ký tự của tên nhóm (như "Cơ quan tham mưu, Mặt trận và đoàn thể tỉnh"); hãy ghi tên ngắn gọn.`,
    (length, limit) => `the group of subjects' name is ${length} characters long, over the ${limit}-character limit of a group's name (such as "Provincial advisory bodies, Front and mass organisations"); give a short name.`,
    [180, 100],
  ),
  badYear: message(
    (found: string) => `năm "${found}" không hợp lệ: cần một năm như 2025.`,
    (found) => `year "${found}" is not valid: enter a year such as 2025.`,
    ["25"],
  ),
  noTable: text(
    "không có bảng giao chỉ tiêu (tblGiao…) nào: tạo tệp của tỉnh bằng lệnh province hoặc nút Giao chỉ tiêu.",
    "there is no assignment table (tblGiao…): make the province workbook with the province command or the Assign button.",
  ),
  noUnits: text("chưa có cột đơn vị nào sau cột Chênh lệch.", "there is no unit column after the Difference column."),
  duplicateUnit: message(
    (name: string) => `đơn vị "${name}" có hai cột.`,
    (name) => `unit "${name}" has two columns.`,
    ["Tam Đảo"],
  ),
  badKind: message(
    (unit: string, found: string) => `đơn vị "${unit}": loại đơn vị "${found}" không rõ.`,
    (unit, found) => `unit "${unit}": unit kind "${found}" is not known.`,
    ["Tam Đảo", "tỉnh"],
  ),
  duplicateCode: message(
    (code: string) => `mã chỉ tiêu ${code} có hai dòng.`,
    (code) => `indicator code ${code} has two rows.`,
    ["1.1"],
  ),
  badYesNo: message(
    (code: string, header: string) => `chỉ tiêu ${code}: cột ${header} nhận "Có" hoặc "Không".`,
    (code, header) => `indicator ${code}: the ${header} column takes "Có" (yes) or "Không" (no).`,
    ["1.1", "Cộng dồn"],
  ),
  badScope: message(
    (code: string, all: string, own: string) => `chỉ tiêu ${code}: cột Áp dụng nhận "${all}" hoặc "${own}".`,
    (code, all, own) => `indicator ${code}: the Applies-to column takes "${all}" (all units) or "${own}" (own indicator).`,
    ["1.1", "Tất cả", "Riêng"],
  ),
  missingUnitTarget: message(
    (unit: string, code: string) => `đơn vị "${unit}" chưa có chỉ tiêu ${code} (chỉ tiêu áp dụng cho tất cả đơn vị).`,
    (unit, code) => `unit "${unit}" has no target for indicator ${code} (an indicator for every unit).`,
    ["Tam Đảo", "1.1"],
  ),
  unitTarget: message(
    (unit: string, code: string, detail: string) => `đơn vị "${unit}", chỉ tiêu ${code}: ${detail}`,
    (unit, code, detail) => `unit "${unit}", indicator ${code}: ${detail}`,
    ["Tam Đảo", "1.1", "Chưa nhập kế hoạch (chỉ tiêu giao)."],
  ),
  provinceTarget: message(
    (code: string, detail: string) => `chỉ tiêu ${code}, chỉ tiêu của tỉnh: ${detail}`,
    (code, detail) => `indicator ${code}, the province's target: ${detail}`,
    ["1.1", "Chưa nhập kế hoạch (chỉ tiêu giao)."],
  ),
});
