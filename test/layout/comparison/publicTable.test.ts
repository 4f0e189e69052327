import { LEVEL_NAMES, type ConsolidatedUnit } from "../../../src/domain";
import { PUBLIC_HEADER_ROW, publicLevel, publicTableSheet } from "../../../src/layout";

const unit = (over: Partial<ConsolidatedUnit>): ConsolidatedUnit => ({
  file: "a.xlsx", sheet: "Chỉ tiêu", modified: "2025-12-20T00:00:00Z", unit: "Tam Đảo", kind: "district", year: 2025, indicators: [], points: 95,
  level: "excellent", provisional: false, finalLevel: null, quota: { share: 0.2, shareExceptional: 0.25, base: "good" },
  rank: 1, countedLevel: "excellent", excellentKept: true, decision: "keep", publishedLevel: "excellent", problems: [], ...over,
});

describe("the public table's level", () => {
  test("the final level where the committee set one, else the suggestion marked as such, or provisional", () => {
    expect(publicLevel(unit({ finalLevel: "good", countedLevel: "good", decision: null, excellentKept: null, publishedLevel: "good" }))).toBe(LEVEL_NAMES.good);
    expect(publicLevel(unit({}))).toBe(`${LEVEL_NAMES.excellent} (đề xuất)`);
    const complete = { level: "complete", countedLevel: "complete", publishedLevel: "complete", decision: null, excellentKept: null } as const;
    expect(publicLevel(unit({ provisional: true, ...complete }))).toBe(`${LEVEL_NAMES.complete} (tạm tính)`);
    expect(publicLevel(unit({ level: null, points: null, countedLevel: null, publishedLevel: null, decision: null }))).toBe("Chưa xác định");
  });

  test("a level the quota lowers, or a tie at the cut, is never printed without saying so", () => {
    const lowered = unit({ finalLevel: "excellent", decision: "lower", excellentKept: false, publishedLevel: "good" });
    expect(publicLevel(lowered)).toBe(`${LEVEL_NAMES.good} – hạ từ xuất sắc theo hạn mức`);
    const tie = publicLevel(unit({ decision: "tie", excellentKept: null, publishedLevel: null }));
    expect(tie).toContain("Ban Thường vụ quyết định");
    expect(tie).not.toMatch(new RegExp(`^${LEVEL_NAMES.excellent}( \\(|$)`));
  });

  test("TẠM TÍNH over the table only while a printed level is provisional; the header row repeats", () => {
    const c = (units: ConsolidatedUnit[]) => ({ year: 2025, indicators: [], units, rejected: [], quota: [], quotaBase: "good" as const, groups: [], totals: [] });
    const mark = (units: ConsolidatedUnit[]) => publicTableSheet(c(units)).blocks.find((b) => b.at === "A7")?.cells[0][0];
    expect(mark([unit({ provisional: true })])).toEqual({ value: "TẠM TÍNH" });
    expect(mark([unit({ provisional: true, finalLevel: "good" })])).toEqual({ value: null });
    expect(publicTableSheet(c([unit({})])).print?.titleRows).toBe(`$${PUBLIC_HEADER_ROW}:$${PUBLIC_HEADER_ROW}`);
  });
});
