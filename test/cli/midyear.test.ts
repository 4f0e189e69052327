import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS } from "../../src/layout/province";
import { TOTALS_SHEET, TOTALS_TITLE_ROW } from "../../src/layout/comparison";
import { sharedWorkbook } from "../../src/layout/unit";
import { unitPlace } from "../../src/layout/units";
import { fileCells, readWorkbookCells } from "../../src/xlsx/workbookCells";
import { followUpOf } from "../../src/xlsx/readFollowUp";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { typeSnapshots, type SnapshotFigures } from "../support/followUpFiles";
import { tempDirs } from "../support/tempDirs";

jest.setTimeout(60_000);

const newDir = tempDirs("chitieu-midyear-");
const FIXED = ASSIGNMENT_COLUMNS.length;

/** Every indicator on its due figure at a share of the year (a milestone not done yet), and 1.1 as given. */
/** A workbook of three units, Tam Đảo and Sông Lô following up in "Theo dõi" and "Theo dõi 2", Bình Xuyên not. */
async function sharedFile(dir: string): Promise<string> {
  const file = join(dir, "so-chung.xlsx");
  const values = new Map(DEFAULT_CATALOGUE.indicators.map((ind) => [ind.code, { target: ind.code === "1.1" ? 1000 : ind.direction === "milestone" ? "Đạt" : ind.direction === "decrease" ? 5 : 100 }]));
  const unit = (unitName: string, withFollowUp: boolean) => ({ unitName, head: "", year: 2021, values, withFollowUp });
  writeFileSync(file, await writeXlsx(sharedWorkbook([unit("Tam Đảo", true), unit("Sông Lô", true), unit("Bình Xuyên", false)])));
  return file;
}

function onTrack(share: number, members: number): SnapshotFigures {
  return Object.fromEntries(
    DEFAULT_CATALOGUE.indicators.map((ind) => {
      if (ind.code === "1.1") return [ind.code, members];
      if (ind.direction === "milestone") return [ind.code, ""];
      if (ind.unit.trim() === "%") return [ind.code, ind.direction === "decrease" ? 5 : 100];
      return [ind.code, ind.direction === "decrease" ? 5 * share : 100 * share];
    }),
  );
}

/** Three districts assigned 100 of everything (1.1: 1.000 new members each), their unit files written. */
async function assigned(): Promise<{ out: string; province: string }> {
  const dir = newDir();
  const province = join(dir, "tinh.xlsx");
  expect((await run(["province", "--year", "2021", "--group", "Huyện, thành phố: Tam Đảo; Sông Lô; Bình Xuyên", "-o", province])).exitCode).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(province) as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name.startsWith("Giao chỉ tiêu")) as ExcelJS.Worksheet;
  for (let c = FIXED + 1; ws.getCell(ASSIGNMENT_ROWS.header, c).value; c++) {
    ws.getCell(ASSIGNMENT_ROWS.head, c).value = `Bí thư ${String(ws.getCell(ASSIGNMENT_ROWS.header, c).value)}`;
    ws.getCell(ASSIGNMENT_ROWS.kind, c).value = "huyện, thị xã, thành phố";
    DEFAULT_CATALOGUE.indicators.forEach((ind, i) => {
      ws.getCell(ASSIGNMENT_ROWS.first + i, c).value = ind.code === "1.1" ? 1000 : ind.direction === "milestone" ? "Đạt" : ind.direction === "decrease" ? 5 : 100;
    });
  }
  writeFileSync(province, Buffer.from(await wb.xlsx.writeBuffer()));
  const out = join(dir, "don-vi");
  expect((await run(["assign", province, "-o", out])).exitCode).toBe(0);
  return { out, province };
}

describe("chitieu consolidate --quarter / --as-of: the committee's comparison mid-year (issue 16 §2)", () => {
  test("each unit from its snapshot of the quarter, provisional with floor and ceiling; a unit without one is named", async () => {
    const { out, province } = await assigned();
    // The province's rules, which assign copied into every unit's file.
    const rules = ["--rules", province];
    // Tam Đảo: Q1 and Q2 typed, ahead on new members at mid-year (600 of the 500 due).
    await typeSnapshots(join(out, "Tam Đảo.xlsx"), { 0: onTrack(0.25, 200), 1: onTrack(0.5, 600) });
    // Sông Lô: only Q1 typed, so nothing stands for Q2.
    await typeSnapshots(join(out, "Sông Lô.xlsx"), { 0: onTrack(0.25, 250) });
    // Bình Xuyên: Q2 typed, behind on new members (400 of 500) and without the rest of group 4.
    const partial = Object.fromEntries(Object.entries(onTrack(0.5, 400)).filter(([code]) => code !== "4.2" && code !== "4.3"));
    await typeSnapshots(join(out, "Bình Xuyên.xlsx"), { 1: partial });

    const output = join(out, "..", "quy-2.xlsx");
    const result = await run(["consolidate", out, "--quarter", "2", ...rules, "-o", output, "--json"]);
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.asOf).toEqual({ date: "2021-06-30", quarter: 2, provisional: true });
    const byUnit = Object.fromEntries(json.units.map((u: { unit: string }) => [u.unit, u]));
    expect(byUnit["Tam Đảo"]).toMatchObject({ provisional: true, snapshot: "2021-06-30", finalLevel: null, problems: [] });
    expect(byUnit["Bình Xuyên"]).toMatchObject({ provisional: true, snapshot: "2021-06-30", level: "incomplete" });
    expect(byUnit["Sông Lô"]).toMatchObject({ provisional: true, snapshot: null, level: "incomplete", ceilingLevel: "excellent" });
    expect(byUnit["Sông Lô"].problems).toEqual([
      {
        cell: "Theo dõi!A3",
        message: "chưa có số liệu theo dõi đến ngày 30/06/2021 (trong quý của ngày này): mọi chỉ tiêu tính là chưa có số liệu.",
        id: "unitFile.noSnapshot",
        params: ["30/06/2021"],
      },
    ]);
    // No common score typed mid-year: the floor counts it 0 and the milestone not done, the ceiling 30
    // and the milestone exceeded; on track, only 1.1 and 4.1 exceeded of 18 (< 30 %): good at most.
    expect(byUnit["Tam Đảo"].level).toBe("incomplete");
    expect(byUnit["Tam Đảo"].ceilingLevel).toBe("good");
    // Province total of new members: Σ actual / Σ due by 30/06 over the units with a figure.
    const members = json.totals.find((t: { code: string }) => t.code === "1.1");
    expect(members).toMatchObject({ target: 1000, actual: 1000, achievement: 1, pending: ["Sông Lô"] });

    // The sheets say it is provisional and at which date.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const title = (sheet: string) => String(book.getWorksheet(sheet)?.getCell(sheet === TOTALS_SHEET ? `A${TOTALS_TITLE_ROW}` : "A1").value);
    expect(title("So sánh")).toBe("SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2021 – TẠM TÍNH QUÝ II ĐẾN NGÀY 30/06/2021");
    expect(title("Tổng của tỉnh")).toContain("TẠM TÍNH QUÝ II ĐẾN NGÀY 30/06/2021");
    expect(title("Hạn mức")).toContain("TẠM TÍNH QUÝ II ĐẾN NGÀY 30/06/2021");
    const publicSheet = book.getWorksheet("Công khai") as ExcelJS.Worksheet;
    const publicText = publicSheet.getSheetValues().flat().map(String).join("\n");
    expect(publicText).toContain("TẠM TÍNH QUÝ II ĐẾN NGÀY 30/06/2021");
    const comparison = book.getWorksheet("So sánh") as ExcelJS.Worksheet;
    const rows = [7, 8, 9].map((r) => [comparison.getCell(`B${r}`).value, comparison.getCell(`E${r}`).value, comparison.getCell(`J${r}`).value]);
    expect(rows).toContainEqual(["Sông Lô", "Không hoàn thành nhiệm vụ (tạm tính; có thể đạt tối đa: Hoàn thành xuất sắc nhiệm vụ)", "Chưa có số liệu theo dõi"]);
    expect(rows.find((r) => r[0] === "Tam Đảo")?.[2]).toBe("Theo dõi đến 30/06/2021");

    // A date: the latest snapshot on or before it within its quarter; Q1's does not stand for 15/05.
    const may = JSON.parse((await run(["consolidate", out, "--as-of", "15/05/2021", ...rules, "-o", join(out, "..", "thang-5.xlsx"), "--json"])).stdout);
    expect(may.asOf).toEqual({ date: "2021-05-15", quarter: null, provisional: true });
    expect(may.units.map((u: { snapshot: string | null }) => u.snapshot)).toEqual([null, null, null]);
    const march = JSON.parse((await run(["consolidate", out, "--as-of", "2021-03-31", ...rules, "-o", join(out, "..", "quy-1.xlsx"), "--json"])).stdout);
    const inMarch = Object.fromEntries(march.units.map((u: { unit: string; snapshot: string | null }) => [u.unit, u.snapshot]));
    expect(inMarch).toEqual({ "Tam Đảo": "2021-03-31", "Sông Lô": "2021-03-31", "Bình Xuyên": null });

    // The year's consolidation is unchanged: no asOf, the table's actuals (none typed: all pending).
    const year = JSON.parse((await run(["consolidate", out, ...rules, "-o", join(out, "..", "nam.xlsx"), "--json"])).stdout);
    expect(year.asOf).toBeUndefined();
    expect(year.units[0].snapshot).toBeUndefined();
  });

  test("a workbook of several units: each unit from its own 'Theo dõi n'; a unit without one is named at it", async () => {
    const dir = newDir();
    const file = await sharedFile(dir);
    await typeSnapshots(file, { 1: onTrack(0.5, 600) });
    await typeSnapshots(file, { 0: onTrack(0.25, 100), 1: onTrack(0.5, 300) }, unitPlace(2));

    // Read back per unit, as `chitieu read` reads unit 1's.
    const cells = fileCells(openXlsx(readFileSync(file)));
    const second = followUpOf(cells, readWorkbookCells(cells, { place: unitPlace(2) }), unitPlace(2));
    expect(second.problems).toEqual([]);
    expect(second.periods.map((p) => [p.asOf, p.indicators.find((i) => i.code === "1.1")?.actual])).toEqual([
      ["2021-03-31", 100],
      ["2021-06-30", 300],
    ]);
    expect(followUpOf(cells, readWorkbookCells(cells)).periods.map((p) => p.asOf)).toEqual(["2021-06-30"]);

    const json = JSON.parse((await run(["consolidate", file, "--quarter", "2", "-o", join(dir, "quy-2.xlsx"), "--json"])).stdout);
    const byUnit = Object.fromEntries(json.units.map((u: { unit: string }) => [u.unit, u]));
    expect([byUnit["Tam Đảo"].snapshot, byUnit["Sông Lô"].snapshot, byUnit["Bình Xuyên"].snapshot]).toEqual(["2021-06-30", "2021-06-30", null]);
    expect(byUnit["Bình Xuyên"].problems.map((p: { cell: string }) => p.cell)).toContain("Theo dõi 3!A3");
    // New members by 30/06: 500 due of each unit with a snapshot, 600 + 300 done.
    expect(json.totals.find((t: { code: string }) => t.code === "1.1")).toMatchObject({ target: 1000, actual: 900, pending: ["Bình Xuyên"] });
  });

  test("chitieu read of a workbook of several units reads the unit --unit names, by number or name, and refuses to guess", async () => {
    const dir = newDir();
    const file = await sharedFile(dir);
    await typeSnapshots(file, { 0: onTrack(0.25, 100), 1: onTrack(0.5, 300) }, unitPlace(2));

    await expect(run(["read", file])).rejects.toThrow(`Tệp ${file} có 3 đơn vị: 1. Tam Đảo; 2. Sông Lô; 3. Bình Xuyên. Chọn một bằng --unit (số hoặc tên).`);
    await expect(run(["read", file, "--unit", "4"])).rejects.toThrow(`không có đơn vị "4"`);
    await expect(run(["read", file, "--unit", "Lập Thạch"])).rejects.toThrow(`không có đơn vị "Lập Thạch"; các đơn vị: 1. Tam Đảo; 2. Sông Lô; 3. Bình Xuyên.`);
    const byNumber = JSON.parse((await run(["read", file, "--unit", "2"])).stdout);
    // The name as typed on another keyboard (decomposed) and in other case finds the same unit.
    const byName = JSON.parse((await run(["read", file, "--unit", "SÔNG LÔ".normalize("NFD")])).stdout);
    expect(byName).toEqual(byNumber);
    expect(byNumber.unit).toEqual({ index: 2, name: "Sông Lô" });
    expect(byNumber.sheet).toBe("Chỉ tiêu 2");
    expect(byNumber.followUp.map((p: { asOf: string }) => p.asOf)).toEqual(["2021-03-31", "2021-06-30"]);
    const third = JSON.parse((await run(["read", file, "--unit", "3"])).stdout);
    expect(third.unit).toEqual({ index: 3, name: "Bình Xuyên" });
    expect(third.followUp).toBeUndefined();
  });

  test("--as-of and --quarter are checked before anything is read", async () => {
    await expect(run(["consolidate", "x", "--quarter", "5", "-o", "y.xlsx"])).rejects.toThrow('--quarter nhận 1, 2, 3 hoặc 4, không nhận "5".');
    await expect(run(["consolidate", "x", "--as-of", "31/06/2021", "-o", "y.xlsx"])).rejects.toThrow("--as-of nhận một ngày");
    await expect(run(["consolidate", "x", "--as-of", "30/06/2021", "--quarter", "2", "-o", "y.xlsx"])).rejects.toThrow("Chỉ dùng một trong --as-of và --quarter.");
  });
});
