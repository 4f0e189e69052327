import { ALL_FEATURES } from "../../src/excel/features";
import { createWorkbookService, type ExcelRun } from "../../src/excel/workbookService";
import type { WorkbookEmulator } from "../../src/preview/emulator";
import { setup, SETUP, unprotect, writeCatalogue } from "./helpers";
import { rendered } from "../support/rendered";

describe("rows typed just below the unit table", () => {
  test("are reported with the cell, and a fresh sheet has no such warning", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    expect(await service.check()).toEqual([]);
    await unprotect(emulator, "Chỉ tiêu");
    // Row 26 is the first row under the 18-row table (rows 8 to 25).
    emulator.typeValue("Chỉ tiêu", "C26", "Chỉ tiêu thêm");
    emulator.typeValue("Chỉ tiêu", "H26", 100);
    emulator.typeValue("Chỉ tiêu", "I26", 90);
    const problems = await service.check();
    expect(problems).toEqual([
      expect.objectContaining({ cell: "H26", severity: "warning", message: expect.stringContaining("ngay dưới bảng tblChiTieu") }),
    ]);
    expect((await service.evaluate()).problems).toEqual(problems);
  });
});

/**
 * The service over the emulator, with `beforeSync(n)` run before its n-th sync (1-based) and
 * `afterSync(n)` after it (throwing there: Excel applied the batch but the answer was lost).
 */
function withFailure(
  emulator: WorkbookEmulator,
  beforeSync: (n: number) => Promise<void> | void,
  afterSync: (n: number) => void = () => undefined,
  features = ALL_FEATURES,
) {
  let n = 0;
  const run: ExcelRun = (batch) =>
    emulator.run((context) => {
      const sync = async () => {
        await beforeSync(++n);
        await context.sync();
        afterSync(n);
      };
      return batch({ ...context, sync } as unknown as Excel.RequestContext);
    });
  return createWorkbookService(run, features);
}

/** Someone adds a name set-up is about to add: Excel keeps the operations before that one. */
async function addConflictingName(emulator: WorkbookEmulator): Promise<void> {
  await emulator.run(async (context) => {
    context.workbook.names.add("TenDonVi", "=1");
    await context.sync();
  });
}

const lostAnswer = () => {
  throw Object.assign(new Error("connection lost"), { code: "GeneralException" });
};

describe("a set-up that fails midway", () => {
  // 2,000 indicators written cell by cell (as without ExcelApi 1.9's copyFrom): set-up writes in
  // two round trips after its two reads.
  const ROWS = 2_000;
  const CELL_BY_CELL = { ...ALL_FEATURES, copyFormulas: false };

  async function fresh() {
    const { emulator, service } = setup(CELL_BY_CELL);
    await writeCatalogue(emulator, ROWS);
    return { emulator, service };
  }

  test("after its first write round trip: reported as partly done, and the next set-up makes the sheets again", async () => {
    const expected = await fresh();
    await expected.service.setUp({ ...SETUP, catalogue: "workbook" });

    const { emulator, service } = await fresh();
    // The second write fails: Excel refuses it at its first operation on the new sheet.
    const failing = withFailure(
      emulator,
      (n) => {
        if (n === 4) emulator.protectSheet("Chỉ tiêu", "khóa");
      },
      undefined,
      CELL_BY_CELL,
    );
    const stopped = await failing.setUp({ ...SETUP, catalogue: "workbook" });
    expect(rendered(stopped.changes)).toEqual(["Chỉ tiêu", "Quy tắc", "Tiêu chí chung"].map((sheet) => `Đã tạo một phần trang tính "${sheet}" (chưa xong).`));
    expect(stopped.problems.map((p) => p.message)).toEqual([expect.stringContaining("Thiết lập dừng lại, các trang mới chỉ được tạo một phần")]);
    expect(JSON.stringify(stopped)).not.toContain("không thay đổi");

    const finished = await service.setUp({ ...SETUP, catalogue: "workbook" });
    expect(finished.problems).toEqual([]);
    expect(rendered(finished.changes)).toEqual([
      'Đã tạo lại trang tính "Chỉ tiêu" mà lần Thiết lập trước để dở.',
      'Đã tạo lại trang tính "Quy tắc" mà lần Thiết lập trước để dở.',
      'Đã tạo lại trang tính "Tiêu chí chung" mà lần Thiết lập trước để dở.',
    ]);
    // As JSON: a deep comparison of two 2,000-row workbooks takes half a minute.
    expect(JSON.stringify(emulator.snapshot()) === JSON.stringify(expected.emulator.snapshot())).toBe(true);
  }, 60_000);

  test("in its only write round trip: what Excel kept is reported, and the next set-up makes it again", async () => {
    const expected = setup();
    await expected.service.setUp(SETUP);

    const { emulator, service } = setup();
    const failing = withFailure(emulator, async (n) => {
      if (n === 3) await addConflictingName(emulator);
    });
    const stopped = await failing.setUp(SETUP);
    expect(rendered(stopped.changes)).toEqual(["Chỉ tiêu", "Danh mục", "Quy tắc", "Tiêu chí chung"].map((sheet) => `Đã tạo một phần trang tính "${sheet}" (chưa xong).`));
    expect(stopped.problems.map((p) => p.message)).toEqual([expect.stringContaining("chạy Thiết lập lại sẽ tạo lại các trang này")]);

    const finished = await service.setUp(SETUP);
    expect(finished.problems).toEqual([]);
    expect(finished.changes).toHaveLength(4);
    expect(emulator.snapshot()).toEqual(expected.emulator.snapshot());
  });

  test("refused at its first operation: the workbook is unchanged and the message says so", async () => {
    const { emulator } = setup();
    const failing = withFailure(emulator, async (n) => {
      // Someone creates a sheet of the same name between set-up's read and its write.
      if (n === 3) {
        await emulator.run(async (context) => {
          context.workbook.worksheets.add("Chỉ tiêu");
          await context.sync();
        });
      }
    });
    const before = emulator.snapshot();
    const refused = await failing.setUp(SETUP);
    expect(refused.changes).toEqual([]);
    expect(refused.problems.map((p) => p.message)).toEqual([expect.stringContaining("bảng tính không thay đổi")]);
    expect(emulator.snapshot().sheets.map((sheet) => sheet.name)).toEqual([...before.sheets.map((sheet) => sheet.name), "Chỉ tiêu"]);
  });

  test("when Excel applied the whole write but its answer was lost: the sheets are reported as created", async () => {
    const { emulator } = setup();
    const failing = withFailure(emulator, () => undefined, (n) => n === 3 && lostAnswer());
    const lost = await failing.setUp(SETUP);
    expect({ ...lost, changes: rendered(lost.changes) }).toEqual({ changes: ["Chỉ tiêu", "Danh mục", "Quy tắc", "Tiêu chí chung"].map((sheet) => `Đã tạo trang tính "${sheet}".`), problems: [] });
  });

  test("when the workbook cannot be read again after the failure: no claim about what changed", async () => {
    const { emulator } = setup();
    const failing = withFailure(emulator, (n) => (n === 3 ? addConflictingName(emulator) : undefined), (n) => n === 4 && lostAnswer());
    const unknown = await failing.setUp(SETUP);
    expect(unknown.changes).toEqual([]);
    expect(unknown.problems.map((p) => p.message)).toEqual([expect.stringContaining("không kiểm tra được bảng tính đã thay đổi những gì")]);
  });
});
