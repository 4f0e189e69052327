import { defineMessages, text } from "./localize";

/** The method in words: the same sentence on Quy tắc, Hạn mức, in docs/rules.md and the pane. */
export const QUOTA_MESSAGES = defineMessages("quota", {
  method: text(
    "Hạn mức tính trên kết quả cuối cùng: đơn vị bị hạ từ xuất sắc xuống Hoàn thành tốt được tính vào cơ sở. " +
      "Số được giữ xuất sắc là số k lớn nhất thỏa k ≤ tỷ lệ × (số Hoàn thành tốt + số bị hạ), hoặc k ≤ tỷ lệ × số Hoàn thành tốt trở lên " +
      "nếu ô CoSoHanMuc là goodOrBetter; tính đúng bằng số nguyên, không sai số làm tròn (3 đề xuất xuất sắc, 9 Hoàn thành tốt, tỷ lệ 20 %: 2 giữ xuất sắc). " +
      "Giữ xuất sắc theo điểm từ cao xuống; các đơn vị bằng điểm ở ngưỡng là bằng điểm: Ban Thường vụ quyết định, không xếp theo tên.",
    "The quota is counted on the final result: units lowered from excellent to good join the base. " +
      "The number kept excellent is the largest k with k ≤ share × (good + lowered), or k ≤ share × good or better " +
      "where CoSoHanMuc is goodOrBetter; counted exactly in integers, no rounding error (3 proposed excellent, 9 good, 20 %: 2 keep excellent). " +
      "Excellent is kept by points, highest first; units with equal points at the cut are a tie: the standing committee decides, never the order of names.",
  ),
});
