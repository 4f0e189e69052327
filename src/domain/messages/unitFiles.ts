import { defineMessages, message } from "./localize";

/** Two units whose files an assignment would write under one name. */
export const unitFilesMsg = defineMessages("unitFiles", {
  sameFile: message(
    (first: string, second: string, file: string) => `Hai đơn vị "${first}" và "${second}" cùng tên tệp ${file}: đổi tên một đơn vị.`,
    (first, second, file) => `Units "${first}" and "${second}" would have the same file name ${file}: rename one of them.`,
    ["Tam Đảo", "Tam Đảo ", "Tam Đảo.xlsx"],
  ),
});
