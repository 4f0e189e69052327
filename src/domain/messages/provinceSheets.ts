import { defineMessages, message } from "./localize";

export const provinceMsg = defineMessages("provinceSheets", {
  exists: message(
    (table: string) => `Bảng tính đã có bảng giao chỉ tiêu ${table}: không tạo lại để giữ nguyên chỉ tiêu đã nhập; hãy nhập tiếp ở đó.`,
    (table) => `The workbook already has the assignment table ${table}: it is not made again, so the targets typed stay; go on typing there.`,
    ["tblGiao1"],
  ),
  unitSheets: message(
    (sheet: string) => `Bảng tính này là của một đơn vị (trang "${sheet}"): hãy mở một bảng tính mới cho việc giao chỉ tiêu của tỉnh.`,
    (sheet) => `This workbook is a unit's (sheet "${sheet}"): open a new workbook for the province's assignment.`,
    ["Chỉ tiêu"],
  ),
});
