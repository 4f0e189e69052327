import { consolidate, consolidationResult, MAX_GROUP_NAME, type Level, type Rejection, type UnitKind, type UnitSummary } from "../../src/domain";
import { render } from "../../src/domain/messages/localize";
import { READ_MESSAGES } from "../../src/domain/messages/unitFile";

/** Rejections with their reasons as the Vietnamese sheet and JSON word them. */
const vi = (rejected: readonly Rejection[]) => rejected.map((r) => ({ ...r, reason: render(r.reason, "vi") }));

const INDICATORS = [
  { code: "1.1", group: "1", name: "Kết nạp đảng viên", direction: "increase", achievement: 1.1, status: "exceeded" },
  { code: "3.5", group: "3", name: "Tỷ lệ hộ nghèo", direction: "decrease", achievement: 1, status: "met" },
] as const;

function unit(name: string, o: { kind?: UnitKind | null; groupName?: string; year?: number; points?: number | null; level?: Level | null; finalLevel?: Level | null; indicators?: UnitSummary["indicators"] } = {}): UnitSummary {
  return {
    file: `${name}.xlsx`,
    sheet: "Chỉ tiêu",
    modified: "2025-12-20T03:00:00.000Z",
    unit: name,
    kind: o.kind === undefined ? "commune" : o.kind,
    ...(o.groupName === undefined ? {} : { groupName: o.groupName }),
    year: o.year ?? 2025,
    indicators: o.indicators ?? INDICATORS,
    points: o.points === undefined ? 80 : o.points,
    level: o.level === undefined ? "good" : o.level,
    provisional: false,
    finalLevel: o.finalLevel ?? null,
    problems: [],
    quota: { share: 0.2, shareExceptional: 0.25, base: "good" },
  };
}

const goods = (n: number, kind: UnitKind = "commune") => Array.from({ length: n }, (_, i) => unit(`Tốt ${kind} ${i + 1}`, { kind, points: 75 }));

describe("which files are comparable", () => {
  test("the majority year wins even against the first file; the others are rejected by name", () => {
    const c = consolidate([unit("A", { year: 2024 }), unit("B"), unit("C")], []);
    expect(c.year).toBe(2025);
    expect(c.units.map((u) => u.unit)).toEqual(["B", "C"]);
    expect(vi(c.rejected)).toEqual([{ file: "A.xlsx", reason: "năm đánh giá 2024, khác năm 2025 của các tệp còn lại." }]);
  });
  test("a tie between years goes to the earliest file's year", () => {
    const c = consolidate([unit("A", { year: 2024 }), unit("B")], []);
    expect(c.year).toBe(2024);
    expect(c.rejected.map((r) => r.file)).toEqual(["B.xlsx"]);
  });
  test("the year asked for (last year's, beside this year's) wins over the majority; the others name both years", () => {
    const c = consolidate([unit("A", { year: 2025 }), unit("B", { year: 2025 }), unit("C", { year: 2024 })], [], new Set(), 2024);
    expect(c.year).toBe(2024);
    expect(c.units.map((u) => u.unit)).toEqual(["C"]);
    expect(vi(c.rejected)).toEqual(["A", "B"].map((u) => ({ file: `${u}.xlsx`, reason: "năm đánh giá 2025, không phải năm 2024 cần so sánh." })));
  });
  test("another catalogue (a code missing or added, a direction changed) is rejected with what differs", () => {
    const turned = INDICATORS.map((i) => (i.code === "3.5" ? { ...i, direction: "increase" } : i));
    const c = consolidate(
      [unit("A"), unit("B", { indicators: turned }), unit("C", { indicators: [INDICATORS[0], { ...INDICATORS[1], code: "3.6" }] }), unit("D")],
      [],
    );
    expect(c.units.map((u) => u.unit)).toEqual(["A", "D"]);
    expect(vi(c.rejected)).toEqual([
      { file: "B.xlsx", reason: "danh mục chỉ tiêu khác danh mục của các tệp còn lại (chiều của chỉ tiêu 3.5 khác)." },
      { file: "C.xlsx", reason: "danh mục chỉ tiêu khác danh mục của các tệp còn lại (thiếu mã 3.5; thêm mã 3.6)." },
    ]);
  });
  test("the order of indicators is not a different catalogue", () => {
    const c = consolidate([unit("A"), unit("B", { indicators: [...INDICATORS].reverse() })], []);
    expect(c.rejected).toEqual([]);
  });
  test("the same unit twice keeps the first file (names compared as text keys)", () => {
    const c = consolidate([unit("Tam Đảo"), { ...unit(" tam đảo "), file: "copy.xlsx" }], []);
    expect(c.units.map((u) => u.file)).toEqual(["Tam Đảo.xlsx"]);
    expect(vi(c.rejected)).toEqual([{ file: "copy.xlsx", reason: 'đơn vị " tam đảo " đã có trong tệp Tam Đảo.xlsx.' }]);
  });
  test("nothing readable: no year, no units, no quota; earlier rejections are kept", () => {
    const c = consolidate([], [{ file: "x.xlsx", reason: READ_MESSAGES.unreadable.of() }]);
    expect(c).toMatchObject({ year: null, units: [], quota: [], indicators: [], rejected: [{ file: "x.xlsx" }] });
  });
});

describe("rank and quota per unit kind", () => {
  test("ranks are per kind, by points within a level, equal keys share a rank; no points after those with points; neither level nor points, no rank", () => {
    const c = consolidate(
      [unit("A", { points: 90 }), unit("B", { points: 95 }), unit("C", { points: 90 }), unit("D", { points: null }), unit("E", { kind: "department", points: 50 }), unit("F", { points: null, level: null })],
      [],
    );
    expect(Object.fromEntries(c.units.map((u) => [u.unit, u.rank]))).toEqual({ A: 2, B: 1, C: 2, D: 4, E: 1, F: null });
  });
  test("20 % of those rated good: who keeps excellent by points, who is lowered, per kind", () => {
    const c = consolidate(
      [
        ...goods(10),
        unit("X1", { level: "excellent", points: 96 }),
        unit("X2", { level: "excellent", points: 94 }),
        unit("X3", { level: "excellent", points: 92 }),
        ...goods(5, "department"),
        unit("S1", { kind: "department", level: "excellent", points: 91 }),
      ],
      [],
    );
    expect(c.quota).toEqual([
      { kind: "commune", share: 0.2, base: 11, allowed: 2, excellent: 3, tieAtCut: false },
      { kind: "department", share: 0.2, base: 5, allowed: 1, excellent: 1, tieAtCut: false },
    ]);
    const decided = Object.fromEntries(c.units.filter((u) => u.decision).map((u) => [u.unit, [u.excellentKept, u.decision]]));
    expect(decided).toEqual({ X1: [true, "keep"], X2: [true, "keep"], X3: [false, "lower"], S1: [true, "keep"] });
  });
  test("equal points at the cut are a tie for the committee, whatever the names: neither kept nor lowered, nor published", () => {
    const c = consolidate([...goods(5), unit("Bình", { level: "excellent", points: 93 }), unit("An", { level: "excellent", points: 93 })], []);
    expect(c.quota[0]).toMatchObject({ allowed: 1, tieAtCut: true });
    const decided = Object.fromEntries(c.units.filter((u) => u.decision).map((u) => [u.unit, [u.excellentKept, u.decision, u.publishedLevel]]));
    expect(decided).toEqual({ An: [null, "tie", null], Bình: [null, "tie", null] });
    // Tied units share a rank, before every unit rated good.
    expect(c.units.filter((u) => u.decision === "tie").map((u) => u.rank)).toEqual([1, 1]);
    expect(c.units.filter((u) => u.countedLevel === "good").every((u) => u.rank === 3)).toBe(true);
  });
  test("3 proposed excellent and 9 good at 20 %: the final result counts the lowered one, so 2 keep excellent", () => {
    const c = consolidate([...goods(9), unit("X1", { level: "excellent", points: 96 }), unit("X2", { level: "excellent", points: 94 }), unit("X3", { level: "excellent", points: 92 })], []);
    expect(c.quota).toEqual([{ kind: "commune", share: 0.2, base: 10, allowed: 2, excellent: 3, tieAtCut: false }]);
    const published = Object.fromEntries(c.units.filter((u) => u.decision).map((u) => [u.unit, [u.decision, u.excellentKept, u.publishedLevel]]));
    expect(published).toEqual({ X1: ["keep", true, "excellent"], X2: ["keep", true, "excellent"], X3: ["lower", false, "good"] });
  });
  test("ranked by the published level, then points: an incomplete or disqualified unit ranks after every unit that completed", () => {
    const c = consolidate(
      [
        unit("Kept", { level: "excellent", points: 93 }),
        unit("Lowered", { level: "excellent", points: 92 }),
        unit("Good", { level: "good", points: 94 }),
        unit("Disqualified", { level: "incomplete", points: 97 }),
        unit("Complete", { level: "complete", points: 60 }),
        unit("Unrated", { level: null, points: null }),
        ...goods(3),
      ],
      [],
    );
    expect(c.quota[0]).toMatchObject({ allowed: 1 });
    const rank = Object.fromEntries(c.units.map((u) => [u.unit, u.rank]));
    expect(rank).toMatchObject({ Kept: 1, Good: 2, Lowered: 3, Complete: 7, Disqualified: 8, Unrated: null });
  });
  test("the final level counts where set; 25 % for a kind marked exceptional", () => {
    const units = [
      ...goods(4),
      unit("Lowered", { level: "excellent", points: 99, finalLevel: "good" }),
      unit("Raised", { level: "good", points: 91, finalLevel: "excellent" }),
    ];
    const normal = consolidate(units, []);
    expect(normal.quota[0]).toMatchObject({ base: 5, allowed: 1, excellent: 1 });
    expect(normal.units.find((u) => u.unit === "Raised")).toMatchObject({ decision: "keep", publishedLevel: "excellent", problems: [] });
    expect(normal.units.find((u) => u.unit === "Raised")).toMatchObject({ countedLevel: "excellent", excellentKept: true });
    expect(normal.units.find((u) => u.unit === "Lowered")).toMatchObject({ countedLevel: "good", excellentKept: null });
    const four = consolidate(units.slice(1), [], new Set(["commune"]));
    expect(four.quota[0]).toMatchObject({ share: 0.25, base: 4, allowed: 1 });
    expect(consolidate(units.slice(1), []).quota[0]).toMatchObject({ share: 0.2, allowed: 0, base: 5 });
  });
});

describe("the groups' names (the province's groups of subjects)", () => {
  const names = (c: ReturnType<typeof consolidate>) => Object.fromEntries(c.groups.map((g) => [g.kind, g.name]));
  test("the name most of a kind's files carry, whatever the first file says; the kind's name where none carries one; the JSON names it beside the kind", () => {
    const c = consolidate(
      [
        unit("A", { kind: "department", groupName: "Sở, ngành" }),
        unit("B", { kind: "department", groupName: "Giám đốc sở" }),
        unit("C", { kind: "department" }),
        unit("D", { kind: "department", groupName: "giám đốc  sở" }),
        unit("E", { kind: "commune" }),
        unit("F", { kind: null }),
      ],
      [],
    );
    // "giám đốc  sở" is "Giám đốc sở" as a text key: two files against one; spelt as the earliest of the two.
    expect(names(c)).toEqual({ department: "Giám đốc sở", commune: "xã, phường", null: "(chưa ghi loại)" });
    expect(consolidationResult(c).groups.map((g) => [g.group, g.name])).toEqual([
      ["department", "Giám đốc sở"],
      ["commune", "xã, phường"],
      [null, "(chưa ghi loại)"],
    ]);
  });
  test("a tie between names goes to the earliest file's; a rejected file's name does not count", () => {
    const c = consolidate(
      [
        unit("A", { groupName: "Xã, phường khu vực I", year: 2024 }),
        unit("B", { groupName: "Xã, phường khu vực II" }),
        unit("C", { groupName: "Xã, phường khu vực III" }),
        unit("D", { groupName: "Xã, phường khu vực III" }),
        unit("E", { groupName: "Xã, phường khu vực II" }),
      ],
      [],
    );
    expect(names(c)).toEqual({ commune: "Xã, phường khu vực II" });
  });
  test("a cell too long to be a group's name (over MAX_GROUP_NAME) is not published: the kind's name instead", () => {
    const longest = "Khối ".repeat(20).trim().padEnd(MAX_GROUP_NAME, "x");
    const c = consolidate([unit("A", { kind: "department", groupName: longest + "y" }), unit("B", { kind: "commune", groupName: longest })], []);
    expect(names(c)).toEqual({ department: "sở, ban, ngành", commune: longest });
    // Counted in characters however typed: decomposed, "Khối" is 6 code units but 4 characters.
    const decomposed = longest.normalize("NFD");
    expect(decomposed.length).toBeGreaterThan(MAX_GROUP_NAME);
    expect(names(consolidate([unit("C", { kind: "commune", groupName: decomposed })], []))).toEqual({ commune: longest });
  });
  test("two kinds under one province name are told apart by their kinds' names, so no page merges them", () => {
    const c = consolidate([unit("A", { kind: "department", groupName: "Khối cơ quan tỉnh" }), unit("B", { kind: "massOrganisation", groupName: "khối cơ quan tỉnh" })], []);
    expect(names(c)).toEqual({ department: "Khối cơ quan tỉnh (sở, ban, ngành)", massOrganisation: "khối cơ quan tỉnh (đoàn thể)" });
  });
});
