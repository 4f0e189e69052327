import { defineMessages, message } from "./localize";

export const xmlPartMsg = defineMessages("xmlPart", {
  notXml: message(
    (part: string, line: number, column: number) => `phần ${part} của tệp bị hỏng: không phải XML hợp lệ (dòng ${line}, cột ${column})`,
    (part, line, column) => `the part ${part} of the file is damaged: it is not well-formed XML (line ${line}, column ${column})`,
    ["xl/workbook.xml", 2, 118],
  ),
  unclosed: message(
    (part: string, name: string) => `phần ${part} của tệp bị hỏng: thẻ <${name}> không được đóng`,
    (part, name) => `the part ${part} of the file is damaged: the <${name}> element is never closed`,
    ["xl/workbook.xml", "definedNames"],
  ),
  doctype: message(
    (part: string) => `phần ${part} của tệp có khai báo <!DOCTYPE, điều Excel không chấp nhận trong tệp .xlsx`,
    (part) => `the part ${part} of the file holds a <!DOCTYPE declaration, which Excel does not accept in an .xlsx file`,
    ["xl/workbook.xml"],
  ),
  tooDeep: message(
    (part: string, depth: number) => `phần ${part} của tệp bị hỏng: các thẻ lồng nhau sâu quá ${depth} tầng`,
    (part, depth) => `the part ${part} of the file is damaged: its elements nest more than ${depth} deep`,
    ["xl/workbook.xml", 64],
  ),
});
