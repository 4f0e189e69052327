import { createWorkbookEmulator } from "../../src/preview/emulator";

describe("emulator protection", () => {
  it("blocks locked cells and accepts unlocked cells on a protected sheet", async () => {
    const emu = createWorkbookEmulator();
    await emu.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2:B3").format.protection.locked = false;
      sheet.protection.protect({ allowFormatCells: false }, "secret");
      sheet.load("protection/protected");
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
      sheet.getRange("B2:B3").values = [["=1+1"], [5]];
      await context.sync();
    });
    expect(emu.cell("Sheet1", "B2")).toMatchObject({ value: 2, locked: false });
    await expect(
      emu.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      emu.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.font.bold = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      emu.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").tables.add("D1:E3", true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      emu.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").protection.unprotect("wrong");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await emu.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.protection.unprotect("secret");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(emu.cell("Sheet1", "A1").value).toBe(1);
  });

  it("protectSheet helper and structural changes", async () => {
    const emu = createWorkbookEmulator();
    emu.protectSheet("Sheet1");
    await expect(
      emu.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
        r.dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await emu.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.unprotect();
      await context.sync();
    });
    expect(emu.snapshot().sheets[0].protection.protected).toBe(false);
  });
});

describe("emulator tables", () => {
  it("adds tables, rows, and exposes header and body ranges", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Dữ liệu"] });
    emu.typeValue("Dữ liệu", "A6", "below");
    await emu.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Dữ liệu");
      sheet.getRange("A1:B3").values = [["Tên", "Điểm"], ["An", 8], ["Bình", 9]];
      const table = sheet.tables.add("A1:B3", true);
      table.name = "DiemSo";
      table.rows.add(undefined, [["Chi", 7]]);
      table.rows.add(0, [["Dũng", 6]]);
      const header = table.getHeaderRowRange();
      const body = table.getDataBodyRange();
      header.load("values,address");
      body.load("values,address");
      table.rows.load("count");
      table.columns.load("items/name");
      const missing = sheet.tables.getItemOrNullObject("Nope");
      await context.sync();
      expect(header.values).toEqual([["Tên", "Điểm"]]);
      expect(header.address).toBe("'Dữ liệu'!A1:B1");
      expect(body.address).toBe("'Dữ liệu'!A2:B5");
      expect(body.values).toEqual([["Dũng", 6], ["An", 8], ["Bình", 9], ["Chi", 7]]);
      expect(table.rows.count).toBe(4);
      expect(table.columns.items.map((c) => c.name)).toEqual(["Tên", "Điểm"]);
      expect(missing.isNullObject).toBe(true);
    });
    expect(emu.cell("Dữ liệu", "A8").value).toBe("below");
    const snap = emu.snapshot();
    expect(snap.sheets[0].tables[0]).toMatchObject({ name: "DiemSo", range: "A1:B5", columns: ["Tên", "Điểm"] });
  });

  it("rejects overlapping tables and duplicate names; getItem of a missing table fails at sync", async () => {
    const emu = createWorkbookEmulator();
    await emu.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true);
      await context.sync();
    });
    await expect(
      emu.run(async (context) => {
        context.workbook.tables.add("Sheet1!B2:C4", true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      emu.run(async (context) => {
        const t = context.workbook.tables.getItem("Missing");
        t.load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("emulator sheets and names", () => {
  it("renaming updates references; deleting turns them into #REF!", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Chỉ tiêu", "Quy tắc"] });
    emu.typeValue("Quy tắc", "B3", 2);
    emu.typeValue("Chỉ tiêu", "A1", "='Quy tắc'!B3*3");
    await emu.run(async (context) => {
      context.workbook.names.add("HeSo", context.workbook.worksheets.getItem("Quy tắc").getRange("B3"));
      await context.sync();
    });
    emu.typeValue("Chỉ tiêu", "A2", "=HeSo+1");
    emu.renameSheet("Quy tắc", "Rules");
    expect(emu.cell("Chỉ tiêu", "A1")).toMatchObject({ value: 6, formula: "=Rules!B3*3" });
    await emu.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Rules");
      sheet.name = "Quy định mới";
      const name = context.workbook.names.getItemOrNullObject("HeSo");
      name.load("formula");
      await context.sync();
      expect(name.formula).toBe("='Quy định mới'!$B$3");
    });
    expect(emu.cell("Chỉ tiêu", "A1").formula).toBe("='Quy định mới'!B3*3");
    expect(emu.cell("Chỉ tiêu", "A2").value).toBe(3);
    emu.deleteSheet("Quy định mới");
    expect(emu.cell("Chỉ tiêu", "A1")).toMatchObject({ value: "#REF!", formula: "=#REF!B3*3" });
    expect(emu.cell("Chỉ tiêu", "A2").value).toBe("#REF!");
  });

  it("adds sheets, activates, page layout, freeze panes, validation and conditional formats into the snapshot", async () => {
    const emu = createWorkbookEmulator();
    await emu.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Báo cáo");
      sheet.activate();
      sheet.pageLayout.orientation = "Landscape" as Excel.PageOrientation;
      sheet.pageLayout.paperSize = "A4" as Excel.PaperType;
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintTitleRows("$1:$2");
      sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Trang &P";
      sheet.freezePanes.freezeRows(2);
      const r = sheet.getRange("A1:B2");
      r.merge();
      r.format.horizontalAlignment = "Center" as Excel.HorizontalAlignment;
      r.format.fill.color = "#ffcc00";
      r.format.columnWidth = 100;
      r.format.borders.getItem("EdgeBottom" as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
      const v = sheet.getRange("C1:C10");
      v.dataValidation.rule = { decimal: { operator: "Between" as Excel.DataValidationOperator, formula1: 0, formula2: 1 } };
      const cf = v.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = "=C1>0.5";
      cf.custom.format.fill.color = "#00FF00";
      const count = v.conditionalFormats.getCount();
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("name,position");
      await context.sync();
      // ClientResult.value is filled by the sync; the lint rule mistakes it for a proxy property.
      // eslint-disable-next-line office-addins/load-object-before-read
      expect(count.value).toBe(1);
      expect(active.name).toBe("Báo cáo");
      expect(active.position).toBe(1);
    });
    const snap = emu.snapshot().sheets[1];
    expect(snap.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "'Báo cáo'!$1:$2" });
    expect(snap.pageLayout.headersFooters.centerFooter).toBe("Trang &P");
    expect(snap.freezePanes.rows).toBe(2);
    expect(snap.merges).toEqual(["A1:B2"]);
    expect(snap.cells[0]).toMatchObject({ address: "A1", fill: "#FFCC00", alignment: { horizontal: "Center" } });
    expect(snap.columnWidths).toEqual({ A: 100, B: 100 });
    expect(snap.dataValidations[0]).toMatchObject({ range: "C1:C10", type: "Decimal" });
    expect(snap.conditionalFormats[0]).toMatchObject({ formula: "=C1>0.5", format: { "fill.color": "#00FF00" } });
  });

  it("rejects invalid enum values", async () => {
    const emu = createWorkbookEmulator();
    await expect(
      emu.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Sideways" as Excel.PageOrientation;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
