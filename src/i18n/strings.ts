// The one catalogue of user-visible text in the pane. Vietnamese is the product language and comes
// first; English must carry exactly the same keys (the `en` annotation below enforces it both ways:
// a missing key and an extra key are both compile errors).

export type Language = "vi" | "en";

export const LANGUAGES: readonly Language[] = ["vi", "en"];

const vi = {
  appTitle: "Chỉ Tiêu",
  appSubtitle: "Đánh giá bằng sản phẩm",
  loading: "Đang tải…",
  languageLabel: "Ngôn ngữ",
  languageVietnamese: "Tiếng Việt",
  languageEnglish: "English",
  viewsLabel: "Các bước",
  viewSetup: "Thiết lập",
  viewCheck: "Kiểm tra",
  viewEvaluate: "Đánh giá",
  viewRating: "Xếp loại",
  viewPrint: "In",
  viewSettings: "Cài đặt",
  statusInExcel: "Đã kết nối với Excel.",
  statusPreview: "Chế độ xem trước: không chạy trong Excel.",
} as const;

export type StringKey = keyof typeof vi;

const en: { readonly [K in StringKey]: string } = {
  appTitle: "Chỉ Tiêu",
  appSubtitle: "Evaluation by results",
  loading: "Loading…",
  languageLabel: "Language",
  // Language names stay in their own language so either reader can find the way back.
  languageVietnamese: "Tiếng Việt",
  languageEnglish: "English",
  viewsLabel: "Steps",
  viewSetup: "Setup",
  viewCheck: "Check",
  viewEvaluate: "Evaluate",
  viewRating: "Rating",
  viewPrint: "Print",
  viewSettings: "Settings",
  statusInExcel: "Connected to Excel.",
  statusPreview: "Preview mode: not running in Excel.",
};

export type Strings = { readonly [K in StringKey]: string };

export const strings: { readonly [L in Language]: Strings } = { vi, en } as const;

/** Looks up one string outside React (ribbon commands, dialogs). */
export function t(language: Language, key: StringKey): string {
  return strings[language][key];
}

export function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}
