// The workbench's own words (a development tool, so kept out of the pane's catalogue), in the
// language that goes with the emulated regional setting.
import type { PreviewLocale } from "./locale";

export interface WorkbenchText {
  readonly localeLabel: string;
  readonly localeNames: Readonly<Record<PreviewLocale, string>>;
  /** How typed numbers are read under the chosen setting. */
  readonly localeHint: string;
  /** Excel's own message for a change to a locked cell of a protected sheet. */
  readonly protectedCell: string;
}

const localeNames = { "vi-VN": "Tiếng Việt (Việt Nam)", "en-US": "English (United States)" } as const;

export const WORKBENCH_TEXT: Readonly<Record<PreviewLocale, WorkbenchText>> = {
  "vi-VN": {
    localeLabel: "Kiểu số",
    localeNames,
    localeHint: "Số gõ theo kiểu Việt Nam: 2.100 là hai nghìn một trăm, 3,5 là ba phẩy năm, 95% là 0,95.",
    protectedCell:
      "Ô hoặc biểu đồ mà bạn đang cố gắng thay đổi nằm trên trang tính được bảo vệ. Để thực hiện thay đổi, hãy bỏ bảo vệ trang tính. Bạn có thể được yêu cầu nhập mật khẩu.",
  },
  "en-US": {
    localeLabel: "Number style",
    localeNames,
    localeHint:
      "Numbers are read as in English (United States): 2,100 is two thousand one hundred, 2.1 is two point one. The pane's advice (“2.100”) is written for Vietnamese settings: type 2,100 here.",
    protectedCell:
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
  },
};
