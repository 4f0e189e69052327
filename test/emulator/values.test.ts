import { createWorkbookEmulator } from "../../src/preview/emulator";

async function write(emu: ReturnType<typeof createWorkbookEmulator>, sheet: string, address: string, prop: "values" | "formulas" | "numberFormat", data: unknown[][]) {
  await emu.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    (range as unknown as Record<string, unknown>)[prop] = data;
    await context.sync();
  });
}

describe("emulator values, formulas and typed input", () => {
  it("round-trips values and formulas", async () => {
    const emu = createWorkbookEmulator();
    await write(emu, "Sheet1", "A1:C1", "values", [[1, "text", true]]);
    await write(emu, "Sheet1", "A2:B2", "formulas", [["=A1*2", 7]]);
    await emu.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2");
      r.load("values,formulas,valueTypes,text");
      await context.sync();
      expect(r.values).toEqual([[1, "text", true], [2, 7, ""]]);
      expect(r.formulas).toEqual([[1, "text", true], ["=A1*2", 7, ""]]);
      expect(r.valueTypes).toEqual([["Double", "String", "Boolean"], ["Double", "Double", "Empty"]]);
      expect(r.text).toEqual([["1", "text", "TRUE"], ["2", "7", ""]]);
    });
  });

  it("treats '=' and '+' strings as formulas, apostrophes and text-formatted cells as text", async () => {
    const emu = createWorkbookEmulator();
    await write(emu, "Sheet1", "A1:A2", "values", [[10], [20]]);
    await write(emu, "Sheet1", "B1", "numberFormat", [["@"]]);
    await write(emu, "Sheet1", "B1:B6", "values", [["=A1+1"], ["=A1+1"], ["+A2"], ["'=A1"], ["-abc"], ["12"]]);
    expect(emu.cell("Sheet1", "B1")).toMatchObject({ value: "=A1+1", formula: null });
    expect(emu.cell("Sheet1", "B2")).toMatchObject({ value: 11, formula: "=A1+1" });
    expect(emu.cell("Sheet1", "B3")).toMatchObject({ value: 20, formula: "=+A2" });
    expect(emu.cell("Sheet1", "B4")).toMatchObject({ value: "=A1", formula: null });
    expect(emu.cell("Sheet1", "B5")).toMatchObject({ formula: "=-abc", value: "#NAME?" });
    expect(emu.cell("Sheet1", "B6").value).toBe(12);
  });

  it("clears with empty strings and leaves null entries unchanged", async () => {
    const emu = createWorkbookEmulator();
    await write(emu, "Sheet1", "A1:B1", "values", [[1, 2]]);
    await write(emu, "Sheet1", "A1:B1", "values", [["", null]]);
    expect(emu.cell("Sheet1", "A1").value).toBe("");
    expect(emu.cell("Sheet1", "B1").value).toBe(2);
  });

  it("applies a scalar to every cell and formats text", async () => {
    const emu = createWorkbookEmulator();
    await emu.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.values = 1234.567 as unknown as unknown[][];
      r.numberFormat = [["#,##0", "0.0%"], ["0.00", "General"]];
      r.load("text");
      await context.sync();
      expect(r.text).toEqual([["1,235", "123456.7%"], ["1234.57", "1234.567"]]);
    });
  });

  it("evaluates cross-sheet Vietnamese references, defined names and Excel functions", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Chỉ tiêu", "Quy tắc"] });
    emu.typeValue("Quy tắc", "B3", 0.8);
    for (const [address, value] of [["A1", "Đạt"], ["A2", "Không đạt"], ["A3", "Đạt"], ["B1", 3], ["B2", 4], ["B3", 5]] as const) {
      emu.typeValue("Chỉ tiêu", address, value);
    }
    await emu.run(async (context) => {
      context.workbook.names.add("NguongDat", "='Quy tắc'!$B$3", "ngưỡng");
      const sheet = context.workbook.worksheets.getItem("Chỉ tiêu");
      sheet.getRange("C1:C9").formulas = [
        ["='Quy tắc'!$B$3*10"],
        ["=NguongDat+1"],
        ['=COUNTIFS(A1:A3,"Đạt",B1:B3,">3")'],
        ["=SUMPRODUCT(B1:B3,B1:B3)"],
        ["=ROUND(10/3,2)"],
        ["=1/0"],
        ['=IFERROR(1/0,"x")'],
        ['=INDEX(B1:B3,MATCH("Không đạt",A1:A3,0))'],
        ['=IF(AND(COUNTA(A1:A3)=3,ISBLANK(D1),MAX(B1:B3)=5,MIN(B1:B3)=3),CHOOSE(2,"a","b"),"no")'],
      ];
      await context.sync();
    });
    const values = ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"].map((a) => emu.cell("Chỉ tiêu", a).value);
    expect(values).toEqual([8, 1.8, 1, 50, 3.33, "#DIV/0!", "x", 4, "b"]);
  });

  it("recomputes dependents after each sync and survives cycles", async () => {
    const emu = createWorkbookEmulator();
    await write(emu, "Sheet1", "A1:A3", "formulas", [["=A2*2"], ["=A3+1"], [1]]);
    expect(emu.cell("Sheet1", "A1").value).toBe(4);
    emu.typeValue("Sheet1", "A3", 10);
    expect(emu.cell("Sheet1", "A1").value).toBe(22);
    await write(emu, "Sheet1", "B1:B2", "formulas", [["=B2+1"], ["=B1+1"]]);
    expect(emu.cell("Sheet1", "B1").value).toBe("#REF!");
    expect(emu.cell("Sheet1", "B2").value).toBe("#REF!");
  });

  it("reads recomputed formula values in the same batch as the write", async () => {
    const emu = createWorkbookEmulator();
    await emu.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A2").formulas = [[2], ["=A1*3"]];
      const b = sheet.getRange("A2");
      b.load("values");
      await context.sync();
      expect(b.values).toEqual([[6]]);
    });
  });

  it("supports unknown-function and bad-reference errors", async () => {
    const emu = createWorkbookEmulator();
    await write(emu, "Sheet1", "A1:A2", "formulas", [["=NOSUCHFN(1)"], ["=Missing!A1"]]);
    expect(emu.cell("Sheet1", "A1").value).toBe("#NAME?");
    expect(emu.cell("Sheet1", "A2").value).toBe("#REF!");
  });

  it("evaluates LARGE, SMALL and ROW of a range inside SUMPRODUCT as Excel does (the leader's nth task)", async () => {
    const emu = createWorkbookEmulator();
    await write(emu, "Sheet1", "A1:B4", "values", [["a", 5], ["b", 2], ["a", 9], ["c", 4]]);
    await write(emu, "Sheet1", "D1:D8", "formulas", [
      ['=SUMPRODUCT((A1:A4="a")*ROW(A1:A4))'],
      ['=SUMPRODUCT(LARGE((A1:A4="a")*ROW(A1:A4),2))'],
      ['=SUMPRODUCT(LARGE((A1:A4="a")*ROW(A1:A4),1))'],
      ["=LARGE(B1:B4,2)"],
      ["=SMALL(B1:B4,1)"],
      ["=LARGE(B1:B4,5)"],
      ["=ROW(B3)"],
      ["=ROW()"],
    ]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((row) => emu.cell("Sheet1", `D${row}`).value)).toEqual([4, 1, 3, 5, 2, "#NUM!", 3, 8]);
  });
});
