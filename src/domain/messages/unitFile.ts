import { defineMessages, message, sentence, text } from "./localize";

/** A text ended by one full stop. */
const closed = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Why a unit's file is not consolidated (the names of its table and cells, TABLES and NAMES of src/layout, given as parameters). */
export const READ_MESSAGES = defineMessages("unitFile", {
  unreadable: sentence("không đọc được tệp.", "the file could not be read."),
  // The detail is often a sentence of its own (the zip reader's): no second full stop after it.
  notExcel: message(
    (detail: string) => `không phải tệp Excel (.xlsx) hợp lệ: ${closed(detail)}`,
    (detail) => `not a valid Excel (.xlsx) file: ${closed(detail)}`,
    ["(detail)."],
  ),
  notChiTieu: message(
    (table: string) => `không phải sổ Chỉ Tiêu (không có bảng ${table} đọc được).`,
    (table) => `not a Chỉ Tiêu workbook (no readable ${table} table).`,
    ["tblChiTieu"],
  ),
  noYear: message(
    (cell: string) => `chưa ghi năm đánh giá hợp lệ (ô ${cell}).`,
    (cell) => `no valid evaluation year (cell ${cell}).`,
    ["NamDanhGia"],
  ),
  noUnit: message(
    (cell: string) => `chưa ghi tên đơn vị (ô ${cell}).`,
    (cell) => `no unit name (cell ${cell}).`,
    ["TenDonVi"],
  ),
  badKind: message(
    (kind: string, cell: string) => `loại đơn vị "${kind}" không có trong danh sách (ô ${cell}).`,
    (kind, cell) => `the unit kind "${kind}" is not in the list (cell ${cell}).`,
    ["(kind)", "LoaiDonVi"],
  ),
  overwritten: message(
    (cells: readonly string[]) =>
      `công thức bị thay bằng giá trị, kết quả tính lại từ số liệu: ${cells.join("; ")}. Hãy mở tệp, chọn "Khôi phục công thức" rồi gửi lại.`,
    (cells) => `formulas were replaced by values; recomputed from the figures: ${cells.join("; ")}. Open the file, choose "Restore formulas" and send it again.`,
    [["K8 (1.1)"]],
  ),
  recomputed: message(
    (where: string, typed: string, computed: string) => `${where} ghi ${typed}, tính lại ${computed}`,
    (where, typed, computed) => `${where} holds ${typed}, recomputed ${computed}`,
    ["K8 (1.1)", "150", "105"],
  ),
  typedOnly: message(
    (where: string, typed: string) => `${where} ghi ${typed}`,
    (where, typed) => `${where} holds ${typed}`,
    ["K8 (1.1)", "150"],
  ),
  empty: text("(trống)", "(empty)"),
  noSnapshot: message(
    (date: string) => `chưa có số liệu theo dõi đến ngày ${date} (trong quý của ngày này): mọi chỉ tiêu tính là chưa có số liệu.`,
    (date) => `no follow-up figures as of ${date} (within that date's quarter): every indicator counts as not yet reported.`,
    ["30/06/2025"],
  ),
  onSheet: message((sheet: string, reason: string) => `${sheet}: ${reason}`, (sheet, reason) => `${sheet}: ${reason}`, ["Chỉ tiêu 2", "(reason)"]),
  notAnInput: message(
    (path: string) => `không có tệp hay thư mục ${path}.`,
    (path) => `there is no file or folder ${path}.`,
    ["units/a.xlsx"],
  ),
});
