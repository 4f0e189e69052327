/**
 * LibreOffice, the independent engine, computes the assignment sheet's sum check (issue 16 §1) as the
 * engine's checkAssignment does: Σ of the units' targets and its difference from the province's
 * target, exact for decimals, blank where the indicator does not add up or has no province target.
 */
import * as fs from "fs";
import * as path from "path";
import { checkAssignment, type Catalogue } from "../../src/domain";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS, assignmentSheet, assignmentSheetName } from "../../src/layout/province";
import { columnLetter } from "../../src/layout/addresses";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { makeTempDir, readXlsxValues, recalculateXlsx, valueAt } from "../support/libreoffice";

jest.setTimeout(180_000);

const CASES = [
  { code: "1.1", unit: "người", additive: true, province: 2000, targets: [1000, 900], direction: "increase" as const },
  { code: "1.2", unit: "tỷ đồng", additive: true, province: 0.3, targets: [0.1, 0.2], direction: "increase" as const },
  { code: "1.3", unit: "vụ", additive: true, province: 10, targets: [7, 5.5], direction: "decrease" as const },
  { code: "1.4", unit: "%", additive: false, province: 90, targets: [90, 95], direction: "increase" as const },
  { code: "1.5", unit: "tổ chức", additive: true, province: null, targets: [3, 4], direction: "increase" as const },
];

test("the sheet's Σ and difference agree with the engine's check for every row", async () => {
  const catalogue: Catalogue = {
    groups: [{ code: "1", name: "Xây dựng Đảng" }],
    indicators: CASES.map((c) => ({ code: c.code, group: "1", name: `Chỉ tiêu ${c.code}`, unit: c.unit, direction: c.direction, key: false, weight: 1 })),
  };
  const units = [
    { name: "Tam Đảo", head: "A", kind: null },
    { name: "Sông Lô", head: "B", kind: null },
  ];
  const sheet = assignmentSheet({
    index: 1,
    group: "Huyện",
    year: 2021,
    catalogue,
    indicators: CASES.map((c) => ({ code: c.code, additive: c.additive, scope: "all", provinceTarget: c.province })),
    units,
    targets: new Map(units.map((u, i) => [u.name, new Map(CASES.map((c) => [c.code, c.targets[i]]))])),
  });
  const dir = makeTempDir("chitieu-assign-lo-");
  const input = path.join(dir, "tinh.xlsx");
  fs.writeFileSync(input, await writeXlsx({ sheets: [sheet], names: [] }));
  const [output] = await recalculateXlsx([input], path.join(dir, "out"));
  const values = await readXlsxValues(output);
  const at = (key: string, row: number) => valueAt(values, assignmentSheetName(1), `${columnLetter(ASSIGNMENT_COLUMNS.findIndex((c) => c.key === key))}${row}`);
  const fromSheet = CASES.map((_, i) => [at("sum", ASSIGNMENT_ROWS.first + i), at("difference", ASSIGNMENT_ROWS.first + i)]);
  const fromEngine = CASES.map((c) => {
    if (!c.additive) return [null, null];
    const check = checkAssignment(c.code, c.province ?? 0, c.targets);
    return [check.sum, c.province === null ? null : check.difference];
  });
  const blankAsNull = (v: unknown) => (v === "" ? null : v);
  expect(fromSheet.map((row) => row.map(blankAsNull))).toEqual(fromEngine);
  expect(fromEngine[1]).toEqual([0.3, 0]);
  fs.rmSync(dir, { recursive: true, force: true });
});
