import type { Catalogue, Direction, Group, Indicator } from "./types";

/**
 * The default catalogue: a realistic sample of 18 indicators in 4 groups built
 * from published district and commune targets. A province replaces it in the catalogue sheet.
 */

const GROUPS: readonly Group[] = [
  { code: "1", name: "Xây dựng Đảng" },
  { code: "2", name: "Xây dựng hệ thống chính trị" },
  { code: "3", name: "Phát triển kinh tế - xã hội" },
  { code: "4", name: "Quốc phòng, an ninh, trật tự" },
];

type Row = readonly [code: string, name: string, unit: string, direction: Direction, key?: "key"];

const ROWS: readonly Row[] = [
  ["1.1", "Kết nạp đảng viên mới", "người", "increase"],
  ["1.2", "Thành lập tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước", "tổ chức", "increase"],
  ["1.3", "Tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên", "%", "increase"],
  ["1.4", "Tỷ lệ đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên", "%", "increase"],
  ["2.1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", "%", "increase"],
  ["2.2", "Chỉ số hài lòng của người dân về phục vụ hành chính", "%", "increase"],
  ["2.3", "Tỷ lệ tập hợp đoàn viên, hội viên vào các tổ chức chính trị - xã hội", "%", "increase"],
  ["2.4", "Số vụ khiếu kiện đông người, vượt cấp", "vụ", "decrease"],
  ["3.1", "Tốc độ tăng trưởng kinh tế", "%", "increase", "key"],
  ["3.2", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "increase", "key"],
  ["3.3", "Tỷ lệ giải ngân vốn đầu tư công", "%", "increase", "key"],
  ["3.4", "Thu nhập bình quân đầu người", "triệu đồng", "increase", "key"],
  ["3.5", "Tỷ lệ hộ nghèo", "%", "decrease", "key"],
  ["3.6", "Số xã đạt chuẩn nông thôn mới", "xã", "increase"],
  ["3.7", "Tỷ lệ trường học đạt chuẩn quốc gia", "%", "increase"],
  ["4.1", "Hoàn thành 100% chỉ tiêu giao quân", "", "milestone"],
  ["4.2", "Tỷ lệ điều tra, khám phá án hình sự", "%", "increase"],
  ["4.3", "Số vụ tai nạn giao thông", "vụ", "decrease"],
];

const INDICATORS: readonly Indicator[] = ROWS.map(([code, name, unit, direction, key]) => ({
  code,
  group: code.split(".")[0],
  name,
  unit,
  direction,
  key: key === "key",
  weight: 1,
}));

export const DEFAULT_CATALOGUE: Catalogue = { groups: GROUPS, indicators: INDICATORS };
