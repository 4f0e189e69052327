import { setup, SETUP, unprotect } from "./helpers";

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
