/**
 * Tổng hợp in the pane, on the emulator: the files read in the "browser" (DecompressionStream),
 * the report equal to `chitieu consolidate --json` on the same files, every value of "So sánh" and
 * "Hạn mức" equal to the CLI's tong-hop.xlsx, the same round trips for 3 files and for 30, and a
 * live comparison (or any sheet of that name) never overwritten.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runConsolidate } from "../../src/cli/consolidateCommand";
import type { UnitFileInput } from "../../src/contract/workbook";
import { consolidateFiles, uniqueSheetName } from "../../src/excel/consolidateFiles";
import { consolidateMsg } from "../../src/domain/messages/consolidateFiles";
import { ALL_FEATURES } from "../../src/excel/features";
import { COMPARISON_SHEETS } from "../../src/layout";
import { PREVIOUS_YEAR_SHEET } from "../../src/layout/comparison";
import type { WorkbookEmulator } from "../../src/preview/emulator";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { consolidationFiles } from "../support/consolidationFiles";
import { unitFileBytes } from "../support/unitFiles";
import { setup, SETUP } from "./helpers";
import { render } from "../../src/domain/messages/localize";

const NOW = new Date("2026-01-05T09:15:00Z");

/** The files written to a folder (for the CLI) and as the pane gets them from the file picker. */
function onDisk(files: readonly { name: string; bytes: Uint8Array }[]): { dir: string; picked: UnitFileInput[] } {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-pane-consolidate-"));
  const picked = files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return { name: f.name, bytes: new Uint8Array(readFileSync(path)), lastModified: statSync(path).mtimeMs };
  });
  return { dir, picked };
}

/** Every non-empty cell of a sheet as address → value, or its formula where it has one. */
function emulatorValues(emulator: WorkbookEmulator, sheet: string): Map<string, unknown> {
  const found = emulator.snapshot().sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return new Map(
    found.cells.filter((c) => c.formula !== null || (c.value !== null && c.value !== "")).map((c) => [c.address.replace(/\$/g, ""), c.formula === null ? c.value : { formula: c.formula }]),
  );
}

describe("consolidateFiles writes what chitieu consolidate writes", () => {
  let dir: string;
  let picked: UnitFileInput[];
  beforeAll(async () => {
    ({ dir, picked } = onDisk(await consolidationFiles()));
  });

  test("the report is the CLI's JSON, the sheets hold the CLI's values, in 4 round trips", async () => {
    const output = join(dir, "tong-hop.xlsx");
    const cli = await runConsolidate({ inputs: [dir], output, json: true, exceptional: new Set(["department"]), now: NOW });
    const { emulator } = setup();
    emulator.resetStats();
    const progress: [number, number][] = [];
    // The service's consolidateFiles with the CLI's time of consolidation.
    // The picker's order is the browser's: the files are taken by name, as the CLI takes a folder.
    const report = await consolidateFiles((batch) => emulator.run(batch), [...picked].reverse(), { exceptionalKinds: ["department"], onProgress: (done, total) => progress.push([done, total]) }, ALL_FEATURES, NOW);
    // In the "browser" the files have names, not paths.
    const json = JSON.parse(cli.stdout.split(`${dir}/`).join("")) as unknown;
    const { problems, wrote, insertedSheets, ...result } = report;
    // The pane's rejections carry their messages as data; the JSON words them in Vietnamese with their ids.
    const rejected = result.rejected.map(({ file, reason }) => ({ file, reason: render(reason, "vi"), reasonId: reason.id }));
    expect({ ...result, rejected }).toEqual(json);
    expect({ problems, wrote, insertedSheets }).toEqual({ problems: [], wrote: true, insertedSheets: [] });
    expect(report.rejected.map((r) => r.file)).toEqual(["04-nam-khac.xlsx", "05-danh-muc-khac.xlsx", "06-trung.xlsx", "07-ghi-de.xlsx", "08-mat-khau.xlsx", "09-hong.xlsx", "10-bang-khac.xlsx"]);
    expect(progress[0]).toEqual([0, 10]);
    expect(progress[progress.length - 1]).toEqual([10, 10]);
    // Two to read this workbook's rules (the province's), one to see the sheets, one to write.
    expect(emulator.stats.syncs).toBe(2 + 1 + 1);

    const book = openXlsx(readFileSync(output));
    for (const sheet of [COMPARISON_SHEETS.comparison, COMPARISON_SHEETS.quota]) {
      const pane = emulatorValues(emulator, sheet);
      const cells = book.cells(sheet);
      const fromCli = new Map<string, unknown>();
      // Every cell the CLI wrote in the sheets' area, compared with every cell the pane wrote.
      for (let r = 0; r < 40; r++) {
        for (let c = 0; c < 100; c++) {
          const read = cells?.cell(r, c);
          // The province's totals are formulas (the CLI's file holds no results): the same formulas.
          const isFormula = typeof read?.formula === "string" && read.formula.startsWith("=");
          if (isFormula) fromCli.set(a1(r, c), { formula: read?.formula });
          const value = read?.value;
          if (isFormula || value === "" || value === undefined) continue;
          fromCli.set(a1(r, c), typeof value === "string" ? value.split(`${dir}/`).join("") : value);
        }
      }
      expect(Object.fromEntries(pane)).toEqual(Object.fromEntries(fromCli));
    }
    expect(emulator.snapshot().activeSheet).toBe(COMPARISON_SHEETS.comparison);
    // The pane's totals compute what the engine reports (the LibreOffice proof covers the cases).
    const commune = (json as { totals: { group: string; code: string; target: number; actual: number; achievement: number }[] }).totals.find((t) => t.group === "commune" && t.code === "1.1");
    const totalRow = emulatorValues(emulator, COMPARISON_SHEETS.comparison);
    const row = [...totalRow].find(([address, v]) => v === "Tổng của tỉnh" && emulator.cell(COMPARISON_SHEETS.comparison, `C${address.slice(1)}`).value === "xã, phường")?.[0].slice(1);
    expect(["K", "L", "M"].map((c) => emulator.cell(COMPARISON_SHEETS.comparison, `${c}${row}`).value)).toEqual([commune?.target, commune?.actual, commune?.achievement]);
  });

  test("an earlier consolidation from files is replaced; a live comparison and a sheet of the user's are not", async () => {
    const { emulator, service } = setup();
    await service.consolidateFiles(picked.slice(0, 2), { exceptionalKinds: [] });
    const again = await service.consolidateFiles(picked.slice(0, 3), { exceptionalKinds: [] });
    expect(again.wrote).toBe(true);
    expect(emulator.cell(COMPARISON_SHEETS.comparison, "B9").value).toBe("Sở Tài chính");

    const live = setup();
    await live.service.setUp(SETUP);
    await live.service.buildComparison();
    const before = JSON.stringify(live.emulator.snapshot());
    const refused = await live.service.consolidateFiles(picked, { exceptionalKinds: [] });
    expect(refused.problems.map((p) => p.message)).toEqual([`Trang "${COMPARISON_SHEETS.comparison}": ${consolidateMsg.notOurs(COMPARISON_SHEETS.comparison)}`]);
    expect(refused.wrote).toBe(false);
    expect(refused.units).toHaveLength(3);
    expect(JSON.stringify(live.emulator.snapshot())).toBe(before);

    const theirs = setup(undefined, ["Sheet1", COMPARISON_SHEETS.quota]);
    const other = await theirs.service.consolidateFiles(picked, { exceptionalKinds: [] });
    expect(other.problems.map((p) => p.message)).toEqual([`Trang "${COMPARISON_SHEETS.quota}": ${consolidateMsg.notOurs(COMPARISON_SHEETS.quota)}`]);
  });

  test("no usable file: nothing written, every file named with its reason", async () => {
    const { emulator, service } = setup();
    const report = await service.consolidateFiles(picked.slice(7), { exceptionalKinds: [] });
    expect(report).toMatchObject({ units: [], wrote: false, problems: [] });
    expect(report.rejected.map((r) => r.file)).toEqual(["08-mat-khau.xlsx", "09-hong.xlsx", "10-bang-khac.xlsx"]);
    expect(emulator.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("last year's files (the pane's --previous)", () => {
  /** 2024's files: An Hòa was good (now excellent), Bình Minh excellent (now good); one file unreadable. */
  async function lastYear(): Promise<UnitFileInput[]> {
    const files = [
      { name: "an-hoa-2024.xlsx", bytes: await unitFileBytes({ unit: "An Hòa", kind: "commune", year: 2024, result: "good", common: 20 }) },
      { name: "binh-minh-2024.xlsx", bytes: await unitFileBytes({ unit: "Bình Minh", kind: "commune", year: 2024, result: "excellent", common: 28 }) },
      { name: "hong-2024.xlsx", bytes: new TextEncoder().encode("không phải tệp Excel") },
    ];
    return files.map((f) => ({ ...f, lastModified: NOW.getTime() }));
  }

  test("So với năm trước and the report's previous are the CLI's --previous, in the same round trips; a bad file of last year is named", async () => {
    const current = await consolidationFiles();
    const { dir, picked } = onDisk(current.slice(0, 3));
    const previous = await lastYear();
    const { dir: previousDir } = onDisk(previous.slice(0, 2));
    const output = join(dir, "tong-hop.xlsx");
    const cli = await runConsolidate({ inputs: [dir], output, json: true, exceptional: new Set(), previous: previousDir, now: NOW });
    const { emulator } = setup();
    emulator.resetStats();
    const progress: [number, number][] = [];
    const report = await consolidateFiles((batch) => emulator.run(batch), picked, { exceptionalKinds: [], previousFiles: previous, onProgress: (done, total) => progress.push([done, total]) }, ALL_FEATURES, NOW);
    const json = JSON.parse(cli.stdout.split(`${dir}/`).join("")) as { previous: { rejected: unknown[] } };
    // The CLI lists last year's files left out beside the comparison; the pane as problems (below).
    const { rejected, ...comparison } = json.previous;
    expect(rejected).toEqual([]);
    expect(report.previous).toEqual(comparison);
    // An Hòa exceeded every count this year (110 %) and met it last year; Bình Minh the other way; the department is new.
    expect(report.previous?.changes.map((c) => [c.unit, c.achievementChange["1.1"]])).toEqual([
      ["An Hòa", 0.1],
      ["Bình Minh", -0.1],
      ["Sở Tài chính", null],
    ]);
    expect(report.wrote).toBe(true);
    // The unreadable file of last year is named with the reader's reason; the comparison is written without it.
    expect(report.problems.map((p) => p.severity)).toEqual(["warning"]);
    expect(report.problems[0].message).toMatch(new RegExp(`^Trang "${PREVIOUS_YEAR_SHEET}": Tệp của năm trước hong-2024\\.xlsx không được so sánh: không phải tệp Excel \\(\\.xlsx\\) hợp lệ`));
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(emulator.stats.syncs).toBe(2 + 1 + 1);
    // Every value of the pane's "So với năm trước" is the CLI's.
    const pane = emulatorValues(emulator, PREVIOUS_YEAR_SHEET);
    const cells = openXlsx(readFileSync(output)).cells(PREVIOUS_YEAR_SHEET);
    const fromCli = new Map<string, unknown>();
    for (let r = 0; r < 30; r++) for (let c = 0; c < 60; c++) {
      const value = cells?.cell(r, c)?.value;
      if (value !== undefined && value !== "") fromCli.set(a1(r, c), value);
    }
    expect(fromCli.size).toBeGreaterThan(20);
    expect(Object.fromEntries(pane)).toEqual(Object.fromEntries(fromCli));
  });

  test("files that are not of the year before: nothing written, and the pane names both years", async () => {
    const { picked } = onDisk((await consolidationFiles()).slice(0, 3));
    const { emulator, service } = setup();
    // This year's files picked again as last year's.
    const report = await service.consolidateFiles(picked, { exceptionalKinds: [], previousFiles: picked });
    expect(report.wrote).toBe(false);
    expect(report.problems.map((p) => p.message)).toEqual([
      `Trang "${PREVIOUS_YEAR_SHEET}": ${consolidateMsg.previousNone(3)}`,
      ...picked.map((f) => `Trang "${PREVIOUS_YEAR_SHEET}": Tệp của năm trước ${f.name} không được so sánh: năm đánh giá 2025, không phải năm 2024 cần so sánh.`),
    ]);
    expect(emulator.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("no usable file of last year: nothing written, and the pane says so and why", async () => {
    const { picked } = onDisk((await consolidationFiles()).slice(0, 3));
    const { emulator, service } = setup();
    const report = await service.consolidateFiles(picked, { exceptionalKinds: [], previousFiles: (await lastYear()).slice(2) });
    expect(report.wrote).toBe(false);
    expect(report.problems.map((p) => p.message)).toEqual([
      `Trang "${PREVIOUS_YEAR_SHEET}": ${consolidateMsg.previousNone(1)}`,
      `Trang "${PREVIOUS_YEAR_SHEET}": Tệp của năm trước hong-2024.xlsx không được so sánh: không phải tệp Excel (.xlsx) hợp lệ: tệp nén bị hỏng (không có mục lục).`,
    ]);
    expect(emulator.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

test("the same round trips and request sizes under the limit for 3 files and for 30", async () => {
  const bytes = await Promise.all(
    Array.from({ length: 30 }, (_, i) => unitFileBytes({ unit: `Xã số ${i + 1}`, kind: i % 3 === 0 ? "department" : "commune", result: i % 4 === 0 ? "excellent" : "good", common: 20 + (i % 10) })),
  );
  const files = bytes.map((b, i) => ({ name: `${String(i + 1).padStart(2, "0")}.xlsx`, bytes: b, lastModified: NOW.getTime() }));
  const syncs = [];
  for (const count of [3, 30]) {
    const { emulator, service } = setup();
    emulator.resetStats();
    const report = await service.consolidateFiles(files.slice(0, count), { exceptionalKinds: [] });
    expect(report.units).toHaveLength(count);
    expect(Math.max(...emulator.stats.requestBytes)).toBeLessThan(5_000_000);
    syncs.push(emulator.stats.syncs);
  }
  expect(syncs).toEqual([4, 4]);
}, 60_000);

test("copied unit sheets get their unit's name, unique and as Excel allows", () => {
  const taken = new Set(["so sánh", "hạn mức", "an hòa"]);
  expect(uniqueSheetName("An Hòa", taken)).toBe("An Hòa (2)");
  expect(uniqueSheetName("Phường [Hà Đông]: 1/2", taken)).toBe("Phường  Hà Đông   1 2");
  expect(uniqueSheetName("x".repeat(40), taken)).toHaveLength(31);
  expect(uniqueSheetName("x".repeat(40), taken)).toBe(`${"x".repeat(27)} (2)`);
});

/** A1 address of a 0-based row and column. */
function a1(row: number, column: number): string {
  let letters = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

test("with ExcelApi 1.13 each consolidated unit's sheet is copied and named after its unit, in 2 more round trips", async () => {
  const files = await Promise.all(
    ["Xã An Hòa", "Xã Bình Minh"].map(async (unit, i) => ({ name: `0${i + 1}.xlsx`, bytes: await unitFileBytes({ unit, kind: "commune" }), lastModified: NOW.getTime() })),
  );
  const { emulator } = setup(ALL_FEATURES, ["Sheet1", "Xã An Hòa"]);
  // The emulator has no insertWorksheetsFromBase64: this stand-in adds the named sheet, as Excel
  // does (renamed when the name is taken), and answers its id.
  const inserted: { base64: string; sheets: readonly string[] }[] = [];
  const withInsert = (context: Excel.RequestContext): Excel.RequestContext => {
    const workbook = new Proxy(context.workbook, {
      get(target, key) {
        if (key === "insertWorksheetsFromBase64") {
          return (base64: string, options: Excel.InsertWorksheetOptions) => {
            inserted.push({ base64, sheets: options.sheetNamesToInsert ?? [] });
            const id = `copy-${inserted.length}`;
            target.worksheets.add(id);
            return { value: [id] };
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    return new Proxy(context, {
      get(target, key) {
        if (key === "workbook") return workbook;
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  };
  emulator.resetStats();
  const report = await consolidateFiles((batch) => emulator.run((context) => batch(withInsert(context))), files, { exceptionalKinds: [], insertUnitSheets: true }, ALL_FEATURES, NOW);
  expect(report.insertedSheets).toEqual(["Xã An Hòa (2)", "Xã Bình Minh"]);
  expect(inserted.map((i) => i.sheets)).toEqual([["Chỉ tiêu"], ["Chỉ tiêu"]]);
  expect(inserted.map((i) => Buffer.from(i.base64, "base64").equals(Buffer.from(files[inserted.indexOf(i)].bytes)))).toEqual([true, true]);
  expect(emulator.snapshot().sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Xã An Hòa (2)", "Xã Bình Minh", COMPARISON_SHEETS.comparison]));
  expect(emulator.stats.syncs).toBe(4 + 2);

  // Without ExcelApi 1.13 the option is ignored.
  const older = setup({ ...ALL_FEATURES, insertWorksheets: false });
  const plain = await consolidateFiles((batch) => older.emulator.run(batch), files, { exceptionalKinds: [], insertUnitSheets: true }, { ...ALL_FEATURES, insertWorksheets: false }, NOW);
  expect(plain).toMatchObject({ wrote: true, insertedSheets: [] });
});
