import { defineMessages, message } from "./localize";

/** A damaged or refused XML part of an .xlsx file. */
export const xmlMsg = defineMessages("xml", {
  unclosed: message(
    (name: string) => `phần XML hỏng: thẻ <${name}> không được đóng`,
    (name) => `a damaged XML part: the <${name}> element is never closed`,
    ["si"],
  ),
  declaration: message(
    (what: string) => `phần XML có ${what}, điều Excel không chấp nhận trong tệp .xlsx`,
    (what) => `an XML part holds ${what}, which Excel does not accept in an .xlsx file`,
    ["<!DOCTYPE"],
  ),
});
