import { DEFAULT_CATALOGUE } from "../../src/domain";
import { unitPlace } from "../../src/layout";
import { createWorkbookEmulator } from "../../src/preview/emulator";
import { row, setup, SETUP } from "../excel/helpers";

describe("emulator batching and loading", () => {
  it("throws PropertyNotLoaded before load+sync and returns values after", async () => {
    const emu = createWorkbookEmulator();
    emu.typeValue("Sheet1", "A1", 5);
    await emu.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      // Reading before load/sync is the mistake under test, so the Office lint rules are silenced here.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values,address");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[5]]);
      expect(range.address).toBe("Sheet1!A1");
      // eslint-disable-next-line office-addins/load-object-before-read
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("supports array and object load forms and collection items", async () => {
    const emu = createWorkbookEmulator({ sheets: ["Sheet1", "Chỉ tiêu"] });
    await emu.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      const range = sheets.getItem("Chỉ tiêu").getRange("B2:C3");
      range.load(["rowCount", "columnCount"]);
      range.load({ address: true, format: { font: { bold: true } } });
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Chỉ tiêu"]);
      expect(range.address).toBe("'Chỉ tiêu'!B2:C3");
      expect([range.rowCount, range.columnCount]).toEqual([2, 2]);
      expect(range.format.font.bold).toBe(false);
    });
  });

  it("makes client-set properties readable in the same batch", async () => {
    const emu = createWorkbookEmulator();
    await emu.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, 2]];
      // Office lets the client read back what it set in this batch; the lint rule does not know that.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(range.values).toEqual([[1, 2]]);
      await context.sync();
    });
    expect(emu.cell("Sheet1", "B1").value).toBe(2);
  });

  it("counts syncs, including Excel.run's final flush of pending work", async () => {
    const emu = createWorkbookEmulator();
    await emu.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
    });
    expect(emu.stats.syncs).toBe(2);
    expect(emu.stats.requestBytes).toHaveLength(2);
    emu.resetStats();
    expect(emu.stats.syncs).toBe(0);
    expect(emu.cell("Sheet1", "A2").value).toBe(2);
  });

  it("counts request bytes including written arrays and rejects batches over the limit", async () => {
    const emu = createWorkbookEmulator({ maxRequestBytes: 2000 });
    const small = [["x".repeat(100)]];
    await emu.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = small;
      await context.sync();
    });
    expect(emu.stats.requestBytes[0]).toBeGreaterThan(100);
    const big = Array.from({ length: 50 }, (_, i) => [`row ${i} ${"y".repeat(50)}`]);
    await expect(
      emu.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("B1").values = [[1]];
        sheet.getRange("A1:A50").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(emu.stats.requestBytes[1]).toBeGreaterThan(2000);
    expect(emu.cell("Sheet1", "B1").value).toBe("");
    expect(emu.cell("Sheet1", "A2").value).toBe("");
  });

  it("uses a 5 MB default limit", async () => {
    const emu = createWorkbookEmulator();
    const rows = Array.from({ length: 6000 }, () => ["z".repeat(1000)]);
    await expect(
      emu.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = rows;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("applies latency once per sync", async () => {
    // The waits the emulator asks for, not the wall clock: a loaded machine stretches the clock.
    const timeout = jest.spyOn(global, "setTimeout");
    const waits = () => timeout.mock.calls.map(([, ms]) => ms);
    try {
      const emu = createWorkbookEmulator({ latencyMs: 40 });
      await emu.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.load("values");
        await context.sync();
        r.values = [[1]];
        await context.sync();
      });
      expect(waits()).toEqual([40, 40]);
      timeout.mockClear();
      emu.setLatency(0);
      await emu.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
        await context.sync();
      });
      expect(waits()).toEqual([0]);
    } finally {
      timeout.mockRestore();
    }
  });

  it("surfaces ItemNotFound at sync, keeping earlier operations applied", async () => {
    const emu = createWorkbookEmulator();
    await expect(
      emu.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("Sheet1").getRange("A1").values = [["before"]];
        const missing = sheets.getItem("Missing");
        missing.getRange("A1").values = [[1]];
        sheets.getItem("Sheet1").getRange("A2").values = [["after"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(emu.cell("Sheet1", "A1").value).toBe("before");
    expect(emu.cell("Sheet1", "A2").value).toBe("");
  });

  it("reports null objects via isNullObject", async () => {
    const emu = createWorkbookEmulator();
    await emu.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      const name = context.workbook.names.getItemOrNullObject("Nothing");
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(name.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Sheet1");
    });
  });

  it("rejects a values array of the wrong shape and a bad address with InvalidArgument", async () => {
    const emu = createWorkbookEmulator();
    await expect(
      emu.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      emu.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A0:??");
        r.load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("a shared workbook: round trips do not grow with the number of units", () => {
  /** Syncs of each action on the last unit of a workbook with `count` units, figures typed in. */
  async function syncsWith(count: number): Promise<Record<string, number>> {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    for (let i = 2; i <= count; i++) await service.setUp({ ...SETUP, unitName: `Đơn vị ${i}`, addUnit: true });
    const sheet = unitPlace(count).sheet;
    DEFAULT_CATALOGUE.indicators.forEach((indicator, i) => {
      if (indicator.direction !== "milestone") {
        emulator.typeValue(sheet, `H${row(i)}`, 100);
        emulator.typeValue(sheet, `I${row(i)}`, 100 + i);
      }
    });
    const syncs: Record<string, number> = {};
    const measure = async (action: string, run: () => Promise<unknown>) => {
      emulator.resetStats();
      await run();
      syncs[action] = emulator.stats.syncs;
    };
    await measure("status", () => service.status());
    await measure("check", () => service.check());
    await measure("evaluate", () => service.evaluate());
    await measure("setFinalLevel", () => service.setFinalLevel("good", "good"));
    await measure("preparePrint", () => service.preparePrint({}));
    await measure("buildComparison", () => service.buildComparison());
    await service.selectCell(sheet, "A1");
    // The last unit's own "Theo dõi n", created, recorded and read from that sheet.
    await measure("createFollowUp", () => service.createFollowUp());
    await measure("recordSnapshot", () => service.recordSnapshot({ period: 1, asOf: `${SETUP.year}-06-30` }));
    await measure("readFollowUp", () => service.readFollowUp());
    await measure("addUnit", () => service.setUp({ ...SETUP, unitName: "Thêm", addUnit: true }));
    return syncs;
  }

  it("is the same for 2 and 6 units, and small", async () => {
    const two = await syncsWith(2);
    expect(two).toEqual({ status: 2, check: 2, evaluate: 2, setFinalLevel: 3, preparePrint: 3, buildComparison: 3, createFollowUp: 3, recordSnapshot: 3, readFollowUp: 2, addUnit: 3 });
    expect(await syncsWith(6)).toEqual(two);
  }, 120_000);
});
