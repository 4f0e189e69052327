/**
 * The words of what the command line prints for a person to read (tables, reports, progress), in the
 * language of `--lang`: the `report` section of the catalogue.
 */
import { FIELD_NAMES, STATUS_NAMES } from "./names";
import { QUARTER_NAMES } from "../midyear";
import type { Level, Status } from "../types";
import { defineMessages, message, sentence, type Message } from "./localize";

/** A level's name as data: the catalogue's `level` section names each level by its key. */
export const levelName = (level: Level): Message => ({ id: `level.${level}`, params: [] });
/** A task level's name as data (the `taskLevel` section, keyed likewise). */
export const taskLevelName = (level: Level): Message => ({ id: `taskLevel.${level}`, params: [] });

const STATUS_EN: Readonly<Record<Status, string>> = { exceeded: "Exceeded", met: "Met", notMet: "Not met", pending: "No data yet", error: "Data error" };
const FIELD_EN: Readonly<Record<string, string>> = {
  code: "Code",
  direction: "Direction",
  target: "Target",
  actual: "Actual",
  key: "Key",
  weight: "Weight",
  late: "Behind schedule",
  due: "Due date",
  done: "Completion date",
  commonScore: "Common-criteria score",
  degradation: "Degradation",
  sanction: "Discipline",
  corruption: "Corruption, waste",
};

/** What the commands print for a person to read: the data in them (codes, names, files) is given as it is. */
export const reportMsg = defineMessages("report", {
  headCode: sentence("Mã", "Code"),
  headAchievement: sentence("Tỷ lệ đạt", "Achieved"),
  headStatus: sentence("Đánh giá", "Assessment"),
  /** An indicator's status as the sheet's "Đánh giá" column words it. */
  status: message((status: Status) => STATUS_NAMES[status], (status) => STATUS_EN[status], ["notMet"]),
  /** A field of an evaluation document, as the unit sheet heads its column; an unknown one as it is. */
  field: message((field: string) => FIELD_NAMES[field] ?? field, (field) => FIELD_EN[field] ?? field, ["actual"]),
  counts: message(
    (total: number, met: number, exceeded: number, notMet: number, pending: number, errors: number) =>
      `Tổng số chỉ tiêu: ${total}; đạt và vượt: ${met} (vượt: ${exceeded}); không đạt: ${notMet}; chưa có số liệu: ${pending}; lỗi số liệu: ${errors}`,
    (total, met, exceeded, notMet, pending, errors) =>
      `Indicators: ${total}; met or exceeded: ${met} (exceeded: ${exceeded}); not met: ${notMet}; no data yet: ${pending}; data errors: ${errors}`,
    [18, 15, 4, 2, 1, 0],
  ),
  resultPoints: message((points: string) => `Điểm kết quả: ${points}`, (points) => `Result points: ${points}`, ["62,5"]),
  totalPoints: message((points: string) => `Tổng điểm: ${points}`, (points) => `Total points: ${points}`, ["89,5"]),
  suggested: message(
    (level: string, provisional: boolean) => `Xếp loại đề xuất: ${level}${provisional ? " (tạm tính)" : ""}`,
    (level, provisional) => `Suggested rating: ${level}${provisional ? " (provisional)" : ""}`,
    ["(level)", true],
  ),
  notRatedYet: sentence("chưa xếp loại được", "not rated yet"),
  ceiling: message((level: string) => `Có thể đạt tối đa: ${level}`, (level) => `Highest still reachable: ${level}`, ["(level)"]),
  reasons: sentence("Lý do:", "Reasons:"),
  dataErrors: sentence("Lỗi số liệu:", "Data errors:"),

  sheet: message((sheet: string) => `Trang tính: ${sheet}`, (sheet) => `Sheet: ${sheet}`, ["Chỉ tiêu"]),
  unitLevel: message((level: string) => `Xếp loại của đơn vị: ${level}`, (level) => `Rating of the unit: ${level}`, ["(level)"]),
  civilServantLevel: message((level: string) => `Xếp loại công chức: ${level}`, (level) => `Civil-servant rating: ${level}`, ["(level)"]),
  finalLevel: message((level: string) => `Xếp loại cuối cùng: ${level}`, (level) => `Final rating: ${level}`, ["(level)"]),
  blank: sentence("(trống)", "(blank)"),
  overwritten: message((cells: string) => `Ô công thức bị nhập đè: ${cells}`, (cells) => `Formula cells typed over: ${cells}`, ["M8, M9"]),
  problems: sentence("Vấn đề:", "Problems:"),
  severity: message(
    (severity: "error" | "warning") => (severity === "error" ? "Lỗi" : "Lưu ý"),
    (severity) => (severity === "error" ? "Error" : "Note"),
    ["warning"],
  ),

  leaderTasks: message(
    (year: number, leader: string, count: number) => `Việc đột phá, đổi mới năm ${year} của người đứng đầu${leader === "" ? "" : ` ${leader}`}: ${count} việc`,
    (year, leader, count) => `Breakthrough and innovation tasks of the head${leader === "" ? "" : ` ${leader}`} in ${year}: ${count}`,
    [2025, "Nguyễn Văn A", 1],
  ),
  /** A task's level of a year, or of its whole span. */
  taskLevel: message(
    (level: string, provisional: boolean) => `${level}${provisional ? " (tạm tính)" : ""}`,
    (level, provisional) => `${level}${provisional ? " (provisional)" : ""}`,
    ["(level)", true],
  ),
  notRatedThisYear: sentence("không xếp loại năm này", "not rated this year"),
  notRated: sentence("không xếp loại", "not rated"),
  taskCeiling: message((level: string) => `, có thể đạt tối đa: ${level}`, (level) => `, highest still reachable: ${level}`, ["(level)"]),
  wholeTask: message((level: string) => `; cả giai đoạn: ${level}`, (level) => `; whole task: ${level}`, ["(level)"]),
  cap: message(
    (level: string, failed: string) => `Mức trần: xếp loại không cao hơn ${level} (việc không hoàn thành: ${failed})`,
    (level, failed) => `Cap: rated no higher than ${level} (tasks not done: ${failed})`,
    ["(level)", "DP-01"],
  ),
  leaderCap: message(
    (leader: string, level: string, failed: string) => `Mức trần: ${leader} xếp loại không cao hơn ${level} (việc không hoàn thành: ${failed})`,
    (leader, level, failed) => `Cap: ${leader} rated no higher than ${level} (tasks not done: ${failed})`,
    ["Nguyễn Văn A", "(level)", "DP-01"],
  ),
  withoutTask: message(
    (year: number, leaders: string) => `Chưa có việc đột phá, đổi mới năm ${year}: ${leaders}`,
    (year, leaders) => `No breakthrough or innovation task in ${year}: ${leaders}`,
    [2025, "Lê Văn C"],
  ),
  term: message(
    (from: number, to: number, asOf: string) => `Nhiệm kỳ ${from}–${to}, theo dõi đến ${asOf}:`,
    (from, to, asOf) => `Term ${from}–${to}, followed up to ${asOf}:`,
    [2021, 2025, "2025-06-30"],
  ),
  yearsWithoutTask: message((years: string) => `Năm chưa có việc: ${years}`, (years) => `Years without a task: ${years}`, ["2023, 2024"]),
  incompleteTwoYears: message((spans: string) => `Không hoàn thành hai năm liền: ${spans}`, (spans) => `Not done two years running: ${spans}`, ["2022–2023"]),

  midYear: message(
    (quarter: number | null, day: string) => ` (TẠM TÍNH${quarter === null ? "" : ` ${QUARTER_NAMES[quarter]}`} đến ngày ${day})`,
    (quarter, day) => ` (PROVISIONAL${quarter === null ? "" : ` Q${quarter}`} as of ${day})`,
    [2, "30/06/2025"],
  ),
  consolidated: message(
    (midYear: string, units: number, files: number, output: string) => `Đã tổng hợp${midYear} ${units} đơn vị từ ${files} tệp vào ${output}.`,
    (midYear, units, files, output) => `Consolidated${midYear} ${units} ${units === 1 ? "unit" : "units"} from ${files} ${files === 1 ? "file" : "files"} into ${output}.`,
    ["", 300, 300, "tong-hop.xlsx"],
  ),
  nothingConsolidated: message(
    (output: string) => `Không có tệp nào tổng hợp được; không ghi ${output}.`,
    (output) => `No file could be consolidated; ${output} was not written.`,
    ["tong-hop.xlsx"],
  ),
  previousLeftOut: message(
    (count: number) => `${count} tệp của năm trước không được so sánh:`,
    (count) => `${count} ${count === 1 ? "file" : "files"} of last year left out of the comparison:`,
    [1],
  ),
  rejectedCount: message((count: number) => `${count} tệp hoặc đơn vị không tổng hợp được:`, (count) => `${count} ${count === 1 ? "file or unit" : "files or units"} could not be consolidated:`, [2]),
  reviewCount: message(
    (count: number) => `${count} đơn vị cần xem lại (đã tổng hợp theo quy tắc của tỉnh):`,
    (count) => `${count} ${count === 1 ? "unit" : "units"} to look at again (consolidated under the province's rules):`,
    [2],
  ),
  reading: message((file: number, files: number) => `Đang đọc tệp ${file}/${files}…`, (file, files) => `Reading file ${file}/${files}…`, [1, 300]),

  nothingWritten: message((problems: number) => `Chưa ghi tệp nào: ${problems} vấn đề.`, (problems) => `No file written: ${problems} ${problems === 1 ? "problem" : "problems"}.`, [3]),
  unitsWritten: message(
    (files: number, folder: string) => `Đã ghi ${files} tệp của đơn vị vào ${folder}.`,
    (files, folder) => `Wrote ${files} unit ${files === 1 ? "file" : "files"} into ${folder}.`,
    [12, "don-vi/"],
  ),
  printRefused: message(
    (input: string) => `Không in ${input}: sổ còn lỗi, hãy sửa rồi in lại.`,
    (input) => `${input} was not printed: the workbook has errors; fix them and print again.`,
    ["tam-dao.xlsx"],
  ),
  decisionRefused: message(
    (input: string) => `Không in quyết định giao chỉ tiêu từ ${input}: sổ của tỉnh còn lỗi, hãy sửa rồi in lại.`,
    (input) => `The assignment decision from ${input} was not printed: the province's workbook has errors; fix them and print again.`,
    ["tinh.xlsx"],
  ),
});
