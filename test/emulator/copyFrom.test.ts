/**
 * Range.copyFrom(source, "Formulas") in the emulator, as Excel pastes formulas: the source tiles a
 * destination that is an exact multiple of it, each formula moves by its offset (relative parts
 * only), references to other sheets keep their sheet, names and text stay, constants are copied as
 * they are, and formats and lock state stay the destination's. The expected formulas are written
 * out by hand, so a wrong shift fails here even though the adapter finds runs with the same shifter.
 */
import { createWorkbookEmulator, type WorkbookEmulator } from "../../src/preview/emulator";

type Emulator = WorkbookEmulator;

async function batch(emu: Emulator, queue: (ws: (name?: string) => Excel.Worksheet, context: Excel.RequestContext) => void): Promise<void> {
  await emu.run(async (context) => {
    queue((name = "Sheet1") => context.workbook.worksheets.getItem(name), context);
    await context.sync();
  });
}

const formulas = (emu: Emulator, sheet: string, addresses: string[]) => addresses.map((a) => emu.cell(sheet, a).formula);

describe("copyFrom with copy type Formulas", () => {
  it("tiles one cell down a column, shifting relative, absolute and mixed references", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Sheet1"] });
    await batch(emu, (ws) => {
      ws().getRange("A1:B6").values = [1, 2, 3, 4, 5, 6].map((n) => [n, n * 10]);
      ws().getRange("C1").formulas = [["=A1+$B$1+B$1*100+$A1*1000"]];
      ws().getRange("C2:C6").copyFrom(ws().getRange("C1"), "Formulas");
    });
    expect(formulas(emu, "Sheet1", ["C2", "C6"])).toEqual(["=A2+$B$1+B$1*100+$A2*1000", "=A6+$B$1+B$1*100+$A6*1000"]);
    // Row n: n + 10 + 1000 + 1000 n.
    expect([1, 2, 3, 4, 5, 6].map((n) => emu.cell("Sheet1", `C${n}`).value)).toEqual([1, 2, 3, 4, 5, 6].map((n) => n + 10 + 1000 + 1000 * n));
  });

  it("tiles a row of formulas over a block an exact multiple of it, across as well as down", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Sheet1"] });
    await batch(emu, (ws) => {
      ws().getRange("A1:B1").formulas = [["=C5", "=$C5+D$5"]];
      ws().getRange("A2:D3").copyFrom(ws().getRange("A1:B1"), "Formulas");
    });
    expect(formulas(emu, "Sheet1", ["A2", "B2", "C2", "D2", "A3", "D3"])).toEqual(["=C6", "=$C6+D$5", "=E6", "=$C6+F$5", "=C7", "=$C7+F$5"]);
  });

  it("pastes once, at the source's size, into a destination that is not a multiple of it, or smaller", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Sheet1"] });
    await batch(emu, (ws) => {
      ws().getRange("A1:A2").formulas = [["=B1"], ["=B2*2"]];
      ws().getRange("C1:C3").copyFrom(ws().getRange("A1:A2"), "Formulas");
      ws().getRange("E1").copyFrom(ws().getRange("A1:A2"), "Formulas");
      ws().getRange("G1:G4").copyFrom(ws().getRange("A1:A2"), "Formulas");
    });
    expect(formulas(emu, "Sheet1", ["C1", "C2", "C3"])).toEqual(["=D1", "=D2*2", null]);
    expect(formulas(emu, "Sheet1", ["E1", "E2"])).toEqual(["=F1", "=F2*2"]);
    expect(formulas(emu, "Sheet1", ["G1", "G2", "G3", "G4"])).toEqual(["=H1", "=H2*2", "=H3", "=H4*2"]);
  });

  it("keeps other sheets' names (quoted or not) on their references, and leaves names, text and fixed rows alone", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Sheet1", "Sheet2", "Lộ trình"] });
    const source = `=SUM('Lộ trình'!B1:B2)+Sheet2!A1+Sheet2!$A$1+NamDotPha+TongDiem_2+LEN("A1 B2")+SUM(A:A)+SUM(Sheet2!1:1)+SUM($3:$3)`;
    await batch(emu, (ws) => {
      ws().getRange("C1").formulas = [[source]];
      ws().getRange("C2:C3").copyFrom(ws().getRange("C1"), "Formulas");
    });
    expect(emu.cell("Sheet1", "C3").formula).toBe(
      `=SUM('Lộ trình'!B3:B4)+Sheet2!A3+Sheet2!$A$1+NamDotPha+TongDiem_2+LEN("A1 B2")+SUM(A:A)+SUM(Sheet2!3:3)+SUM($3:$3)`,
    );
  });

  it("takes a source on another sheet by address, and a reference moved off the sheet becomes #REF!", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Sheet1", "Nguồn"] });
    await batch(emu, (ws) => {
      ws("Nguồn").getRange("B3").formulas = [["=A1+A$1"]];
      ws().getRange("B4:B5").copyFrom("'Nguồn'!B3", "Formulas");
      ws().getRange("B1").copyFrom(ws("Nguồn").getRange("B3"), "Formulas");
    });
    expect(formulas(emu, "Sheet1", ["B4", "B5"])).toEqual(["=A2+A$1", "=A3+A$1"]);
    expect(emu.cell("Sheet1", "B1").formula).toBe("=#REF!+A$1");
  });

  it("copies constants as they are, clears where the source is blank, and keeps the destination's formats and lock state", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Sheet1"] });
    await batch(emu, (ws) => {
      ws().getRange("A1:A3").values = [["'12%"], [7], [""]];
      ws().getRange("A1").format.font.bold = true;
      ws().getRange("B1:B3").values = [["cũ"], ["cũ"], ["cũ"]];
      ws().getRange("B1:B3").numberFormat = [["0%"], ["0%"], ["0%"]];
      ws().getRange("B1:B3").format.protection.locked = false;
      ws().getRange("B1:B3").copyFrom(ws().getRange("A1:A3"), "Formulas");
    });
    expect([1, 2, 3].map((r) => emu.cell("Sheet1", `B${r}`).value)).toEqual(["12%", 7, ""]);
    const b1 = emu.snapshot().sheets[0].cells.find((c) => c.address === "B1");
    expect(b1).toMatchObject({ numberFormat: "0%", locked: false, font: { bold: false } });
  });

  it("is counted in the request like any operation, refused on locked cells of a protected sheet, and only as Formulas", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Sheet1"] });
    await batch(emu, (ws) => void (ws().getRange("A1").formulas = [["=1"]]));
    emu.resetStats();
    await batch(emu, (ws) => ws().getRange("A2:A9").copyFrom(ws().getRange("A1"), "Formulas"));
    const request = emu.stats.requestBytes[0];
    expect(request).toBeGreaterThan(new TextEncoder().encode(`"copyFrom""A2:A9""A1""Formulas"`).length);
    await batch(emu, (ws) => ws().protection.protect());
    await expect(batch(emu, (ws) => ws().getRange("B2:B3").copyFrom(ws().getRange("A1"), "Formulas"))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(batch(emu, (ws) => ws().getRange("C2").copyFrom(ws().getRange("A1"), "Values"))).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
