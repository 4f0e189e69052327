import { defineMessages, message } from "./localize";

/** A worksheet part whose cells Excel would not read. */
export const sheetXmlMsg = defineMessages("sheetXml", {
  outside: message(
    (sheet: string, where: string) => `trang "${sheet}" có ô ${where} nằm ngoài trang tính (Excel có đến cột XFD và dòng 1.048.576)`,
    (sheet, where) => `the sheet "${sheet}" has a cell ${where} outside the worksheet (Excel's last column is XFD, its last row 1,048,576)`,
    ["Chỉ tiêu", "XFE8"],
  ),
  notANumber: message(
    (sheet: string, cell: string, found: string) => `trang "${sheet}", ô ${cell} ghi "${found}", không phải một số Excel đọc được`,
    (sheet, cell, found) => `the sheet "${sheet}", cell ${cell} holds "${found}", not a number Excel reads`,
    ["Chỉ tiêu", "I8", "0x834"],
  ),
  badType: message(
    (sheet: string, cell: string, type: string) => `trang "${sheet}", ô ${cell} có kiểu "${type}" mà Excel không biết`,
    (sheet, cell, type) => `the sheet "${sheet}", cell ${cell} has the type "${type}", which Excel does not know`,
    ["Chỉ tiêu", "I8", "q"],
  ),
  badString: message(
    (sheet: string, cell: string, index: string) => `trang "${sheet}", ô ${cell} trỏ tới chuỗi số "${index}" không có trong tệp`,
    (sheet, cell, index) => `the sheet "${sheet}", cell ${cell} points at the string "${index}", which the file does not hold`,
    ["Chỉ tiêu", "A8", "12"],
  ),
});
