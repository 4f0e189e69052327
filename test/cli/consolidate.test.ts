import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { DEFAULT_CATALOGUE, LEVEL_NAMES } from "../../src/domain";
import { NAMES, summaryCells } from "../../src/layout";
import { TOTALS_HEADER_ROW } from "../../src/layout/comparison";
import { unitFileBytes, writeUnitFile } from "../support/unitFiles";
import { tempDirs } from "../support/tempDirs";

const freshDir = tempDirs("chitieu-consolidate-");

interface Json {
  units: {
    file: string;
    unit: string;
    kind: string | null;
    year: number;
    points: number | null;
    level: string | null;
    finalLevel: string | null;
    rank: number | null;
    countedLevel: string | null;
    decision: "keep" | "lower" | "tie" | null;
    excellentKept: boolean | null;
    publishedLevel: string | null;
    problems: { cell?: string; message: string }[];
  }[];
  rejected: { file: string; reason: string; reasonId: string }[];
  quota: { kind: string | null; base: number; allowed: number; excellent: number; tieAtCut: boolean }[];
  groups: { group: string | null; name: string; indicators: string[]; units: string[]; quota: object | null }[];
  totals: { group: string | null; code: string }[];
}

async function consolidateJson(inputs: string[], output: string, extra: string[] = []): Promise<{ json: Json; exitCode: number }> {
  const result = await run(["consolidate", ...inputs, "-o", output, "--json", ...extra]);
  return { json: JSON.parse(result.stdout) as Json, exitCode: result.exitCode };
}

/** A unit file changed as a person would, through ExcelJS. */
async function editedFile(dir: string, file: string, unit: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await unitFileBytes({ unit, kind: "commune" })) as unknown as ArrayBuffer);
  edit(wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet);
  const path = join(dir, file);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

describe("chitieu consolidate: each file validated and named, the rest consolidated", () => {
  let dir: string;
  let result: { json: Json; exitCode: number };
  const output = () => join(dir, "tong-hop.xlsx");
  beforeAll(async () => {
    dir = freshDir();
    await writeUnitFile(dir, "01-an-hoa.xlsx", { unit: "An Hòa", kind: "commune", result: "excellent", common: 28 });
    await writeUnitFile(dir, "02-binh-minh.xlsx", { unit: "Bình Minh", kind: "commune", result: "good", common: 22 });
    await writeUnitFile(dir, "03-so-tai-chinh.xlsx", { unit: "Sở Tài chính", kind: "department", result: "good", common: 20 });
    await writeUnitFile(dir, "04-nam-khac.xlsx", { unit: "Cẩm Khê", kind: "commune", year: 2024 });
    const flipped = { ...DEFAULT_CATALOGUE, indicators: DEFAULT_CATALOGUE.indicators.map((i) => (i.code === "3.5" ? { ...i, direction: "increase" as const } : i)) };
    await writeUnitFile(dir, "05-danh-muc-khac.xlsx", { unit: "Đoan Hùng", kind: "commune", catalogue: flipped });
    await writeUnitFile(dir, "06-trung.xlsx", { unit: "an hòa", kind: "commune" });
    // The table's last row is 7 + the number of indicators.
    const points = summaryCells(7 + DEFAULT_CATALOGUE.indicators.length).find((c) => c.name === NAMES.points)?.address as string;
    await editedFile(dir, "07-ghi-de.xlsx", "Hạ Hòa", (ws) => {
      ws.getCell("J8").value = 1.5;
      ws.getCell(points).value = 99;
    });
    writeFileSync(join(dir, "08-mat-khau.xlsx"), Buffer.concat([Buffer.from("D0CF11E0A1B11AE1", "hex"), Buffer.alloc(512)]));
    writeFileSync(join(dir, "09-hong.xlsx"), "không phải tệp Excel");
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "Bảng khác";
    writeFileSync(join(dir, "10-bang-khac.xlsx"), Buffer.from(await plain.xlsx.writeBuffer()));
    writeFileSync(join(dir, "~$01-an-hoa.xlsx"), "Excel lock file");
    writeFileSync(join(dir, "ghi-chu.txt"), "not a workbook");
    result = await consolidateJson([dir, join(dir, "khong-co.xlsx")], output());
  });

  test("exit 1 when some were rejected, and the workbook is still written", () => {
    expect(result.exitCode).toBe(1);
    expect(existsSync(output())).toBe(true);
  });

  test("the JSON contract: units, rejected and quota, levels as in evaluate", () => {
    expect(Object.keys(result.json)).toEqual(["units", "rejected", "quota", "groups", "totals"]);
    expect(result.json.units).toEqual([
      {
        file: join(dir, "01-an-hoa.xlsx"), unit: "An Hòa", kind: "commune", year: 2025, points: 98, level: "excellent", finalLevel: null, rank: 1,
        countedLevel: "excellent", decision: "lower", excellentKept: false, publishedLevel: "good", problems: [],
      },
      {
        file: join(dir, "02-binh-minh.xlsx"), unit: "Bình Minh", kind: "commune", year: 2025, points: 92, level: "good", finalLevel: null, rank: 2,
        countedLevel: "good", decision: null, excellentKept: null, publishedLevel: "good", problems: [],
      },
      {
        file: join(dir, "03-so-tai-chinh.xlsx"), unit: "Sở Tài chính", kind: "department", year: 2025, points: 90, level: "good", finalLevel: null, rank: 1,
        countedLevel: "good", decision: null, excellentKept: null, publishedLevel: "good", problems: [],
      },
    ]);
    // The base is the final result's: Bình Minh and An Hòa once lowered. Files made before the group name (or not by an assignment): each group is its kind.
    expect(result.json.quota).toEqual([
      { kind: "commune", base: 2, allowed: 0, excellent: 1, tieAtCut: false },
      { kind: "department", base: 1, allowed: 0, excellent: 0, tieAtCut: false },
    ]);
    const codes = DEFAULT_CATALOGUE.indicators.map((i) => i.code);
    expect(result.json.groups).toEqual([
      { group: "commune", name: "xã, phường", label: { id: "unitKind.commune", params: [] }, indicators: codes, units: ["An Hòa", "Bình Minh"], quota: { base: 2, allowed: 0, excellent: 1, tieAtCut: false } },
      { group: "department", name: "sở, ban, ngành", label: { id: "unitKind.department", params: [] }, indicators: codes, units: ["Sở Tài chính"], quota: { base: 1, allowed: 0, excellent: 0, tieAtCut: false } },
    ]);
  });

  test("province totals per group: Σ actual / Σ target where the indicator adds up, the spread for rates", () => {
    const total = (group: string, code: string) => result.json.totals.find((t) => t.group === group && t.code === code);
    expect(total("commune", "1.1")).toEqual({ group: "commune", code: "1.1", target: 200, actual: 210, achievement: 1.05, spread: null, pending: [] });
    const rate = DEFAULT_CATALOGUE.indicators.find((i) => i.unit === "%" && i.direction === "increase")?.code as string;
    expect(total("commune", rate)).toEqual({ group: "commune", code: rate, target: null, actual: null, achievement: null, spread: { min: 1, median: 1.05, max: 1.1 }, pending: [] });
    expect(total("department", "1.1")).toMatchObject({ target: 100, actual: 100, achievement: 1 });
    // A milestone done ("Đạt" in the cell) counts as done, never as a unit still without its figure.
    const milestone = DEFAULT_CATALOGUE.indicators.find((i) => i.direction === "milestone")?.code as string;
    expect(total("commune", milestone)).toMatchObject({ spread: { min: 1, median: 1, max: 1 }, pending: [] });
  });

  test("Tổng của tỉnh prints the province's result as it is reported: 210/200 = 105,00 %", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Tổng của tỉnh") as ExcelJS.Worksheet;
    // The group's heading row, then its indicators.
    expect(ws.getCell(TOTALS_HEADER_ROW + 1, 1).value).toBe("xã, phường");
    expect([1, 3, 4, 5, 6, 7].map((c) => ws.getCell(TOTALS_HEADER_ROW + 2, c).value)).toEqual(["1.1", "người", 200, 210, 1.05, "210/200 = 105,00 %"]);
    const rate = TOTALS_HEADER_ROW + 2 + DEFAULT_CATALOGUE.indicators.findIndex((i) => i.unit === "%" && i.direction === "increase");
    expect(ws.getCell(rate, 8).value).toBe("100,00 % – 105,00 % – 110,00 %");
  });

  test("every rejected file is named with its reason; lock files and other extensions are skipped", () => {
    const reasons = Object.fromEntries(result.json.rejected.map((r) => [r.file.replace(`${dir}/`, ""), r.reason]));
    expect(Object.keys(reasons)).toEqual([
      join(dir, "khong-co.xlsx").replace(`${dir}/`, ""),
      "04-nam-khac.xlsx",
      "05-danh-muc-khac.xlsx",
      "06-trung.xlsx",
      "07-ghi-de.xlsx",
      "08-mat-khau.xlsx",
      "09-hong.xlsx",
      "10-bang-khac.xlsx",
    ]);
    expect(reasons["khong-co.xlsx"]).toContain("không có tệp hay thư mục");
    expect(reasons["04-nam-khac.xlsx"]).toBe("năm đánh giá 2024, khác năm 2025 của các tệp còn lại.");
    // Beside each Vietnamese reason, the id of its message in the catalogue.
    expect(result.json.rejected.find((r) => r.file.endsWith("04-nam-khac.xlsx"))?.reasonId).toBe("consolidation.otherYear");
    expect(reasons["05-danh-muc-khac.xlsx"]).toBe("danh mục chỉ tiêu khác danh mục của các tệp còn lại (chiều của chỉ tiêu 3.5 khác).");
    expect(reasons["06-trung.xlsx"]).toBe(`đơn vị "an hòa" đã có trong tệp ${join(dir, "01-an-hoa.xlsx")}.`);
    expect(reasons["07-ghi-de.xlsx"]).toContain("công thức bị thay bằng giá trị");
    expect(reasons["07-ghi-de.xlsx"]).toContain("J8 (1.1) ghi 150,00 %, tính lại 100,00 %");
    expect(reasons["07-ghi-de.xlsx"]).toMatch(/TongDiem \([A-Z]+\d+\) ghi 99, tính lại 95/);
    expect(reasons["08-mat-khau.xlsx"]).toContain("đặt mật khẩu");
    expect(reasons["09-hong.xlsx"]).toContain("không phải tệp Excel (.xlsx) hợp lệ");
    expect(reasons["10-bang-khac.xlsx"]).toBe("không phải sổ Chỉ Tiêu (không có bảng tblChiTieu đọc được).");
  });

  test("So sánh: units × indicators by group, with points, levels, rank, quota decision, source file and time", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["So sánh", "Hạn mức", "Tổng của tỉnh", "Công khai"]);
    const ws = wb.getWorksheet("So sánh") as ExcelJS.Worksheet;
    const text = (address: string) => ws.getCell(address).value;
    expect(text("A1")).toBe("SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2025");
    expect(text("A2")).toEqual(expect.stringContaining("Tổng hợp từ 3 tệp lúc"));
    expect(["A4", "B4", "D4", "E4", "F4", "G4", "H4", "I4", "J4"].map(text)).toEqual([
      "TT", "Đơn vị", "Tổng điểm", "Xếp loại đề xuất", "Xếp loại cuối cùng", "Hạng trong loại", "Hạn mức xuất sắc", "Tệp nguồn", "Thời điểm số liệu",
    ]);
    expect(text("K4")).toBe("Nhóm 1");
    expect(text("K5")).toBe(`1.1. ${DEFAULT_CATALOGUE.indicators[0].name}`);
    expect(["K6", "L6", "M6", "N6"].map(text)).toEqual(["Kế hoạch", "Thực hiện", "Tỷ lệ đạt", "Đánh giá"]);
    const firstOfGroup2 = 10 + 4 * DEFAULT_CATALOGUE.indicators.filter((i) => i.group === "1").length + 1;
    expect(ws.getCell(4, firstOfGroup2).value).toBe("Nhóm 2");
    // Communes first (the first file's kind), best rank first.
    expect(["A7", "B7", "C7", "D7", "E7", "G7", "I7"].map(text)).toEqual([1, "An Hòa", "xã, phường", 98, LEVEL_NAMES.excellent, 1, join(dir, "01-an-hoa.xlsx")]);
    expect(text("H7")).toBe(`Vượt hạn mức: phải hạ xuống "${LEVEL_NAMES.good}".`);
    expect(text("J7")).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(["K7", "L7", "M7", "N7"].map(text)).toEqual([100, 110, 1.1, "Vượt"]);
    expect(["B8", "G8", "K8", "L8", "M8", "N8"].map(text)).toEqual(["Bình Minh", 2, 100, 100, 1, "Đạt"]);
    expect(["B9", "C9", "G9"].map(text)).toEqual(["Sở Tài chính", "sở, ban, ngành", 1]);
    expect(ws.getCell("M7").numFmt).toBe("0.00%");
    // Under the units, per group (unit kind) the province's total as formulas over the unit rows.
    expect(text("A11")).toBe("TỔNG CỦA TỈNH");
    expect(["B13", "C13", "B14", "C14"].map(text)).toEqual(["Tổng của tỉnh", "xã, phường", "Tổng của tỉnh", "sở, ban, ngành"]);
    const formulaOf = (address: string) => (ws.getCell(address).value as { formula: string }).formula;
    expect(formulaOf("K13")).toBe(
      'ROUND(SUMIFS($K$7:$K$9,$C$7:$C$9,$C13,$N$7:$N$9,"Vượt")+SUMIFS($K$7:$K$9,$C$7:$C$9,$C13,$N$7:$N$9,"Đạt")+SUMIFS($K$7:$K$9,$C$7:$C$9,$C13,$N$7:$N$9,"Không đạt"),6)',
    );
    expect(formulaOf("M13")).toMatch(/^IF\(COUNTIFS\(.*\)=0,"",ROUND\(L13\/K13,4\)\)$/);
    const rate = DEFAULT_CATALOGUE.indicators.findIndex((i) => i.unit === "%" && i.direction === "increase");
    expect([0, 1, 2].map((k) => ws.getCell(13, 11 + 4 * rate + k).value)).toEqual(["—", "—", "—"]);
    // The picture: a data bar in each achievement column, empty at 0 % and full at 200 %, the totals' too.
    const bars = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; cfvo?: { value: number }[] }[] }[] }).conditionalFormattings
      .filter((f) => f.rules.some((r) => r.type === "dataBar"));
    expect(bars.map((f) => f.ref)).toEqual(DEFAULT_CATALOGUE.indicators.map((_, i) => { const c = ws.getColumn(13 + 4 * i).letter; return `${c}7:${c}14`; }));
    expect(bars[0].rules[0].cfvo?.map((v) => v.value)).toEqual([0, 2]);
  });

  test("Công khai: units ranked within each kind, points and the level printed, no file or quota column", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Công khai") as ExcelJS.Worksheet;
    const rowValues = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(rowValues(8)).toEqual(["TT", "Đơn vị", "Tổng điểm", "Hạng", "Xếp loại"]);
    expect(rowValues(9).slice(0, 2)).toEqual(["I.", "Xã, phường"]);
    // The quota lowers An Hòa, and the page says so.
    expect(rowValues(10)).toEqual([1, "An Hòa", "98", 1, `${LEVEL_NAMES.good} (đề xuất) – hạ từ xuất sắc theo hạn mức`]);
    expect(rowValues(11)).toEqual([2, "Bình Minh", "92", 2, `${LEVEL_NAMES.good} (đề xuất)`]);
    expect(rowValues(12).slice(0, 2)).toEqual(["II.", "Sở, ban, ngành"]);
    expect(ws.pageSetup).toMatchObject({ orientation: "portrait", paperSize: 9, scale: 100, printTitlesRow: "8:8" });
  });

  test("Hạn mức: per kind the base, the share, how many may keep excellent; the decision per unit; the rejected files", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Hạn mức") as ExcelJS.Worksheet;
    const rowValues = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(rowValues(5).slice(0, 7)).toEqual(["xã, phường", 2, 2, 0.2, 0, 1, "Không"]);
    expect(rowValues(6).slice(0, 7)).toEqual(["sở, ban, ngành", 1, 1, 0.2, 0, 0, "Không"]);
    expect(rowValues(9)).toEqual(["xã, phường", "An Hòa", 98, 1, `Vượt hạn mức: phải hạ xuống "${LEVEL_NAMES.good}".`]);
    expect(rowValues(11)).toEqual(["Tệp không tổng hợp được", "Lý do"]);
    expect(rowValues(12)[0]).toBe(join(dir, "khong-co.xlsx"));
    expect(ws.rowCount).toBe(19);
    // Beside the quota, the levels per kind, with data bars on one scale.
    expect(rowValues(4).slice(8)).toEqual(["Loại đơn vị", LEVEL_NAMES.excellent, LEVEL_NAMES.good, LEVEL_NAMES.complete, LEVEL_NAMES.incomplete]);
    expect(rowValues(5).slice(8)).toEqual(["xã, phường", 1, 1, 0, 0]);
    expect(rowValues(6).slice(8)).toEqual(["sở, ban, ngành", 0, 1, 0, 0]);
    const bars = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; cfvo?: { value: number }[] }[] }[] }).conditionalFormattings
      .filter((f) => f.rules.some((r) => r.type === "dataBar"));
    expect(bars.map((f) => [f.ref, f.rules[0].cfvo?.map((v) => v.value)])).toEqual([["J5:M6", [0, 1]]]);
  });
});

describe("chitieu consolidate: exit codes and sizes", () => {
  test("0 files: exit 2, empty JSON, no workbook", async () => {
    const dir = freshDir();
    const { json, exitCode } = await consolidateJson([dir], join(dir, "out.xlsx"));
    expect(exitCode).toBe(2);
    expect(json).toEqual({ units: [], rejected: [], quota: [], groups: [], totals: [] });
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    expect((await run(["consolidate", "-o", join(dir, "out.xlsx")])).exitCode).toBe(2);
  });

  test("none usable: exit 2 with the reasons on stdout and no workbook", async () => {
    const dir = freshDir();
    writeFileSync(join(dir, "a.xlsx"), "rác");
    const result = await run(["consolidate", dir, "-o", join(dir, "out.xlsx")]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain("Không có tệp nào tổng hợp được");
    expect(result.stdout).toContain(`${join(dir, "a.xlsx")}: không phải tệp Excel (.xlsx) hợp lệ`);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
  });

  test("50 files, all consolidated: exit 0; the output inside the folder is not read back as a unit", async () => {
    const dir = freshDir();
    for (let i = 0; i < 50; i += 1) {
      await writeUnitFile(dir, `don-vi-${String(i).padStart(2, "0")}.xlsx`, { unit: `Xã ${i}`, kind: "commune", result: i < 12 ? "excellent" : "good", common: 20 + (i % 10) });
    }
    const output = join(dir, "tong-hop.xlsx");
    const first = await consolidateJson([dir], output);
    expect(first.exitCode).toBe(0);
    expect(first.json.units).toHaveLength(50);
    // 8 ≤ 20 % × (38 + 4 lowered); 9 > 20 % × (38 + 3).
    expect(first.json.quota).toEqual([{ kind: "commune", base: 42, allowed: 8, excellent: 12, tieAtCut: false }]);
    expect(first.json.units.filter((u) => u.excellentKept === true)).toHaveLength(8);
    const again = await consolidateJson([dir], output);
    expect(again.exitCode).toBe(0);
    expect(again.json.units).toHaveLength(50);
  }, 120_000);

  test("usage: -o is required, --exceptional takes unit kinds", async () => {
    await expect(run(["consolidate", freshDir()])).rejects.toThrow("Cần -o");
    await expect(run(["consolidate", freshDir(), "-o", "x.xlsx", "--exceptional", "province"])).rejects.toThrow('không nhận "province"');
  });

  test("--exceptional: 25 % for that kind", async () => {
    const dir = freshDir();
    for (let i = 0; i < 4; i += 1) await writeUnitFile(dir, `g${i}.xlsx`, { unit: `Tốt ${i}`, kind: "district", result: "good" });
    await writeUnitFile(dir, "x.xlsx", { unit: "Xuất sắc", kind: "district", result: "excellent", common: 28 });
    const normal = await consolidateJson([dir], join(dir, "a.xlsx"));
    expect(normal.json.quota).toEqual([{ kind: "district", base: 5, allowed: 0, excellent: 1, tieAtCut: false }]);
    const exceptional = await consolidateJson([dir], join(dir, "b.xlsx"), ["--exceptional", "district"]);
    expect(exceptional.json.quota).toEqual([{ kind: "district", base: 4, allowed: 1, excellent: 1, tieAtCut: false }]);
    expect(exceptional.json.units.find((u) => u.unit === "Xuất sắc")?.excellentKept).toBe(true);
  }, 60_000);

  test("a tie at the cut stays a tie in the JSON and on Công khai, whatever the names", async () => {
    const dir = freshDir();
    for (let i = 0; i < 4; i += 1) await writeUnitFile(dir, `g${i}.xlsx`, { unit: `Tốt ${i}`, kind: "district", result: "good" });
    await writeUnitFile(dir, "x1.xlsx", { unit: "Yên Lạc", kind: "district", result: "excellent", common: 28 });
    await writeUnitFile(dir, "x2.xlsx", { unit: "Bình Xuyên", kind: "district", result: "excellent", common: 28 });
    const output = join(dir, "out.xlsx");
    const { json } = await consolidateJson([dir], output);
    // 1 ≤ 20 % × (4 + 1 lowered): one of the two keeps excellent, the committee says which.
    expect(json.quota).toEqual([{ kind: "district", base: 5, allowed: 1, excellent: 2, tieAtCut: true }]);
    const tied = json.units.filter((u) => u.countedLevel === "excellent");
    expect(tied.map((u) => [u.unit, u.decision, u.excellentKept, u.publishedLevel, u.rank])).toEqual([
      ["Yên Lạc", "tie", null, null, 1],
      ["Bình Xuyên", "tie", null, null, 1],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const levels = (wb.getWorksheet("Công khai") as ExcelJS.Worksheet).getColumn(5).values.map(String);
    expect(levels.filter((v) => v.endsWith("Ban Thường vụ quyết định"))).toHaveLength(2);
    expect(levels.filter((v) => v.startsWith(LEVEL_NAMES.excellent + " ("))).toHaveLength(0);
  }, 60_000);
});

describe("chitieu consolidate: several groups and units' own indicators (issue 16 §3)", () => {
  test("each kind is a group with its own catalogue; an extra indicator of a unit's own is never a reason to reject it", async () => {
    const dir = freshDir();
    const own = { ...DEFAULT_CATALOGUE, indicators: [...DEFAULT_CATALOGUE.indicators, { ...DEFAULT_CATALOGUE.indicators[0], code: "5.1", name: "Chỉ tiêu riêng" }] };
    const departments = { ...DEFAULT_CATALOGUE, indicators: DEFAULT_CATALOGUE.indicators.slice(0, 5) };
    await writeUnitFile(dir, "01.xlsx", { unit: "Tam Đảo", kind: "district" });
    await writeUnitFile(dir, "02.xlsx", { unit: "Sông Lô", kind: "district", catalogue: own, result: "excellent" });
    await writeUnitFile(dir, "03.xlsx", { unit: "Vĩnh Yên", kind: "district" });
    await writeUnitFile(dir, "04.xlsx", { unit: "Sở Nội vụ", kind: "department", catalogue: departments });
    await writeUnitFile(dir, "05.xlsx", { unit: "Sở Tài chính", kind: "department", catalogue: departments });
    const { json, exitCode } = await consolidateJson([dir], join(dir, "tong-hop.xlsx"));
    expect(json.rejected).toEqual([]);
    expect(exitCode).toBe(0);
    expect(json.groups.map((g) => [g.group, g.indicators.length, g.units])).toEqual([
      ["district", 18, ["Tam Đảo", "Sông Lô", "Vĩnh Yên"]],
      ["department", 5, ["Sở Nội vụ", "Sở Tài chính"]],
    ]);
    expect(json.totals.find((t) => t.group === "district" && t.code === "1.1")).toMatchObject({ target: 300, actual: 310, achievement: 1.0333 });
    expect(json.totals.some((t) => t.code === "5.1")).toBe(false);
  });
});

describe("chitieu consolidate --previous (issue 16 §3)", () => {
  test("files that are not of the year before are refused, naming both years, and nothing is written", async () => {
    const now = freshDir();
    await writeUnitFile(now, "a.xlsx", { unit: "Tam Đảo", kind: "district", result: "good" });
    const output = join(freshDir(), "tong-hop.xlsx");
    // The same files given as last year's: "So với năm trước" would publish 2025 beside 2025.
    await expect(run(["consolidate", now, "-o", output, "--previous", now])).rejects.toThrow(
      `--previous: ${join(now, "a.xlsx")}: năm đánh giá 2025, không phải năm 2024 cần so sánh.`,
    );
    expect(existsSync(output)).toBe(false);
  });

  test("last year's files left out (another year, unreadable) are named in the report and the JSON; the rest is compared", async () => {
    const now = freshDir();
    await writeUnitFile(now, "a.xlsx", { unit: "Tam Đảo", kind: "district", result: "good" });
    const before = freshDir();
    await writeUnitFile(before, "a.xlsx", { unit: "Tam Đảo", kind: "district", year: 2024, result: "good" });
    await writeUnitFile(before, "b.xlsx", { unit: "Sông Lô", kind: "district", result: "good" });
    writeFileSync(join(before, "c.xlsx"), "không phải tệp Excel");
    const report = await run(["consolidate", now, "-o", join(freshDir(), "tong-hop.xlsx"), "--previous", before]);
    expect(report.stdout).toContain(
      `2 tệp của năm trước không được so sánh:\n- ${join(before, "b.xlsx")}: năm đánh giá 2025, không phải năm 2024 cần so sánh.\n- ${join(before, "c.xlsx")}: không phải tệp Excel (.xlsx) hợp lệ`,
    );
    const { json } = await consolidateJson([now], join(freshDir(), "tong-hop.xlsx"), ["--previous", before]);
    const previous = (json as unknown as { previous: { year: number; rejected: { file: string; reasonId: string }[] } }).previous;
    expect(previous.year).toBe(2024);
    expect(previous.rejected.map((r) => [r.file, r.reasonId])).toEqual([
      [join(before, "b.xlsx"), "consolidation.notThatYear"],
      [join(before, "c.xlsx"), expect.any(String)],
    ]);
  });

  test("several groups: a section per group under its name, each with its own catalogue's columns", async () => {
    const departments = { groups: [{ code: "1", name: "Nhiệm vụ của ngành" }], indicators: [1, 2, 3].map((n) => ({ code: `1.${n}`, group: "1", name: `Nhiệm vụ ${n} của ngành`, unit: "văn bản", direction: "increase" as const, key: false, weight: 1 })) };
    const before = freshDir();
    await writeUnitFile(before, "a.xlsx", { unit: "Tam Đảo", kind: "district", result: "good" });
    await writeUnitFile(before, "b.xlsx", { unit: "Sở Nội vụ", kind: "department", result: "good", catalogue: departments });
    const now = freshDir();
    await writeUnitFile(now, "a.xlsx", { unit: "Tam Đảo", kind: "district", year: 2026, result: "excellent", common: 28 });
    await writeUnitFile(now, "b.xlsx", { unit: "Sở Nội vụ", kind: "department", year: 2026, result: "excellent", catalogue: departments });
    const output = join(now, "tong-hop.xlsx");
    await consolidateJson([now], output, ["--previous", before]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("So với năm trước") as ExcelJS.Worksheet;
    const rows = (sheet.getSheetValues() as unknown[][]).map((row, r) => [r, ...(Array.isArray(row) ? row.slice(1).map((v) => (typeof v === "number" ? Math.round(v * 1e4) / 1e4 : v ?? null)) : [])]);
    const at = (text: string) => rows.filter((row) => row[1] === text).map((row) => row[0] as number);
    // The changes: each group's name, its header with its own codes, its unit (+10 % on every count).
    const [district, department] = [at("huyện, thị xã, thành phố")[0], at("sở, ban, ngành")[0]];
    expect(rows[district + 1].slice(6, 9)).toEqual(["1.1", "1.2", "1.3"]);
    expect(rows[district + 1]).toHaveLength(6 + 18);
    expect(rows[district + 2].slice(1, 7)).toEqual(["Tam Đảo", "huyện, thị xã, thành phố", 1, 1, 0, 0.1]);
    expect(rows[department + 1].slice(1)).toEqual(["Đơn vị", "Loại đơn vị", "Hạng năm nay", "Hạng năm trước", "Thay đổi hạng", "1.1", "1.2", "1.3"]);
    expect(rows[department + 2].slice(1)).toEqual(["Sở Nội vụ", "sở, ban, ngành", 1, 1, 0, 0.1, 0.1, 0.1]);
    // The picture repeats the sections: the department's 1.1 is its own, 100 % then 110 %.
    const pictureDepartment = at("sở, ban, ngành")[1];
    expect(pictureDepartment).toBeGreaterThan(department);
    expect(rows[pictureDepartment + 3].slice(1)).toEqual(["Sở Nội vụ", "sở, ban, ngành", 1, 1, 0, 1, 1.1, 1, 1.1, 1, 1.1]);
  });


  test("last year beside this year: the change in rank per unit and in achievement per indicator", async () => {
    const before = freshDir();
    // Both years under QĐ 366 (2025 on), so that both rank by points.
    await writeUnitFile(before, "a.xlsx", { unit: "Tam Đảo", kind: "district", result: "good", common: 20 });
    await writeUnitFile(before, "b.xlsx", { unit: "Sông Lô", kind: "district", result: "excellent", common: 28 });
    const now = freshDir();
    await writeUnitFile(now, "a.xlsx", { unit: "Tam Đảo", kind: "district", year: 2026, result: "excellent", common: 28 });
    await writeUnitFile(now, "b.xlsx", { unit: "Sông Lô", kind: "district", year: 2026, result: "good", common: 20 });
    await writeUnitFile(now, "c.xlsx", { unit: "Vĩnh Yên", kind: "district", year: 2026, result: "good", common: 10 });
    const output = join(now, "tong-hop.xlsx");
    const { json } = await consolidateJson([now], output, ["--previous", before]);
    const previous = (json as unknown as { previous: { year: number; changes: { unit: string; rank: number; previousRank: number | null; rankChange: number | null; achievementChange: Record<string, number | null> }[] } }).previous;
    expect(previous.year).toBe(2025);
    expect(previous.changes.map((c) => [c.unit, c.rank, c.previousRank, c.rankChange, c.achievementChange["1.1"]])).toEqual([
      ["Tam Đảo", 1, 2, 1, 0.1],
      ["Sông Lô", 2, 1, -1, -0.1],
      ["Vĩnh Yên", 3, null, null, null],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("So với năm trước") as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").value).toBe("SO SÁNH NĂM 2026 VỚI NĂM 2025");
    // The picture under the table (three units: rows 5–7, then a gap, its title, two header rows):
    // per indicator last year's and this year's achievement side by side, each with its bar.
    expect(sheet.getCell("A9").value).toBe("TỶ LỆ ĐẠT NĂM 2025 (XÁM) VÀ NĂM 2026 (XANH)");
    expect([sheet.getCell("F10").value, sheet.getCell("F11").value, sheet.getCell("G11").value]).toEqual(["1.1", "Năm 2025", "Năm 2026"]);
    const byUnit = new Map([12, 13, 14].map((row) => [sheet.getCell(`A${row}`).value, [sheet.getCell(`F${row}`).value, sheet.getCell(`G${row}`).value]]));
    const change = (unit: string) => previous.changes.find((c) => c.unit === unit)?.achievementChange["1.1"];
    for (const unit of ["Tam Đảo", "Sông Lô"]) {
      const [then, now] = byUnit.get(unit) as number[];
      expect(Math.round((now - then) * 1e4) / 1e4).toBe(change(unit));
    }
    expect(byUnit.get("Vĩnh Yên")?.[0]).toBeNull();
    const bars = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings.filter((f) => f.rules.some((r) => r.type === "dataBar"));
    expect(bars.map((f) => f.ref)).toEqual(expect.arrayContaining(["F12:F14", "G12:G14"]));
  });
});
