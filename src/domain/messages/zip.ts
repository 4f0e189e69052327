import { defineMessages, message, text } from "./localize";

/** A zip file the reader refuses or cannot read. */
export const zipMsg = defineMessages("zip", {
  tooLarge: message(
    (mb: number, parts: number) => `tệp giải nén ra hơn ${mb} MB (hoặc hơn ${parts} phần), quá lớn cho một bảng chỉ tiêu; Chỉ Tiêu không đọc tệp này.`,
    (mb, parts) => `the file inflates to more than ${mb} MB (or more than ${parts} parts), too large for an indicator table; Chỉ Tiêu does not read it.`,
    [50, 1000],
  ),
  damaged: message(
    (what: string) => `tệp nén bị hỏng (${what}).`,
    (what) => `the zip file is damaged (${what}).`,
    ["(what)"],
  ),
  noDirectory: text("không có mục lục", "no central directory"),
  badDirectory: text("mục lục sai", "a wrong central directory"),
  partNotFound: text("phần không tìm thấy", "a part not found"),
  partCut: text("phần bị cắt", "a part cut short"),
  largerThanDeclared: text("một phần giải nén ra nhiều hơn kích thước ghi trong mục lục", "a part inflates to more than the size its directory entry gives"),
  badDeflate: text("dữ liệu nén sai", "wrong compressed data"),
  encrypted: text(
    "tệp được đặt mật khẩu (mã hoá) nên không đọc được; hãy mở tệp trong Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hoá bằng mật khẩu), lưu lại rồi thử lại.",
    "the file is password-protected (encrypted) and cannot be read; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and try again.",
  ),
  oldXls: text(
    "tệp là dạng Excel 97–2003 (.xls), không phải .xlsx; hãy mở tệp trong Excel, Lưu thành > Sổ làm việc Excel (.xlsx) rồi thử lại.",
    "the file is in the Excel 97–2003 format (.xls), not .xlsx; open it in Excel, Save As > Excel Workbook (.xlsx) and try again.",
  ),
  encryptedOrXls: text(
    "tệp được đặt mật khẩu (mã hoá) hoặc là tệp .xls cũ; hãy gỡ mật khẩu, lưu thành .xlsx rồi thử lại.",
    "the file is password-protected (encrypted) or an old .xls file; remove the password, save it as .xlsx and try again.",
  ),
  zip64: text(
    "tệp được nén theo dạng ZIP64 mà Chỉ Tiêu không đọc (dạng dành cho tệp rất lớn, tệp này thì nhỏ); hãy mở tệp trong Excel, lưu lại thành .xlsx rồi thử lại.",
    "the file is compressed as ZIP64, which Chỉ Tiêu does not read (a format meant for very large files; this one is small); open it in Excel, save it as .xlsx and try again.",
  ),
  unknownMethod: message(
    (method: number) => `kiểu nén ${method} không được hỗ trợ`,
    (method) => `compression method ${method} is not supported`,
    [12],
  ),
});
