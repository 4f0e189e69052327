/**
 * A level refused at its source (issue 15 §1, docs/rules.md §2): a disqualified unit or head is
 * "incomplete" whatever the points, so the pane neither sets a final level above it nor prints
 * one typed by hand.
 */
import { LEVEL_NAMES } from "../../src/domain";
import { DISQUALIFIER_CELL_NAMES, NAMES } from "../../src/layout";
import { cellOf, setup, SETUP } from "./helpers";

async function disqualified() {
  const ctx = setup();
  await ctx.service.setUp(SETUP);
  ctx.emulator.typeValue("Chỉ tiêu", "H8", 2000);
  ctx.emulator.typeValue("Chỉ tiêu", "I8", 2100);
  ctx.emulator.typeValue("Chỉ tiêu", cellOf(ctx.emulator, DISQUALIFIER_CELL_NAMES.sanction), "Có");
  return ctx;
}

test("a final level above incomplete is refused for a disqualified unit; incomplete is set", async () => {
  const { emulator, service } = await disqualified();
  const refused = await service.setFinalLevel("good", "excellent");
  expect(refused).toEqual({
    ok: false,
    reason: expect.stringContaining("có điều kiện không hoàn thành nhiệm vụ"),
    said: { id: "sheet.disqualifiedFinal", params: ["good", ["sanction"]] },
  });
  expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.finalLevel)).value).toBe("");
  expect(await service.setFinalLevel("incomplete", "excellent")).toEqual({ ok: true });
  expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.finalLevel)).value).toBe(LEVEL_NAMES.incomplete);
});

test("a final level typed by hand above incomplete for a disqualified unit is an error at its cell: Bản in is refused", async () => {
  const { emulator, service } = await disqualified();
  expect(await service.setFinalLevel("incomplete", "excellent")).toEqual({ ok: true });
  const final = cellOf(emulator, NAMES.finalLevel);
  emulator.typeValue("Chỉ tiêu", final, LEVEL_NAMES.good);
  const problems = await service.preparePrint({});
  expect(problems.map((p) => [p.cell, p.severity])).toEqual([[final, "error"]]);
  expect(problems[0].message).toContain(`Không thể xếp mức "${LEVEL_NAMES.good}"`);
  expect(emulator.snapshot().sheets.map((s) => s.name)).not.toContain("Bản in");
});
