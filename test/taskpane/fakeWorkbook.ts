// A ChiTieuWorkbook made of jest mocks with realistic default answers, so each view test can
// check what was asked of the workbook and script what comes back.
import type {
  AssignmentReport,
  ChiTieuWorkbook,
  ConsolidationReport,
  FollowUpReport,
  EvaluationReport,
  FeatureSupport,
  Problem,
  TaskRegisterReport,
  WorkbookStatus,
} from "../../src/contract/workbook";
import { PRESETS } from "../../src/domain";
import { msg } from "../../src/domain/messages/engine";
import { taskMsg } from "../../src/domain/messages/tasks";
import { followUpPaneMsg } from "../../src/domain/messages/followUpPane";
import { registerMsg } from "../../src/domain/messages/taskRegisterSetup";
import { sheetMsg } from "../../src/domain/messages/sheet";
import { problem } from "../../src/layout/problems";
import { CONSOLIDATION_MESSAGES } from "../../src/domain/messages/consolidation";
import { asMessage, verbatim } from "../../src/domain/messages/localize";
import { zipMsg } from "../../src/domain/messages/zip";

export const ALL_FEATURES: FeatureSupport = { dataValidation: true, conditionalFormats: true, pageLayout: true, changeEvents: true, copyFormulas: true };

export const SET_UP_STATUS: WorkbookStatus = {
  hasUnitSheet: true,
  hasCatalogue: true,
  hasRules: true,
  unitSheetName: "Chỉ tiêu",
  unitName: "Xã An Hòa",
  unitKind: "commune",
  head: "Nguyễn Văn A",
  year: 2025,
  unitLevel: null,
  civilServantLevel: null,
  finalLevel: null,
  preset: "qd366-2025",
  rowCount: 18,
  features: ALL_FEATURES,
  units: [{ sheet: "Chỉ tiêu", unitName: "Xã An Hòa", active: true }],
  unitChosen: true,
};

export const EMPTY_STATUS: WorkbookStatus = {
  hasUnitSheet: false,
  hasCatalogue: false,
  hasRules: false,
  unitSheetName: null,
  unitName: "",
  unitKind: null,
  head: "",
  year: null,
  unitLevel: null,
  civilServantLevel: null,
  finalLevel: null,
  preset: null,
  rowCount: 0,
  features: ALL_FEATURES,
  units: [],
  unitChosen: true,
};

export const TEXT_IN_NUMBER: Problem = problem(
  "Chỉ tiêu",
  "I9",
  verbatim("Ô chứa chữ 2.100 người chứ không phải số, nên công thức không tính được: hãy gõ lại thành số 2.100."),
);

export const ZERO_TARGET: Problem = problem("Chỉ tiêu", "H10", verbatim("Kế hoạch 0 không hợp lệ: chỉ tiêu tăng cần kế hoạch lớn hơn 0."));

export const SHEET_WARNING: Problem = problem("Quy tắc", null, verbatim("Trang quy tắc thiếu ô DiemTot."), "warning");

export const GOOD_REPORT: EvaluationReport = {
  evaluation: {
    indicators: [],
    errors: [],
    summary: {
      total: 18,
      met: 18,
      exceeded: 4,
      late: 0,
      notMet: 0,
      pending: 0,
      errors: 0,
      metShare: 1,
      exceededShare: 0.2222,
      resultPoints: 70,
      points: null,
      level: "good",
      ceilingLevel: "excellent",
      provisional: true,
      disqualified: [],
      reasons: [msg.reasonCounts.of(18, 18, 4), msg.reasonNoCommonScore.of(70)],
    },
  },
  problems: [],
  groups: [
    { code: "1", name: verbatim("Xây dựng Đảng"), met: 4, evaluated: 4, total: 4 },
    { code: "2", name: verbatim("Hệ thống chính trị"), met: 3, evaluated: 4, total: 4 },
  ],
  unitLevel: null,
  civilServantLevel: null,
  finalLevel: null,
  overwrittenFormulas: [],
  wrote: true,
};

/** A register of three tasks by two leaders, followed up on 2025-11-15 for 2025. */
export const REGISTER_REPORT: TaskRegisterReport = {
  exists: true,
  followUp: { asOf: "2025-11-15", year: 2025 },
  tasks: [
    {
      code: "DP-01",
      leader: "Nguyễn Văn A",
      position: "Bí thư",
      unit: "Xã An Hòa",
      title: "Chuyển đổi số toàn xã",
      level: "good",
      ceiling: "excellent",
      finalLevel: null,
      provisional: true,
      milestones: { onTime: 2, late: 1, overdue: 1, dueSoon: 1, open: 0 },
      reasons: [taskMsg.counts.of(2, 2, 0), taskMsg.level.of("good")],
      attention: [
        { what: "Khai trương cổng dịch vụ công", due: "2025-09-30", state: "overdue", sheet: "Lộ trình", cell: "D9" },
        { what: "Tập huấn cán bộ", due: "2025-12-01", state: "dueSoon", sheet: "Lộ trình", cell: "D10" },
      ],
    },
    {
      code: "DP-02",
      leader: "Nguyễn Văn A",
      position: "Bí thư",
      unit: "Xã An Hòa",
      title: "Cải cách thủ tục hành chính",
      level: null,
      ceiling: null,
      finalLevel: null,
      provisional: false,
      milestones: { onTime: 0, late: 0, overdue: 0, dueSoon: 0, open: 2 },
      reasons: [],
      attention: [],
    },
    {
      code: "DP-03",
      leader: "Trần Thị B",
      position: "Chủ tịch",
      unit: "Xã Bình Minh",
      title: "Nông thôn mới kiểu mẫu",
      level: "excellent",
      ceiling: "excellent",
      finalLevel: "excellent",
      provisional: false,
      milestones: { onTime: 3, late: 0, overdue: 0, dueSoon: 0, open: 0 },
      reasons: [taskMsg.level.of("excellent")],
      attention: [],
    },
  ],
  problems: [],
};

/** Two communes and a department consolidated, two files rejected: what consolidateFiles answers by default. */
export const CONSOLIDATION_REPORT: ConsolidationReport = {
  units: [
    { file: "01-an-hoa.xlsx", unit: "An Hòa", kind: "commune", year: 2025, points: 98, level: "excellent", finalLevel: null, rank: 1, countedLevel: "excellent", decision: "lower", excellentKept: false, publishedLevel: "good", problems: [] },
    { file: "02-binh-minh.xlsx", unit: "Bình Minh", kind: "commune", year: 2025, points: 92, level: "good", finalLevel: null, rank: 2, countedLevel: "good", decision: null, excellentKept: null, publishedLevel: "good", problems: [] },
    { file: "03-so-tai-chinh.xlsx", unit: "Sở Tài chính", kind: "department", year: 2025, points: 90, level: "good", finalLevel: null, rank: 1, countedLevel: "good", decision: null, excellentKept: null, publishedLevel: "good", problems: [] },
  ],
  rejected: [
    { file: "04-nam-khac.xlsx", reason: CONSOLIDATION_MESSAGES.otherYear.of(2024, 2025) },
    { file: "08-mat-khau.xlsx", reason: asMessage(zipMsg.encryptedOrXls) },
  ],
  quota: [
    { kind: "commune", base: 2, allowed: 0, excellent: 1, tieAtCut: false },
    { kind: "department", base: 1, allowed: 0, excellent: 0, tieAtCut: false },
  ],
  groups: [],
  totals: [],
  problems: [],
  wrote: true,
  insertedSheets: [],
};

/** Two districts assigned, with the warning that their targets of 1.1 fall short of the province's. */
export const ASSIGNMENT_REPORT: AssignmentReport = {
  units: [
    { unit: "Tam Đảo", group: "Huyện, thành phố", file: "Tam Đảo.xlsx", indicators: 18, bytes: new Uint8Array([0x50, 0x4b, 1]) },
    { unit: "Sông Lô", group: "Huyện, thành phố", file: "Sông Lô.xlsx", indicators: 18, bytes: new Uint8Array([0x50, 0x4b, 2]) },
  ],
  problems: [problem("Giao chỉ tiêu 1", "M7", verbatim("Chỉ tiêu 1.1: tổng chỉ tiêu giao các đơn vị là 1.900, thấp hơn chỉ tiêu của tỉnh (2.000) 100."), "warning")],
};

/** "Theo dõi" with the first two quarters recorded: in the second, 1.1 is behind and 1.2 (a rate) is on track. */
export const FOLLOW_UP_REPORT: FollowUpReport = {
  unit: { sheet: "Theo dõi", unitName: SET_UP_STATUS.unitName },
  exists: true,
  year: 2025,
  cadence: "quarter",
  snapshots: [
    {
      period: 0,
      asOf: "2025-03-31",
      figures: [
        { code: "1.1", name: "Kết nạp đảng viên mới", unit: "người", target: 120, actual: 40, expected: 30, achievement: 1.3333, status: "exceeded", behind: false, rule: "proRata" },
        { code: "1.2", name: "Tỷ lệ tổ chức đảng hoàn thành tốt", unit: "%", target: 85, actual: 80, expected: 85, achievement: 0.9412, status: "notMet", behind: true, rule: "asIs" },
      ],
    },
    {
      period: 1,
      asOf: "2025-06-30",
      figures: [
        { code: "1.1", name: "Kết nạp đảng viên mới", unit: "người", target: 120, actual: 50, expected: 60, achievement: 0.8333, status: "notMet", behind: true, rule: "proRata" },
        { code: "1.2", name: "Tỷ lệ tổ chức đảng hoàn thành tốt", unit: "%", target: 85, actual: 86, expected: 85, achievement: 1.0118, status: "exceeded", behind: false, rule: "asIs" },
      ],
    },
  ],
  problems: [],
  wrote: false,
  needsReplace: false,
};

export type FakeWorkbook = { [K in keyof ChiTieuWorkbook]: jest.Mock<ReturnType<ChiTieuWorkbook[K]>, Parameters<ChiTieuWorkbook[K]>> };

export function createFakeWorkbook(status: WorkbookStatus = SET_UP_STATUS): FakeWorkbook {
  const answers: ChiTieuWorkbook = {
    status: async () => status,
    setUp: async () => ({ changes: [sheetMsg.createdSheet.of("Chỉ tiêu")], problems: [] }),
    check: async () => [TEXT_IN_NUMBER, ZERO_TARGET],
    evaluate: async () => GOOD_REPORT,
    setFinalLevel: async () => ({ ok: true }),
    selectCell: async () => undefined,
    preparePrint: async () => [],
    buildComparison: async () => ({ changes: [], problems: [] }),
    consolidateFiles: async (files, options) => {
      options.onProgress?.(files.length, files.length);
      return CONSOLIDATION_REPORT;
    },
    readRules: async () => ({ rules: PRESETS["qd366-2025"], problems: [] }),
    writeRules: async () => undefined,
    onInputsChanged: async () => null,
    createTaskRegister: async () => ({ changes: [registerMsg.created.of("Việc đột phá"), registerMsg.created.of("Lộ trình")], problems: [] }),
    readTaskRegister: async () => REGISTER_REPORT,
    setTaskFollowUp: async () => [],
    registerTask: async () => ({ ok: true, sheet: "Việc đột phá", cell: "A9" }),
    createAssignmentSheets: async () => ({ changes: [sheetMsg.createdSheet.of("Giao chỉ tiêu 1")], problems: [] }),
    assignUnits: async () => ASSIGNMENT_REPORT,
    readFollowUp: async () => FOLLOW_UP_REPORT,
    recordSnapshot: async () => ({ ...FOLLOW_UP_REPORT, wrote: true }),
    createFollowUp: async () => ({ changes: [followUpPaneMsg.createdFollowUp.of(FOLLOW_UP_REPORT.unit?.sheet ?? "")], problems: [] }),
  };
  return {
    status: jest.fn(answers.status),
    setUp: jest.fn(answers.setUp),
    check: jest.fn(answers.check),
    evaluate: jest.fn(answers.evaluate),
    setFinalLevel: jest.fn(answers.setFinalLevel),
    selectCell: jest.fn(answers.selectCell),
    preparePrint: jest.fn(answers.preparePrint),
    buildComparison: jest.fn(answers.buildComparison),
    consolidateFiles: jest.fn(answers.consolidateFiles),
    readRules: jest.fn(answers.readRules),
    writeRules: jest.fn(answers.writeRules),
    onInputsChanged: jest.fn(answers.onInputsChanged),
    createTaskRegister: jest.fn(answers.createTaskRegister),
    readTaskRegister: jest.fn(answers.readTaskRegister),
    setTaskFollowUp: jest.fn(answers.setTaskFollowUp),
    registerTask: jest.fn(answers.registerTask),
    createAssignmentSheets: jest.fn(answers.createAssignmentSheets),
    assignUnits: jest.fn(answers.assignUnits),
    readFollowUp: jest.fn(answers.readFollowUp),
    recordSnapshot: jest.fn(answers.recordSnapshot),
    createFollowUp: jest.fn(answers.createFollowUp),
  };
}
