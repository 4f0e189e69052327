import { defineMessages, message } from "./localize";

export const unitTaskMsg = defineMessages("unitTaskBlock", {
  written: message(
    (sheet: string) => `Đã thêm khối "Việc đột phá, đổi mới" của người đứng đầu vào trang "${sheet}".`,
    (sheet) => `Added the head's breakthrough and innovation tasks to the "${sheet}" sheet.`,
    ["Chỉ tiêu"],
  ),
  occupied: message(
    (area: string) => `Vùng ${area} đã có nội dung nên không ghi khối "Việc đột phá, đổi mới" vào đó; hãy dọn vùng này rồi chạy lại nếu muốn có khối.`,
    (area) => `The range ${area} already holds something, so the head's breakthrough and innovation tasks were not written there; clear it and run again to get them.`,
    ["F45:L58"],
  ),
});
