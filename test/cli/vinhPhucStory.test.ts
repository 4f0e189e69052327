/**
 * The Vĩnh Phúc 2021 story end to end (issue 16 "Done when"): the standing committee assigns three
 * groups of subjects from one province workbook — 9 districts/cities (4 groups, 18 indicators, one
 * with an extra indicator of its own), 13 provincial bodies and mass organisations, 6 department
 * directors, each group with its own catalogue — the units type their figures (a mid-year
 * snapshot, then the year), the committee consolidates mid-year and at year end, the province's
 * total of new members is 2.100 / 2.000 = 105,00 % (Tam Đảo 115 %, Sông Lô 109 %), the year is
 * compared with 2020 and the results are published.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { DEFAULT_CATALOGUE, ruleSet, type Catalogue, type UnitKind } from "../../src/domain";
import { assignmentSheet } from "../../src/layout/province";
import { SHEETS } from "../../src/layout/schema";
import { rulesSheet, rulesSheetNames } from "../../src/layout/unit";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { typeFigures, type SnapshotFigures } from "../support/followUpFiles";
import { writeUnitFile } from "../support/unitFiles";
import { tempDirs } from "../support/tempDirs";

jest.setTimeout(120_000);

const newDir = tempDirs("chitieu-vinh-phuc-");

/** Targets and actuals of new Party members (1.1): 2.000 assigned, 2.100 admitted. */
const DISTRICTS: readonly [name: string, target: number, actual: number][] = [
  ["Vĩnh Yên", 200, 205],
  ["Phúc Yên", 150, 155],
  ["Bình Xuyên", 250, 260],
  ["Tam Dương", 200, 206],
  ["Tam Đảo", 200, 230],
  ["Lập Thạch", 250, 258],
  ["Sông Lô", 200, 218],
  ["Vĩnh Tường", 300, 310],
  ["Yên Lạc", 250, 258],
];
const BODIES = [
  "Văn phòng Tỉnh ủy",
  "Ban Tổ chức Tỉnh ủy",
  "Ban Tuyên giáo Tỉnh ủy",
  "Ban Dân vận Tỉnh ủy",
  "Ban Nội chính Tỉnh ủy",
  "Ủy ban Kiểm tra Tỉnh ủy",
  "Đảng ủy Khối các cơ quan tỉnh",
  "Đảng ủy Khối doanh nghiệp tỉnh",
  "Ủy ban MTTQ Việt Nam tỉnh",
  "Tỉnh đoàn",
  "Hội Liên hiệp Phụ nữ tỉnh",
  "Hội Nông dân tỉnh",
  "Liên đoàn Lao động tỉnh",
];
const DIRECTORS = ["Sở Nội vụ", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giáo dục và Đào tạo"];

const indicator = (code: string, name: string, unit: string, direction: "increase" | "decrease" | "milestone") => ({ code, group: code.split(".")[0], name, unit, direction, key: false, weight: 1 });

/** The districts' catalogue, with Vĩnh Yên's own indicator (3.8) after it. */
const DISTRICT_CATALOGUE: Catalogue = {
  groups: DEFAULT_CATALOGUE.groups,
  indicators: [...DEFAULT_CATALOGUE.indicators, indicator("3.8", "Số doanh nghiệp thành lập mới", "doanh nghiệp", "increase")],
};
const BODY_CATALOGUE: Catalogue = {
  groups: [
    { code: "1", name: "Tham mưu, giúp việc" },
    { code: "2", name: "Xây dựng tổ chức" },
  ],
  indicators: [
    indicator("1.1", "Đề án, văn bản tham mưu được ban hành", "văn bản", "increase"),
    indicator("1.2", "Tỷ lệ nhiệm vụ hoàn thành đúng hạn", "%", "increase"),
    indicator("2.1", "Kết nạp đoàn viên, hội viên mới", "người", "increase"),
    indicator("2.2", "Hoàn thành sắp xếp tổ chức bộ máy", "", "milestone"),
    indicator("2.3", "Đơn thư tồn đọng", "vụ", "decrease"),
  ],
};
const DIRECTOR_CATALOGUE: Catalogue = {
  groups: [{ code: "1", name: "Nhiệm vụ của ngành" }],
  indicators: [
    indicator("1.1", "Tỷ lệ giải ngân vốn đầu tư công của ngành", "%", "increase"),
    indicator("1.2", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", "increase"),
    indicator("1.3", "Thu ngân sách do ngành quản lý", "tỷ đồng", "increase"),
    indicator("1.4", "Hoàn thành chuyển đổi số của ngành", "", "milestone"),
  ],
};

/** The target of a code for a unit: the seed's 1.1 for the districts, round figures elsewhere. */
function target(code: string, unit: string, catalogue: Catalogue): number | string {
  const district = DISTRICTS.find(([name]) => name === unit);
  if (catalogue === DISTRICT_CATALOGUE && code === "1.1" && district) return district[1];
  const ind = catalogue.indicators.find((i) => i.code === code);
  if (ind?.direction === "milestone") return "Đạt";
  if (ind?.unit === "%") return 90;
  return ind?.direction === "decrease" ? 10 : 100;
}

interface Group {
  readonly name: string;
  readonly kind: UnitKind;
  readonly units: readonly string[];
  readonly catalogue: Catalogue;
}

const GROUPS: readonly Group[] = [
  { name: "Huyện, thành phố", kind: "district", units: DISTRICTS.map(([name]) => name), catalogue: DISTRICT_CATALOGUE },
  { name: "Cơ quan tham mưu, Mặt trận và đoàn thể tỉnh", kind: "massOrganisation", units: BODIES, catalogue: BODY_CATALOGUE },
  { name: "Giám đốc sở", kind: "department", units: DIRECTORS, catalogue: DIRECTOR_CATALOGUE },
];

/** The province workbook as the committee's office fills it in: three assignment sheets and the 2021 rules (nd90-2020). */
async function provinceWorkbook(file: string): Promise<void> {
  const sheets = GROUPS.map((g, i) =>
    assignmentSheet({
      index: i + 1,
      group: g.name,
      year: 2021,
      catalogue: g.catalogue,
      indicators: g.catalogue.indicators.map((ind) => ({
        code: ind.code,
        additive: ind.direction !== "milestone" && ind.unit !== "%",
        scope: ind.code === "3.8" ? ("own" as const) : ("all" as const),
        provinceTarget: g.kind === "district" && ind.code === "1.1" ? 2000 : null,
      })),
      units: g.units.map((name) => ({ name, head: `Người đứng đầu ${name}`, kind: g.kind })),
      targets: new Map(
        g.units.map((unit) => [
          unit,
          new Map(g.catalogue.indicators.filter((ind) => ind.code !== "3.8" || unit === "Vĩnh Yên").map((ind) => [ind.code, target(ind.code, unit, g.catalogue)] as const)),
        ]),
      ),
    }),
  );
  writeFileSync(file, await writeXlsx({ sheets: [...sheets, rulesSheet(ruleSet("nd90-2020"))], names: rulesSheetNames().map((n) => ({ ...n, sheet: SHEETS.rules })) }));
}

/**
 * A unit's figures at a share of the year: on its due figure everywhere; at year end Tam Đảo
 * exceeds every count and rate (its excellent year), one body leaves its backlog of petitions, and
 * the districts' new members are the seed's.
 */
function figures(g: Group, unit: string, share: number): SnapshotFigures {
  return Object.fromEntries(
    g.catalogue.indicators
      .filter((ind) => ind.code !== "3.8" || unit === "Vĩnh Yên")
      .map((ind) => {
        const t = target(ind.code, unit, g.catalogue);
        if (ind.direction === "milestone") return [ind.code, share === 1 ? "Đạt" : ""];
        const district = DISTRICTS.find(([name]) => name === unit);
        if (g.kind === "district" && ind.code === "1.1" && district) return [ind.code, Math.round(district[2] * share)];
        const exceeds = unit === "Tam Đảo" && share === 1;
        if (ind.unit === "%") return [ind.code, exceeds ? (ind.direction === "decrease" ? 85 : 95) : Number(t)];
        if (ind.direction === "decrease") return [ind.code, unit === "Hội Nông dân tỉnh" && share === 1 ? 12 : Number(t) * share];
        return [ind.code, exceeds ? 110 : Number(t) * share];
      }),
  );
}

test("Vĩnh Phúc 2021: assigned from one workbook, followed up, consolidated mid-year and at year end, 2.100/2.000 = 105,00 %, compared with 2020, published", async () => {
  const dir = newDir();
  const province = join(dir, "tinh-vinh-phuc-2021.xlsx");
  await provinceWorkbook(province);

  // 1. Assign: one unit workbook per unit, the province's sum check of new members holds (2.000).
  const out = join(dir, "don-vi");
  const assigned = await run(["assign", province, "-o", out, "--json"]);
  expect(assigned.exitCode).toBe(0);
  const assignment = JSON.parse(assigned.stdout);
  expect(assignment.problems).toEqual([]);
  expect(assignment.units).toHaveLength(28);
  const count = (group: string) => assignment.units.filter((u: { group: string }) => u.group === group).map((u: { indicators: number }) => u.indicators);
  expect(count("Huyện, thành phố")).toEqual([19, 18, 18, 18, 18, 18, 18, 18, 18]); // Vĩnh Yên's own 3.8
  expect(count("Cơ quan tham mưu, Mặt trận và đoàn thể tỉnh")).toEqual(Array(13).fill(5));
  expect(count("Giám đốc sở")).toEqual(Array(6).fill(4));
  const fileOf = (unit: string) => join(out, `${unit}.xlsx`);

  // 2. Mid-year: the districts type their second-quarter snapshot; the committee's provisional comparison.
  const districts = GROUPS[0];
  for (const unit of districts.units) await typeFigures(fileOf(unit), { periods: { 1: figures(districts, unit, 0.5) } });
  const rules = ["--rules", province];
  const midYear = await run(["consolidate", out, ...rules, "--quarter", "2", "-o", join(dir, "quy-2-2021.xlsx"), "--json"]);
  expect(midYear.exitCode).toBe(1); // bodies and directors have no snapshot yet: named
  const q2 = JSON.parse(midYear.stdout);
  expect(q2.asOf).toEqual({ date: "2021-06-30", quarter: 2, provisional: true });
  const q2Districts = q2.units.filter((u: { kind: string }) => u.kind === "district");
  expect(q2Districts.map((u: { snapshot: string }) => u.snapshot)).toEqual(Array(9).fill("2021-06-30"));
  expect(q2.units.filter((u: { snapshot: string | null }) => u.snapshot === null)).toHaveLength(19);
  expect(q2.units.every((u: { provisional: boolean }) => u.provisional)).toBe(true);
  // Half the year's new members were due by 30/06: 1.051 admitted (half of each year's, rounded) of 1.000 due.
  expect(q2.totals.find((t: { group: string; code: string }) => t.group === "district" && t.code === "1.1")).toMatchObject({ target: 1000, actual: 1051, achievement: 1.051 });

  // 3. Year end: every unit types its year's actuals (the districts their fourth quarter too).
  for (const g of GROUPS) {
    for (const unit of g.units) {
      const year = figures(g, unit, 1);
      await typeFigures(fileOf(unit), { actuals: year, ...(g.kind === "district" ? { periods: { 3: year } } : {}) });
    }
  }
  // Last year's district files, for the comparison with 2020.
  const previous = newDir();
  for (const [i, [unit]] of DISTRICTS.entries()) await writeUnitFile(previous, `${unit}.xlsx`, { unit, kind: "district", year: 2020, result: i % 4 === 0 ? "excellent" : "good" });

  const output = join(dir, "tong-hop-2021.xlsx");
  const yearEnd = await run(["consolidate", out, ...rules, "--previous", previous, "-o", output, "--json"]);
  expect(yearEnd.exitCode).toBe(0);
  const json = JSON.parse(yearEnd.stdout);
  expect(json.asOf).toBeUndefined();
  expect(json.rejected).toEqual([]);
  // Groups in the order of their first file (by name); each its own catalogue.
  const groups = Object.fromEntries(json.groups.map((g: { group: string; units: string[]; indicators: string[] }) => [g.group, [g.units.length, g.indicators.length]]));
  expect(groups).toEqual({ district: [9, 18], massOrganisation: [13, 5], department: [6, 4] });
  // The province's total of new members: Σ actual / Σ target over its districts.
  const members = json.totals.find((t: { group: string; code: string }) => t.group === "district" && t.code === "1.1");
  expect(members).toMatchObject({ target: 2000, actual: 2100, achievement: 1.05, pending: [] });
  const level = (unit: string) => json.units.find((u: { unit: string }) => u.unit === unit);
  expect(level("Tam Đảo")).toMatchObject({ level: "excellent", publishedLevel: "excellent", rank: 1 });
  expect(level("Sông Lô")).toMatchObject({ level: "good", publishedLevel: "good" });
  expect(level("Hội Nông dân tỉnh")).toMatchObject({ level: "complete" });
  expect(level("Sở Nội vụ")).toMatchObject({ level: "good" });
  // Compared with 2020: every district found, Tam Đảo's rank change computed.
  expect(json.previous.year).toBe(2020);
  expect(json.previous.changes.find((c: { unit: string }) => c.unit === "Tam Đảo")).toMatchObject({ rank: 1, previousRank: expect.any(Number) });

  // The workbook: the province's report line, last year beside this year, the public table.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
  const values = (sheet: string) => (book.getWorksheet(sheet) as ExcelJS.Worksheet).getSheetValues().flat().map((v) => String(v ?? ""));
  expect(values("Tổng của tỉnh")).toContain("2.100/2.000 = 105,00 %");
  expect(book.getWorksheet("So với năm trước")).toBeDefined();
  const published = values("Công khai");
  for (const unit of [...DISTRICTS.map(([name]) => name), ...BODIES, ...DIRECTORS]) expect(published).toContain(unit);
  expect(published).not.toContain("TẠM TÍNH");
});
