/**
 * Every Vietnamese text the engine produces (input errors and level reasons), in one place.
 * The task pane's own strings live in src/i18n.
 */
import { formatCount, formatPercent, formatPoints } from "./format";
import type { Disqualifier } from "./levels";
import { displayCode } from "./text";
import type { Level, Status, UnitKind } from "./types";

/** Codes as shown in a sentence: control characters escaped so they cannot hide or break a line. */
const codeList = (codes: readonly string[]) => codes.map(displayCode).join(", ");

export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  complete: "Hoàn thành nhiệm vụ",
  incomplete: "Không hoàn thành nhiệm vụ",
};

/** Status texts as the sheet's "Đánh giá" column shows them. */
export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  exceeded: "Vượt",
  met: "Đạt",
  notMet: "Không đạt",
  pending: "Chưa có số liệu",
  error: "Lỗi số liệu",
};

export const FIELD_NAMES: Readonly<Record<string, string>> = {
  code: "Mã",
  direction: "Chiều",
  target: "Kế hoạch",
  actual: "Thực hiện",
  key: "Chủ yếu",
  weight: "Trọng số",
  commonScore: "Điểm tiêu chí chung",
  degradation: "Suy thoái",
  sanction: "Kỷ luật",
  corruption: "Tham nhũng, lãng phí",
};

/** The unit kinds as the sheet writes them. */
export const UNIT_KIND_NAMES: Readonly<Record<UnitKind, string>> = {
  commune: "xã, phường",
  district: "huyện, thị xã, thành phố",
  department: "sở, ban, ngành",
  massOrganisation: "đoàn thể",
};

export const DIRECTION_NAMES = { increase: "Tăng", decrease: "Giảm", milestone: "Đạt/Không" } as const;

/** The disqualifying conditions as the unit sheet and the reasons name them. */
export const DISQUALIFIER_NAMES: Readonly<Record<Disqualifier, string>> = {
  degradation: "Suy thoái về tư tưởng chính trị, đạo đức, lối sống đã được cấp có thẩm quyền kết luận",
  sanction: "Bị xử lý kỷ luật (từ khiển trách trở lên) trong năm đánh giá",
  corruption: "Để xảy ra tham nhũng, lãng phí ở cơ quan, đơn vị do mình trực tiếp quản lý và đã bị xử lý",
};

/** The answers the disqualifying-condition cells take (blank reads as "Không"). */
export const YES_NO = { yes: "Có", no: "Không" } as const;

export const msg = {
  notANumber: (found: string) => `Không đọc được số từ ${found}: cần một số, ví dụ 2.100 hoặc 105,5.`,
  textNumber: (found: string, value: number) =>
    `Ô chứa chữ ${found} chứ không phải số, nên công thức không tính được: hãy gõ lại thành số ${formatCount(value)}.`,
  notAMilestone: (found: string) =>
    `Không đọc được ${found}: chỉ tiêu dạng Đạt/Không nhận "Đạt", "Không đạt", "x" hoặc 1/0.`,
  notAFlag: (found: string) => `Không đọc được ${found}: cột Chủ yếu nhận "x" hoặc để trống.`,
  missingTarget: "Chưa nhập kế hoạch (chỉ tiêu giao).",
  targetNotPositive: (target: number) =>
    `Kế hoạch ${formatCount(target)} không hợp lệ: chỉ tiêu tăng cần kế hoạch lớn hơn 0.`,
  targetNegative: (target: number) => `Kế hoạch ${formatCount(target)} không hợp lệ: không được âm.`,
  milestoneTargetNotDone: "Kế hoạch của chỉ tiêu dạng Đạt/Không phải là \"Đạt\" hoặc để trống.",
  badDirection: (found: string) => `Chiều ${found} không hợp lệ: chọn Tăng, Giảm hoặc Đạt/Không.`,
  missingDirection: "Thiếu chiều: chọn Tăng, Giảm hoặc Đạt/Không.",
  notYesNo: (found: string) => `Không đọc được ${found}: chọn "Có", "Không" hoặc để trống.`,
  missingWeight: "Chưa nhập trọng số (mặc định là 1).",
  badWeight: (found: string) => `Trọng số ${found} không hợp lệ: cần một số lớn hơn 0.`,
  duplicateCode: (code: string) => `Mã ${displayCode(code)} bị trùng: mỗi chỉ tiêu cần một mã riêng.`,
  missingCode: "Thiếu mã chỉ tiêu.",
  badCommonScore: (found: string, max: number) =>
    `Điểm tiêu chí chung ${found} không hợp lệ: cần một số từ 0 đến ${formatCount(max)}.`,

  reasonCounts: (met: number, evaluated: number, exceeded: number) =>
    `${met}/${evaluated} chỉ tiêu đạt hoặc vượt, trong đó ${exceeded} chỉ tiêu vượt (${formatPercent(
      evaluated === 0 ? 0 : exceeded / evaluated,
    )}).`,
  reasonNotMet: (notMet: number, evaluated: number, keyCodes: readonly string[]) =>
    `${notMet}/${evaluated} chỉ tiêu không đạt` +
    (keyCodes.length > 0 ? `, trong đó có chỉ tiêu chủ yếu ${codeList(keyCodes)}.` : "."),
  reasonKeyNotMet: (codes: readonly string[]) =>
    `Chỉ tiêu chủ yếu ${codeList(codes)} không đạt hoặc chưa có số liệu: xếp loại Không hoàn thành nhiệm vụ.`,
  reasonPoints: (points: number, resultPoints: number, commonScore: number) =>
    `Tổng điểm ${formatPoints(points)} = ${formatPoints(resultPoints)} điểm kết quả + ${formatPoints(
      commonScore,
    )} điểm tiêu chí chung.`,
  reasonNoCommonScore: (resultPoints: number) =>
    `Chưa có điểm tiêu chí chung (điểm kết quả ${formatPoints(resultPoints)}): kết quả tạm tính.`,
  reasonInvalidCommonScore: (resultPoints: number) =>
    `Điểm tiêu chí chung không hợp lệ (điểm kết quả ${formatPoints(resultPoints)}): kết quả tạm tính cho đến khi sửa điểm.`,
  reasonPending: (codes: readonly string[]) =>
    `${codes.length} chỉ tiêu chưa có số liệu (${codeList(codes)}): kết quả tạm tính.`,
  reasonErrors: (codes: readonly string[]) =>
    `${codes.length} chỉ tiêu có lỗi số liệu (${codeList(codes)}): kết quả tạm tính, cần sửa số liệu.`,
  reasonDisqualified: (d: Disqualifier) =>
    `${DISQUALIFIER_NAMES[d]}: xếp loại Không hoàn thành nhiệm vụ (Nghị định 335/2025/NĐ-CP, Quy định 366-QĐ/TW).`,
  reasonFloor: (openCodes: readonly string[], commonOpen: boolean, unreadableConditions: boolean) =>
    `Xếp loại tạm tính là mức sàn: ` +
    [
      ...(openCodes.length > 0 ? [`${openCodes.length} chỉ tiêu chưa có số liệu hoặc có lỗi (${codeList(openCodes)}) được tính là chưa đạt`] : []),
      ...(commonOpen ? ["điểm tiêu chí chung được tính là 0"] : []),
      ...(unreadableConditions ? ["câu trả lời không đọc được về trường hợp không hoàn thành nhiệm vụ được tính là \"Có\""] : []),
    ].join(", ") +
    `; mức này chỉ có thể tăng khi bổ sung số liệu.`,
  reasonCeiling: (level: Level, openCodes: readonly string[], commonMax: number | null) =>
    `Có thể đạt tối đa: ${LEVEL_NAMES[level]}, nếu ` +
    [
      ...(openCodes.length > 0 ? [`các chỉ tiêu ${codeList(openCodes)} đều vượt kế hoạch`] : []),
      ...(commonMax !== null ? [`điểm tiêu chí chung đạt ${formatPoints(commonMax)}`] : []),
    ].join(" và ") +
    ".",
  reasonPendingKeys: (codes: readonly string[]) =>
    `Chỉ tiêu chủ yếu ${codeList(codes)} chưa có số liệu hoặc có lỗi: nếu không đạt thì xếp loại Không hoàn thành nhiệm vụ.`,
  reasonCeilingMissed: (missed: string) => `Mức tối đa bị giới hạn vì: ${missed}`,
  reasonNothingToEvaluate: "Chưa có chỉ tiêu nào có đủ số liệu để đánh giá.",
  reasonLevel: (level: Level, conditions: readonly string[]) =>
    `Đạt mức ${LEVEL_NAMES[level]}: ${conditions.join("; ")}.`,
  reasonMissed: (level: Level, shortfalls: readonly string[]) =>
    `Chưa đạt mức ${LEVEL_NAMES[level]}: ${shortfalls.join("; ")}.`,
  reasonUndefinedBand: (metShare: number, low: number, high: number) =>
    `Tỷ lệ chỉ tiêu đạt ${formatPercent(metShare)} nằm trong khoảng ${formatPercent(low)}–${formatPercent(
      high,
    )} mà văn bản không quy định; bộ quy tắc này xếp vào mức Không hoàn thành nhiệm vụ.`,

  conditionPoints: (min: number) => `tổng điểm từ ${formatPoints(min)}`,
  conditionAllMet: "tất cả chỉ tiêu đạt",
  conditionExceededShare: (min: number, inclusive: boolean) =>
    `tỷ lệ chỉ tiêu vượt ${inclusive ? "từ" : "trên"} ${formatPercent(min)}`,
  conditionMetShare: (min: number, inclusive: boolean) =>
    `tỷ lệ chỉ tiêu đạt ${inclusive ? "từ" : "trên"} ${formatPercent(min)}`,
  conditionNoKeyMissed: "không có chỉ tiêu chủ yếu nào không đạt",
  shortfallPoints: (points: number, min: number) => `tổng điểm ${formatPoints(points)} (cần từ ${formatPoints(min)})`,
  shortfallExceededShare: (share: number, min: number, inclusive: boolean) =>
    `tỷ lệ chỉ tiêu vượt ${formatPercent(share)} (cần ${inclusive ? "từ" : "trên"} ${formatPercent(min)})`,
  shortfallMetShare: (share: number, min: number, inclusive: boolean) =>
    `tỷ lệ chỉ tiêu đạt ${formatPercent(share)} (cần ${inclusive ? "từ" : "trên"} ${formatPercent(min)})`,
  shortfallNotAllMet: (notMet: number) => `còn ${notMet} chỉ tiêu không đạt`,

  capExceeded: (subject: string, level: Level, capSubject: string, cap: Level) =>
    `Không thể xếp ${subject} mức "${LEVEL_NAMES[level]}": cao hơn mức của ${capSubject} ("${LEVEL_NAMES[cap]}").`,
  capMissing: (capSubject: string) =>
    `Chưa có xếp loại của ${capSubject}: cần xếp loại ${capSubject} trước khi xếp loại người đứng đầu (tập thể trước, cá nhân sau).`,
} as const;
