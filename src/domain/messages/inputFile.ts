import { defineMessages, message, sentence } from "./localize";

/** A file a command reads that is not one it can read whole (Node only: the pane reads what the user picks). */
export const inputFileMsg = defineMessages("inputFile", {
  notAFile: sentence(
    "đây không phải một tệp thông thường (mà là một thư mục hoặc một tệp đặc biệt của hệ thống), nên Chỉ Tiêu không đọc; hãy chọn một tệp.",
    "this is not an ordinary file (but a folder or a special file of the system), so Chỉ Tiêu does not read it; choose a file.",
  ),
  tooLarge: message(
    (mb: number) => `tệp lớn hơn ${mb} MB, quá lớn cho một sổ Excel hay tệp dữ liệu của Chỉ Tiêu; Chỉ Tiêu không đọc tệp này.`,
    (mb) => `the file is larger than ${mb} MB, too large for a Chỉ Tiêu workbook or data file; Chỉ Tiêu does not read it.`,
    [200],
  ),
});
