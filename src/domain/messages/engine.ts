/**
 * Every text the engine produces (input errors and level reasons), in Vietnamese and English: the
 * `engine` section of the message catalogue (./localize). The engine returns them as data with their
 * Vietnamese text; the task pane and the CLI render them in the language chosen.
 */
import { formatCount, formatPercent, formatPoints } from "../format";
import type { Disqualifier, ExcellenceQuestion } from "../levels";
import { defineMessages, message, sentence, text, translate } from "./localize";
import { DATE_FIELD_NAMES, DIRECTION_NAMES, DISQUALIFIER_NAMES, EXCELLENCE_QUESTION_NAMES, LEVEL_NAMES, SUBJECT_NAMES, YES_NO } from "./names";
import { displayCode } from "../text";
import type { DateField, Level } from "../types";

/** Codes as shown in a sentence: control characters escaped so they cannot hide or break a line. */
const codeList = (codes: readonly string[]) => codes.map(displayCode).join(", ");

/** A parameterless message's English text, for English sentences that quote it. */
const inEnglish = (vi: string) => translate(vi, "en");
const levelEn = (level: Level) => inEnglish(LEVEL_NAMES[level]);

/** The direction words a cell takes, for English sentences that quote them. */
const DIRECTION_CHOICES_EN = `${DIRECTION_NAMES.increase} (increase), ${DIRECTION_NAMES.decrease} (decrease) or ${DIRECTION_NAMES.milestone} (done or not)`;

/** "1 indicator", "2 indicators". */
const indicatorsEn = (n: number) => `${n} ${n === 1 ? "indicator" : "indicators"}`;
const keyIndicatorEn = (codes: readonly string[]) => `${codes.length === 1 ? "key indicator" : "key indicators"} ${codeList(codes)}`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const inclusiveVi = (inclusive: boolean) => (inclusive ? "từ" : "trên");
const inclusiveEn = (inclusive: boolean) => (inclusive ? "at least" : "above");

export const msg = defineMessages("engine", {
  notANumber: message(
    (found: string) => `Không đọc được số từ ${found}: cần một số, ví dụ 2.100 hoặc 105,5.`,
    (found) => `Could not read a number from ${found}: enter a number, for example 2.100 or 105,5.`,
    ['"abc"'],
  ),
  textNumber: message(
    (found: string, value: number) =>
      `Ô chứa chữ ${found} chứ không phải số, nên công thức không tính được: hãy gõ lại thành số ${formatCount(value)}.`,
    (found, value) => `The cell holds the text ${found}, not a number, so formulas cannot use it: type it again as the number ${formatCount(value)}.`,
    ['"2.100 people"', 2100],
  ),
  notAMilestone: message(
    (found: string) => `Không đọc được ${found}: chỉ tiêu dạng Đạt/Không nhận "Đạt", "Không đạt", "x" hoặc 1/0.`,
    (found) => `Could not read ${found}: a done-or-not indicator takes "Đạt" (done), "Không đạt" (not done), "x" or 1/0.`,
    ['"maybe"'],
  ),
  notAFlag: message(
    (found: string) => `Không đọc được ${found}: cột Chủ yếu nhận "x" hoặc để trống.`,
    (found) => `Could not read ${found}: the key-indicator column takes "x" or nothing.`,
    ['"y"'],
  ),
  missingTarget: text("Chưa nhập kế hoạch (chỉ tiêu giao).", "No target entered."),
  ratioOverflow: text(
    "Thực hiện chia cho kế hoạch vượt quá số lớn nhất Excel tính được (trang tính báo #NUM!): kiểm tra lại kế hoạch và thực hiện.",
    "The actual divided by the target exceeds the largest number Excel calculates (the sheet shows #NUM!): check the target and the actual.",
  ),
  targetNotPositive: message(
    (target: number) => `Kế hoạch ${formatCount(target)} không hợp lệ: chỉ tiêu tăng cần kế hoạch lớn hơn 0.`,
    (target) => `Target ${formatCount(target)} is not valid: an increase indicator needs a target above 0.`,
    [0],
  ),
  targetNegative: message(
    (target: number) => `Kế hoạch ${formatCount(target)} không hợp lệ: không được âm.`,
    (target) => `Target ${formatCount(target)} is not valid: it cannot be negative.`,
    [-5],
  ),
  milestoneTargetNotDone: text(
    "Kế hoạch của chỉ tiêu dạng Đạt/Không phải là \"Đạt\" hoặc để trống.",
    "The target of a done-or-not indicator must be \"Đạt\" (done) or empty.",
  ),
  badDirection: message(
    (found: string) => `Chiều ${found} không hợp lệ: chọn Tăng, Giảm hoặc Đạt/Không.`,
    (found) => `Direction ${found} is not valid: choose ${DIRECTION_CHOICES_EN}.`,
    ['"up"'],
  ),
  missingDirection: text("Thiếu chiều: chọn Tăng, Giảm hoặc Đạt/Không.", `No direction: choose ${DIRECTION_CHOICES_EN}.`),
  notYesNo: message(
    (found: string) => `Không đọc được ${found}: chọn "Có", "Không" hoặc để trống.`,
    (found) => `Could not read ${found}: choose "Có" (yes), "Không" (no) or leave it empty.`,
    ['"maybe"'],
  ),
  badDate: message(
    (field: DateField, found: string) => `${DATE_FIELD_NAMES[field]} ${found} không phải là một ngày: nhập ngày có thật, ví dụ 30/6/2025 hoặc 2025-06-30.`,
    (field, found) => `${inEnglish(DATE_FIELD_NAMES[field])} ${found} is not a date: enter a real day, for example 30/6/2025 or 2025-06-30.`,
    ["due", '"31/02/2025"'],
  ),
  textDate: message(
    (field: DateField, found: string) =>
      `${DATE_FIELD_NAMES[field]} ${found} là chữ chứ không phải ngày, nên công thức không tính được: xóa ô rồi nhập lại ngày (dd/mm/yyyy) để Excel nhận là ngày.`,
    (field, found) =>
      `${inEnglish(DATE_FIELD_NAMES[field])} ${found} is text, not a date, so formulas cannot use it: clear the cell and type the date again (dd/mm/yyyy) so that Excel takes it as a date.`,
    ["done", '"30/6/2025"'],
  ),
  dateWithTime: message(
    (field: DateField, day: string) => `${DATE_FIELD_NAMES[field]} ${day} có cả giờ trong ngày: chỉ nhập ngày (dd/mm/yyyy), không nhập giờ.`,
    (field, day) => `${inEnglish(DATE_FIELD_NAMES[field])} ${day} carries a time of day: enter the day only (dd/mm/yyyy), without the time.`,
    ["done", "30/06/2025"],
  ),
  missingWeight: text("Chưa nhập trọng số (mặc định là 1).", "No weight entered (the default is 1)."),
  badWeight: message(
    (found: string) => `Trọng số ${found} không hợp lệ: cần một số lớn hơn 0.`,
    (found) => `Weight ${found} is not valid: enter a number above 0.`,
    ['"-1"'],
  ),
  duplicateCode: message(
    (code: string) => `Mã ${displayCode(code)} bị trùng: mỗi chỉ tiêu cần một mã riêng.`,
    (code) => `Code ${displayCode(code)} is used twice: each indicator needs its own code.`,
    ["1.1"],
  ),
  missingCode: text("Thiếu mã chỉ tiêu.", "The indicator has no code."),
  badCommonScore: message(
    (found: string, max: number) => `Điểm tiêu chí chung ${found} không hợp lệ: cần một số từ 0 đến ${formatCount(max)}.`,
    (found, max) => `Common-criteria score ${found} is not valid: enter a number from 0 to ${formatCount(max)}.`,
    ['"45"', 30],
  ),

  badScore: message(
    (found: string, max: number) =>
      `Điểm kết quả ${found} không hợp lệ: cần một số từ 0 đến ${formatPoints(max)} (điểm tối đa của chỉ tiêu này).`,
    (found, max) => `Results score ${found} is not valid: enter a number from 0 to ${formatPoints(max)} (this indicator's maximum).`,
    ['"4,5"', 3.89],
  ),
  reasonTypedScores: message(
    (codes: readonly string[]) =>
      `Điểm kết quả do cấp có thẩm quyền chấm thay cho mặc định của phần mềm ở chỉ tiêu ${codeList(codes)}.`,
    (codes) => `The competent level's results score replaces the product default for indicator(s) ${codeList(codes)}.`,
    [["1.1", "2.3"]],
  ),

  reasonCounts: message(
    (met: number, evaluated: number, exceeded: number) =>
      `${met}/${evaluated} chỉ tiêu đạt hoặc vượt, trong đó ${exceeded} chỉ tiêu vượt (${formatPercent(
        evaluated === 0 ? 0 : exceeded / evaluated,
      )}).`,
    (met, evaluated, exceeded) =>
      `${met}/${evaluated} indicators met or exceeded, ${exceeded} of them exceeded (${formatPercent(evaluated === 0 ? 0 : exceeded / evaluated)}).`,
    [16, 18, 4],
  ),
  reasonNotMet: message(
    (notMet: number, evaluated: number, keyCodes: readonly string[]) =>
      `${notMet}/${evaluated} chỉ tiêu không đạt` +
      (keyCodes.length > 0 ? `, trong đó có chỉ tiêu chủ yếu ${codeList(keyCodes)}.` : "."),
    (notMet, evaluated, keyCodes) =>
      `${notMet}/${evaluated} indicators not met` + (keyCodes.length > 0 ? `, among them ${keyIndicatorEn(keyCodes)}.` : "."),
    [2, 18, ["1.2"]],
  ),
  reasonKeyNotMet: message(
    (codes: readonly string[]) =>
      `Chỉ tiêu chủ yếu ${codeList(codes)} không đạt hoặc chưa có số liệu: xếp loại Không hoàn thành nhiệm vụ.`,
    (codes) => `${capitalized(keyIndicatorEn(codes))} not met or without figures: rated ${levelEn("incomplete")}.`,
    [["1.2", "3.1"]],
  ),
  reasonPoints: message(
    (points: number, resultPoints: number, commonScore: number) =>
      `Tổng điểm ${formatPoints(points)} = ${formatPoints(resultPoints)} điểm kết quả + ${formatPoints(
        commonScore,
      )} điểm tiêu chí chung.`,
    (points, resultPoints, commonScore) =>
      `Total ${formatPoints(points)} points = ${formatPoints(resultPoints)} result points + ${formatPoints(commonScore)} common-criteria points.`,
    [92.5, 65, 27.5],
  ),
  reasonNoCommonScore: message(
    (resultPoints: number) => `Chưa có điểm tiêu chí chung (điểm kết quả ${formatPoints(resultPoints)}): kết quả tạm tính.`,
    (resultPoints) => `No common-criteria score yet (result points ${formatPoints(resultPoints)}): the result is provisional.`,
    [70],
  ),
  reasonInvalidCommonScore: message(
    (resultPoints: number) =>
      `Điểm tiêu chí chung không hợp lệ (điểm kết quả ${formatPoints(resultPoints)}): kết quả tạm tính cho đến khi sửa điểm.`,
    (resultPoints) =>
      `The common-criteria score is not valid (result points ${formatPoints(resultPoints)}): the result is provisional until it is corrected.`,
    [70],
  ),
  reasonPending: message(
    (codes: readonly string[]) => `${codes.length} chỉ tiêu chưa có số liệu (${codeList(codes)}): kết quả tạm tính.`,
    (codes) => `${indicatorsEn(codes.length)} without figures (${codeList(codes)}): the result is provisional.`,
    [["2.1", "2.2"]],
  ),
  reasonErrors: message(
    (codes: readonly string[]) =>
      `${codes.length} chỉ tiêu có lỗi số liệu (${codeList(codes)}): kết quả tạm tính, cần sửa số liệu.`,
    (codes) => `${indicatorsEn(codes.length)} with data errors (${codeList(codes)}): the result is provisional until the figures are corrected.`,
    [["4.1"]],
  ),
  reasonDisqualified: message(
    (d: Disqualifier) =>
      `${DISQUALIFIER_NAMES[d]}: xếp loại Không hoàn thành nhiệm vụ (Nghị định 335/2025/NĐ-CP, Quy định 366-QĐ/TW).`,
    (d) => `${inEnglish(DISQUALIFIER_NAMES[d])}: rated ${levelEn("incomplete")} (Decree 335/2025/NĐ-CP, Regulation 366-QĐ/TW).`,
    ["sanction"],
  ),
  reasonFloor: message(
    (openCodes: readonly string[], commonOpen: boolean, unreadableConditions: boolean, answersOpen = false) =>
      `Xếp loại tạm tính là mức sàn: ` +
      [
        ...(openCodes.length > 0 ? [`${openCodes.length} chỉ tiêu chưa có số liệu hoặc có lỗi (${codeList(openCodes)}) được tính là chưa đạt`] : []),
        ...(commonOpen ? ["điểm tiêu chí chung được tính là 0"] : []),
        ...(unreadableConditions ? ["câu trả lời không đọc được về trường hợp không hoàn thành nhiệm vụ được tính là \"Có\""] : []),
        ...(answersOpen ? ["điều kiện Hoàn thành xuất sắc chưa được trả lời được tính là chưa đạt"] : []),
      ].join(", ") +
      `; mức này chỉ có thể tăng khi bổ sung số liệu.`,
    (openCodes, commonOpen, unreadableConditions, answersOpen = false) =>
      `The provisional level is a floor: ` +
      [
        ...(openCodes.length > 0 ? [`${indicatorsEn(openCodes.length)} without figures or with errors (${codeList(openCodes)}) count as not met`] : []),
        ...(commonOpen ? ["the common-criteria score counts as 0"] : []),
        ...(unreadableConditions ? ["an unreadable answer about the disqualifying conditions counts as yes"] : []),
        ...(answersOpen ? ["an unanswered condition of excellent counts as not met"] : []),
      ].join(", ") +
      `; it can only rise as figures are added.`,
    [["2.1"], true, true, true],
  ),
  reasonCeiling: message(
    (level: Level, openCodes: readonly string[], commonMax: number | null, openQuestions: readonly ExcellenceQuestion[] = []) =>
      `Có thể đạt tối đa: ${LEVEL_NAMES[level]}, nếu ` +
      [
        ...(openCodes.length > 0 ? [`các chỉ tiêu ${codeList(openCodes)} đều vượt kế hoạch`] : []),
        ...(commonMax !== null ? [`điểm tiêu chí chung đạt ${formatPoints(commonMax)}`] : []),
        ...openQuestions.map((q) => `câu "${EXCELLENCE_QUESTION_NAMES[q]}" được trả lời ${q === "disciplineBelow" ? YES_NO.no : YES_NO.yes}`),
      ].join(" và ") +
      ".",
    (level, openCodes, commonMax, openQuestions = []) =>
      `At best: ${levelEn(level)}, if ` +
      [
        ...(openCodes.length > 0 ? [openCodes.length === 1 ? `indicator ${codeList(openCodes)} exceeds its target` : `indicators ${codeList(openCodes)} all exceed their targets`] : []),
        ...(commonMax !== null ? [`the common-criteria score reaches ${formatPoints(commonMax)}`] : []),
        ...openQuestions.map((q) => `"${inEnglish(EXCELLENCE_QUESTION_NAMES[q])}" is answered ${q === "disciplineBelow" ? "no" : "yes"}`),
      ].join(" and ") +
      ".",
    ["excellent", ["2.1"], 30, ["shortcomingsRemedied"]],
  ),
  reasonPendingKeys: message(
    (codes: readonly string[]) =>
      `Chỉ tiêu chủ yếu ${codeList(codes)} chưa có số liệu hoặc có lỗi: nếu không đạt thì xếp loại Không hoàn thành nhiệm vụ.`,
    (codes) => `${capitalized(keyIndicatorEn(codes))} without figures or with errors: if not met, the rating is ${levelEn("incomplete")}.`,
    [["1.1"]],
  ),
  reasonCeilingMissed: message(
    (missed: string) => `Mức tối đa bị giới hạn vì: ${missed}`,
    (missed) => `The best level is limited because: ${missed}`,
    ["(reason)"],
  ),
  reasonTaskCap: message(
    (cap: Level) =>
      `Người đứng đầu có việc đột phá, đổi mới không hoàn thành trong năm: xếp loại đề xuất không cao hơn ${LEVEL_NAMES[cap]} (quy định tùy chọn của tỉnh).`,
    (cap) => `The head has a breakthrough task not done this year: the suggested rating is at most ${levelEn(cap)} (an optional provincial rule).`,
    ["complete"],
  ),
  reasonNothingToEvaluate: sentence("Chưa có chỉ tiêu nào có đủ số liệu để đánh giá.", "No indicator has the figures needed to evaluate it yet."),
  reasonLevel: message(
    (level: Level, conditions: readonly string[]) => `Đạt mức ${LEVEL_NAMES[level]}: ${conditions.join("; ")}.`,
    (level, conditions) => `Meets ${levelEn(level)}: ${conditions.join("; ")}.`,
    ["good", ["(condition)"]],
  ),
  reasonMissed: message(
    (level: Level, shortfalls: readonly string[]) => `Chưa đạt mức ${LEVEL_NAMES[level]}: ${shortfalls.join("; ")}.`,
    (level, shortfalls) => `Does not meet ${levelEn(level)}: ${shortfalls.join("; ")}.`,
    ["excellent", ["(shortfall)"]],
  ),
  reasonUndefinedBand: message(
    (metShare: number, low: number, high: number) =>
      `Tỷ lệ chỉ tiêu đạt ${formatPercent(metShare)} nằm trong khoảng ${formatPercent(low)}–${formatPercent(
        high,
      )} mà văn bản không quy định; bộ quy tắc này xếp vào mức Không hoàn thành nhiệm vụ.`,
    (metShare, low, high) =>
      `The met share ${formatPercent(metShare)} lies between ${formatPercent(low)} and ${formatPercent(high)}, which the regulation does not cover; these rules rate it ${levelEn("incomplete")}.`,
    [0.55, 0.5, 0.6],
  ),

  conditionPoints: message(
    (min: number) => `tổng điểm từ ${formatPoints(min)}`,
    (min) => `total points at least ${formatPoints(min)}`,
    [90],
  ),
  conditionAllMet: sentence("tất cả chỉ tiêu đạt", "every indicator met"),
  conditionExceededShare: message(
    (min: number, inclusive: boolean) => `tỷ lệ chỉ tiêu vượt ${inclusiveVi(inclusive)} ${formatPercent(min)}`,
    (min, inclusive) => `exceeded share ${inclusiveEn(inclusive)} ${formatPercent(min)}`,
    [0.3, true],
  ),
  conditionMetShare: message(
    (min: number, inclusive: boolean) => `tỷ lệ chỉ tiêu đạt ${inclusiveVi(inclusive)} ${formatPercent(min)}`,
    (min, inclusive) => `met share ${inclusiveEn(inclusive)} ${formatPercent(min)}`,
    [0.5, false],
  ),
  conditionNoKeyMissed: sentence("không có chỉ tiêu chủ yếu nào không đạt", "no key indicator missed"),
  conditionNoneLate: sentence("không có chỉ tiêu nào chậm tiến độ", "no indicator late"),
  conditionLateShare: message(
    (max: number) => `tỷ lệ chỉ tiêu chậm tiến độ không quá ${formatPercent(max)}`,
    (max) => `late share at most ${formatPercent(max)}`,
    [0.2],
  ),
  conditionExcellenceAnswers: sentence(
    "không có đơn vị trực thuộc trực tiếp, thành viên tập thể lãnh đạo bị kỷ luật và đã khắc phục 100% hạn chế, khuyết điểm",
    "no subordinate unit or collective member disciplined, and every earlier shortcoming remedied",
  ),
  shortfallLate: message(
    (codes: readonly string[]) => `còn ${codes.length} chỉ tiêu chậm tiến độ (${codeList(codes)})`,
    (codes) => `${indicatorsEn(codes.length)} late (${codeList(codes)})`,
    [["2.1", "4.2"]],
  ),
  shortfallLateShare: message(
    (share: number, max: number) => `tỷ lệ chỉ tiêu chậm tiến độ ${formatPercent(share)} (cần không quá ${formatPercent(max)})`,
    (share, max) => `late share ${formatPercent(share)} (at most ${formatPercent(max)} allowed)`,
    [0.25, 0.2],
  ),
  shortfallExcellence: message(
    (q: ExcellenceQuestion) => `"${EXCELLENCE_QUESTION_NAMES[q]}": ${q === "disciplineBelow" ? "chưa trả lời Không" : "chưa trả lời Có"}`,
    (q) => `"${inEnglish(EXCELLENCE_QUESTION_NAMES[q])}": ${q === "disciplineBelow" ? "not answered no" : "not answered yes"}`,
    ["disciplineBelow"],
  ),
  shortfallPoints: message(
    (points: number, min: number) => `tổng điểm ${formatPoints(points)} (cần từ ${formatPoints(min)})`,
    (points, min) => `total points ${formatPoints(points)} (at least ${formatPoints(min)} needed)`,
    [85, 90],
  ),
  shortfallExceededShare: message(
    (share: number, min: number, inclusive: boolean) =>
      `tỷ lệ chỉ tiêu vượt ${formatPercent(share)} (cần ${inclusiveVi(inclusive)} ${formatPercent(min)})`,
    (share, min, inclusive) => `exceeded share ${formatPercent(share)} (${inclusiveEn(inclusive)} ${formatPercent(min)} needed)`,
    [0.2, 0.3, true],
  ),
  shortfallMetShare: message(
    (share: number, min: number, inclusive: boolean) =>
      `tỷ lệ chỉ tiêu đạt ${formatPercent(share)} (cần ${inclusiveVi(inclusive)} ${formatPercent(min)})`,
    (share, min, inclusive) => `met share ${formatPercent(share)} (${inclusiveEn(inclusive)} ${formatPercent(min)} needed)`,
    [0.4, 0.5, false],
  ),
  shortfallNotAllMet: message(
    (notMet: number) => `còn ${notMet} chỉ tiêu không đạt`,
    (notMet) => `${indicatorsEn(notMet)} still not met`,
    [3],
  ),

  capExceeded: message(
    (subject: string, level: Level, capSubject: string, cap: Level) =>
      `Không thể xếp ${subject} mức "${LEVEL_NAMES[level]}": cao hơn mức của ${capSubject} ("${LEVEL_NAMES[cap]}").`,
    (subject, level, capSubject, cap) => `Cannot rate ${subject} "${levelEn(level)}": above the level of ${capSubject} ("${levelEn(cap)}").`,
    [SUBJECT_NAMES.head, "excellent", SUBJECT_NAMES.unit, "good"],
  ),
  capMissing: message(
    (capSubject: string) =>
      `Chưa có xếp loại của ${capSubject}: cần xếp loại ${capSubject} trước khi xếp loại người đứng đầu (tập thể trước, cá nhân sau).`,
    (capSubject) => `No level yet for ${capSubject}: rate ${capSubject} before the head (the collective first, then the person).`,
    [SUBJECT_NAMES.unit],
  ),
});
