/**
 * The words of the domain as the workbook and the sentences name them (levels, unit kinds, statuses,
 * fields, directions, disqualifying conditions, …): the catalogue's sections of names, and the fixed
 * words a cell takes.
 */
import type { Disqualifier, ExcellenceQuestion } from "../levels";
import { defineMessages, text, type CatalogueText } from "./localize";
import type { DateField, Level, Status, UnitKind } from "../types";

export const LEVEL_NAMES: Readonly<Record<Level, string>> = defineMessages("level", {
  excellent: text("Hoàn thành xuất sắc nhiệm vụ", "Excellent"),
  good: text("Hoàn thành tốt nhiệm vụ", "Good"),
  complete: text("Hoàn thành nhiệm vụ", "Complete"),
  incomplete: text("Không hoàn thành nhiệm vụ", "Incomplete"),
});

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
  late: "Chậm tiến độ",
  due: "Hạn hoàn thành",
  done: "Ngày hoàn thành",
  commonScore: "Điểm tiêu chí chung",
  degradation: "Suy thoái",
  sanction: "Kỷ luật",
  corruption: "Tham nhũng, lãng phí",
};

/** The unit kinds as the sheet writes them. */
export const UNIT_KIND_NAMES: Readonly<Record<UnitKind, CatalogueText>> = defineMessages("unitKind", {
  commune: text("xã, phường", "commune, ward"),
  district: text("huyện, thị xã, thành phố", "district, town, city"),
  department: text("sở, ban, ngành", "department, board, agency"),
  massOrganisation: text("đoàn thể", "mass organisation"),
});

export const DIRECTION_NAMES = { increase: "Tăng", decrease: "Giảm", milestone: "Đạt/Không" } as const;

/** The disqualifying conditions as the unit sheet and the reasons name them. */
export const DISQUALIFIER_NAMES: Readonly<Record<Disqualifier, string>> = defineMessages("disqualifier", {
  degradation: text(
    "Suy thoái về tư tưởng chính trị, đạo đức, lối sống đã được cấp có thẩm quyền kết luận",
    "Degradation in political ideology, ethics or lifestyle, as concluded by the competent authority",
  ),
  sanction: text(
    "Bị xử lý kỷ luật (từ khiển trách trở lên) trong năm đánh giá",
    "Disciplined (reprimand or above) in the year evaluated",
  ),
  corruption: text(
    "Để xảy ra tham nhũng, lãng phí ở cơ quan, đơn vị do mình trực tiếp quản lý và đã bị xử lý",
    "Let corruption or waste happen, and be dealt with, in the body or unit under one's direct management",
  ),
});

/** The two further conditions of excellent (QĐ 366 Art. 11), as the unit sheet asks them. */
export const EXCELLENCE_QUESTION_NAMES: Readonly<Record<ExcellenceQuestion, string>> = defineMessages("excellenceQuestion", {
  disciplineBelow: text(
    "Có đơn vị trực thuộc trực tiếp hoặc thành viên tập thể lãnh đạo bị kỷ luật trong năm",
    "A directly subordinate unit or a member of the leadership collective was disciplined in the year",
  ),
  shortcomingsRemedied: text(
    "Đã khắc phục 100% hạn chế, khuyết điểm được chỉ ra ở kỳ đánh giá trước",
    "Every shortcoming pointed out at earlier evaluations has been remedied",
  ),
});

/** A milestone's two dates (QĐ 366 Art. 11: done after its due date is late), as the unit sheet heads them. */
export const DATE_FIELD_NAMES: Readonly<Record<DateField, string>> = defineMessages("dateField", {
  due: text("Hạn hoàn thành", "Due date"),
  done: text("Ngày hoàn thành", "Completion date"),
});

/** The answers the disqualifying-condition cells take (blank reads as "Không"). */
export const YES_NO = { yes: "Có", no: "Không" } as const;

/** Whose level caps whose, as the refusals name them. */
export const SUBJECT_NAMES = defineMessages("subject", {
  head: text("người đứng đầu", "the head"),
  unit: text("tập thể, đơn vị", "the collective or unit"),
  civilServant: text("người đứng đầu với tư cách công chức", "the head as a civil servant"),
});
