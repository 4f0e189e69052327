/**
 * Probes 1, 2 and 6: LibreOffice really recalculates ExcelJS workbooks (every formula cell is
 * written with a deliberately WRONG cached result), and gives Excel's answers for the functions,
 * defined names, quoted Vietnamese sheet names and protected sheets the add-in generates.
 * All workbooks are recalculated in ONE soffice run (beforeAll) because startup costs seconds.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  CellScalar,
  WorkbookValues,
  definedNameValue,
  loadWorkbook,
  outputDir,
  recalculateXlsx,
  sheetXml,
  isCellLocked,
  definedNamesXml,
  makeTempDir,
  valueAt,
  workbookValues,
} from "../support/libreoffice";

jest.setTimeout(180_000);

const XUAT_SAC = "Hoàn thành xuất sắc nhiệm vụ";
const HOAN_THANH = "Hoàn thành nhiệm vụ";
const KHONG_DAT = "Không đạt";
/** Cached value no correct formula here can produce: if it survives, LibreOffice did not recalculate. */
const WRONG = "SAI-CHƯA-TÍNH";

/** Formula cell whose cached result is wrong on purpose. */
function formula(ws: ExcelJS.Worksheet, address: string, text: string, wrong: CellScalar = WRONG): void {
  ws.getCell(address).value = { formula: text, result: wrong } as ExcelJS.CellFormulaValue;
}

// --- Workbook 1: wrong cached values + the function set of the evaluation engine -------------
function buildFunctions(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đánh giá");
  ws.addRow(["Họ và tên", "Chỉ tiêu", "Kết quả", "Tỷ lệ", "Vượt", "Xếp loại", "Ghi chú"]);
  // [name, target, actual, note]: 100.005/100 is 1.0000499999999999 in binary, ROUND(…,4) must
  // still give 1.0001 (Excel rounds the decimal representation), so ">1" must be TRUE.
  const rows: [string, number, number | null, string | null][] = [
    ["Nguyễn Văn An", 10, 12, "x"],
    ["Trần Thị Bình", 100, 100.005, null],
    ["Lê Văn Cường", 8, 8, "x"],
    ["Phạm Thị Dung", 5, 3, null],
    ["Hoàng Văn Em", 4, null, null],
  ];
  rows.forEach(([name, target, actual, note], i) => {
    const r = i + 2;
    ws.getCell(`A${r}`).value = name;
    ws.getCell(`B${r}`).value = target;
    ws.getCell(`C${r}`).value = actual;
    ws.getCell(`G${r}`).value = note;
    formula(ws, `D${r}`, `ROUND(C${r}/B${r},4)`, -1);
    formula(ws, `E${r}`, `ROUND(C${r}/B${r},4)>1`, r % 2 === 0 ? false : true);
    formula(ws, `F${r}`, `IF(ISBLANK(C${r}),"${KHONG_DAT}",IF(ROUND(C${r}/B${r},4)>1,"${XUAT_SAC}",IF(AND(ISNUMBER(C${r}),C${r}>=B${r}),"${HOAN_THANH}","${KHONG_DAT}")))`);
  });
  formula(ws, "J1", `COUNTIF(F2:F6,"${XUAT_SAC}")`, 99);
  formula(ws, "J2", `COUNTIFS(B2:B6,">=5",F2:F6,"${KHONG_DAT}")`, 99);
  formula(ws, "J3", "SUMPRODUCT((C2:C6>=B2:B6)*(B2:B6>0)*ISNUMBER(C2:C6))", 99);
  formula(ws, "J4", `IF(OR(C5>=B5,G5="x"),"có","không")`);
  formula(ws, "J5", `IFERROR(C2/0,"${KHONG_DAT}")`);
  formula(ws, "J6", `INDEX(A2:A6,MATCH("${KHONG_DAT}",F2:F6,0))`);
  formula(ws, "J7", "ISBLANK(C6)", false);
  formula(ws, "J8", "ISNUMBER(C6)", true);
  formula(ws, "J9", 'COUNTIF(C2:C6,">="&B3)', 99);
  formula(ws, "J10", "MATCH(12,C2:C6,0)", 99);
  return wb;
}

// --- Workbook 2: defined names, quoted Vietnamese sheet names, number stored as text ---------
function buildNames(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const rules = wb.addWorksheet("Quy tắc");
  rules.getCell("A3").value = "Ngưỡng xuất sắc";
  rules.getCell("B3").value = 1.2;
  wb.definedNames.add("'Quy tắc'!$B$3", "NguongXuatSac");
  rules.getCell("A4").value = "Ngưỡng đạt";
  rules.getCell("B4").value = 1;
  rules.getCell("B4").name = "NguongDat"; // the other ExcelJS way to define a name
  formula(rules, "B5", "B3-0.1", 0); // a name pointing at a formula cell
  wb.definedNames.add("'Quy tắc'!$B$5", "NguongTinhToan");

  const targets = wb.addWorksheet("Chỉ tiêu");
  targets.addRow(["Họ và tên", "Chỉ tiêu", "Kết quả"]);
  targets.addRow(["Nguyễn Văn An", 10, 12.5]);
  targets.addRow(["Trần Thị Bình", 10, 10]);
  targets.addRow(["Lê Văn Cường", 10, 9]);
  targets.getCell("C5").value = "12"; // number typed as text (as users paste it)

  const ev = wb.addWorksheet("Đánh giá");
  for (const r of [2, 3, 4]) {
    const ratio = `ROUND('Chỉ tiêu'!C${r}/'Chỉ tiêu'!B${r},4)`;
    formula(ev, `A${r}`, `'Chỉ tiêu'!A${r}`);
    formula(ev, `B${r}`, `IF(${ratio}>=NguongXuatSac,"${XUAT_SAC}",IF(${ratio}>=NguongDat,"${HOAN_THANH}","${KHONG_DAT}"))`);
  }
  formula(ev, "D1", "NguongXuatSac*100", 0);
  formula(ev, "D2", "'Chỉ tiêu'!C5*2", 0);
  formula(ev, "D3", "SUM('Chỉ tiêu'!C5)", -1);
  formula(ev, "D4", "ISNUMBER('Chỉ tiêu'!C5)", true);
  formula(ev, "D5", "VALUE('Chỉ tiêu'!C5)", 0);
  formula(ev, "D6", "'Chỉ tiêu'!C5>10", false);
  formula(ev, "D7", "'Chỉ tiêu'!C5+0>10", false);
  formula(ev, "D8", "COUNTIF('Chỉ tiêu'!C2:C5,\">10\")", 99);
  formula(ev, "D9", "NguongTinhToan", 0);
  return wb;
}

// --- Workbook 3: protected sheets with unlocked input cells ------------------------------------
async function buildProtected(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const rules = wb.addWorksheet("Quy tắc");
  rules.getCell("B3").value = 1.2;
  wb.definedNames.add("'Quy tắc'!$B$3", "NguongXuatSac");
  await rules.protect("", { selectLockedCells: true, selectUnlockedCells: true });

  const ws = wb.addWorksheet("Chỉ tiêu");
  ws.addRow(["Họ và tên", "Chỉ tiêu", "Kết quả", "Xếp loại"]);
  ws.addRow(["Nguyễn Văn An", 10, 13]);
  ws.addRow(["Trần Thị Bình", 10, 9]);
  for (const r of [2, 3]) {
    for (const c of ["B", "C"]) ws.getCell(`${c}${r}`).protection = { locked: false };
    formula(ws, `D${r}`, `IF(ROUND(C${r}/B${r},4)>=NguongXuatSac,"${XUAT_SAC}","${KHONG_DAT}")`);
  }
  formula(ws, "E1", "SUM(C2:C3)", 0);
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return wb;
}

// --- Workbook 4: a single cached value, checked straight from the file ------------------------
function buildMinimal(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getCell("A1").value = 2;
  ws.getCell("A2").value = 3;
  formula(ws, "A3", "A1*A2", 999);
  return wb;
}

interface Probe {
  file: string;
  values: WorkbookValues;
  wb: ExcelJS.Workbook;
}

const probes = new Map<string, Probe>();
let inDir = "";

beforeAll(async () => {
  inDir = makeTempDir("chitieu-recalc-");
  const outDir = outputDir("recalc");
  const built: [string, ExcelJS.Workbook][] = [
    ["functions", buildFunctions()],
    ["names", buildNames()],
    ["protected", await buildProtected()],
    ["minimal", buildMinimal()],
  ];
  const inputs: string[] = [];
  for (const [name, wb] of built) {
    const file = path.join(inDir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    inputs.push(file);
  }
  const outputs = await recalculateXlsx(inputs, outDir);
  for (const [i, [name]] of built.entries()) {
    const wb = await loadWorkbook(outputs[i]);
    probes.set(name, { file: outputs[i], wb, values: workbookValues(wb) });
  }
});

afterAll(() => fs.rmSync(inDir, { recursive: true, force: true }));

function probe(name: string): Probe {
  const p = probes.get(name);
  if (p === undefined) throw new Error(`probe ${name} missing (beforeAll failed?)`);
  return p;
}

describe("probe 1: recalculation and functions", () => {
  test("wrong cached result is replaced by the recalculated one", () => {
    // the input really carried the wrong cache, straight from ExcelJS' XML
    expect(sheetXml(path.join(inDir, "minimal.xlsx"), "Sheet1")).toMatch(/<c r="A3"[^>]*><f>A1\*A2<\/f><v>999<\/v>/);
    expect(sheetXml(probe("minimal").file, "Sheet1")).toMatch(/<c r="A3"[^>]*><f[^>]*>A1\*A2<\/f><v>6<\/v>/);
    expect(valueAt(probe("minimal").values, "Sheet1", "A3")).toBe(6);
  });

  test("ROUND(C/B,4) ratios and the >1 comparison (decimal rounding of 1.00005)", () => {
    const v = (a: string): CellScalar => valueAt(probe("functions").values, "Đánh giá", a);
    expect([2, 3, 4, 5].map((r) => v(`D${r}`))).toEqual([1.2, 1.0001, 1, 0.6]);
    expect([2, 3, 4, 5, 6].map((r) => v(`E${r}`))).toEqual([true, true, false, false, false]);
    expect(v("D6")).toBe(0); // blank actual counts as 0
  });

  test("IF/AND/ISNUMBER/ISBLANK give Vietnamese text results", () => {
    const v = (a: string): CellScalar => valueAt(probe("functions").values, "Đánh giá", a);
    expect([2, 3, 4, 5, 6].map((r) => v(`F${r}`))).toEqual([XUAT_SAC, XUAT_SAC, HOAN_THANH, KHONG_DAT, KHONG_DAT]);
  });

  test("COUNTIF/COUNTIFS/SUMPRODUCT/OR/IFERROR/INDEX/MATCH", () => {
    const v = (a: string): CellScalar => valueAt(probe("functions").values, "Đánh giá", a);
    expect(v("J1")).toBe(2);
    expect(v("J2")).toBe(1); // only Dung: Em's target 4 < 5
    expect(v("J3")).toBe(3);
    expect(v("J4")).toBe("không");
    expect(v("J5")).toBe(KHONG_DAT);
    expect(v("J6")).toBe("Phạm Thị Dung");
    expect(v("J7")).toBe(true);
    expect(v("J8")).toBe(false);
    expect(v("J9")).toBe(1); // criterion built by concatenation: ">=100"
    expect(v("J10")).toBe(1);
  });
});

describe("probe 2: defined names, Vietnamese sheet names, numbers stored as text", () => {
  const v = (a: string): CellScalar => valueAt(probe("names").values, "Đánh giá", a);

  test("workbook-scoped names (definedNames.add and cell.name) used across sheets", () => {
    expect([2, 3, 4].map((r) => v(`A${r}`))).toEqual(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]);
    expect([2, 3, 4].map((r) => v(`B${r}`))).toEqual([XUAT_SAC, HOAN_THANH, KHONG_DAT]);
    expect(v("D1")).toBe(120);
    expect(v("D9")).toBeCloseTo(1.1, 12);
  });

  test("defined names survive the round trip and resolve to their cells", () => {
    const { wb } = probe("names");
    expect(definedNameValue(wb, "NguongXuatSac")).toBe(1.2);
    expect(definedNameValue(wb, "NguongDat")).toBe(1);
    expect(definedNameValue(wb, "NguongTinhToan")).toBeCloseTo(1.1, 12);
    expect(definedNamesXml(probe("names").file).get("NguongXuatSac")).toBe("'Quy tắc'!$B$3");
  });

  test("a number typed as text on another sheet", () => {
    expect(valueAt(probe("names").values, "Chỉ tiêu", "C5")).toBe("12");
    expect(v("D2")).toBe(24); // arithmetic converts unambiguous text, like Excel
    expect(v("D3")).toBe(0); // SUM ignores text in references, like Excel
    expect(v("D4")).toBe(false);
    expect(v("D5")).toBe(12);
    expect(v("D6")).toBe(true); // text > any number in comparisons, like Excel
    expect(v("D7")).toBe(true);
    expect(v("D8")).toBe(1); // COUNTIF skips the text "12"; only 12.5 counts
  });
});

describe("probe 6: sheet protection", () => {
  test("protected sheets still recalculate", () => {
    const { values } = probe("protected");
    expect(valueAt(values, "Chỉ tiêu", "D2")).toBe(XUAT_SAC);
    expect(valueAt(values, "Chỉ tiêu", "D3")).toBe(KHONG_DAT);
    expect(valueAt(values, "Chỉ tiêu", "E1")).toBe(22);
  });

  test("protection and unlocked input cells survive the round trip", () => {
    const { file } = probe("protected");
    // From the XML: ExcelJS reads LibreOffice's sheet="true" as unprotected (it expects "1").
    expect(sheetXml(file, "Chỉ tiêu")).toMatch(/<sheetProtection [^>]*sheet="(true|1)"/);
    expect(sheetXml(file, "Quy tắc")).toMatch(/<sheetProtection [^>]*sheet="(true|1)"/);
    // Also from the XML: LibreOffice writes <protection locked="false"/>, ExcelJS expects "0".
    expect(isCellLocked(file, "Chỉ tiêu", "B2")).toBe(false);
    expect(isCellLocked(file, "Chỉ tiêu", "C3")).toBe(false);
    expect(isCellLocked(file, "Chỉ tiêu", "D2")).toBe(true);
    expect(isCellLocked(file, "Chỉ tiêu", "A2")).toBe(true);
  });
});
