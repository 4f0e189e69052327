/**
 * LibreOffice, the independent engine, computes the assignment sheet's sum check (issue 16 §1) as the
 * engine does: Σ of the units' targets and its difference from the province's target, exact for
 * decimals, blank where the indicator does not add up (a rate) or has no province target, a unit
 * without a target left out of Σ; and where the sheet shows a difference, the reader warns on that
 * cell saying by how much, the sheet's figures in its sentence.
 */
import * as fs from "fs";
import * as path from "path";
import { checkAssignment, type Catalogue } from "../../src/domain";
import { assignMsg } from "../../src/domain/messages/assignment";
import { render } from "../../src/domain/messages/localize";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS, assignmentSheet, assignmentSheetName } from "../../src/layout/province";
import { columnLetter } from "../../src/layout/addresses";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { readProvinceWorkbook } from "../../src/xlsx/readAssignment";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { makeTempDir, readXlsxValues, recalculateXlsx, valueAt } from "../support/libreoffice";

jest.setTimeout(180_000);

type Case = { code: string; unit: string; additive: boolean; scope: "all" | "own"; province: number | null; targets: (number | null)[]; direction: "increase" | "decrease" };
const CASES: readonly Case[] = [
  { code: "1.1", unit: "người", additive: true, scope: "all", province: 2000, targets: [1000, 1000, 0], direction: "increase" }, // equal
  { code: "1.2", unit: "người", additive: true, scope: "all", province: 2000, targets: [1000, 900, 0], direction: "increase" }, // 100 short
  { code: "1.3", unit: "tổ chức", additive: true, scope: "all", province: 20, targets: [10, 12, 3], direction: "increase" }, // 5 over
  { code: "1.4", unit: "tỷ đồng", additive: true, scope: "all", province: 0.3, targets: [0.1, 0.2, 0], direction: "increase" }, // decimals, exact
  { code: "1.5", unit: "vụ", additive: true, scope: "all", province: 10, targets: [7, 5.5, 0], direction: "decrease" },
  { code: "1.6", unit: "%", additive: false, scope: "all", province: 90, targets: [90, 95, 80], direction: "increase" }, // a rate: never summed
  { code: "1.7", unit: "tổ chức", additive: true, scope: "all", province: null, targets: [3, 4, 1], direction: "increase" }, // no province target
  { code: "1.8", unit: "người", additive: true, scope: "own", province: 12, targets: [12, null, null], direction: "increase" }, // one unit's own: equal
  { code: "1.9", unit: "người", additive: true, scope: "own", province: 30, targets: [null, 20, null], direction: "increase" }, // missing values, 10 short
];

test("the sheet's Σ and difference agree with the engine's check and the reader's warnings for every row", async () => {
  const catalogue: Catalogue = {
    groups: [{ code: "1", name: "Xây dựng Đảng" }],
    indicators: CASES.map((c) => ({ code: c.code, group: "1", name: `Chỉ tiêu ${c.code}`, unit: c.unit, direction: c.direction, key: false, weight: 1 })),
  };
  const units = [
    { name: "Tam Đảo", head: "A", kind: null },
    { name: "Sông Lô", head: "B", kind: null },
    { name: "Lập Thạch", head: "C", kind: null },
  ];
  const sheet = assignmentSheet({
    index: 1,
    group: "Huyện",
    year: 2021,
    catalogue,
    indicators: CASES.map((c) => ({ code: c.code, additive: c.additive, scope: c.scope, provinceTarget: c.province })),
    units,
    targets: new Map(units.map((u, i) => [u.name, new Map(CASES.flatMap((c) => (c.targets[i] === null ? [] : [[c.code, c.targets[i] as number] as const])))])),
  });
  const dir = makeTempDir("chitieu-assign-lo-");
  const input = path.join(dir, "tinh.xlsx");
  const bytes = await writeXlsx({ sheets: [sheet], names: [] });
  fs.writeFileSync(input, bytes);
  const [output] = await recalculateXlsx([input], path.join(dir, "out"));
  const values = await readXlsxValues(output);
  const address = (key: string, i: number) => `${columnLetter(ASSIGNMENT_COLUMNS.findIndex((c) => c.key === key))}${ASSIGNMENT_ROWS.first + i}`;
  const blankAsNull = (v: unknown) => (v === "" ? null : v);
  const fromSheet = CASES.map((_, i) => [address("sum", i), address("difference", i)].map((a) => blankAsNull(valueAt(values, assignmentSheetName(1), a))));

  const fromEngine = CASES.map((c) => {
    if (!c.additive) return [null, null];
    const check = checkAssignment(c.code, c.province ?? 0, c.targets.filter((t): t is number => t !== null));
    return [check.sum, c.province === null ? null : check.difference];
  });
  expect(fromSheet).toEqual(fromEngine);
  // The cases are what they say: equal, short by 100, over by 5, 0,1 + 0,2 = 0,3, a missing value left out.
  expect(fromSheet.map(([, difference]) => difference)).toEqual([0, -100, 5, 0, 2.5, null, null, 0, -10]);

  // The reader warns where the sheet shows a difference other than 0, with the sheet's Σ and the province's target.
  const warned = readProvinceWorkbook(openXlsx(bytes)).problems.filter((p) => p.severity === "warning");
  const expected = CASES.flatMap((c, i) => {
    const [sum, difference] = fromSheet[i] as [number | null, number | null];
    if (difference === null || difference === 0) return [];
    const say = difference < 0 ? assignMsg.sumShort : assignMsg.sumOver;
    return [{ cell: address("difference", i), detail: render(say.of(c.code, sum as number, c.province as number), "vi") }];
  });
  expect(warned.map((p) => ({ cell: p.cell, detail: p.detail }))).toEqual(expected);
  expect(expected.map((e) => e.cell)).toEqual([address("difference", 1), address("difference", 2), address("difference", 4), address("difference", 8)]);
  fs.rmSync(dir, { recursive: true, force: true });
});
