import { formatPoints } from "../format";
import { defineMessages, message, text } from "./localize";
import { LEVEL_NAMES } from "./names";

/** Why consolidation rejects a file, and the quota decision as the comparison sheet words it. */
export const CONSOLIDATION_MESSAGES = {
  ...defineMessages("consolidation", {
    otherYear: message(
      (year: number, majority: number) => `năm đánh giá ${year}, khác năm ${majority} của các tệp còn lại.`,
      (year, majority) => `evaluation year ${year}, not the year ${majority} of the other files.`,
      [2024, 2025],
    ),
    otherCatalogue: message(
      (differences: readonly string[]) => `danh mục chỉ tiêu khác danh mục của các tệp còn lại (${differences.join("; ")}).`,
      (differences) => `the indicator catalogue differs from the other files' (${differences.join("; ")}).`,
      [["3.5"]],
    ),
    notThatYear: message(
      (year: number, wanted: number) => `năm đánh giá ${year}, không phải năm ${wanted} cần so sánh.`,
      (year, wanted) => `evaluation year ${year}, not the year ${wanted} to compare with.`,
      [2025, 2024],
    ),
    duplicate: message(
      (unit: string, file: string) => `đơn vị "${unit}" đã có trong tệp ${file}.`,
      (unit, file) => `the unit "${unit}" is already in the file ${file}.`,
      ["Xã An Hòa", "01.xlsx"],
    ),
    missingCodes: message(
      (codes: readonly string[]) => `thiếu mã ${codes.join(", ")}`,
      (codes) => `codes ${codes.join(", ")} missing`,
      [["3.5"]],
    ),
    extraCodes: message(
      (codes: readonly string[]) => `thêm mã ${codes.join(", ")}`,
      (codes) => `extra codes ${codes.join(", ")}`,
      [["3.6"]],
    ),
    otherDirection: message(
      (code: string) => `chiều của chỉ tiêu ${code} khác`,
      (code) => `the direction of indicator ${code} differs`,
      ["3.5"],
    ),
    repeatedCode: text("một mã chỉ tiêu lặp lại số lần khác", "an indicator code is repeated a different number of times"),
    noKind: text("(chưa ghi loại)", "(no kind given)"),
    /** Two kinds under one province name, told apart by the kind's name after it. */
    groupWithKind: message((name: string, kind: string) => `${name} (${kind})`, (name, kind) => `${name} (${kind})`, ["Group 1", "(kind)"]),
  }),
  decision: {
    keep: "Giữ mức xuất sắc (trong hạn mức).",
    lower: `Vượt hạn mức: phải hạ xuống "${LEVEL_NAMES.good}".`,
    tie: (points: number | null) =>
      `Bằng điểm (${points === null ? "chưa có điểm" : formatPoints(points)}) ở ngưỡng hạn mức: Ban Thường vụ quyết định.`,
  },
} as const;
