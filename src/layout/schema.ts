import { DATE_FIELD_NAMES, type Disqualifier, type ExcellenceQuestion } from "../domain";

/**
 * Names the workbook is built from and read by: sheets, tables, column headers and defined
 * names. Headers are matched by text (NFC, trimmed, case-insensitive), never by position.
 */

export const SHEETS = {
  catalogue: "Danh mục",
  rules: "Quy tắc",
  unit: "Chỉ tiêu",
  criteria: "Tiêu chí chung",
  /** The signed year-end document, generated from the unit table (docs/developer-guide.md, "The printed document"). */
  print: "Bản in",
  /** The actuals as of each quarter or month (issue 16 §2), "Theo dõi n" for unit n of a shared workbook. */
  followUp: "Theo dõi",
} as const;

export const TABLES = {
  catalogue: "tblDanhMuc",
  unit: "tblChiTieu",
  criteria: "tblTieuChiChung",
} as const;

/** The unit table's columns in their default order, keyed by the engine's field names. */
export const UNIT_COLUMNS = [
  { key: "code", header: "Mã", width: 7 },
  { key: "group", header: "Nhóm", width: 7 },
  { key: "name", header: "Chỉ tiêu", width: 46 },
  { key: "unit", header: "Đơn vị tính", width: 11 },
  { key: "direction", header: "Chiều", width: 11 },
  { key: "key", header: "Chủ yếu", width: 8 },
  { key: "weight", header: "Trọng số", width: 9 },
  { key: "target", header: "Kế hoạch", width: 12 },
  { key: "actual", header: "Thực hiện", width: 12 },
  { key: "achievement", header: "Tỷ lệ đạt", width: 11 },
  { key: "status", header: "Đánh giá", width: 16 },
  // Optional (QĐ 366 Art. 11): "Có" marks an indicator late; a sheet made before it has no such column.
  { key: "late", header: "Chậm tiến độ", width: 9 },
  // Optional: a milestone done after its due date is late (QĐ 366 Art. 11); sheets made before have neither.
  { key: "due", header: DATE_FIELD_NAMES.due, width: 11 },
  { key: "done", header: DATE_FIELD_NAMES.done, width: 11 },
  { key: "note", header: "Ghi chú", width: 22 },
  // Optional: the competent level's results score, replacing the product default for its row
  // (docs/rules.md §2); last, so the columns of a sheet made before it keep their letters.
  { key: "score", header: "Điểm kết quả (cấp có thẩm quyền)", width: 14 },
] as const;

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]["key"];

/** Columns the add-in computes; all others are typed by people. */
export const COMPUTED_COLUMNS: readonly ("achievement" | "status")[] = ["achievement", "status"];

/** Columns an indicator row needs to be evaluated. */
export const REQUIRED_COLUMNS: readonly UnitColumnKey[] = [
  "code",
  "direction",
  "key",
  "weight",
  "target",
  "actual",
  "achievement",
  "status",
];

export const CATALOGUE_COLUMNS = [
  { key: "code", header: "Mã", width: 7 },
  { key: "group", header: "Nhóm", width: 7 },
  { key: "groupName", header: "Tên nhóm", width: 30 },
  { key: "name", header: "Chỉ tiêu", width: 60 },
  { key: "unit", header: "Đơn vị tính", width: 12 },
  { key: "direction", header: "Chiều", width: 11 },
  { key: "key", header: "Chủ yếu", width: 9 },
  { key: "weight", header: "Trọng số", width: 9 },
] as const;

export type CatalogueColumnKey = (typeof CATALOGUE_COLUMNS)[number]["key"];

/** The common-criteria table's columns (Hải Phòng QĐ 212/2025 scoring sheet), keyed by CriterionInput's fields. */
export const CRITERIA_COLUMNS = [
  { key: "code", header: "TT", width: 6 },
  { key: "text", header: "Tiêu chí", width: 52 },
  { key: "maxPoints", header: "Điểm tối đa", width: 10 },
  { key: "self", header: "Tự chấm", width: 10 },
  { key: "superior", header: "Quản lý trực tiếp", width: 12 },
  { key: "competent", header: "Cấp có thẩm quyền", width: 12 },
] as const;

export type CriteriaColumnKey = (typeof CRITERIA_COLUMNS)[number]["key"];

/** Workbook-scoped names of the common-criteria sheet's totals, check and score. */
export const CRITERIA_NAMES = {
  maxTotal: "TieuChiChungToiDa",
  selfTotal: "TieuChiChungTuCham",
  superiorTotal: "TieuChiChungQuanLy",
  competentTotal: "TieuChiChungThamQuyen",
  check: "TieuChiChungKiemTra",
  /** The common score for the unit sheet: the competent total, "" while provisional, or the invalid text. */
  score: "TieuChiChungTong",
} as const;

/** Workbook-scoped names of the unit sheet's cells. */
export const NAMES = {
  superiorBody: "CoQuanCapTren",
  issuingBody: "CoQuanBanHanh",
  placeDate: "DiaDanhNgayThang",
  unitName: "TenDonVi",
  unitKind: "LoaiDonVi",
  /** The province's group of subjects the unit was assigned in ("Giám đốc sở"): only in files made by an assignment. */
  groupName: "NhomDoiTuong",
  head: "NguoiDungDau",
  year: "NamDanhGia",
  count: "SoChiTieu",
  met: "SoDat",
  exceeded: "SoVuot",
  notMet: "SoKhongDat",
  pending: "SoChuaCoSoLieu",
  errors: "SoLoiSoLieu",
  /** Indicators late (QĐ 366 Art. 11): marked Có, or milestones done after their due date. */
  late: "SoChamTienDo",
  metShare: "TyLeDat",
  exceededShare: "TyLeVuot",
  keyNotMet: "SoChuYeuKhongDat",
  resultPoints: "DiemKetQua",
  commonScore: "DiemTieuChiChung",
  points: "TongDiem",
  suggestedLevel: "XepLoaiDeXuat",
  /** The highest level still reachable while figures are pending (docs/rules.md §2). */
  ceilingLevel: "XepLoaiToiDa",
  provisional: "TamTinh",
  unitLevel: "XepLoaiDonVi",
  /** The head's level as a civil servant: caps their level as a Party member (optional). */
  civilServantLevel: "XepLoaiCongChuc",
  /** Disqualifying conditions (NĐ 335/2025, QĐ 366): "Có" makes the level incomplete. */
  degradation: "SuyThoai",
  sanction: "KyLuat",
  corruption: "ThamNhungLangPhi",
  /** The two further conditions of excellent (QĐ 366 Art. 11): blank is not answered. */
  disciplineBelow: "KyLuatCapDuoi",
  shortcomingsRemedied: "KhacPhucHanChe",
  finalLevel: "XepLoaiCuoiCung",
  capCheck: "KiemTraXepLoai",
  /** Beside a task register: the cap the optional task rule sets on the head's level (issue 9 §3), blank when none. */
  taskCap: "MucTranDotPha",
  signerTitle: "ChucDanhKy",
  signerPosition: "ChucVuKy",
  signerName: "NguoiKy",
  /** On the print sheet: the number line ("Số 12-BC/HU") and the recipients ("Nơi nhận"). */
  documentNumber: "SoKyHieu",
  recipients: "NoiNhan",
  levelList: "DanhSachXepLoai",
} as const;

/** The named cell of each disqualifying condition on the unit sheet. */
export const DISQUALIFIER_CELL_NAMES: Readonly<Record<Disqualifier, string>> = {
  degradation: NAMES.degradation,
  sanction: NAMES.sanction,
  corruption: NAMES.corruption,
};

/** The named cell of each excellence question on the unit sheet. */
export const EXCELLENCE_CELL_NAMES: Readonly<Record<ExcellenceQuestion, string>> = {
  disciplineBelow: NAMES.disciplineBelow,
  shortcomingsRemedied: NAMES.shortcomingsRemedied,
};

/** Names of the rules sheet's threshold cells, with the RuleSet field each holds. */
export const RULE_NAMES = {
  preset: "BoQuyTac",
  usesPoints: "DungDiem",
  resultMaxPoints: "DiemKetQuaToiDa",
  commonMaxPoints: "DiemChungToiDa",
  excellentMinPoints: "DiemXuatSac",
  excellentExceededShare: "TyLeVuotXuatSac",
  excellentExceededInclusive: "TyLeVuotXuatSacBaoGom",
  goodMinPoints: "DiemTot",
  completeMinPoints: "DiemHoanThanh",
  completeMetShare: "TyLeDatHoanThanh",
  completeMetInclusive: "TyLeDatHoanThanhBaoGom",
  incompleteBelowMetShare: "TyLeDatKhongHoanThanh",
  keyIndicatorDecides: "ChuYeuQuyetDinh",
  quotaShare: "HanMucXuatSac",
  quotaShareExceptional: "HanMucXuatSacDacBiet",
  quotaBase: "CoSoHanMuc",
  completeLateShare: "TyLeChamTienDoHoanThanh",
  excellenceAnswers: "DieuKienXuatSacBoSung",
} as const;

export type RuleNameKey = keyof typeof RULE_NAMES;

/** Header block and signature texts, filled in by the user (print view). */
export interface DocumentHeader {
  readonly superiorBody: string;
  readonly issuingBody: string;
  /** The number and symbol printed after "Số", e.g. "12-BC/HU". */
  readonly number: string;
  readonly placeDate: string;
  readonly signerTitle: string;
  readonly signerPosition: string;
  readonly signerName: string;
  /** "Nơi nhận", one recipient a line. */
  readonly recipients: string;
}

export const PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM";

/** The year-end table's title; the sheet builds it with a formula from the same two parts. */
export const TITLE_PARTS = { beforeYear: "KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ NĂM ", beforeUnit: " CỦA " } as const;

export function tableTitle(year: number | null, unitName: string): string {
  return `${TITLE_PARTS.beforeYear}${year ?? "..."}${TITLE_PARTS.beforeUnit}${unitName.toLocaleUpperCase("vi") || "..."}`;
}
export const FONT = "Times New Roman";
