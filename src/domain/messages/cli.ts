/**
 * The command line's own messages: the `cli` section of the catalogue, its usage errors and the files
 * it cannot read or write, thrown as data (UsageError) and rendered by `main` in the language of
 * `--lang`. What the commands print is in ./report.ts.
 */
import { defineMessages, message, sentence } from "./localize";

/** "a, b or c". */
const either = (choices: readonly string[], or: string) => (choices.length < 2 ? choices.join("") : `${choices.slice(0, -1).join(", ")} ${or} ${choices[choices.length - 1]}`);
const ASOF_FORMS_VI = "cần dạng YYYY-MM-DD hoặc DD/MM/YYYY, ví dụ 2025-09-30";
const ASOF_FORMS_EN = "write it YYYY-MM-DD or DD/MM/YYYY, for example 2025-09-30";

export const cliMsg = defineMessages("cli", {
  usage: sentence(
    `Cách dùng / Usage:
  chitieu evaluate FILE.json [--format json|table] [--lang vi|en]
  chitieu workbook --unit "Tam Đảo" --year 2021 [--head "Họ tên"] [--data FILE.json] -o FILE.xlsx
           [--unit-kind commune|district|department|massOrganisation]
           [--superior-body "ĐẢNG BỘ TỈNH PHÚ THỌ"] [--issuing-body "BAN THƯỜNG VỤ HUYỆN ỦY TAM ĐẢO"]
           [--number "12-BC/HU"] [--place-date "Tam Đảo, ngày 20 tháng 12 năm 2025"]
           [--signer-title "T/M BAN THƯỜNG VỤ"] [--signer-position "BÍ THƯ"] [--signer-name "Họ tên"]
           [--recipients "- Như trên,\\n- Lưu Văn phòng"]
           [--task-register] [--tasks TASKS.json] [--as-of YYYY-MM-DD] [--leader "Họ tên"]   (sổ việc đột phá, đổi mới)
  chitieu read FILE.xlsx [--unit SỐ|TÊN] [--format json|table]   (--unit: đơn vị nào của sổ có nhiều đơn vị)
  chitieu tasks evaluate FILE.json|FILE.xlsx --year Y --as-of YYYY-MM-DD [--format json|table]
  chitieu tasks term FILE.json|FILE.xlsx [--from Y --to Y] [--as-of YYYY-MM-DD] [--json|--format table] [-o TONG_HOP.xlsx]   (tổng hợp nhiệm kỳ)
  chitieu print FILE.xlsx [--sheet "Công khai" | "Phiếu đăng ký" | …] -o FILE.pdf      (cần LibreOffice / needs LibreOffice)
  chitieu print TINH.xlsx -o QUYET_DINH.pdf [--number "15-QĐ/TU"] [--superior-body …] …   (quyết định giao chỉ tiêu từ sổ của tỉnh)
  chitieu consolidate FILES_OR_DIR… -o tong-hop.xlsx [--json] [--exceptional KIND,…] [--rules TINH.xlsx] [--previous NAM_TRUOC_DIR_OR_FILE]
           [--as-of 30/06/2025 | --quarter 2]   (tạm tính giữa năm từ trang "Theo dõi" của từng đơn vị)
           [--superior-body …] [--issuing-body …] [--number …] [--place-date …]
           [--signer-title …] [--signer-position …] [--signer-name …] [--recipients "- Như trên,\\n- Lưu VP"]
  chitieu province --year 2021 --group "Huyện, thành phố: Tam Đảo; Sông Lô" [--group …] -o TINH.xlsx   (tệp giao chỉ tiêu của tỉnh)
  chitieu assign TINH.xlsx -o THU_MUC/ [--json] [--follow-up quarter|month]      (ghi tệp của từng đơn vị từ các trang "Giao chỉ tiêu"; trang "Theo dõi" theo quý hoặc theo tháng)
  chitieu help
  --lang vi|en   với mọi lệnh: thông báo, bảng và báo cáo bằng tiếng Việt (vi, mặc định) hoặc tiếng Anh (en)
`,
    `Usage:
  chitieu evaluate FILE.json [--format json|table] [--lang vi|en]
  chitieu workbook --unit "Tam Dao" --year 2021 [--head "Full name"] [--data FILE.json] -o FILE.xlsx
           [--unit-kind commune|district|department|massOrganisation]
           [--superior-body "SUPERIOR BODY"] [--issuing-body "ISSUING BODY"]
           [--number "12-BC/HU"] [--place-date "Place, date"]
           [--signer-title "ON BEHALF OF …"] [--signer-position "POSITION"] [--signer-name "Full name"]
           [--recipients "- Recipient,\\n- Archive"]
           [--task-register] [--tasks TASKS.json] [--as-of YYYY-MM-DD] [--leader "Full name"]   (the register of breakthrough and innovation tasks)
  chitieu read FILE.xlsx [--unit NUMBER|NAME] [--format json|table]   (--unit: which unit of a workbook of several)
  chitieu tasks evaluate FILE.json|FILE.xlsx --year Y --as-of YYYY-MM-DD [--format json|table]
  chitieu tasks term FILE.json|FILE.xlsx [--from Y --to Y] [--as-of YYYY-MM-DD] [--json|--format table] [-o TERM.xlsx]   (a leader's term summary)
  chitieu print FILE.xlsx [--sheet "SHEET"] -o FILE.pdf      (needs LibreOffice)
  chitieu print PROVINCE.xlsx -o DECISION.pdf [--number "NUMBER"] [--superior-body …] …   (the assignment decision from the province's workbook)
  chitieu consolidate FILES_OR_DIR… -o summary.xlsx [--json] [--exceptional KIND,…] [--rules PROVINCE.xlsx] [--previous LAST_YEAR_DIR_OR_FILE]
           [--as-of 30/06/2025 | --quarter 2]   (a provisional mid-year result from each unit's follow-up sheet)
           [--superior-body …] [--issuing-body …] [--number …] [--place-date …]
           [--signer-title …] [--signer-position …] [--signer-name …] [--recipients "- Recipient,\\n- Archive"]
  chitieu province --year 2021 --group "Group: Unit 1; Unit 2" [--group …] -o PROVINCE.xlsx   (the province's assignment workbook)
  chitieu assign PROVINCE.xlsx -o FOLDER/ [--json] [--follow-up quarter|month]      (writes each unit's file from the assignment sheets; its follow-up sheet by quarter or by month)
  chitieu help
  --lang vi|en   with every command: messages, tables and reports in Vietnamese (vi, the default) or English (en)
`,
  ),
  unexpected: message(
    (detail: string) => `lỗi không lường trước (${detail}); hãy báo lỗi này kèm lệnh và tệp đã dùng.`,
    (detail) => `unexpected error (${detail}); please report it with the command and the files used.`,
    ["Cannot read properties of undefined"],
  ),
  choice: message(
    (option: string, choices: readonly string[], found: string) => `${option} nhận ${either(choices, "hoặc")}, không nhận "${found}".`,
    (option, choices, found) => `${option} takes ${either(choices, "or")}, not "${found}".`,
    ["--format", ["json", "table"], "xml"],
  ),
  missingValue: message((option: string) => `Thiếu giá trị cho ${option}.`, (option) => `${option} needs a value.`, ["--year"]),
  asOfOrQuarter: sentence("Chỉ dùng một trong --as-of và --quarter.", "Use only one of --as-of and --quarter."),
  midYearDate: message(
    (found: string) => `--as-of nhận một ngày như 30/06/2025 hoặc 2025-06-30, không nhận "${found}".`,
    (found) => `--as-of takes a day such as 30/06/2025 or 2025-06-30, not "${found}".`,
    ["mai"],
  ),
  oneJson: sentence("Cần đúng một tệp JSON.", "Give exactly one JSON file."),
  asOfNeedsRegister: sentence("--as-of chỉ dùng cùng --task-register hoặc --tasks.", "--as-of works only with --task-register or --tasks."),
  leaderNeedsTasks: sentence("--leader chỉ dùng cùng --tasks.", "--leader works only with --tasks."),
  workbookNeeds: sentence("Cần --unit, --year và -o.", "Give --unit, --year and -o."),
  badYear: message((found: string) => `Năm "${found}" không hợp lệ.`, (found) => `Year "${found}" is not valid.`, ["20x5"]),
  optionNotAYear: message(
    (option: string, found: string) => `${option} "${found}" không phải một năm.`,
    (option, found) => `${option} "${found}" is not a year.`,
    ["--from", "abc"],
  ),
  extraArguments: message((found: string) => `Tham số thừa: ${found}`, (found) => `Unexpected arguments: ${found}`, ["extra.json"]),
  printNeeds: sentence("Cần đúng một tệp .xlsx và -o FILE.pdf.", "Give exactly one .xlsx file and -o FILE.pdf."),
  termNeeds: sentence(
    "Cần: tasks term FILE.json|FILE.xlsx [--from Y --to Y] [--as-of YYYY-MM-DD] [--json] [-o TONG_HOP.xlsx].",
    "Usage: tasks term FILE.json|FILE.xlsx [--from Y --to Y] [--as-of YYYY-MM-DD] [--json] [-o TERM.xlsx].",
  ),
  termOutput: message(
    (output: string) => `-o ${output}: bảng tổng hợp nhiệm kỳ ghi ra tệp .xlsx (in PDF bằng LibreOffice: chitieu print).`,
    (output) => `-o ${output}: the term summary is written as an .xlsx file (print it to PDF with LibreOffice: chitieu print).`,
    ["nhiem-ky.pdf"],
  ),
  tasksNeeds: sentence("Cần: tasks evaluate FILE.json|FILE.xlsx --year Y --as-of YYYY-MM-DD.", "Usage: tasks evaluate FILE.json|FILE.xlsx --year Y --as-of YYYY-MM-DD."),
  consolidateNeeds: sentence("Cần -o tong-hop.xlsx.", "Give -o summary.xlsx."),
  provinceNeeds: sentence("Cần --year, ít nhất một --group và -o.", "Give --year, at least one --group and -o."),
  assignNeeds: sentence("Cần đúng một tệp của tỉnh (.xlsx) và -o THU_MUC.", "Give exactly one province file (.xlsx) and -o FOLDER."),
  readNeeds: sentence("Cần đúng một tệp .xlsx.", "Give exactly one .xlsx file."),
  chooseUnit: message(
    (file: string, units: readonly string[]) => `Tệp ${file} có ${units.length} đơn vị: ${units.join("; ")}. Chọn một bằng --unit (số hoặc tên).`,
    (file, units) => `The file ${file} holds ${units.length} units: ${units.join("; ")}. Choose one with --unit (its number or name).`,
    ["so-chung.xlsx", ["1. Tam Đảo", "2. Sông Lô"]],
  ),
  noSuchUnit: message(
    (file: string, given: string, units: readonly string[]) => `Tệp ${file} không có đơn vị "${given}"; các đơn vị: ${units.join("; ")}.`,
    (file, given, units) => `The file ${file} has no unit "${given}"; its units: ${units.join("; ")}.`,
    ["so-chung.xlsx", "Lập Thạch", ["1. Tam Đảo", "2. Sông Lô"]],
  ),
  unknownCommand: message((command: string) => `Lệnh không rõ: ${command}`, (command) => `Unknown command: ${command}`, ["evalute"]),

  cannotRead: message((file: string) => `Không đọc được tệp ${file}.`, (file) => `Cannot read the file ${file}.`, ["don-vi.json"]),
  notJson: message(
    (file: string, line: number, column: number) => `Tệp ${file} không phải JSON hợp lệ: lỗi ở dòng ${line}, cột ${column}.`,
    (file, line, column) => `The file ${file} is not valid JSON: an error at line ${line}, column ${column}.`,
    ["don-vi.json", 3, 8],
  ),
  jsonCut: message(
    (file: string) => `Tệp ${file} không phải JSON hợp lệ: tệp bị thiếu phần cuối (kết thúc giữa chừng, có thể bị cắt khi chép hoặc tải về).`,
    (file) => `The file ${file} is not valid JSON: its end is missing (it stops half-way, perhaps cut short when copied or downloaded).`,
    ["don-vi.json"],
  ),
  jsonUtf16: message(
    (file: string) => `Tệp ${file} được lưu dạng Unicode (UTF-16), không phải UTF-8; hãy mở tệp, lưu lại với mã hoá UTF-8 (Notepad: Lưu thành → Mã hoá: UTF-8) rồi thử lại.`,
    (file) => `The file ${file} is saved as Unicode (UTF-16), not UTF-8; open it, save it again with the UTF-8 encoding (Notepad: Save As → Encoding: UTF-8) and try again.`,
    ["don-vi.json"],
  ),
  jsonEmpty: message((file: string) => `Tệp ${file} trống, không có dữ liệu JSON.`, (file) => `The file ${file} is empty: it holds no JSON data.`, ["don-vi.json"]),
  outputNotAFile: message(
    (output: string, kind: string) => `-o ${output} không phải một tệp thông thường (mà là một tệp đặc biệt của hệ thống); hãy ghi tên một ${kind}.`,
    (output, kind) => `-o ${output} is not an ordinary file (but a special file of the system); give the name of a ${kind}.`,
    ["/dev/null", "tệp PDF"],
  ),
  jsonTooDeep: message(
    (file: string, depth: number) => `${file}: dữ liệu JSON lồng nhau quá sâu (hơn ${depth} tầng).`,
    (file, depth) => `${file}: the JSON data nests too deep (more than ${depth} levels).`,
    ["don-vi.json", 64],
  ),
  /** A problem of a file (or an option's file): `where` names it, `detail` is a message of the catalogue. */
  inFile: message((where: string, detail: string) => `${where}: ${detail}`, (where, detail) => `${where}: ${detail}`, ["don-vi.json", "(detail)"]),
  /** Several messages, one after another on a line each. */
  lines: message(
    (items: readonly string[]) => items.join("\n"),
    (items) => items.join("\n"),
    [["(one)", "(two)"]],
  ),
  /** Several messages, one after another on one line. */
  joined: message(
    (items: readonly string[]) => items.join(" "),
    (items) => items.join(" "),
    [["(one)", "(two)"]],
  ),
  notXlsx: message(
    (file: string, detail: string) => `${file} không phải tệp Excel (.xlsx) hợp lệ: ${detail}`,
    (file, detail) => `${file} is not a valid Excel file (.xlsx): ${detail}`,
    ["tinh.xlsx", "end of central directory not found"],
  ),
  cannotReadExcel: message((file: string) => `Không đọc được tệp Excel ${file}.`, (file) => `Cannot read the Excel file ${file}.`, ["tinh.xlsx"]),

  outputIsFolder: message(
    (output: string, kind: string) => `-o ${output} là một thư mục; hãy ghi tên một ${kind} (trong thư mục đó hoặc nơi khác).`,
    (output, kind) => `-o ${output} is a folder; give the name of a ${kind}, in that folder or elsewhere.`,
    ["ket-qua", "tệp PDF"],
  ),
  outputIsInput: message(
    (output: string, input: string) => `-o ${output} là tệp đầu vào ${input} của lệnh; ghi ra đó sẽ xoá mất tệp này. Hãy chọn tên tệp khác.`,
    (output, input) => `-o ${output} is the command's input file ${input}; writing there would destroy it. Choose another name.`,
    ["tam-dao.xlsx", "./tam-dao.xlsx"],
  ),
  outputExists: message(
    (output: string) =>
      `Đã có tệp ${output}; Chỉ Tiêu không ghi đè lên tệp này để khỏi mất dữ liệu. Hãy chọn tên tệp khác, hoặc tự đổi tên hay xoá tệp cũ.`,
    (output) => `${output} already exists; Chỉ Tiêu does not write over it, so that no data is lost. Choose another name, or rename or delete the old file yourself.`,
    ["tam-dao.xlsx"],
  ),
  outputExistsOther: message(
    (output: string, kind: string) =>
      `Đã có tệp ${output} và đó không phải ${kind}; Chỉ Tiêu không ghi đè lên tệp này để khỏi mất dữ liệu. Hãy chọn tên tệp khác, hoặc tự đổi tên hay xoá tệp cũ.`,
    (output, kind) =>
      `${output} already exists and is not a ${kind}; Chỉ Tiêu does not write over it, so that no data is lost. Choose another name, or rename or delete the old file yourself.`,
    ["bao-cao.pdf", "tệp PDF"],
  ),
  writeFailed: message((file: string, cause: string) => `Không ghi được ${file}: ${cause}`, (file, cause) => `Could not write ${file}: ${cause}`, ["tam-dao.xlsx", "(cause)"]),
  diskFull: sentence(
    "ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc ghi sang ổ khác rồi chạy lại lệnh; tệp cũ (nếu có) vẫn còn nguyên.",
    "the disk is full. Free some space or write to another disk, then run the command again; the old file (if any) is as it was.",
  ),
  noPermission: message(
    (folder: string) => `không có quyền ghi vào thư mục ${folder}, hoặc tệp đang mở trong Excel. Hãy đóng tệp, hoặc chọn thư mục khác.`,
    (folder) => `no permission to write in the folder ${folder}, or the file is open in Excel. Close the file, or choose another folder.`,
    ["/srv/chung"],
  ),
  readOnlyFolder: message(
    (folder: string) => `thư mục ${folder} nằm trên ổ chỉ đọc. Hãy ghi sang thư mục khác.`,
    (folder) => `the folder ${folder} is on a read-only disk. Write to another folder.`,
    ["/mnt/cd"],
  ),
  noFolder: message(
    (folder: string) => `không có thư mục ${folder}. Hãy tạo thư mục trước hoặc chọn thư mục khác.`,
    (folder) => `there is no folder ${folder}. Create it first or choose another folder.`,
    ["ket-qua"],
  ),
  isFolder: message((file: string) => `${file} là một thư mục. Hãy ghi một tên tệp.`, (file) => `${file} is a folder. Give the name of a file.`, ["ket-qua"]),
  fileBusy: sentence(
    "tệp đang được chương trình khác mở (Excel?). Hãy đóng tệp rồi chạy lại lệnh.",
    "another program (Excel?) has the file open. Close it and run the command again.",
  ),
  unitFileExists: message(
    (file: string) => `${file} đã có: không ghi đè tệp của đơn vị (có thể đã nhập số liệu); chọn thư mục khác hoặc chuyển tệp cũ đi.`,
    (file) => `${file} already exists: a unit's file is never replaced (it may hold its actuals); choose another folder or move the old file.`,
    ["don-vi/Tam Đảo.xlsx"],
  ),
  outputDirIsFile: message(
    (dir: string) => `-o ${dir} là một tệp, không phải thư mục; hãy ghi thư mục sẽ chứa tệp của các đơn vị.`,
    (dir) => `-o ${dir} is a file, not a folder; give the folder that will hold the units' files.`,
    ["don-vi.xlsx"],
  ),

  kindPdf: sentence("tệp PDF", "PDF file"),
  kindConsolidation: sentence("bảng tổng hợp (.xlsx)", "consolidation workbook (.xlsx)"),
  kindProvince: sentence("sổ giao chỉ tiêu của tỉnh (.xlsx)", "province assignment workbook (.xlsx)"),
  kindWorkbook: sentence("sổ Chỉ Tiêu (.xlsx)", "Chỉ Tiêu workbook (.xlsx)"),
  kindTerm: sentence("bảng tổng hợp nhiệm kỳ (.xlsx)", "term summary (.xlsx)"),

  groupRepeatedUnit: message(
    (unit: string) => `--group: đơn vị "${unit}" được ghi hai lần; mỗi đơn vị chỉ ở một nhóm, ghi một lần.`,
    (unit) => `--group: the unit "${unit}" is given twice; each unit belongs to one group, given once.`,
    ["Tam Dao"],
  ),
  groupShape: message(
    (found: string) => `--group "${found}": cần dạng "Tên nhóm: Đơn vị 1; Đơn vị 2".`,
    (found) => `--group "${found}": write it as "Group name: Unit 1; Unit 2".`,
    ["Tam Dao"],
  ),
  valueNotArray: message(
    (where: string) => `${where} phải là số hoặc chữ, không phải mảng JSON.`,
    (where) => `${where} must be a number or text, not a JSON array.`,
    ["indicators[0].target"],
  ),
  valueNotObject: message(
    (where: string) => `${where} phải là số hoặc chữ, không phải đối tượng JSON.`,
    (where) => `${where} must be a number or text, not a JSON object.`,
    ["indicators[0].target"],
  ),
  badDirection: message(
    (code: string, found: string) => `Chỉ tiêu ${code}: chiều "${found}" không hợp lệ.`,
    (code, found) => `Indicator ${code}: direction "${found}" is not valid.`,
    ["1.1", "len"],
  ),
  asOfNotADay: message(
    (found: string) => `--as-of "${found}" không phải một ngày có thật (${ASOF_FORMS_VI}).`,
    (found) => `--as-of "${found}" is not a real day (${ASOF_FORMS_EN}).`,
    ["31/02/2025"],
  ),
  leaderNotFound: message(
    (leader: string, file: string) => `--leader "${leader}": không có việc nào của người này trong ${file}.`,
    (leader, file) => `--leader "${leader}": ${file} has no task of this person.`,
    ["Nguyễn Văn A", "viec.json"],
  ),
  termEmpty: message(
    (file: string) => `${file}: sổ chưa có việc nào; hãy ghi --from và --to.`,
    (file) => `${file}: the register has no task yet; give --from and --to.`,
    ["viec.json"],
  ),
  termSpan: message(
    (from: number, to: number, max: number) => `Nhiệm kỳ ${from}–${to} không hợp lệ: từ 1 đến ${max} năm.`,
    (from, to, max) => `Term ${from}–${to} is not valid: it spans 1 to ${max} years.`,
    [2020, 2031, 5],
  ),
  previousEmpty: message(
    (paths: string) => `--previous: ${paths} không có tệp đơn vị nào đọc được.`,
    (paths) => `--previous: ${paths} holds no readable unit file.`,
    ["nam-truoc/"],
  ),
  rulesUnreadable: message((file: string) => `--rules: không đọc được tệp Excel ${file}.`, (file) => `--rules: cannot read the Excel file ${file}.`, ["tinh.xlsx"]),
  rulesNoSheet: message(
    (file: string, sheet: string) => `--rules: ${file} không có trang "${sheet}" của Chỉ Tiêu.`,
    (file, sheet) => `--rules: ${file} has no Chỉ Tiêu sheet "${sheet}".`,
    ["tinh.xlsx", "Quy tắc"],
  ),
  noPrintedSheet: message(
    (file: string, print: string, publicSheet: string) =>
      `${file} không có trang tính "${print}" hay "${publicSheet}": tạo lại sổ bằng lệnh workbook, lệnh consolidate hoặc bằng nút In của add-in.`,
    (file, print, publicSheet) =>
      `${file} has no sheet "${print}" or "${publicSheet}": make the workbook again with the workbook or consolidate command, or with the add-in's Print button.`,
    ["tam-dao.xlsx", "Bản in", "Công khai"],
  ),
  noSuchSheet: message(
    (file: string, sheet: string, sheets: string) => `${file} không có trang tính "${sheet}"; các trang có: ${sheets}.`,
    (file, sheet, sheets) => `${file} has no sheet "${sheet}"; its sheets: ${sheets}.`,
    ["tam-dao.xlsx", "Ban in", '"Chỉ tiêu", "Bản in"'],
  ),
  noSoffice: message(
    (sheet: string) =>
      `Không tìm thấy LibreOffice (lệnh soffice) để xuất PDF. Hãy cài LibreOffice, hoặc mở tệp trong Excel và in trang tính "${sheet}" (Tệp > In).`,
    (sheet) => `LibreOffice (the soffice command) was not found to export the PDF. Install LibreOffice, or open the file in Excel and print the sheet "${sheet}" (File > Print).`,
    ["Bản in"],
  ),
  exportFailed: message((output: string, detail: string) => `Không xuất được ${output}: ${detail}`, (output, detail) => `Could not export ${output}: ${detail}`, [
    "tam-dao.pdf",
    "soffice exited with code 1",
  ]),
});
