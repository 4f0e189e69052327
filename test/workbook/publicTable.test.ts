import { LEVEL_NAMES, type ConsolidatedUnit } from "../../src/domain";
import { PUBLIC_HEADER_ROW, publicLevel, publicTableSheet } from "../../src/layout";

const unit = (over: Partial<ConsolidatedUnit>): ConsolidatedUnit => ({
  file: "a.xlsx", sheet: "Chỉ tiêu", problems: [], modified: "2025-12-20T00:00:00Z", unit: "Tam Đảo", kind: "district", year: 2025, indicators: [], points: 95,
  level: "excellent", provisional: false, finalLevel: null, quota: { share: 0.2, shareExceptional: 0.25, base: "good" },
  rank: 1, decidedLevel: "excellent", excellentKept: true, decision: "keep", ...over,
});

describe("the public table's level", () => {
  test("the final level where the committee set one, else the suggestion marked as such, or provisional", () => {
    expect(publicLevel(unit({ finalLevel: "good" }))).toBe(LEVEL_NAMES.good);
    expect(publicLevel(unit({}))).toBe(`${LEVEL_NAMES.excellent} (đề xuất)`);
    expect(publicLevel(unit({ provisional: true, level: "complete" }))).toBe(`${LEVEL_NAMES.complete} (tạm tính)`);
    expect(publicLevel(unit({ level: null, points: null }))).toBe("Chưa xác định");
  });

  test("TẠM TÍNH over the table only while a printed level is provisional; the header row repeats", () => {
    const c = (units: ConsolidatedUnit[]) => ({ year: 2025, indicators: [], units, rejected: [], quota: [], quotaBase: "good" as const });
    const mark = (units: ConsolidatedUnit[]) => publicTableSheet(c(units)).blocks.find((b) => b.at === "A7")?.cells[0][0];
    expect(mark([unit({ provisional: true })])).toEqual({ value: "TẠM TÍNH" });
    expect(mark([unit({ provisional: true, finalLevel: "good" })])).toEqual({ value: null });
    expect(publicTableSheet(c([unit({})])).print?.titleRows).toBe(`$${PUBLIC_HEADER_ROW}:$${PUBLIC_HEADER_ROW}`);
  });
});
