/**
 * Every message about the workbook itself (problems found while reading it, and what set-up
 * changed), in Vietnamese and English: the `sheet` and `heading` sections of the catalogue. The
 * engine's messages about values are in ./engine.ts. The names of sheets and tables belong to
 * src/layout, a layer above: a message that names one takes it as a parameter.
 */
import type { Disqualifier } from "../levels";
import type { Level } from "../types";
import { defineMessages, message, sentence, text, translate } from "./localize";
import { DISQUALIFIER_NAMES, LEVEL_NAMES } from "./names";

export const sheetMsg = {
  ...defineMessages("sheet", {
    noUnitTable: message(
      (table: string) => `chưa có bảng chỉ tiêu (${table}); hãy chạy Thiết lập để tạo trang tính.`,
      (table) => `there is no indicator table (${table}) yet; run Setup to create the sheet.`,
      ["tblChiTieu"],
    ),
    noUnitTableInFile: message(
      (table: string) => `không tìm thấy bảng ${table} trong tệp; tệp này chưa được tạo bằng Chỉ Tiêu.`,
      (table) => `no ${table} table in the file; it was not made with Chỉ Tiêu.`,
      ["tblChiTieu"],
    ),
    typedBelowTable: message(
      (table: string) =>
        `dòng này nằm ngay dưới bảng ${table}, ngoài bảng, nên chưa được tính; hãy mở rộng bảng cho chứa dòng này (Excel: Thiết kế bảng → Đổi kích cỡ bảng) rồi chạy Đánh giá hoặc Thiết lập để điền công thức.`,
      (table) =>
        `this row is just below the ${table} table, outside it, so it is not counted; extend the table over it (Excel: Table Design → Resize Table), then run Evaluate or Setup to fill in the formulas.`,
      ["tblChiTieu"],
    ),
    passwordProtected: message(
      (code: string) =>
        `trang tính đang được bảo vệ bằng mật khẩu nên Chỉ Tiêu không ghi được gì; hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi chạy lại. (${code})`,
      (code) => `the sheet is protected with a password, so Chỉ Tiêu cannot write to it; unprotect it (Review → Unprotect Sheet) and run again. (${code})`,
      ["AccessDenied"],
    ),
    capChangedMeanwhile: message(
      (reason: string) =>
        `Mức trần vừa được thay đổi trong lúc ghi (có thể do đồng nghiệp đang cùng sửa): ${reason} Xếp loại cuối cùng được giữ như cũ.`,
      (reason) => `A cap changed while writing (perhaps a colleague is editing too): ${reason} The final level was left as it was.`,
      ["(reason)"],
    ),
    writeRefused: message(
      (code: string) => `Excel từ chối ghi (${code}); bảng tính không thay đổi.`,
      (code) => `Excel refused to write (${code}); the workbook did not change.`,
      ["GeneralException"],
    ),
    writeStopped: message(
      (code: string) => `Excel từ chối ghi (${code}) khi đã ghi được một phần; hãy chạy lại để ghi nốt.`,
      (code) => `Excel refused to write (${code}) part of the way through; run again to finish.`,
      ["GeneralException"],
    ),
    writeStoppedInBatch: message(
      (code: string) =>
        `Excel từ chối ghi (${code}) giữa chừng: những gì Chỉ Tiêu ghi trước chỗ lỗi đã vào bảng tính, phần sau thì chưa; hãy chạy lại để ghi nốt.`,
      (code) => `Excel refused to write (${code}) part of the way through: what Chỉ Tiêu wrote before the failure is in the workbook, the rest is not; run again to finish.`,
      ["GeneralException"],
    ),
    headingNotWritten: message(
      (label: string, value: string | number, code: string) =>
        `Chưa ghi được ${label}: ${value} (Excel từ chối ghi, ${code}); hãy chạy Cập nhật bảng tính lại.`,
      (label, value, code) => `Did not write ${label}: ${value} (Excel refused to write, ${code}); run Update workbook again.`,
      ["người đứng đầu", "Trần Thị B", "GeneralException"],
    ),
    setUpStopped: text(
      "Excel từ chối ghi giữa chừng nên Thiết lập dừng lại, các trang mới chỉ được tạo một phần; chạy Thiết lập lại sẽ tạo lại các trang này cho đầy đủ.",
      "Excel refused to write part of the way through, so Setup stopped with the new sheets only partly made; running Setup again makes them in full.",
    ),
    setUpStoppedUnknown: text(
      "Thiết lập dừng giữa chừng và không kiểm tra được bảng tính đã thay đổi những gì; hãy chạy Thiết lập lại.",
      "Setup stopped part of the way through and could not check what changed in the workbook; run Setup again.",
    ),
    foreignSheet: message(
      (sheet: string) => `đã có một trang tính tên "${sheet}" không do Chỉ Tiêu tạo; hãy đổi tên trang đó rồi chạy Thiết lập lại.`,
      (sheet) => `a sheet named "${sheet}" already exists and was not made by Chỉ Tiêu; rename it and run Setup again.`,
      ["Bản in"],
    ),
    missingColumn: message(
      (table: string, header: string) =>
        `bảng ${table} thiếu cột "${header}" (cột đã bị xóa hoặc đổi tên); hãy thêm lại cột này hoặc chạy Thiết lập để sửa.`,
      (table, header) => `the ${table} table has no "${header}" column (deleted or renamed); add it back or run Setup to repair the table.`,
      ["tblChiTieu", "Plan"],
    ),
    formulaInTextCell: message(
      (header: string, formula: string) => `cột "${header}" cần chữ nhưng ô chứa công thức ${formula}; hãy gõ lại nội dung dạng chữ.`,
      (header, formula) => `column "${header}" takes text but the cell holds the formula ${formula}; type the text again.`,
      ["Name", "=A1"],
    ),
    indicatorColumn: message(
      (code: string, header: string) => `chỉ tiêu ${code || "(chưa có mã)"}, cột ${header}`,
      (code, header) => `indicator ${code || "(no code)"}, column ${header}`,
      ["1.1", "Plan"],
    ),
    onSheet: message(
      (sheet: string) => `Trang "${sheet}"`,
      (sheet) => `Sheet "${sheet}"`,
      ["Quy tắc"],
    ),
    atCell: message(
      (sheet: string, cell: string) => `Trang "${sheet}", ô ${cell}`,
      (sheet, cell) => `Sheet "${sheet}", cell ${cell}`,
      ["Chỉ tiêu", "I9"],
    ),
    /** A problem after the words that place it (locate, indicatorColumn, criterionColumn). */
    /** Sentences one after another (the refusals of several caps). */
    sentences: message(
      (sentences: readonly string[]) => sentences.join(" "),
      (sentences) => sentences.join(" "),
      [["(one.)", "(two.)"]],
    ),
    placed: message(
      (where: string, detail: string) => `${where}: ${detail}`,
      (where, detail) => `${where}: ${detail}`,
      ["(where)", "(detail)"],
    ),
    criteriaMissingColumn: message(
      (table: string, header: string) =>
        `bảng ${table} thiếu cột "${header}" (cột đã bị xóa hoặc đổi tên); hãy thêm lại cột này hoặc chạy Thiết lập để sửa.`,
      (table, header) => `the ${table} table has no "${header}" column (deleted or renamed); add it back or run Setup to repair the table.`,
      ["tblTieuChiChung", "Max"],
    ),
    criterionColumn: message(
      (name: string, header: string) => `tiêu chí ${name}, cột ${header}`,
      (name, header) => `criterion ${name}, column ${header}`,
      ["1", "Max"],
    ),
    criterionAtRow: message(
      (row: number) => `ở dòng ${row}`,
      (row) => `in row ${row}`,
      [7],
    ),
    summaryCellDeleted: message(
      (name: string) =>
        `bảng tính không có ô tổng hợp ${name} (ô đã bị xóa, hoặc trang được tạo bằng phiên bản Chỉ Tiêu trước); hãy chạy Thiết lập (Cập nhật bảng tính) để bổ sung mà không mất số liệu đã nhập.`,
      (name) =>
        `the workbook has no summary cell ${name} (deleted, or the sheet was made by an earlier Chỉ Tiêu); run Setup (Update workbook) to add it without losing the figures entered.`,
      ["XepLoai"],
    ),
    sheetDisagrees: message(
      (name: string, sheetValue: string, engineValue: string) =>
        `Excel tính ${name} = ${sheetValue} nhưng Chỉ Tiêu tính ra ${engineValue}: công thức trong bảng tính có thể đã bị sửa, hoặc bảng tính chưa được tính lại (nhấn F9); đừng dùng kết quả này trước khi hai bên khớp nhau.`,
      (name, sheetValue, engineValue) =>
        `Excel computes ${name} = ${sheetValue} but Chỉ Tiêu computes ${engineValue}: a formula on the sheet may have been changed, or the sheet has not been recalculated (press F9); do not use this result until the two agree.`,
      ["TongDiem", "95", "87,5"],
    ),
    summaryOverwritten: message(
      (name: string) => `công thức ${name} đã bị ghi đè bằng giá trị; chọn "Khôi phục công thức" để đặt lại.`,
      (name) => `the formula ${name} was typed over with a value; choose "Restore formulas" to put it back.`,
      ["XepLoai"],
    ),
    notALevel: message(
      (value: string) => `"${value}" không phải một mức xếp loại.`,
      (value) => `"${value}" is not a level.`,
      ["Best"],
    ),
    catalogueMissingColumn: message(
      (header: string) => `bảng danh mục thiếu cột "${header}".`,
      (header) => `the catalogue table has no "${header}" column.`,
      ["Weight"],
    ),
    catalogueDirection: message(
      (code: string, found: string) => `chỉ tiêu ${code}: chiều "${found}" không hợp lệ.`,
      (code, found) => `indicator ${code}: direction "${found}" is not valid.`,
      ["1.1", "up"],
    ),
    catalogueKey: message(
      (code: string) => `chỉ tiêu ${code}: cột Chủ yếu nhận "x" hoặc để trống.`,
      (code) => `indicator ${code}: the key-indicator column takes "x" or nothing.`,
      ["1.1"],
    ),
    catalogueWeight: message(
      (code: string) => `chỉ tiêu ${code}: trọng số phải là số lớn hơn 0.`,
      (code) => `indicator ${code}: the weight must be a number above 0.`,
      ["1.1"],
    ),
    groupName: message(
      (code: string) => `Nhóm ${code}`,
      (code) => `Group ${code}`,
      ["1"],
    ),
    unknownPreset: message(
      (found: string, fallback: string) => `bộ quy tắc "${found}" không rõ; dùng ${fallback}.`,
      (found, fallback) => `unknown rule set "${found}"; using ${fallback}.`,
      ["qd999", "qd366-2025"],
    ),
    badRuleValue: message(
      (found: string) => `giá trị ${found} không hợp lệ; dùng giá trị mặc định.`,
      (found) => `value ${found} is not valid; using the default.`,
      ["abc"],
    ),
    badRuleFlag: message(
      (found: string) => `cần 1 (có) hoặc 0 (không), không phải ${found}.`,
      (found) => `enter 1 (yes) or 0 (no), not ${found}.`,
      ["2"],
    ),
    badQuotaBase: message(
      (found: string) => `cơ sở tính hạn mức là good hoặc goodOrBetter, không phải ${found}; dùng good.`,
      (found) => `the quota base is good or goodOrBetter, not ${found}; using good.`,
      ["all"],
    ),
    ownRules: message(
      (rule: string, own: string, province: string) => `quy tắc của tệp khác quy tắc của tỉnh: ${rule} là ${own} (tỉnh: ${province}); đơn vị được đánh giá theo quy tắc của tỉnh.`,
      (rule, own, province) => `the file's rules differ from the province's: ${rule} is ${own} (province: ${province}); the unit is evaluated under the province's rules.`,
      ["TyLeVuotXuatSac", "10%", "30%"],
    ),
    disqualifiedFinal: message(
      (level: Level, conditions: readonly Disqualifier[]) =>
        `Không thể xếp mức "${LEVEL_NAMES[level]}": có điều kiện không hoàn thành nhiệm vụ (${conditions.map((d) => DISQUALIFIER_NAMES[d]).join("; ")}), nên chỉ được xếp "${LEVEL_NAMES.incomplete}".`,
      (level, conditions) =>
        `Cannot rate "${translate(LEVEL_NAMES[level], "en")}": a disqualifying condition holds (${conditions.map((d) => translate(DISQUALIFIER_NAMES[d], "en")).join("; ")}), so only "${translate(LEVEL_NAMES.incomplete, "en")}" is allowed.`,
      ["good", ["sanction"]],
    ),
    rulesCellsMissing: message(
      (sheet: string, names: readonly string[]) => `Trang "${sheet}" thiếu ô ${names.join(", ")}; hãy chạy Thiết lập.`,
      (sheet, names) => `The "${sheet}" sheet has no cell ${names.join(", ")}; run Setup.`,
      ["Quy tắc", ["DiemTot"]],
    ),
    empty: text("(trống)", "(empty)"),

    createdSheet: message(
      (sheet: string) => `Đã tạo trang tính "${sheet}".`,
      (sheet) => `Created the sheet "${sheet}".`,
      ["Chỉ tiêu"],
    ),
    remadeSheet: message(
      (sheet: string) => `Đã tạo lại trang tính "${sheet}" mà lần Thiết lập trước để dở.`,
      (sheet) => `Made again the sheet "${sheet}" that the last Setup left unfinished.`,
      ["Chỉ tiêu"],
    ),
    partlyCreatedSheet: message(
      (sheet: string) => `Đã tạo một phần trang tính "${sheet}" (chưa xong).`,
      (sheet) => `Partly created the sheet "${sheet}" (unfinished).`,
      ["Chỉ tiêu"],
    ),
    wroteHeading: message(
      (label: string, value: string | number) => `Đã ghi ${label}: ${value}.`,
      (label, value) => `Wrote ${label}: ${value}.`,
      ["tên đơn vị", "Commune A"],
    ),
    upgradedSummary: sentence(
      "Đã bổ sung khối tổng hợp theo quy tắc mới (mức có thể đạt tối đa, trường hợp không hoàn thành nhiệm vụ, mức trần công chức); các ô đã nhập được giữ nguyên.",
      "Added the summary block of the new rules (best reachable level, disqualifying conditions, civil-servant cap); the cells already entered were kept.",
    ),
    updatedFormulas: sentence(
      "Đã cập nhật công thức của cột Tỷ lệ đạt, Đánh giá và khối tổng hợp.",
      "Updated the formulas of the achievement and status columns and of the summary block.",
    ),
    nothingToChange: sentence("Bảng tính đã đầy đủ; không cần thay đổi gì.", "The workbook is complete; nothing needed to change."),
    keptRules: message(
      (sheet: string) => `Giữ nguyên bộ quy tắc đang có trong trang "${sheet}"; đổi bộ quy tắc trong phần Cài đặt.`,
      (sheet) => `Kept the rule set already in the "${sheet}" sheet; change it in Settings.`,
      ["Quy tắc"],
    ),
    chooseUnit: message(
      (sheets: readonly string[]) =>
        `Sổ có ${sheets.length} đơn vị (trang ${sheets.map((s) => `"${s}"`).join(", ")}); hãy mở trang chỉ tiêu của đơn vị cần làm rồi chạy lại.`,
      (sheets) => `The workbook has ${sheets.length} units (sheets ${sheets.map((s) => `"${s}"`).join(", ")}); open the target sheet of the unit to work on and run it again.`,
      [["Chỉ tiêu", "Chỉ tiêu 2"]],
    ),
    addedUnit: message(
      (unitName: string, sheet: string) => `Đã thêm đơn vị "${unitName}" ở trang "${sheet}"; danh mục và quy tắc dùng chung với các đơn vị đã có.`,
      (unitName, sheet) => `Added the unit "${unitName}" on the sheet "${sheet}"; it shares the catalogue and the rules with the other units.`,
      ["Commune B", "Chỉ tiêu 2"],
    ),
    noUnitToAddTo: text(
      "Sổ chưa có đơn vị nào; hãy chạy Thiết lập để tạo đơn vị đầu tiên.",
      "The workbook has no unit yet; run Setup to create the first one.",
    ),
    builtComparison: message(
      (count: number) => `Đã lập trang "So sánh", "Hạn mức" và "Biểu đồ" bằng công thức cho ${count} đơn vị của sổ này.`,
      (count) => `Built the comparison, quota and chart sheets with formulas for the ${count} units of this workbook.`,
      [3],
    ),
  }),
  headingLabels: defineMessages("heading", {
    unitName: text("tên đơn vị", "the unit name"),
    unitKind: text("loại đơn vị", "the unit kind"),
    head: text("người đứng đầu", "the head"),
    year: text("năm", "the year"),
  }),
} as const;
