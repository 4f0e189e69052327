import { TASK_SHEETS, type TaskRules } from "../../domain/tasks";

/**
 * Names of the register of breakthrough and innovation tasks (việc đột phá, đổi mới, docs/rules.md
 * §4): its two sheets, their tables and columns, and its named cells. Headers are matched by
 * text (NFC, trimmed, case-insensitive), never by position, as for the unit table.
 */

export { TASK_SHEETS };
export const TASK_TABLES = { tasks: "tblViecDotPha", roadmap: "tblLoTrinh" } as const;

/** The named input cells: the follow-up date (never TODAY()) and the year evaluated. */
export const TASK_NAMES = { asOf: "NgayTheoDoi", year: "NamDotPha" } as const;

/** The tasks table: what a person types, then what the sheet computes. */
export const TASK_COLUMNS = [
  { key: "code", header: "Mã việc", width: 9 },
  { key: "leader", header: "Người đứng đầu", width: 20 },
  { key: "position", header: "Chức vụ", width: 16 },
  { key: "unit", header: "Đơn vị", width: 16 },
  { key: "title", header: "Tên việc đột phá, đổi mới", width: 34 },
  { key: "kind", header: "Loại", width: 10 },
  { key: "firstYear", header: "Từ năm", width: 8 },
  { key: "lastYear", header: "Đến năm", width: 8 },
  { key: "goal", header: "Mục tiêu chung", width: 34 },
  { key: "focalBody", header: "Cơ quan theo dõi", width: 16 },
  { key: "focalPerson", header: "Người theo dõi", width: 16 },
  { key: "state", header: "Trạng thái", width: 14 },
  { key: "dropReason", header: "Lý do dừng", width: 20 },
  { key: "dropApproved", header: "Dừng được chấp thuận", width: 11 },
  { key: "droppedOn", header: "Ngày dừng", width: 11 },
  { key: "onTime", header: "Mốc xong đúng hạn", width: 9 },
  { key: "late", header: "Mốc xong trễ hạn", width: 9 },
  { key: "overdue", header: "Mốc quá hạn", width: 9 },
  { key: "dueSoon", header: "Mốc sắp đến hạn", width: 9 },
  { key: "open", header: "Mốc chưa đến hạn", width: 9 },
  { key: "yearTargets", header: "Chỉ tiêu của năm", width: 9 },
  { key: "yearMet", header: "Chỉ tiêu đạt và vượt", width: 9 },
  { key: "yearExceeded", header: "Chỉ tiêu vượt", width: 9 },
  { key: "yearOpen", header: "Chỉ tiêu chưa có số liệu hoặc lỗi", width: 11 },
  { key: "yearMilestones", header: "Mốc có hạn trong năm", width: 9 },
  { key: "yearOnTime", header: "Mốc trong năm xong đúng hạn", width: 10 },
  { key: "yearDone", header: "Mốc trong năm xong trước cuối năm", width: 10 },
  { key: "allMilestones", header: "Tổng số mốc", width: 8 },
  { key: "allDone", header: "Tổng số mốc xong trước cuối năm", width: 10 },
  { key: "level", header: "Xếp loại năm", width: 30 },
  { key: "provisional", header: "Tính chất", width: 10 },
  { key: "finalLevel", header: "Xếp loại cả giai đoạn (năm cuối)", width: 30 },
  // The rest of the plan (docs/rules.md §4), typed: after the computed columns, so that older registers keep their letters.
  { key: "solutions", header: "Giải pháp", width: 34 },
  { key: "approvalBody", header: "Cơ quan phê duyệt", width: 16 },
  { key: "approvalNumber", header: "Số quyết định phê duyệt", width: 14 },
  { key: "approvalDate", header: "Ngày phê duyệt", width: 11 },
] as const;

export type TaskColumnKey = (typeof TASK_COLUMNS)[number]["key"];

/** The plan's typed columns at the end of the table (after the computed ones). */
export const TASK_PLAN_COLUMNS = ["solutions", "approvalBody", "approvalNumber", "approvalDate"] as const satisfies readonly TaskColumnKey[];

/** The columns a person types; the others hold the add-in's formulas. */
export const TASK_INPUT_COLUMNS = [
  "code",
  "leader",
  "position",
  "unit",
  "title",
  "kind",
  "firstYear",
  "lastYear",
  "goal",
  "focalBody",
  "focalPerson",
  "state",
  "dropReason",
  "dropApproved",
  "droppedOn",
  ...TASK_PLAN_COLUMNS,
] as const satisfies readonly TaskColumnKey[];

/** The roadmap table: one row per target (per task and year) or per milestone, with its evidence. */
export const ROADMAP_COLUMNS = [
  { key: "code", header: "Mã việc", width: 9 },
  { key: "year", header: "Năm", width: 7 },
  { key: "rowKind", header: "Loại dòng", width: 10 },
  { key: "name", header: "Nội dung", width: 40 },
  { key: "unit", header: "Đơn vị tính", width: 10 },
  { key: "direction", header: "Chiều", width: 10 },
  { key: "target", header: "Kế hoạch", width: 11 },
  { key: "actual", header: "Thực hiện", width: 11 },
  { key: "achievement", header: "Tỷ lệ đạt", width: 10 },
  { key: "status", header: "Đánh giá", width: 14 },
  { key: "due", header: "Hạn", width: 11 },
  { key: "done", header: "Ngày hoàn thành", width: 11 },
  { key: "milestoneState", header: "Trạng thái mốc", width: 14 },
  { key: "documentNumber", header: "Số văn bản", width: 14 },
  { key: "link", header: "Liên kết", width: 20 },
  { key: "evidence", header: "Minh chứng", width: 30 },
  // Helpers the tasks sheet counts over (COUNTIFS by code), one per row: never a formula over the whole roadmap per task.
  { key: "matchKey", header: "Khóa mã việc (tự tính)", width: 10 },
  { key: "yearTarget", header: "Chỉ tiêu của năm xếp loại (tự tính)", width: 10 },
  { key: "yearMilestone", header: "Mốc có hạn trong năm xếp loại (tự tính)", width: 10 },
  { key: "doneOnTime", header: "Mốc xong đúng hạn (tự tính)", width: 10 },
  { key: "doneByYearEnd", header: "Mốc xong trước cuối năm xếp loại (tự tính)", width: 10 },
] as const;

export type RoadmapColumnKey = (typeof ROADMAP_COLUMNS)[number]["key"];

export const ROADMAP_COMPUTED_COLUMNS = [
  "achievement",
  "status",
  "milestoneState",
  "matchKey",
  "yearTarget",
  "yearMilestone",
  "doneOnTime",
  "doneByYearEnd",
] as const satisfies readonly RoadmapColumnKey[];

/** The roadmap's helper columns (after the evidence): what each row adds to its task's counts. */
export const ROADMAP_HELPER_COLUMNS = ["matchKey", "yearTarget", "yearMilestone", "doneOnTime", "doneByYearEnd"] as const satisfies readonly RoadmapColumnKey[];

/** What a roadmap row is. */
export const ROADMAP_ROW_KINDS = { target: "Chỉ tiêu", milestone: "Mốc" } as const;

/** What the milestone-state cell shows when a date cannot be read. */
export const BAD_DATE_TEXT = "Lỗi ngày";

/** Names of the task rules' cells on the rules sheet, by TaskRules field. */
export const TASK_RULE_NAMES: Readonly<Record<keyof TaskRules, string>> = {
  excellentExceededShare: "DotPhaTyLeVuotXuatSac",
  completeMetShare: "DotPhaTyLeDatHoanThanh",
  completeMilestoneShare: "DotPhaTyLeMocHoanThanh",
  dueSoonDays: "DotPhaSoNgaySapDenHan",
  maxNewTasksPerYear: "DotPhaSoViecMoiToiDa",
  maxSpanYears: "DotPhaSoNamToiDa",
  failedTaskCap: "DotPhaMucTranKhongHoanThanh",
};
