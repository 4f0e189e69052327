/**
 * The live "Công khai" (emulator formula engine): its rows are the engine's ranking (kinds in order
 * of first unit, by rank, ties in unit order, points and level as printed), and typing an actual on
 * one unit sheet re-sorts the table with no rebuild.
 */
import { DEFAULT_CATALOGUE, kindName, LEVEL_NAMES } from "../../src/domain";
import { LOWERED_SUFFIX, TIE_LEVEL, PUBLIC_HEADER_ROW, PUBLIC_MARK_ROW, PUBLIC_SHEET, PROVISIONAL_MARK, REBUILD_MARK, NAMES, placedName, sharedWorkbook, unitPlace, unitSheetPositions } from "../../src/layout";
import { engineConsolidation, expectedPublicRows, unitParams, type UnitCase } from "../support/sharedUnits";
import { load } from "./layoutLoader";
import type { WorkbookEmulator } from "../../src/preview/emulator";

const UNITS: readonly UnitCase[] = [
  { name: "Xã Đại Đình", kind: "commune", exceeded: 2, common: 24 },
  { name: "Huyện Tam Đảo", kind: "district", exceeded: 6, common: 28 },
  { name: "Huyện Sông Lô", kind: "district", exceeded: 6, common: 27 },
  { name: "Xã Hồ Sơn", kind: "commune", exceeded: 1, common: 26 },
  { name: "Huyện Lập Thạch", kind: "district", exceeded: 0, common: 27 },
  { name: "Xã Tam Quan", kind: "commune", exceeded: 1, common: 24 },
  { name: "Huyện Yên Lạc", kind: "district", exceeded: 0, common: null },
];

function rows(emu: WorkbookEmulator, count: number) {
  return Array.from({ length: count }, (_, r) =>
    ["A", "B", "C", "D", "E"].map((c) => {
      const v = emu.cell(PUBLIC_SHEET, `${c}${PUBLIC_HEADER_ROW + 1 + r}`).value;
      return v === "" ? null : v;
    }),
  );
}

test("rows are the engine's ranking; an actual typed on a unit sheet re-sorts them", async () => {
  const layout = sharedWorkbook(UNITS.map((u) => unitParams(u, "good")), { comparison: true });
  const emu = await load(layout);
  const expected = expectedPublicRows(UNITS, engineConsolidation(UNITS, "good", new Set()));
  expect(expected.length).toBe(UNITS.length + 2);
  expect(rows(emu, expected.length)).toEqual(expected);
  // Tam Đảo and Sông Lô are lowered by the quota (0 of 2 excellent allowed) and the page says so;
  // Sông Lô and Lập Thạch tie on points (all met, 27 common): sheet order; Yên Lạc has no points: last of its level.
  expect(expected.filter((r) => typeof r[0] === "number" && String(r[1]).startsWith("Huyện")).map((r) => [r[1], r[3]])).toEqual([
    ["Huyện Tam Đảo", 1],
    ["Huyện Sông Lô", 2],
    ["Huyện Lập Thạch", 2],
    ["Huyện Yên Lạc", 4],
  ]);
  expect(expected.find((r) => r[1] === "Huyện Tam Đảo")?.[4]).toBe(`${LEVEL_NAMES.good} (đề xuất)${LOWERED_SUFFIX}`);
  expect(emu.cell(PUBLIC_SHEET, `A${PUBLIC_MARK_ROW}`).value).toBe(PROVISIONAL_MARK);

  // Tam Đảo misses its first increase indicator: not every indicator met, its level falls below good,
  // so it ranks after every good unit, Yên Lạc (no points) included.
  const { firstRow } = unitSheetPositions(DEFAULT_CATALOGUE.indicators.length);
  const first = DEFAULT_CATALOGUE.indicators.findIndex((i) => i.direction === "increase");
  emu.typeValue(unitPlace(2).sheet, `I${firstRow + first}`, 50);
  const after = rows(emu, expected.length);
  const districts = after.filter((r) => typeof r[0] === "number" && String(r[1]).startsWith("Huyện")).map((r) => r[1]);
  expect(districts).toEqual(["Huyện Sông Lô", "Huyện Lập Thạch", "Huyện Yên Lạc", "Huyện Tam Đảo"]);
  expect(after.map((r) => r[0])).toEqual(expected.map((r) => r[0]));

  // A unit changes kind: the rows built no longer fit the kinds present, so the mark asks for a rebuild.
  const kindCell = layout.names.find((n) => n.name === placedName(NAMES.unitKind, unitPlace(7)));
  if (!kindCell) throw new Error("no kind name");
  emu.typeValue(kindCell.sheet, kindCell.ref.replace(/\$/g, ""), kindName("department"));
  expect(emu.cell(PUBLIC_SHEET, `A${PUBLIC_MARK_ROW}`).value).toBe(REBUILD_MARK);
});

test("a tie at the cut prints as a tie, and a unit rated below completes ranks after whatever its points", async () => {
  const units: readonly UnitCase[] = [
    { name: "Huyện Tam Đảo", kind: "district", exceeded: 6, common: 27 },
    { name: "Huyện Sông Lô", kind: "district", exceeded: 6, common: 27 },
    { name: "Huyện Lập Thạch", kind: "district", exceeded: 0, common: 25 },
    { name: "Huyện Yên Lạc", kind: "district", exceeded: 0, common: 24 },
    { name: "Huyện Tam Dương", kind: "district", exceeded: 0, common: 23 },
    { name: "Huyện Bình Xuyên", kind: "district", exceeded: 0, common: 22 },
    { name: "Huyện Vĩnh Tường", kind: "district", exceeded: 9, common: 29, final: "complete" },
  ];
  const layout = sharedWorkbook(units.map((u) => unitParams(u, "good")), { comparison: true });
  const emu = await load(layout);
  const c = engineConsolidation(units, "good", new Set());
  // 1 ≤ 20 % × (4 good + 1 lowered): one of two equal excellent keeps it, the committee says which.
  expect(c.quota[0]).toMatchObject({ allowed: 1, tieAtCut: true });
  const expected = expectedPublicRows(units, c);
  expect(rows(emu, expected.length)).toEqual(expected);
  expect(expected.slice(1, 3).map((r) => [r[1], r[3], r[4]])).toEqual([
    ["Huyện Tam Đảo", 1, TIE_LEVEL],
    ["Huyện Sông Lô", 1, TIE_LEVEL],
  ]);
  expect(expected[expected.length - 1].slice(1, 4)).toEqual(["Huyện Vĩnh Tường", "99", 7]);
});
