import { DEFAULT_PRESET, formatPercent, isPresetId, LEVEL_NAMES, QUOTA_BASES, ruleSet, textKey, type Level, type QuotaBase, type RuleSet } from "../../domain";
import { PRESET_TITLES } from "../../domain/messages/presets";
import { QUOTA_MESSAGES } from "../../domain/messages/quota";
import { problem, type Problem } from "../problems";
import { absolute } from "../addresses";
import { cell, formula, value } from "../cells";
import { FONT, NAMES, RULE_NAMES, SHEETS, UNIT_COLUMNS, type RuleNameKey } from "../schema";
import { a4Print, NUMBER_FORMATS, STYLE } from "../styles";
import type { Block, NameSpec, Scalar, SheetLayout } from "../types";
import { sheetMsg } from "../../domain/messages/sheet";
import { DEFAULT_TASK_RULES, type TaskRules } from "../../domain/tasks";
import { TASK_RULE_NAMES } from "../tasks";
import { POINTS_PER_WIDTH_UNIT, rowHeight, wrappedLines } from "../print";

/**
 * The rules sheet: the preset and every threshold in a named cell. The unit sheet's formulas
 * read these names, so a province edits a threshold here and the workbook re-evaluates.
 */

const SCORE_HEADER = UNIT_COLUMNS.find((c) => c.key === "score")?.header ?? "";

interface RuleLine {
  readonly key: RuleNameKey;
  readonly label: string;
  readonly format: string;
  readonly note: string;
}

export const RULE_LINES: readonly RuleLine[] = [
  { key: "preset", label: "Bộ quy tắc", format: NUMBER_FORMATS.text, note: "qd366-2025 hoặc nd90-2020; đổi bộ quy tắc trong phần Cài đặt của Chỉ Tiêu." },
  { key: "usesPoints", label: "Xếp loại có dùng thang điểm 100 (1 = có, 0 = không)", format: NUMBER_FORMATS.general, note: "QĐ 366: 30 điểm tiêu chí chung + 70 điểm kết quả." },
  {
    key: "resultMaxPoints",
    label: "Điểm kết quả tối đa",
    format: NUMBER_FORMATS.general,
    note:
      "Mặc định của phần mềm (văn bản không quy định cách tính): điểm kết quả = điểm tối đa × tỷ lệ (theo trọng số, mặc định bằng nhau) chỉ tiêu đạt. " +
      `Cấp có thẩm quyền có thể chấm điểm từng chỉ tiêu ở cột "${SCORE_HEADER}" của trang ${SHEETS.unit}: điểm đó thay cho mặc định ở dòng ấy.`,
  },
  { key: "commonMaxPoints", label: "Điểm tiêu chí chung tối đa", format: NUMBER_FORMATS.general, note: "Do người đánh giá chấm." },
  { key: "excellentMinPoints", label: "Hoàn thành xuất sắc: tổng điểm tối thiểu", format: NUMBER_FORMATS.general, note: "" },
  { key: "excellentExceededShare", label: "Hoàn thành xuất sắc: tỷ lệ chỉ tiêu vượt tối thiểu", format: NUMBER_FORMATS.share, note: "Cùng điều kiện: tất cả chỉ tiêu đạt." },
  { key: "excellentExceededInclusive", label: "   tính cả mức bằng ngưỡng (1 = từ, 0 = trên)", format: NUMBER_FORMATS.general, note: "" },
  { key: "goodMinPoints", label: "Hoàn thành tốt: tổng điểm tối thiểu", format: NUMBER_FORMATS.general, note: "Cùng điều kiện: tất cả chỉ tiêu đạt." },
  { key: "completeMinPoints", label: "Hoàn thành: tổng điểm tối thiểu", format: NUMBER_FORMATS.general, note: "" },
  { key: "completeMetShare", label: "Hoàn thành: tỷ lệ chỉ tiêu đạt tối thiểu", format: NUMBER_FORMATS.share, note: "QĐ 366 Điều 11: 100% (mọi mức trên Không hoàn thành cần tất cả chỉ tiêu đạt). NĐ 90: trên 70%." },
  { key: "completeMetInclusive", label: "   tính cả mức bằng ngưỡng (1 = từ, 0 = trên)", format: NUMBER_FORMATS.general, note: "" },
  { key: "incompleteBelowMetShare", label: "Không hoàn thành: tỷ lệ chỉ tiêu đạt dưới", format: NUMBER_FORMATS.share, note: "NĐ 90: khoảng giữa ngưỡng này và ngưỡng Hoàn thành không được quy định, xếp Không hoàn thành." },
  {
    key: "keyIndicatorDecides",
    label: "Chỉ tiêu chủ yếu không đạt thì Không hoàn thành (1 = có, 0 = không)",
    format: NUMBER_FORMATS.general,
    note: "Mặc định của phần mềm: với lãnh đạo địa phương là 5 chỉ tiêu kinh tế - xã hội cơ bản (tăng trưởng, thu ngân sách, giải ngân đầu tư công, thu nhập bình quân, giảm nghèo), đánh dấu x ở cột Chủ yếu.",
  },
  { key: "quotaShare", label: "Tỷ lệ Hoàn thành xuất sắc tối đa (so với cơ sở tính hạn mức)", format: NUMBER_FORMATS.share, note: "QĐ 366, NĐ 335: 20%." },
  { key: "quotaShareExceptional", label: "   với đơn vị có thành tích nổi trội", format: NUMBER_FORMATS.share, note: "25%." },
  {
    key: "quotaBase",
    label: "Cơ sở tính hạn mức (good = số Hoàn thành tốt; goodOrBetter = số Hoàn thành tốt trở lên)",
    format: NUMBER_FORMATS.text,
    note:
      "Mặc định good: đúng câu chữ NĐ 335/2025 và QĐ 366 (\"20% số được xếp loại Hoàn thành tốt nhiệm vụ\"); goodOrBetter nếu tỉnh hiểu là từ Hoàn thành tốt trở lên. " +
      QUOTA_MESSAGES.method,
  },
];

/** Product defaults the texts do not hold, said on the sheet below the rules (docs/rules.md §2). */
const DEFAULTS_NOTE =
  "Mặc định của phần mềm, không có trong văn bản: chỉ tiêu giảm (càng thấp càng tốt) có tỷ lệ đạt = 2 − thực hiện/kế hoạch (không dưới 0; kế hoạch 0 thì thực hiện 0 là đạt); điểm kết quả và chỉ tiêu chủ yếu như ghi chú trên.";

/** The cell value of each rule for a rule set. */
export function ruleValues(rules: RuleSet): Readonly<Record<RuleNameKey, Scalar>> {
  return {
    preset: rules.preset,
    usesPoints: rules.usesPoints ? 1 : 0,
    resultMaxPoints: rules.resultMaxPoints,
    commonMaxPoints: rules.commonMaxPoints,
    excellentMinPoints: rules.excellentMinPoints,
    excellentExceededShare: rules.excellentExceededShare.min,
    excellentExceededInclusive: rules.excellentExceededShare.inclusive ? 1 : 0,
    goodMinPoints: rules.goodMinPoints,
    completeMinPoints: rules.completeMinPoints,
    completeMetShare: rules.completeMetShare.min,
    completeMetInclusive: rules.completeMetShare.inclusive ? 1 : 0,
    incompleteBelowMetShare: rules.incompleteBelowMetShare,
    keyIndicatorDecides: rules.keyIndicatorDecides ? 1 : 0,
    quotaShare: rules.quotaShare,
    quotaShareExceptional: rules.quotaShareExceptional,
    quotaBase: rules.quotaBase,
    completeLateShare: rules.completeLateShare,
    excellenceAnswers: rules.excellenceAnswers ? 1 : 0,
  };
}

/** A rule value as the rules sheet shows it: shares as percentages (10 %), the rest as written. */
function shownRule(line: RuleLine, v: Scalar): string {
  return line.format === NUMBER_FORMATS.share && typeof v === "number" ? formatPercent(v) : String(v ?? sheetMsg.empty);
}

/**
 * What a unit file's own rules change from the province's (docs/rules.md §3 "Whose rules"): each
 * differing rule with its cell on the rules sheet, the file's value and the province's.
 */
export function ruleDifferences(own: RuleSet, province: RuleSet): Problem[] {
  const ours = ruleValues(province);
  const theirs = ruleValues(own);
  return [...RULE_LINES, ...ART11_RULE_LINES].filter((line) => ours[line.key] !== theirs[line.key]).map((line) =>
    problem(SHEETS.rules, ruleCellAddress(line.key), sheetMsg.ownRules.of(RULE_NAMES[line.key], shownRule(line, theirs[line.key]), shownRule(line, ours[line.key])), "warning"),
  );
}

const FIRST_RULE_ROW = 4;
const LEVEL_LIST_ROW = FIRST_RULE_ROW + RULE_LINES.length + 2;
const LEVELS = [LEVEL_NAMES.excellent, LEVEL_NAMES.good, LEVEL_NAMES.complete, LEVEL_NAMES.incomplete];

/**
 * Thresholds of the breakthrough and innovation tasks (sheets "Việc đột phá", "Lộ trình"). The
 * sources give the four levels but no thresholds: these are the default of docs/rules.md §4, and the
 * sheet says so. They sit below the level list so the cells above keep their addresses.
 */
const TASK_RULE_LINES: readonly { key: keyof TaskRules; label: string; format: string; note: string }[] = [
  { key: "excellentExceededShare", label: "Việc đột phá, Hoàn thành xuất sắc: tỷ lệ chỉ tiêu vượt tối thiểu", format: NUMBER_FORMATS.share, note: "Cùng điều kiện: tất cả chỉ tiêu của năm đạt, mọi mốc xong đúng hạn." },
  { key: "completeMetShare", label: "Việc đột phá, Hoàn thành: tỷ lệ chỉ tiêu đạt tối thiểu", format: NUMBER_FORMATS.share, note: "Hoàn thành tốt: tất cả chỉ tiêu đạt, mọi mốc xong trước cuối năm." },
  { key: "completeMilestoneShare", label: "Việc đột phá, Hoàn thành: tỷ lệ mốc xong tối thiểu", format: NUMBER_FORMATS.share, note: "Mốc xong trước cuối năm, trên số mốc có hạn trong năm." },
  { key: "dueSoonDays", label: "Mốc sắp đến hạn: trong số ngày", format: NUMBER_FORMATS.general, note: "Tính từ Ngày theo dõi (trang Việc đột phá)." },
  { key: "maxNewTasksPerYear", label: "Số việc đột phá mới tối đa của một người mỗi năm", format: NUMBER_FORMATS.general, note: "Kiểm tra khi đăng ký." },
  { key: "maxSpanYears", label: "Thời gian thực hiện tối đa (năm)", format: NUMBER_FORMATS.general, note: "5: cả nhiệm kỳ." },
  {
    key: "failedTaskCap",
    label: "Có việc đột phá không hoàn thành: người đứng đầu xếp loại không cao hơn",
    format: NUMBER_FORMATS.general,
    note: "Quy định tùy chọn, để trống là không áp dụng (mặc định); nếu áp dụng, chọn một mức, ví dụ Hoàn thành nhiệm vụ.",
  },
];
const TASK_RULES_TITLE_ROW = LEVEL_LIST_ROW + LEVELS.length + 1;
const FIRST_TASK_RULE_ROW = TASK_RULES_TITLE_ROW + 2;

/**
 * Rules of QĐ 366 Art. 11 added after the sheet's first version: below everything else, so that a
 * workbook made before them keeps every address and gets them written where they belong.
 */
const ART11_RULE_LINES: readonly RuleLine[] = [
  {
    key: "completeLateShare",
    label: "Hoàn thành: tỷ lệ chỉ tiêu chậm tiến độ tối đa",
    format: NUMBER_FORMATS.share,
    note: "QĐ 366 Điều 11: không quá 20%; Hoàn thành tốt và Hoàn thành xuất sắc: không có chỉ tiêu chậm tiến độ (cột Chậm tiến độ = Có, hoặc chỉ tiêu Đạt/Không có Ngày hoàn thành sau Hạn hoàn thành). Để trống: không xét tiến độ (NĐ 90).",
  },
  {
    key: "excellenceAnswers",
    label: "Hoàn thành xuất sắc cần thêm hai điều kiện (1 = có, 0 = không)",
    format: NUMBER_FORMATS.general,
    note: "QĐ 366 Điều 11: không có đơn vị trực thuộc trực tiếp, thành viên tập thể lãnh đạo bị kỷ luật trong năm; đã khắc phục 100% hạn chế, khuyết điểm được chỉ ra (trả lời ở trang Chỉ tiêu).",
  },
];
const ART11_TITLE_ROW = FIRST_TASK_RULE_ROW + TASK_RULE_LINES.length + 1;
const FIRST_ART11_ROW = ART11_TITLE_ROW + 1;
const LAST_RULES_ROW = FIRST_ART11_ROW + ART11_RULE_LINES.length - 1;

/** The keys of the Art. 11 rules, which a workbook made before them lacks. */
export const ART11_RULE_KEYS: readonly RuleNameKey[] = ART11_RULE_LINES.map((l) => l.key);

/** The Art. 11 rules' lines for a rule set, also written on their own into a workbook made before them. */
export function art11RuleBlocks(rules: RuleSet): Block[] {
  const values = ruleValues(rules);
  return [
    cell(`A${ART11_TITLE_ROW}`, value("QUY ĐỊNH 366-QĐ/TW, ĐIỀU 11: TIẾN ĐỘ VÀ ĐIỀU KIỆN HOÀN THÀNH XUẤT SẮC"), "addin", STYLE.labelBold),
    { at: `A${FIRST_ART11_ROW}`, cells: ART11_RULE_LINES.map((l) => [value(l.label)]), owner: "addin", style: { ...STYLE.label, border: true, wrap: true } },
    { at: `C${FIRST_ART11_ROW}`, cells: ART11_RULE_LINES.map((l) => [value(l.note)]), owner: "addin", style: { ...STYLE.note, border: true } },
    ...ART11_RULE_LINES.map((line) => valueBlock(line, values[line.key])),
  ];
}

export function art11RuleNames(): NameSpec[] {
  return ART11_RULE_LINES.map((line) => ({ name: RULE_NAMES[line.key], ref: absolute(ruleCellAddress(line.key)) }));
}

export function taskRuleCellAddress(key: keyof TaskRules): string {
  return `B${FIRST_TASK_RULE_ROW + TASK_RULE_LINES.findIndex((l) => l.key === key)}`;
}

/** The task rules' lines, also written on their own into a workbook made before they existed. */
export function taskRuleBlocks(taskRules: TaskRules = DEFAULT_TASK_RULES): Block[] {
  return [
    cell(`A${TASK_RULES_TITLE_ROW}`, value("VIỆC ĐỘT PHÁ, ĐỔI MỚI"), "addin", STYLE.labelBold),
    cell(
      `A${TASK_RULES_TITLE_ROW + 1}`,
      value("Ngưỡng mặc định: các văn bản chỉ nêu bốn mức, không nêu ngưỡng; tỉnh sửa các giá trị dưới đây nếu có quy định riêng."),
      "addin",
      STYLE.note,
    ),
    { at: `A${FIRST_TASK_RULE_ROW}`, cells: TASK_RULE_LINES.map((l) => [value(l.label)]), owner: "addin", style: { ...STYLE.label, border: true, wrap: true } },
    { at: `C${FIRST_TASK_RULE_ROW}`, cells: TASK_RULE_LINES.map((l) => [value(l.note)]), owner: "addin", style: { ...STYLE.note, border: true } },
    ...TASK_RULE_LINES.map((line) => {
      const v = taskRules[line.key];
      const shown = line.key === "failedTaskCap" ? (v === null ? null : LEVEL_NAMES[v as Level]) : v;
      return cell(taskRuleCellAddress(line.key), value(shown), "user", { ...STYLE.input, numberFormat: line.format, border: true }, { unlocked: true });
    }),
  ];
}

export function taskRuleNames(): NameSpec[] {
  return TASK_RULE_LINES.map((line) => ({ name: TASK_RULE_NAMES[line.key], ref: absolute(taskRuleCellAddress(line.key)) }));
}

/** The task rules the rules sheet holds; a bad cell is reported and falls back to the default. */
export function readTaskRules(values: Readonly<Partial<Record<keyof TaskRules, unknown>>>): { rules: TaskRules; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = (key: Exclude<keyof TaskRules, "failedTaskCap">, share: boolean): number => {
    const v = values[key];
    if (typeof v === "number" && Number.isFinite(v) && v >= 0 && (share ? v <= 1 : Number.isInteger(v))) return v;
    problems.push(problem(SHEETS.rules, taskRuleCellAddress(key), sheetMsg.badRuleValue.of(String(v ?? sheetMsg.empty))));
    return DEFAULT_TASK_RULES[key];
  };
  // Blank (or missing, in a workbook made before the rule existed): the rule is off.
  const readCap = (v: unknown): Level | null => {
    if (v === undefined || v === null || String(v).trim() === "") return null;
    const level = (Object.keys(LEVEL_NAMES) as Level[]).find((l) => textKey(LEVEL_NAMES[l]) === textKey(String(v)));
    if (level !== undefined) return level;
    problems.push(problem(SHEETS.rules, taskRuleCellAddress("failedTaskCap"), sheetMsg.badRuleValue.of(String(v))));
    return null;
  };
  const rules: TaskRules = {
    excellentExceededShare: read("excellentExceededShare", true),
    completeMetShare: read("completeMetShare", true),
    completeMilestoneShare: read("completeMilestoneShare", true),
    dueSoonDays: read("dueSoonDays", false),
    maxNewTasksPerYear: read("maxNewTasksPerYear", false),
    maxSpanYears: read("maxSpanYears", false),
    failedTaskCap: readCap(values.failedTaskCap),
  };
  return { rules, problems };
}

/** The rule value cells, as the unit sheet's formulas and the reader address them. */
export function ruleCellAddress(key: RuleNameKey): string {
  const at = RULE_LINES.findIndex((l) => l.key === key);
  return at >= 0 ? `B${FIRST_RULE_ROW + at}` : `B${FIRST_ART11_ROW + ART11_RULE_LINES.findIndex((l) => l.key === key)}`;
}

/**
 * Cells of one rule value: the block carries its own number format. Locked, on a protected sheet:
 * the province's rules govern every unit (docs/rules.md §3), so a unit's file does not invite edits
 * here; the pane's Cài đặt writes them (unprotecting for the write), and consolidation names any
 * file whose rules differ all the same.
 */
function valueBlock(line: RuleLine, v: Scalar): Block {
  return cell(ruleCellAddress(line.key), value(v), "user", { ...STYLE.input, numberFormat: line.format, border: true });
}

const RULES_WIDTHS = [62, 14, 70];
const NOTE_SIZE = STYLE.note.font.size;

export function rulesSheet(rules: RuleSet, taskRules: TaskRules = DEFAULT_TASK_RULES): SheetLayout {
  const values = ruleValues(rules);
  const blocks: Block[] = [
    cell("A1", value("QUY TẮC XẾP LOẠI"), "addin", STYLE.labelBold),
    cell("A2", formula(`="Căn cứ: "&IF(${RULE_NAMES.preset}="nd90-2020","${PRESET_TITLES["nd90-2020"]}","${PRESET_TITLES["qd366-2025"]}")`), "addin", STYLE.note),
    { at: "A3", cells: [[value("Tham số"), value("Giá trị"), value("Ghi chú")]], owner: "addin", style: STYLE.header },
    { at: `A${FIRST_RULE_ROW}`, cells: RULE_LINES.map((l) => [value(l.label)]), owner: "addin", style: { ...STYLE.label, border: true, wrap: true } },
    { at: `C${FIRST_RULE_ROW}`, cells: RULE_LINES.map((l) => [value(l.note)]), owner: "addin", style: { ...STYLE.note, border: true } },
    ...RULE_LINES.map((line) => valueBlock(line, values[line.key])),
    cell(`A${FIRST_RULE_ROW + RULE_LINES.length}`, value(DEFAULTS_NOTE), "addin", STYLE.note, { mergeTo: `C${FIRST_RULE_ROW + RULE_LINES.length}` }),
    cell(`A${LEVEL_LIST_ROW - 1}`, value("Các mức xếp loại (danh sách chọn)"), "addin", STYLE.labelBold),
    { at: `A${LEVEL_LIST_ROW}`, cells: LEVELS.map((l) => [value(l)]), owner: "addin", style: STYLE.label },
    ...taskRuleBlocks(taskRules),
    ...art11RuleBlocks(rules),
  ];
  return {
    name: SHEETS.rules,
    font: { name: FONT, size: 12 },
    columnWidths: RULES_WIDTHS,
    // Wrapped cells do not grow by themselves in a written file: each rule row fits its label and note.
    rowHeights: RULE_LINES.map((l, i) => ({
      row: FIRST_RULE_ROW + i,
      height: rowHeight(Math.max(wrappedLines(l.label, RULES_WIDTHS[0] * POINTS_PER_WIDTH_UNIT, 12), wrappedLines(l.note, RULES_WIDTHS[2] * POINTS_PER_WIDTH_UNIT, NOTE_SIZE)), 12),
    })),
    blocks,
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [
      {
        range: ruleCellAddress("quotaBase"),
        rule: { kind: "list", source: QUOTA_BASES.join(",") },
        errorTitle: "Cơ sở tính hạn mức",
        errorMessage: "Chọn good (số Hoàn thành tốt) hoặc goodOrBetter (số Hoàn thành tốt trở lên).",
      },
    ],
    conditionalFormats: [],
    protect: true,
    print: a4Print("portrait", `A1:C${LAST_RULES_ROW}`),
  };
}

export function rulesSheetNames(): NameSpec[] {
  return [
    ...RULE_LINES.map((line) => ({ name: RULE_NAMES[line.key], ref: `$B$${FIRST_RULE_ROW + RULE_LINES.indexOf(line)}` })),
    { name: NAMES.levelList, ref: `$A$${LEVEL_LIST_ROW}:$A$${LEVEL_LIST_ROW + LEVELS.length - 1}` },
    ...taskRuleNames(),
    ...art11RuleNames(),
  ];
}

function quotaBase(v: unknown, fallback: QuotaBase, problems: Problem[]): QuotaBase {
  const found = QUOTA_BASES.find((b) => typeof v === "string" && b.toLowerCase() === v.trim().toLowerCase());
  if (found) return found;
  problems.push(problem(SHEETS.rules, ruleCellAddress("quotaBase"), sheetMsg.badQuotaBase.of(String(v ?? sheetMsg.empty))));
  return fallback;
}

/**
 * The rule set the workbook's rules sheet holds, so the engine judges exactly as the sheet's
 * formulas do after a province edits a threshold. Bad cells are reported and fall back to
 * the preset's value.
 */
export function readRules(values: Readonly<Partial<Record<RuleNameKey, unknown>>>): { rules: RuleSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const preset = isPresetId(values.preset) ? values.preset : DEFAULT_PRESET;
  if (!isPresetId(values.preset)) {
    problems.push(problem(SHEETS.rules, ruleCellAddress("preset"), sheetMsg.unknownPreset.of(String(values.preset ?? ""), DEFAULT_PRESET)));
  }
  const base = ruleSet(preset);
  const number = (key: RuleNameKey, fallback: number, max = Infinity): number => {
    const v = values[key];
    if (typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= max) return v;
    problems.push(problem(SHEETS.rules, ruleCellAddress(key), sheetMsg.badRuleValue.of(String(v ?? sheetMsg.empty))));
    return fallback;
  };
  const flag = (key: RuleNameKey, fallback: boolean): boolean => {
    const v = values[key];
    if (v === 0 || v === 1) return v === 1;
    problems.push(problem(SHEETS.rules, ruleCellAddress(key), sheetMsg.badRuleFlag.of(String(v ?? sheetMsg.empty))));
    return fallback;
  };
  const below = values.incompleteBelowMetShare;
  // Rules added later: a workbook made before them has no such cell, and its formulas do not apply them.
  const added = <T>(key: RuleNameKey, fallback: T, read: () => T): T => (values[key] === undefined ? fallback : read());
  const late = values.completeLateShare;
  const rules: RuleSet = {
    preset,
    usesPoints: flag("usesPoints", base.usesPoints),
    resultMaxPoints: number("resultMaxPoints", base.resultMaxPoints),
    commonMaxPoints: number("commonMaxPoints", base.commonMaxPoints),
    excellentMinPoints: number("excellentMinPoints", base.excellentMinPoints),
    excellentExceededShare: {
      min: number("excellentExceededShare", base.excellentExceededShare.min, 1),
      inclusive: flag("excellentExceededInclusive", base.excellentExceededShare.inclusive),
    },
    goodMinPoints: number("goodMinPoints", base.goodMinPoints),
    completeMinPoints: number("completeMinPoints", base.completeMinPoints),
    completeMetShare: {
      min: number("completeMetShare", base.completeMetShare.min, 1),
      inclusive: flag("completeMetInclusive", base.completeMetShare.inclusive),
    },
    incompleteBelowMetShare: below === "" || below === null || below === undefined ? null : number("incompleteBelowMetShare", 0, 1),
    keyIndicatorDecides: flag("keyIndicatorDecides", base.keyIndicatorDecides),
    quotaShare: number("quotaShare", base.quotaShare, 1),
    quotaShareExceptional: number("quotaShareExceptional", base.quotaShareExceptional, 1),
    quotaBase: quotaBase(values.quotaBase, base.quotaBase, problems),
    completeLateShare: added("completeLateShare", null, () =>
      late === "" || late === null ? null : number("completeLateShare", base.completeLateShare ?? 0, 1),
    ),
    excellenceAnswers: added("excellenceAnswers", false, () => flag("excellenceAnswers", base.excellenceAnswers)),
  };
  return { rules, problems };
}
