// "Cập nhật bảng tính" after the head's name changed on a protected unit sheet (issue 15 §5): the
// new name is written and said so, with no protection error; and a write Excel stops half way
// says which heading cells it wrote and which not (issue 18 §8), never "nothing written".
import { NAMES } from "../../src/layout";
import { createWorkbookService, type ExcelRun } from "../../src/excel/workbookService";
import { ALL_FEATURES } from "../../src/excel/features";
import type { WorkbookEmulator } from "../../src/preview/emulator";
import { cellOf, setup, SETUP } from "./helpers";
import { rendered } from "../support/rendered";

test("a new head's name is written, reported, and the sheet stays protected", async () => {
  const { emulator, service } = setup();
  await service.setUp(SETUP);
  expect(emulator.snapshot().sheets.find((s) => s.name === "Chỉ tiêu")?.protection.protected).toBe(true);
  const updated = await service.setUp({ ...SETUP, head: "Trần Thị B" });
  expect(updated.problems).toEqual([]);
  expect(rendered(updated.changes)).toEqual(["Đã ghi người đứng đầu: Trần Thị B."]);
  expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.head)).value).toBe("Trần Thị B");
  expect(emulator.snapshot().sheets.find((s) => s.name === "Chỉ tiêu")?.protection.protected).toBe(true);
});

/**
 * The service over the emulator, where writing `address` of "Chỉ tiêu" goes to a cell of a sheet
 * locked with a password: Excel refuses that operation and keeps those queued before it.
 */
function refusingCell(emulator: WorkbookEmulator, address: string) {
  const run: ExcelRun = (batch) =>
    emulator.run((context) => {
      const sheets = context.workbook.worksheets;
      const getItem = (name: string) => {
        const sheet = sheets.getItem(name);
        if (name !== "Chỉ tiêu") return sheet;
        return new Proxy(sheet, {
          get: (target, key) =>
            key === "getRange"
              ? (a: string) => (a === address ? sheets.getItem("Khóa").getRange("A1") : target.getRange(a))
              : (Reflect.get(target, key) as unknown),
        });
      };
      const worksheets = new Proxy(sheets, { get: (target, key) => (key === "getItem" ? getItem : (Reflect.get(target, key) as unknown)) });
      const workbook = new Proxy(context.workbook, { get: (target, key) => (key === "worksheets" ? worksheets : (Reflect.get(target, key) as unknown)) });
      return batch({ ...context, workbook, sync: () => context.sync() } as unknown as Excel.RequestContext);
    });
  return createWorkbookService(run, ALL_FEATURES);
}

test("a write Excel stops after the head's name says the head was written and the year not, and protects the sheet again", async () => {
  const { emulator, service } = setup();
  await service.setUp(SETUP);
  await emulator.run(async (context) => {
    context.workbook.worksheets.add("Khóa");
    await context.sync();
  });
  emulator.protectSheet("Khóa", "bí mật");
  const yearCell = cellOf(emulator, NAMES.year);
  const stopped = await refusingCell(emulator, yearCell).setUp({ ...SETUP, head: "Trần Thị B", year: 2026 });
  expect(rendered(stopped.changes)).toEqual(["Đã ghi người đứng đầu: Trần Thị B."]);
  expect(stopped.problems).toEqual([
    expect.objectContaining({ sheet: "Chỉ tiêu", cell: yearCell, message: expect.stringContaining("Chưa ghi được năm: 2026 (Excel từ chối ghi, AccessDenied)") }),
    expect.objectContaining({ message: expect.stringContaining("những gì Chỉ Tiêu ghi trước chỗ lỗi đã vào bảng tính, phần sau thì chưa") }),
  ]);
  expect(JSON.stringify(stopped)).not.toContain("không ghi được gì");
  expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.head)).value).toBe("Trần Thị B");
  expect(emulator.cell("Chỉ tiêu", yearCell).value).toBe(2021);
  expect(emulator.snapshot().sheets.find((s) => s.name === "Chỉ tiêu")?.protection.protected).toBe(true);
});
