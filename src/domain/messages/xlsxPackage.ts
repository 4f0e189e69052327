import { defineMessages, message } from "./localize";

/** A package whose parts are missing or point outside it. */
export const packageMsg = defineMessages("xlsxPackage", {
  missingPart: message(
    (part: string) => `thiếu phần ${part}`,
    (part) => `the part ${part} is missing`,
    ["xl/workbook.xml"],
  ),
  outside: message(
    (part: string, target: string) => `phần ${part} của tệp trỏ tới "${target}", một chỗ nằm ngoài tệp`,
    (part, target) => `the part ${part} of the file points at "${target}", somewhere outside the file`,
    ["xl/_rels/workbook.xml.rels", "../../etc/passwd"],
  ),
});
