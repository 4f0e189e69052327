import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS } from "../../src/layout/province";
import { periodColumn } from "../../src/layout/unit";
import { partsOf, rezip } from "../support/hostileFiles";

const dir = mkdtempSync(join(tmpdir(), "chitieu-assign-"));
const FIXED = ASSIGNMENT_COLUMNS.length;
const column = (key: (typeof ASSIGNMENT_COLUMNS)[number]["key"]) => ASSIGNMENT_COLUMNS.findIndex((c) => c.key === key) + 1;

async function province(name: string, groups: string[]): Promise<string> {
  const file = join(dir, name);
  const made = await run(["province", "--year", "2021", ...groups.flatMap((g) => ["--group", g]), "-o", file]);
  expect(made).toEqual({ stdout: "", exitCode: 0 });
  return file;
}

/** Types the targets as an officer would in Excel: every unit a target on every row, then `edit` for the case. */
async function fill(file: string, edit: (ws: ExcelJS.Worksheet, sheet: number) => void = () => undefined): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  wb.worksheets
    .filter((ws) => ws.name.startsWith("Giao chỉ tiêu"))
    .forEach((ws, sheet) => {
      for (let c = FIXED + 1; ws.getCell(ASSIGNMENT_ROWS.header, c).value; c++) {
        ws.getCell(ASSIGNMENT_ROWS.head, c).value = `Bí thư ${String(ws.getCell(ASSIGNMENT_ROWS.header, c).value)}`;
        ws.getCell(ASSIGNMENT_ROWS.kind, c).value = "huyện, thị xã, thành phố";
        DEFAULT_CATALOGUE.indicators.forEach((ind, i) => {
          ws.getCell(ASSIGNMENT_ROWS.first + i, c).value = ind.direction === "milestone" ? "Đạt" : ind.direction === "decrease" ? 5 : 100;
        });
      }
      edit(ws, sheet);
    });
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("chitieu province and chitieu assign (issue 16 §1)", () => {
  test("one unit workbook per unit, with its targets, head, kind and the province's rules; the sum check is a warning", async () => {
    const file = await province("tinh.xlsx", ["Huyện, thành phố: Tam Đảo; Sông Lô", "Sở, ngành: Sở Nội vụ"]);
    await fill(file, (ws, sheet) => {
      if (sheet !== 0) return;
      ws.getCell(ASSIGNMENT_ROWS.first, column("provinceTarget")).value = 2000; // 1.1 new members, additive
      ws.getCell(ASSIGNMENT_ROWS.first, FIXED + 1).value = 1000;
      ws.getCell(ASSIGNMENT_ROWS.first, FIXED + 2).value = 900;
    });
    const out = join(dir, "don-vi");
    const assigned = await run(["assign", file, "-o", out, "--json"]);
    expect(assigned.exitCode).toBe(0);
    const json = JSON.parse(assigned.stdout);
    expect(json.units).toEqual([
      { unit: "Tam Đảo", group: "Huyện, thành phố", file: join(out, "Tam Đảo.xlsx"), indicators: 18 },
      { unit: "Sông Lô", group: "Huyện, thành phố", file: join(out, "Sông Lô.xlsx"), indicators: 18 },
      { unit: "Sở Nội vụ", group: "Sở, ngành", file: join(out, "Sở Nội vụ.xlsx"), indicators: 18 },
    ]);
    expect(json.problems).toEqual([
      {
        sheet: "Giao chỉ tiêu 1",
        cell: `M${ASSIGNMENT_ROWS.first}`,
        message: 'Trang "Giao chỉ tiêu 1", ô M7: Chỉ tiêu 1.1: tổng chỉ tiêu giao các đơn vị là 1.900, thấp hơn chỉ tiêu của tỉnh (2.000) 100.',
      },
    ]);
    const read = JSON.parse((await run(["read", join(out, "Tam Đảo.xlsx")])).stdout);
    expect(read.indicators[0]).toMatchObject({ code: "1.1", status: "pending" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "Tam Đảo.xlsx")) as unknown as ArrayBuffer);
    const unit = wb.getWorksheet("Chỉ tiêu");
    expect(unit?.getCell("H8").value).toBe(1000);
    expect(unit?.getCell("B5").value).toBe("Tam Đảo");
    // Its group's name beside its kind, locked (the province set it) and named for consolidation.
    expect([unit?.getCell("E6").value, unit?.getCell("G6").value, unit?.getCell("G6").protection?.locked]).toEqual(["Nhóm đối tượng:", "Huyện, thành phố", undefined]);
    expect(wb.definedNames.getRanges("NhomDoiTuong").ranges).toEqual(["'Chỉ tiêu'!$G$6"]);
  });

  test("a unit's own indicator goes to that unit only; a missing common target stops everything and names its cell", async () => {
    const file = await province("rieng.xlsx", ["Huyện: Tam Đảo; Sông Lô"]);
    await fill(file, (ws) => {
      ws.getCell(ASSIGNMENT_ROWS.first + 1, column("scope")).value = "Riêng"; // 1.2 only where a target is typed
      ws.getCell(ASSIGNMENT_ROWS.first + 1, FIXED + 2).value = null;
    });
    const out = join(dir, "rieng");
    const json = JSON.parse((await run(["assign", file, "-o", out, "--json"])).stdout);
    expect(json.units.map((u: { indicators: number }) => u.indicators)).toEqual([18, 17]);

    const missing = await province("thieu.xlsx", ["Huyện: Tam Đảo; Sông Lô"]);
    await fill(missing, (ws) => {
      ws.getCell(ASSIGNMENT_ROWS.first + 2, FIXED + 2).value = null;
      ws.getCell(ASSIGNMENT_ROWS.first + 3, FIXED + 1).value = "nhiều";
    });
    const refused = await run(["assign", missing, "-o", join(dir, "thieu"), "--json"]);
    expect(refused.exitCode).toBe(1);
    const problems = JSON.parse(refused.stdout).problems.map((p: { cell: string }) => p.cell);
    expect(problems).toEqual(["O9", "N10"]);
    expect(existsSync(join(dir, "thieu"))).toBe(false);
  });

  test("assigning again never replaces a unit's file, which may hold its actuals", async () => {
    const file = await province("lai.xlsx", ["Huyện: Tam Đảo"]);
    await fill(file);
    const out = join(dir, "lai");
    expect((await run(["assign", file, "-o", out])).exitCode).toBe(0);
    const before = readFileSync(join(out, "Tam Đảo.xlsx"));
    const again = await run(["assign", file, "-o", out]);
    expect(again.exitCode).toBe(1);
    expect(again.stdout).toContain("không ghi đè tệp của đơn vị");
    expect(readFileSync(join(out, "Tam Đảo.xlsx"))).toEqual(before);
  });
});

describe("chitieu read: the follow-up snapshots (issue 16 §2)", () => {
  test("each quarter with an actual is evaluated by the engine against what was due by its date", async () => {
    const file = await province("theo-doi.xlsx", ["Huyện: Tam Đảo"]);
    await fill(file, (ws) => {
      ws.getCell(ASSIGNMENT_ROWS.first, FIXED + 1).value = 2000; // 1.1 new members, pro rata
    });
    const out = join(dir, "theo-doi");
    expect((await run(["assign", file, "-o", out])).exitCode).toBe(0);
    const unitFile = join(out, "Tam Đảo.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(unitFile) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Theo dõi") as ExcelJS.Worksheet;
    ws.getCell("G5").value = 400; // 31/03: 400 of the 500 due
    ws.getCell("K5").value = 1100; // 30/06: 1.100 of the 1.000 due
    const typed = join(dir, "theo-doi-typed.xlsx");
    writeFileSync(typed, Buffer.from(await wb.xlsx.writeBuffer()));
    const read = JSON.parse((await run(["read", typed])).stdout);
    expect(read.followUp.map((p: { asOf: string }) => p.asOf)).toEqual(["2021-03-31", "2021-06-30"]);
    expect(read.followUp[0].indicators[0]).toEqual({ code: "1.1", actual: 400, expected: 500, achievement: 0.8, status: "notMet", behind: true });
    expect(read.followUp[1].indicators[0]).toEqual({ code: "1.1", actual: 1100, expected: 1000, achievement: 1.1, status: "exceeded", behind: false });

    // A date typed as text: that period is not judged against a guess, and its cell is named.
    ws.getCell("O3").value = "30/9";
    ws.getCell("O5").value = 1500;
    writeFileSync(typed, Buffer.from(await wb.xlsx.writeBuffer()));
    const dated = await run(["read", typed]);
    expect(dated.exitCode).toBe(1);
    expect(JSON.parse(dated.stdout).followUp.map((p: { asOf: string }) => p.asOf)).toEqual(["2021-03-31", "2021-06-30"]);
    expect(JSON.parse(dated.stdout).problems.map((p: { cell: string }) => p.cell)).toEqual(["O3"]);
  });

  test("--follow-up month gives a column group per month: May and June are kept apart, each judged by its date", async () => {
    const file = await province("theo-thang.xlsx", ["Huyện: Tam Đảo"]);
    await fill(file, (ws) => {
      ws.getCell(ASSIGNMENT_ROWS.first, FIXED + 1).value = 1200; // 1.1 new members, pro rata
    });
    const out = join(dir, "theo-thang");
    expect((await run(["assign", file, "-o", out, "--follow-up", "month"])).exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "Tam Đảo.xlsx")) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Theo dõi") as ExcelJS.Worksheet;
    ws.getCell(`${periodColumn(4, "actual")}5`).value = 400; // 31/05: 400 of the 500 due
    ws.getCell(`${periodColumn(5, "actual")}5`).value = 700; // 30/06: 700 of the 600 due
    const typed = join(dir, "theo-thang-typed.xlsx");
    writeFileSync(typed, Buffer.from(await wb.xlsx.writeBuffer()));
    const read = JSON.parse((await run(["read", typed])).stdout);
    expect(read.followUp.map((p: { asOf: string; indicators: { expected: number; behind: boolean }[] }) => [p.asOf, p.indicators[0].expected, p.indicators[0].behind])).toEqual([
      ["2021-05-31", 500, true],
      ["2021-06-30", 600, false],
    ]);
    await expect(run(["assign", file, "-o", join(dir, "theo-tuan"), "--follow-up", "week"])).rejects.toThrow('--follow-up nhận quarter hoặc month, không nhận "week"');
  });
});

describe("chitieu assign on hostile and careless province files", () => {
  test("province refuses a unit given twice, in one group or two, case aside, and writes nothing", async () => {
    const file = join(dir, "twice.xlsx");
    for (const groups of [["Huyện: Tam Đảo; Sông Lô; Tam Đảo"], ["Huyện: Tam Đảo; Sông Lô", "Sở: Sở Nội vụ; TAM ĐẢO"]]) {
      await expect(run(["province", "--year", "2025", ...groups.flatMap((g) => ["--group", g]), "-o", file])).rejects.toThrow(/^--group: đơn vị "(Tam Đảo|TAM ĐẢO)" được ghi hai lần/);
      expect(existsSync(file)).toBe(false);
    }
  });

  test("a whole-sheet table, a table moved to the top row and a unit named with control characters: bounded, named, never a crash", async () => {
    const file = await province("hostile.xlsx", ["Huyện: Tam Đảo; Sông Lô"]);
    await fill(file, (ws) => {
      // The bell does not survive the round trip through ExcelJS; the slash and U+FFFE reach the reader.
      ws.getCell(ASSIGNMENT_ROWS.header, FIXED + 2).value = "Sông\u0007Lô/..\uFFFE";
    });
    const parts = partsOf(readFileSync(file));
    const table = [...parts.keys()].find((name) => name.startsWith("xl/tables/")) as string;
    const whole = join(dir, "hostile-whole.xlsx");
    writeFileSync(whole, rezip(parts, (name, xml) => (name === table ? xml.replace(/ ref="[^"]*"/, ' ref="A6:XFD1048576"') : xml)));
    const started = performance.now();
    const read = await run(["assign", whole, "-o", join(dir, "hostile-whole"), "--json"]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(JSON.parse(read.stdout).units.map((u: { file: string }) => u.file)).toEqual([join(dir, "hostile-whole", "Tam Đảo.xlsx"), join(dir, "hostile-whole", "SôngLô_.._.xlsx")]);
    // The heads, kinds, group and year rows lie above the table: moved to the top, they are outside the sheet.
    const top = join(dir, "hostile-top.xlsx");
    writeFileSync(top, rezip(parts, (name, xml) => (name === table ? xml.replace(/ ref="[A-Z]+(\d+):/, ' ref="A1:') : xml)));
    const moved = await run(["assign", top, "-o", join(dir, "hostile-top"), "--json"]);
    expect(moved.exitCode).toBe(1);
    expect(JSON.parse(moved.stdout).problems.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, "hostile-top"))).toBe(false);
  });

  test("a group's name over 100 characters is refused at its cell, and nothing is written", async () => {
    const file = await province("long-group.xlsx", ["Huyện: Tam Đảo; Sông Lô"]);
    await fill(file, (ws) => {
      ws.getCell(ASSIGNMENT_ROWS.group, 3).value = "Các cơ quan tham mưu, giúp việc của Tỉnh ủy, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cấp tỉnh, kể cả các đảng ủy trực thuộc";
    });
    const read = await run(["assign", file, "-o", join(dir, "long-group"), "--json"]);
    expect(read.exitCode).toBe(1);
    expect(JSON.parse(read.stdout).problems).toEqual([
      { sheet: "Giao chỉ tiêu 1", cell: "C2", message: expect.stringMatching(/ô C2: tên nhóm đối tượng dài 135 ký tự, vượt giới hạn 100 ký tự/) },
    ]);
    expect(existsSync(join(dir, "long-group"))).toBe(false);
  });
});
