/**
 * Tổng hợp in the pane under the province's rules (issue 15 §1, docs/rules.md §3 "Whose rules"): the
 * open workbook's rules govern every unit (else the preset of the year), a file whose own rules
 * differ is named, every unit of a shared workbook is consolidated and copied from its own sheet;
 * the rules sheet of a unit workbook is protected and still saved from the pane.
 */
import { DEFAULT_CATALOGUE, ruleSet } from "../../src/domain";
import type { UnitFileInput } from "../../src/contract/workbook";
import { consolidateFiles } from "../../src/excel/consolidateFiles";
import { ALL_FEATURES } from "../../src/excel/features";
import { SHEETS } from "../../src/layout";
import { districtParams, someExceeded, unitBytes } from "../support/provinceFiles";
import { values } from "../support/unitFiles";
import { setup, SETUP } from "./helpers";

const NOW = new Date("2026-01-05T09:15:00Z");

async function files(): Promise<UnitFileInput[]> {
  const made = [
    // Its own excellent threshold lowered to 10 %: 3 of 18 exceeded.
    ["01-lap-thach.xlsx", districtParams("Lập Thạch", { values: someExceeded(3), commonScore: 28, rules: { excellentExceededShare: { min: 0.1, inclusive: true } } })],
    // Two units in one workbook.
    ["02-hai-don-vi.xlsx", [districtParams("Phúc Yên"), districtParams("Vĩnh Yên", { values: values(DEFAULT_CATALOGUE, "excellent") })]],
    ["03-tam-dao.xlsx", districtParams("Tam Đảo")],
  ] as const;
  return Promise.all(made.map(async ([name, p]) => ({ name, bytes: await unitBytes(p), lastModified: NOW.getTime() })));
}

test("in a new workbook the preset of the year governs; a file with its own lowered rules is named; both units of a shared file count", async () => {
  const { emulator } = setup();
  const inserted: (readonly string[])[] = [];
  // The emulator has no insertWorksheetsFromBase64: a stand-in adds a sheet and answers its id.
  const withInsert = (context: Excel.RequestContext): Excel.RequestContext =>
    new Proxy(context, {
      get(target, key) {
        if (key !== "workbook") return Reflect.get(target, key) as unknown;
        return new Proxy(target.workbook, {
          get(book, name) {
            if (name === "insertWorksheetsFromBase64") {
              return (_: string, options: Excel.InsertWorksheetOptions) => {
                inserted.push(options.sheetNamesToInsert ?? []);
                book.worksheets.add(`copy-${inserted.length}`);
                return { value: [`copy-${inserted.length}`] };
              };
            }
            const value: unknown = Reflect.get(book, name);
            return typeof value === "function" ? value.bind(book) : value;
          },
        });
      },
    });
  const report = await consolidateFiles((batch) => emulator.run((context) => batch(withInsert(context))), await files(), { exceptionalKinds: [], insertUnitSheets: true }, ALL_FEATURES, NOW);
  expect(report.units.map((u) => [u.unit, u.level])).toEqual([
    ["Lập Thạch", "good"],
    ["Phúc Yên", "good"],
    ["Vĩnh Yên", "excellent"],
    ["Tam Đảo", "good"],
  ]);
  // The message as data beside its Vietnamese text: the pane shows it in its language.
  expect(report.units[0].problems).toEqual([{ cell: "Quy tắc!B9", message: expect.stringContaining("TyLeVuotXuatSac là 10"), id: "sheet.ownRules", params: expect.arrayContaining(["TyLeVuotXuatSac"]) }]);
  expect(report.rejected).toEqual([]);
  // Each unit of the shared file copied from its own sheet.
  expect(inserted).toEqual([["Chỉ tiêu"], ["Chỉ tiêu"], ["Chỉ tiêu 2"], ["Chỉ tiêu"]]);
  expect(report.insertedSheets).toEqual(["Lập Thạch", "Phúc Yên", "Vĩnh Yên", "Tam Đảo"]);
});

test("the open workbook's rules govern every unit: its protected rules sheet saved from the pane, files that differ named", async () => {
  const { emulator, service } = setup();
  await service.setUp(SETUP);
  expect(emulator.snapshot().sheets.find((s) => s.name === SHEETS.rules)?.protection.protected).toBe(true);
  await service.writeRules(ruleSet("qd366-2025", { excellentExceededShare: { min: 0.15, inclusive: true } }));
  expect((await service.readRules()).rules.excellentExceededShare.min).toBe(0.15);
  const report = await service.consolidateFiles(await files(), { exceptionalKinds: [] });
  expect(report.wrote).toBe(true);
  const lap = report.units.find((u) => u.unit === "Lập Thạch");
  expect(lap?.level).toBe("excellent");
  expect(lap?.problems.map((p) => p.message)).toEqual([expect.stringContaining("(tỉnh: 15")]);
  expect(report.units.find((u) => u.unit === "Tam Đảo")?.problems.map((p) => p.message)).toEqual([expect.stringContaining("TyLeVuotXuatSac là 30")]);
});
