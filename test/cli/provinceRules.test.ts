/**
 * Issue 15 §1: the province's rules govern every unit a consolidation compares (docs/rules.md §3
 * "Whose rules"), a level refused at its source never travels, every unit of a shared workbook is
 * consolidated; and `consolidate` takes the header options `workbook` takes, with Nơi nhận.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { DEFAULT_CATALOGUE, LEVEL_NAMES } from "../../src/domain";
import { NAMES, type UnitWorkbookParams } from "../../src/layout";
import { PUBLIC_SHEET } from "../../src/layout/comparison";
import { districtParams, someExceeded, unitBytes } from "../support/provinceFiles";
import { values } from "../support/unitFiles";
import { tempDirs } from "../support/tempDirs";

const freshDir = tempDirs("chitieu-province-");

interface Json {
  units: { file: string; unit: string; points: number | null; level: string | null; finalLevel: string | null; excellentKept: boolean | null; problems: { cell?: string; message: string }[] }[];
  rejected: { file: string; reason: string; reasonId: string }[];
  quota: { kind: string | null; base: number; allowed: number; excellent: number; tieAtCut: boolean }[];
}

async function write(dir: string, file: string, p: UnitWorkbookParams | UnitWorkbookParams[]): Promise<string> {
  const path = join(dir, file);
  writeFileSync(path, await unitBytes(p));
  return path;
}

const params = districtParams;

async function consolidateJson(args: string[]): Promise<{ json: Json; exitCode: number }> {
  const result = await run(["consolidate", ...args, "--json"]);
  return { json: JSON.parse(result.stdout) as Json, exitCode: result.exitCode };
}

const byUnit = (json: Json, unit: string) => json.units.find((u) => u.unit === unit) as Json["units"][number];

describe("consolidation evaluates every unit under the province's rules", () => {
  let dir: string;
  beforeAll(async () => {
    dir = freshDir();
    // Alphabetically first, with a quota share of 100 %: it must not set the quota for everyone.
    await write(dir, "01-binh-xuyen.xlsx", params("Bình Xuyên", { values: values(DEFAULT_CATALOGUE, "excellent"), commonScore: 28, rules: { quotaShare: 1 } }));
    // Its own excellent threshold lowered to 10 %: 3 of 18 exceeded made it excellent.
    await write(dir, "02-lap-thach.xlsx", params("Lập Thạch", { values: someExceeded(3), commonScore: 28, rules: { excellentExceededShare: { min: 0.1, inclusive: true } } }));
    await write(dir, "03-tam-dao.xlsx", params("Tam Đảo", { values: values(DEFAULT_CATALOGUE, "excellent"), commonScore: 27 }));
    await write(dir, "04-vinh-tuong.xlsx", params("Vĩnh Tường"));
  });

  test("a lowered excellent share in a unit file does not make it excellent, and the file is named with the difference", async () => {
    const { json, exitCode } = await consolidateJson([dir, "-o", join(dir, "tong-hop.xlsx")]);
    const lap = byUnit(json, "Lập Thạch");
    expect(lap.level).toBe("good");
    expect(lap.problems).toMatchObject([
      { cell: "Quy tắc!B9", message: expect.stringMatching(/^quy tắc của tệp khác quy tắc của tỉnh: TyLeVuotXuatSac là 10[.,]00 ?% \(tỉnh: 30[.,]00 ?%\)/), id: "sheet.ownRules" },
    ]);
    expect(byUnit(json, "Tam Đảo").problems).toEqual([]);
    expect(exitCode).toBe(1);
  });

  test("the quota is the province's share, not the first file's", async () => {
    const { json } = await consolidateJson([dir, "-o", join(dir, "tong-hop.xlsx")]);
    // Two proposed excellent, two good at 20 %: none may keep excellent (the first file's 100 % allowed them all).
    expect(json.quota).toEqual([{ kind: "district", base: 4, allowed: 0, excellent: 2, tieAtCut: false }]);
    expect(byUnit(json, "Bình Xuyên").problems.map((p) => p.message)).toEqual([expect.stringContaining("HanMucXuatSac là 100")]);
  });

  test("--rules names the province's workbook: its rules govern, and files that differ from it are named", async () => {
    const rulesDir = freshDir();
    // The province's own rules: excellent from 15 % exceeded.
    const province = await write(rulesDir, "tinh.xlsx", params("Tỉnh Vĩnh Phúc", { rules: { excellentExceededShare: { min: 0.15, inclusive: true } } }));
    const { json } = await consolidateJson([dir, "-o", join(rulesDir, "tong-hop.xlsx"), "--rules", province]);
    expect(byUnit(json, "Lập Thạch").level).toBe("excellent");
    expect(byUnit(json, "Lập Thạch").problems.map((p) => p.message)).toEqual([expect.stringContaining("(tỉnh: 15")]);
    expect(byUnit(json, "Tam Đảo").problems.map((p) => p.message)).toEqual([expect.stringContaining("TyLeVuotXuatSac là 30")]);
  });

  test("--rules refuses a file without the rules sheet", async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "Bảng khác";
    const path = join(freshDir(), "khac.xlsx");
    writeFileSync(path, Buffer.from(await plain.xlsx.writeBuffer()));
    await expect(run(["consolidate", dir, "-o", join(freshDir(), "x.xlsx"), "--rules", path])).rejects.toThrow(/--rules: .* không có trang "Quy tắc"/);
  });
});

describe("a level refused at its source never travels", () => {
  let dir: string;
  let json: Json;
  beforeAll(async () => {
    dir = freshDir();
    // The final level typed above the unit's level: the cap refuses it.
    await write(dir, "01-song-lo.xlsx", params("Sông Lô", { unitLevel: "good", finalLevel: "excellent", withPrintSheet: true }));
    // Disqualified (disciplined in the year) with high points, rated excellent by hand.
    await write(dir, "02-yen-lac.xlsx", params("Yên Lạc", { values: values(DEFAULT_CATALOGUE, "excellent"), commonScore: 29, disqualifying: { sanction: "Có" }, unitLevel: "excellent", finalLevel: "excellent", withPrintSheet: true }));
    await write(dir, "03-tam-duong.xlsx", params("Tam Dương"));
    ({ json } = await consolidateJson([dir, "-o", join(dir, "tong-hop.xlsx")]));
  });

  test("a final level above its cap is not counted; the suggested level is, and the cell is named", () => {
    const u = byUnit(json, "Sông Lô");
    expect({ level: u.level, finalLevel: u.finalLevel, excellentKept: u.excellentKept }).toEqual({ level: "good", finalLevel: null, excellentKept: null });
    expect(u.problems).toMatchObject([{ cell: expect.stringMatching(/^Chỉ tiêu!/), message: expect.stringContaining(`Không thể xếp người đứng đầu mức "${LEVEL_NAMES.excellent}"`), id: "engine.capExceeded" }]);
  });

  test("a disqualified unit's final level above incomplete is refused: it counts as incomplete, not in the quota", () => {
    const u = byUnit(json, "Yên Lạc");
    expect({ level: u.level, finalLevel: u.finalLevel, excellentKept: u.excellentKept }).toEqual({ level: "incomplete", finalLevel: null, excellentKept: null });
    expect(u.problems.map((p) => p.message)).toEqual([expect.stringContaining("có điều kiện không hoàn thành nhiệm vụ")]);
    expect(json.quota).toEqual([{ kind: "district", base: 2, allowed: 0, excellent: 0, tieAtCut: false }]);
  });

  test("print refuses a workbook whose final level is above its cap: exit 1, the cell named, no PDF", async () => {
    const pdf = join(dir, "song-lo.pdf");
    const result = await run(["print", join(dir, "01-song-lo.xlsx"), "-o", pdf]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/Trang "Chỉ tiêu", ô [A-Z]+\d+: Không thể xếp người đứng đầu mức/);
  });

  test("print refuses the unit sheet itself, which carries the level and the signature too, in a shared workbook by its own sheet", async () => {
    const refused = await run(["print", join(dir, "01-song-lo.xlsx"), "--sheet", "Chỉ tiêu", "-o", join(dir, "song-lo-bang.pdf")]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/Trang "Chỉ tiêu", ô [A-Z]+\d+: Không thể xếp người đứng đầu mức/);
    // The second unit of a shared workbook, by its own sheet.
    const shared = await write(dir, "shared.xlsx", [params("Tam Dương"), params("Sông Lô", { unitLevel: "good", finalLevel: "excellent" })]);
    const second = await run(["print", shared, "--sheet", "Chỉ tiêu 2", "-o", join(dir, "shared.pdf")]);
    expect(second.exitCode).toBe(1);
    expect(second.stdout).toMatch(/Trang "Chỉ tiêu 2", ô [A-Z]+\d+: Không thể xếp người đứng đầu mức/);
  });

  test("print refuses a disqualified head rated above incomplete", async () => {
    const result = await run(["print", join(dir, "02-yen-lac.xlsx"), "-o", join(dir, "yen-lac.pdf")]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("có điều kiện không hoàn thành nhiệm vụ");
  });
});

describe("a workbook holding several units", () => {
  test("every unit is consolidated, and the summary counts units and files", async () => {
    const dir = freshDir();
    await write(dir, "01-hai-don-vi.xlsx", [params("Phúc Yên", { unitKind: "commune" }), params("Vĩnh Yên", { unitKind: "commune", values: values(DEFAULT_CATALOGUE, "excellent") })]);
    await write(dir, "02-xuan-hoa.xlsx", params("Xuân Hòa", { unitKind: "commune" }));
    const { json, exitCode } = await consolidateJson([dir, "-o", join(dir, "tong-hop.xlsx")]);
    expect(json.units.map((u) => u.unit).sort()).toEqual(["Phúc Yên", "Vĩnh Yên", "Xuân Hòa"]);
    expect(json.rejected).toEqual([]);
    expect(exitCode).toBe(0);
    const text = await run(["consolidate", dir, "-o", join(dir, "tong-hop.xlsx")]);
    expect(text.stdout).toBe(`Đã tổng hợp 3 đơn vị từ 2 tệp vào ${join(dir, "tong-hop.xlsx")}.\n`);
  });
});

describe("consolidate takes the header options of workbook, and both take --recipients", () => {
  const header = [
    "--superior-body", "ĐẢNG BỘ TỈNH VĨNH PHÚC",
    "--issuing-body", "BAN THƯỜNG VỤ TỈNH ỦY",
    "--number", "25-BC/TU",
    "--place-date", "Vĩnh Phúc, ngày 20 tháng 12 năm 2025",
    "--signer-title", "T/M BAN THƯỜNG VỤ",
    "--signer-position", "PHÓ BÍ THƯ",
    "--signer-name", "Nguyễn Văn A",
    "--recipients", "- Ban Tổ chức Trung ương,\\n- Lưu Văn phòng Tỉnh ủy.",
  ];
  const texts = (ws: ExcelJS.Worksheet) => {
    const found: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && found.push(c.value))));
    return found;
  };

  test("Công khai carries the typed header, signer and Nơi nhận", async () => {
    const dir = freshDir();
    await write(dir, "01-tam-dao.xlsx", params("Tam Đảo"));
    const output = join(dir, "tong-hop.xlsx");
    const result = await run(["consolidate", dir, "-o", output, ...header]);
    expect(result.exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const shown = texts(wb.getWorksheet(PUBLIC_SHEET) as ExcelJS.Worksheet);
    expect(shown).toEqual(expect.arrayContaining(["ĐẢNG BỘ TỈNH VĨNH PHÚC", "BAN THƯỜNG VỤ TỈNH ỦY", "Số 25-BC/TU", "Vĩnh Phúc, ngày 20 tháng 12 năm 2025", "PHÓ BÍ THƯ", "Nguyễn Văn A"]));
    expect(shown).toContain("- Ban Tổ chức Trung ương,\n- Lưu Văn phòng Tỉnh ủy.");
    expect(shown.join("\n")).not.toContain("ĐẢNG BỘ TỈNH ...");
  });

  test("workbook --recipients fills Nơi nhận of Bản in", async () => {
    const output = join(freshDir(), "tam-dao.xlsx");
    const result = await run(["workbook", "--unit", "Tam Đảo", "--year", "2025", "-o", output, "--recipients", "- Ban Tổ chức Tỉnh ủy,\\n- Lưu."]);
    expect(result.exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const defined = wb.definedNames.getRanges(NAMES.recipients).ranges[0];
    const [sheet, address] = defined.split("!");
    expect(wb.getWorksheet(sheet.replace(/^'|'$/g, ""))?.getCell(address.replace(/\$/g, "")).value).toBe("- Ban Tổ chức Tỉnh ủy,\n- Lưu.");
  });

});

test("the .xlsx writer protects the rules sheet of a unit workbook: its rule cells are locked", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await unitBytes(params("Tam Đảo"))) as unknown as ArrayBuffer);
  const rules = wb.getWorksheet("Quy tắc") as ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean } };
  expect(rules.sheetProtection?.sheet).toBe(true);
  expect(rules.getCell("B9").protection?.locked).not.toBe(false);
});
