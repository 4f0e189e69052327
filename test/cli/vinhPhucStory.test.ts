/**
 * The Vĩnh Phúc 2021 story end to end (issue 16 "Done when"): the standing committee assigns three
 * groups of subjects from one province workbook — 9 districts/cities (4 groups, 18 indicators, one
 * with an extra indicator of its own), 13 provincial bodies and mass organisations, 6 department
 * directors, each group with its own catalogue — the units type their figures (a mid-year
 * snapshot, then the year), the committee consolidates mid-year and at year end, the province's
 * total of new members is 2.100 / 2.000 = 105,00 % (Tam Đảo 115 %, Sông Lô 109 %), the year is
 * compared with 2020 and the results are published.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { typeFigures } from "../support/followUpFiles";
import { writeUnitFile } from "../support/unitFiles";
import { tempDirs } from "../support/tempDirs";
import { BODIES, DIRECTORS, DISTRICTS, figures, GROUPS, provinceWorkbook } from "../support/vinhPhuc";

jest.setTimeout(120_000);

const newDir = tempDirs("chitieu-vinh-phuc-");

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
  const groups = Object.fromEntries(json.groups.map((g: { group: string; name: string; units: string[]; indicators: string[] }) => [g.group, [g.name, g.units.length, g.indicators.length]]));
  // Each under the name the province gave its group of subjects, which every unit's file carries.
  expect(groups).toEqual({ district: ["Huyện, thành phố", 9, 18], massOrganisation: ["Cơ quan tham mưu, Mặt trận và đoàn thể tỉnh", 13, 5], department: ["Giám đốc sở", 6, 4] });
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
  // Each group's row names its own indicator: 1.1 is new members for the districts, drafted documents for the bodies.
  // Each group's heading row (its name merged across the table) above its indicators' rows: [group, code, indicator] per row.
  const totalsRows: string[][] = [];
  let heading = "";
  for (const row of (book.getWorksheet("Tổng của tỉnh") as ExcelJS.Worksheet).getSheetValues()) {
    const [first, second] = Array.isArray(row) ? row.slice(1, 3).map((v) => String(v ?? "")) : ["", ""];
    if (first !== "" && first === second) heading = first;
    else totalsRows.push([heading, first, second]);
  }
  expect(totalsRows.filter(([, code]) => code === "1.1")).toEqual([
    ["Cơ quan tham mưu, Mặt trận và đoàn thể tỉnh", "1.1", "Đề án, văn bản tham mưu được ban hành"],
    ["Huyện, thành phố", "1.1", "Kết nạp đảng viên mới"],
    ["Giám đốc sở", "1.1", "Tỷ lệ giải ngân vốn đầu tư công của ngành"],
  ]);
  // The other published pages name the province's groups too, never the kinds the files also record.
  const column = (sheet: string, letter: string) => (book.getWorksheet(sheet) as ExcelJS.Worksheet).getColumn(letter).values.map((v) => String(v ?? ""));
  // In the order of their first files: "Ban Tổ chức Tỉnh ủy.xlsx" first.
  const [bodies, districtsName, directors] = [GROUPS[1].name, GROUPS[0].name, GROUPS[2].name];
  const groupNames = [bodies, districtsName, directors];
  // Hạn mức: the quota per group, then Tam Đảo's decision (the one excellent), and the levels per group beside.
  expect(column("Hạn mức", "A").filter((v) => groupNames.includes(v))).toEqual([...groupNames, districtsName]);
  expect(column("Hạn mức", "I").filter((v) => groupNames.includes(v))).toEqual(groupNames);
  const previousYear = values("So với năm trước");
  for (const name of groupNames) expect(previousYear).toContain(name);
  for (const sheet of ["So sánh", "Hạn mức", "Tổng của tỉnh", "So với năm trước", "Công khai"]) {
    for (const kind of ["đoàn thể", "huyện, thị xã, thành phố", "sở, ban, ngành"]) expect(values(sheet)).not.toContain(kind);
  }
  // So sánh: each group's 1.1 under its own name; Tam Đảo's new members under the districts' 1.1 only.
  const comparison = book.getWorksheet("So sánh") as ExcelJS.Worksheet;
  const headerRow = (comparison.getRow(5).values as unknown[]).map((v) => String(v ?? ""));
  const columnOf = (title: string) => headerRow.indexOf(title);
  const [newMembers, documents] = [columnOf("1.1. Kết nạp đảng viên mới"), columnOf("1.1. Đề án, văn bản tham mưu được ban hành")];
  expect(newMembers).toBeGreaterThan(0);
  expect(documents).toBeGreaterThan(0);
  expect(new Set(headerRow.filter((title) => title.startsWith("1.1. "))).size).toBe(3);
  const tamDao = (comparison.getSheetValues() as unknown[][]).find((row) => Array.isArray(row) && row[2] === "Tam Đảo") as unknown[];
  expect([tamDao[newMembers], tamDao[newMembers + 1], tamDao[documents], tamDao[documents + 1]]).toEqual([200, 230, undefined, undefined]);
  // Its total rows under each group's name: the rows the totals' formulas count are the group's own.
  const totalRows = (comparison.getSheetValues() as unknown[][]).filter((row) => Array.isArray(row) && row[2] === "Tổng của tỉnh").map((row) => row[3]);
  expect(totalRows).toEqual(groupNames);
  expect((comparison.getSheetValues() as unknown[][]).filter((row) => Array.isArray(row) && row[3] === directors)).toHaveLength(7);
  const published = values("Công khai");
  const headings = ((book.getWorksheet("Công khai") as ExcelJS.Worksheet).getSheetValues() as unknown[][]).filter((row) => Array.isArray(row) && /^[IVX]+\.$/.test(String(row[1])));
  expect(headings.map((row) => [row[1], row[2]])).toEqual([["I.", bodies], ["II.", districtsName], ["III.", directors]]);
  for (const unit of [...DISTRICTS.map(([name]) => name), ...BODIES, ...DIRECTORS]) expect(published).toContain(unit);
  expect(published).not.toContain("TẠM TÍNH");
});
