/**
 * Every Vietnamese message about the workbook itself (problems found while reading it, and what
 * set-up changed), in one place. The engine's messages about values are in src/domain/messages.ts,
 * the task pane's strings in src/i18n.
 */
import { TABLES, SHEETS } from "./schema";

export const sheetMsg = {
  noUnitTable: `chưa có bảng chỉ tiêu (${TABLES.unit}); hãy chạy Thiết lập để tạo trang tính.`,
  noUnitTableInFile: `không tìm thấy bảng ${TABLES.unit} trong tệp; tệp này chưa được tạo bằng Chỉ Tiêu.`,
  typedBelowTable: (table: string) =>
    `dòng này nằm ngay dưới bảng ${table}, ngoài bảng, nên chưa được tính; hãy mở rộng bảng cho chứa dòng này (Excel: Thiết kế bảng → Đổi kích cỡ bảng) rồi chạy Đánh giá hoặc Thiết lập để điền công thức.`,
  passwordProtected: (code: string) =>
    `trang tính đang được bảo vệ bằng mật khẩu nên Chỉ Tiêu không ghi được gì; hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi chạy lại. (${code})`,
  capChangedMeanwhile: (reason: string) =>
    `Mức trần vừa được thay đổi trong lúc ghi (có thể do đồng nghiệp đang cùng sửa): ${reason} Xếp loại cuối cùng được giữ như cũ.`,
  writeRefused: (code: string) => `Excel từ chối ghi (${code}); bảng tính không thay đổi.`,
  writeStopped: (code: string) => `Excel từ chối ghi (${code}) khi đã ghi được một phần; hãy chạy lại để ghi nốt.`,
  setUpStopped: "Excel từ chối ghi giữa chừng nên Thiết lập dừng lại, các trang mới chỉ được tạo một phần; chạy Thiết lập lại sẽ tạo lại các trang này cho đầy đủ.",
  setUpStoppedUnknown: "Thiết lập dừng giữa chừng và không kiểm tra được bảng tính đã thay đổi những gì; hãy chạy Thiết lập lại.",
  foreignSheet: (sheet: string) => `đã có một trang tính tên "${sheet}" không do Chỉ Tiêu tạo; hãy đổi tên trang đó rồi chạy Thiết lập lại.`,
  missingColumn: (header: string) =>
    `bảng ${TABLES.unit} thiếu cột "${header}" (cột đã bị xóa hoặc đổi tên); hãy thêm lại cột này hoặc chạy Thiết lập để sửa.`,
  formulaInTextCell: (header: string, formula: string) =>
    `cột "${header}" cần chữ nhưng ô chứa công thức ${formula}; hãy gõ lại nội dung dạng chữ.`,
  indicatorColumn: (code: string, header: string) => `chỉ tiêu ${code || "(chưa có mã)"}, cột ${header}`,
  summaryCellDeleted: (name: string) =>
    `bảng tính không có ô tổng hợp ${name} (ô đã bị xóa, hoặc trang được tạo bằng phiên bản Chỉ Tiêu trước); hãy chạy Thiết lập (Cập nhật bảng tính) để bổ sung mà không mất số liệu đã nhập.`,
  summaryOverwritten: (name: string) => `công thức ${name} đã bị ghi đè bằng giá trị; chọn "Khôi phục công thức" để đặt lại.`,
  notALevel: (value: string) => `"${value}" không phải một mức xếp loại.`,
  catalogueMissingColumn: (header: string) => `bảng danh mục thiếu cột "${header}".`,
  catalogueDirection: (code: string, found: string) => `chỉ tiêu ${code}: chiều "${found}" không hợp lệ.`,
  catalogueKey: (code: string) => `chỉ tiêu ${code}: cột Chủ yếu nhận "x" hoặc để trống.`,
  catalogueWeight: (code: string) => `chỉ tiêu ${code}: trọng số phải là số lớn hơn 0.`,
  groupName: (code: string) => `Nhóm ${code}`,
  unknownPreset: (found: string, fallback: string) => `bộ quy tắc "${found}" không rõ; dùng ${fallback}.`,
  badRuleValue: (found: string) => `giá trị ${found} không hợp lệ; dùng giá trị mặc định.`,
  badRuleFlag: (found: string) => `cần 1 (có) hoặc 0 (không), không phải ${found}.`,
  badQuotaBase: (found: string) => `cơ sở tính hạn mức là good hoặc goodOrBetter, không phải ${found}; dùng good.`,
  rulesCellsMissing: (names: readonly string[]) => `Trang "${SHEETS.rules}" thiếu ô ${names.join(", ")}; hãy chạy Thiết lập.`,
  empty: "(trống)",

  createdSheet: (sheet: string) => `Đã tạo trang tính "${sheet}".`,
  remadeSheet: (sheet: string) => `Đã tạo lại trang tính "${sheet}" mà lần Thiết lập trước để dở.`,
  partlyCreatedSheet: (sheet: string) => `Đã tạo một phần trang tính "${sheet}" (chưa xong).`,
  wroteHeading: (label: string, value: string | number) => `Đã ghi ${label}: ${value}.`,
  upgradedSummary: "Đã bổ sung khối tổng hợp theo quy tắc mới (mức có thể đạt tối đa, trường hợp không hoàn thành nhiệm vụ, mức trần công chức); các ô đã nhập được giữ nguyên.",
  updatedFormulas: "Đã cập nhật công thức của cột Tỷ lệ đạt, Đánh giá và khối tổng hợp.",
  nothingToChange: "Bảng tính đã đầy đủ; không cần thay đổi gì.",
  keptRules: `Giữ nguyên bộ quy tắc đang có trong trang "${SHEETS.rules}"; đổi bộ quy tắc trong phần Cài đặt.`,
  chooseUnit: (sheets: readonly string[]) =>
    `Sổ có ${sheets.length} đơn vị (trang ${sheets.map((s) => `"${s}"`).join(", ")}); hãy mở trang chỉ tiêu của đơn vị cần làm rồi chạy lại.`,
  addedUnit: (unitName: string, sheet: string) => `Đã thêm đơn vị "${unitName}" ở trang "${sheet}"; danh mục và quy tắc dùng chung với các đơn vị đã có.`,
  noUnitToAddTo: "Sổ chưa có đơn vị nào; hãy chạy Thiết lập để tạo đơn vị đầu tiên.",
  builtComparison: (count: number) => `Đã lập trang "So sánh" và "Hạn mức" bằng công thức cho ${count} đơn vị của sổ này.`,
  headingLabels: { unitName: "tên đơn vị", unitKind: "loại đơn vị", head: "người đứng đầu", year: "năm" },
} as const;
