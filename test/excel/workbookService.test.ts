import { DEFAULT_CATALOGUE, evaluate, LEVEL_NAMES } from "../../src/domain";
import { NAMES, RULE_NAMES } from "../../src/layout";
import { cellOf, row, setup, SETUP, writeCatalogue } from "./helpers";
import { rendered } from "../support/rendered";

describe("set up, fill, evaluate, read", () => {
  test("creates the three sheets in at most 3 round trips, and the formulas agree with the engine", async () => {
    const { emulator, service } = setup();
    emulator.resetStats();
    const result = await service.setUp(SETUP);
    expect(result.problems).toEqual([]);
    expect(emulator.stats.syncs).toBeLessThanOrEqual(3);
    const names = emulator.snapshot().sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Chỉ tiêu", "Danh mục", "Quy tắc"]));

    const status = await service.status();
    expect(status).toMatchObject({ hasUnitSheet: true, unitName: "Tam Đảo", unitKind: null, year: 2021, preset: "qd366-2025", rowCount: 18 });
    await service.setUp({ ...SETUP, unitKind: "district" });
    expect(emulator.cell("Chỉ tiêu", "B6").value).toBe("huyện, thị xã, thành phố");
    expect((await service.status()).unitKind).toBe("district");

    // Fill every indicator as a user would, typing into the grid.
    DEFAULT_CATALOGUE.indicators.forEach((indicator, i) => {
      if (indicator.direction === "milestone") {
        emulator.typeValue("Chỉ tiêu", `I${row(i)}`, "Đạt");
      } else {
        emulator.typeValue("Chỉ tiêu", `H${row(i)}`, 100);
        emulator.typeValue("Chỉ tiêu", `I${row(i)}`, indicator.direction === "increase" ? 100 + i : 95);
      }
    });
    // The common score is the competent level's total on the criteria sheet (3 criteria of 10).
    for (const row of [7, 8, 9]) emulator.typeValue("Tiêu chí chung", `F${row}`, 9);

    emulator.resetStats();
    const report = await service.evaluate();
    expect(emulator.stats.syncs).toBeLessThanOrEqual(3);
    expect(report.problems).toEqual([]);
    const engine = evaluate({
      commonScore: 27,
      indicators: DEFAULT_CATALOGUE.indicators.map((indicator, i) => ({
        ...indicator,
        target: indicator.direction === "milestone" ? null : 100,
        actual: indicator.direction === "milestone" ? "Đạt" : indicator.direction === "increase" ? 100 + i : 95,
      })),
    });
    expect(report.evaluation.summary).toEqual(engine.summary);
    expect(report.groups.map((g) => [g.code, g.met, g.total])).toEqual([["1", 4, 4], ["2", 4, 4], ["3", 7, 7], ["4", 3, 3]]);
    // The sheet's own formulas (evaluated by the emulator) show the same level and points.
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.suggestedLevel)).value).toBe(LEVEL_NAMES[engine.summary.level ?? "incomplete"]);
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.points)).value).toBe(engine.summary.points);
    expect(engine.summary.points).not.toBeNull();
  });

  test("evaluate names each group as the workbook's catalogue does, in the same round trips", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    const catalogue = emulator.snapshot().sheets.find((s) => s.name === "Danh mục");
    const firstName = catalogue?.cells.find((c) => c.value === DEFAULT_CATALOGUE.groups[0].name);
    expect(firstName).toBeDefined();
    emulator.typeValue("Danh mục", (firstName as { address: string }).address.replace(/\$/g, ""), "Công tác xây dựng Đảng của huyện");
    emulator.resetStats();
    const report = await service.evaluate();
    expect(emulator.stats.syncs).toBeLessThanOrEqual(3);
    expect(rendered(report.groups.map((g) => g.name))).toEqual(["Công tác xây dựng Đảng của huyện", ...DEFAULT_CATALOGUE.groups.slice(1).map((g) => g.name)]);
  });

  test("re-running set-up changes nothing a person typed", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    emulator.typeValue("Chỉ tiêu", "H8", 2000);
    emulator.typeValue("Chỉ tiêu", "I8", 2100);
    emulator.typeValue("Chỉ tiêu", "O8", "ghi chú của tôi");
    const before = emulator.snapshot();
    const again = await service.setUp(SETUP);
    expect(again.problems).toEqual([]);
    expect(rendered(again.changes)).toEqual(["Bảng tính đã đầy đủ; không cần thay đổi gì."]);
    expect(emulator.snapshot()).toEqual(before);
  });
});

describe("round trips", () => {
  test.each([18, 180, 1800])("the same number of syncs per action for %i rows", async (count) => {
    const { emulator, service } = setup();
    await writeCatalogue(emulator, count);
    const syncs: Record<string, number> = {};
    const measure = async (action: string, run: () => Promise<unknown>) => {
      emulator.resetStats();
      await run();
      syncs[action] = emulator.stats.syncs;
      expect(Math.max(...emulator.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    };
    await measure("setUp", () => service.setUp({ ...SETUP, catalogue: "workbook" }));
    expect((await service.status()).rowCount).toBe(count);
    for (let i = 0; i < count; i++) {
      emulator.typeValue("Chỉ tiêu", `H${row(i)}`, 100);
      emulator.typeValue("Chỉ tiêu", `I${row(i)}`, 100 + (i % 7));
    }
    await measure("check", () => service.check());
    await measure("evaluate", () => service.evaluate());
    expect(syncs).toEqual({ setUp: 3, check: 2, evaluate: 2 });
  }, 300_000);
});

describe("a unit sheet made by an earlier version", () => {
  test("is reported, then upgraded in place by set-up without losing a typed cell", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    emulator.typeValue("Chỉ tiêu", "H8", 2000);
    emulator.typeValue("Chỉ tiêu", "I8", 2100);
    await service.setFinalLevel("good", "excellent");
    // The earlier layout had no reachable level, no disqualifying conditions and no civil-servant cap.
    const added = [NAMES.ceilingLevel, NAMES.degradation, NAMES.sanction, NAMES.corruption, NAMES.civilServantLevel];
    await emulator.run(async (context) => {
      for (const name of added) context.workbook.names.getItem(name).delete();
      await context.sync();
    });
    const before = await service.evaluate();
    expect(before.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: "error", message: expect.stringContaining("XepLoaiToiDa") })]));
    const result = await service.setUp(SETUP);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(rendered(result.changes)).toEqual(expect.arrayContaining([expect.stringContaining("Đã bổ sung khối tổng hợp")]));
    const after = await service.evaluate();
    expect(after.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(after).toMatchObject({ unitLevel: "excellent", finalLevel: "good" });
    expect(emulator.cell("Chỉ tiêu", "I8").value).toBe(2100);
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.ceilingLevel)).value).toBe("Hoàn thành xuất sắc nhiệm vụ");
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.sanction)).value).toBe("Không");
  });

  test("made before QĐ 366 Art. 11: set-up adds the late count, the two answers and their rules, and the sheet agrees with the engine", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    emulator.typeValue("Chỉ tiêu", "H8", 2000);
    emulator.typeValue("Chỉ tiêu", "I8", 2100);
    const added = [NAMES.late, NAMES.disciplineBelow, NAMES.shortcomingsRemedied, RULE_NAMES.completeLateShare, RULE_NAMES.excellenceAnswers];
    await emulator.run(async (context) => {
      for (const name of added) context.workbook.names.getItem(name).delete();
      await context.sync();
    });
    const result = await service.setUp(SETUP);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    const rules = await service.readRules();
    expect(rules.rules).toMatchObject({ completeLateShare: 0.2, excellenceAnswers: true });
    const after = await service.evaluate();
    expect(after.problems.filter((p) => p.severity === "error")).toEqual([]);
    const level = emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.suggestedLevel)).value;
    expect(level).toBe(LEVEL_NAMES[after.evaluation.summary.level ?? "incomplete"]);
  });
});
