/**
 * The adapter's behaviour, written once against the ChiTieuWorkbook contract: run on the emulator
 * by jest (emulator.test.ts) and inside desktop Excel by `npm run test:excel` (excelPage.ts).
 * Each case starts from a workbook with one empty sheet and touches cells only through the host.
 */
import { DEFAULT_CATALOGUE, evaluate, LEVEL_NAMES, type Level } from "../../src/domain";
import { COMPARISON_FIRST_ROW, COMPARISON_SHEETS, DEFAULT_LETTERS, HEADER_ROW, NAMES, RULE_NAMES, unitPlace } from "../../src/layout";
import { equal, includes, ok } from "./assert";
import type { ContractHost } from "./host";

export interface ContractCase {
  readonly name: string;
  run(host: ContractHost): Promise<void>;
}

const SETUP = { unitName: "Tam Đảo", head: "Nguyễn Văn A", year: 2021, preset: "qd366-2025", catalogue: "default" } as const;

/** Sheet row of the n-th indicator (0-based) of the default catalogue. */
const row = (n: number) => HEADER_ROW + 1 + n;

async function setUpUnit(host: ContractHost): Promise<string> {
  const result = await host.service.setUp(SETUP);
  equal(result.problems, [], "set-up problems");
  const status = await host.service.status();
  ok(status.unitSheetName, "the status names the unit sheet");
  return status.unitSheetName as string;
}

/** Fill every indicator: all met, every third increase exceeded; each of the three common criteria scored `criterion` on the unit's criteria sheet. */
async function fillAll(host: ContractHost, sheet: string, criteriaSheet = "Tiêu chí chung", criterion = 9): Promise<ReturnType<typeof evaluate>> {
  const values = DEFAULT_CATALOGUE.indicators.map((indicator, i) =>
    indicator.direction === "milestone"
      ? { target: null, actual: "Đạt" }
      : { target: 100, actual: indicator.direction === "increase" && i % 3 === 0 ? 110 : 100 },
  );
  for (const [i, v] of values.entries()) {
    if (v.target !== null) await host.type(sheet, `${DEFAULT_LETTERS.target}${row(i)}`, v.target);
    await host.type(sheet, `${DEFAULT_LETTERS.actual}${row(i)}`, v.actual);
  }
  for (const criteriaRow of [7, 8, 9]) await host.type(criteriaSheet, `F${criteriaRow}`, criterion);
  return evaluate({ commonScore: 3 * criterion, indicators: DEFAULT_CATALOGUE.indicators.map((indicator, i) => ({ ...indicator, ...values[i] })) });
}

async function namedValue(host: ContractHost, name: string): Promise<unknown> {
  const at = await host.nameAddress(name);
  return host.value(at.sheet, at.address);
}

export const CONTRACT_CASES: readonly ContractCase[] = [
  {
    name: "set-up creates the unit, catalogue and rules sheets, and a second set-up keeps what was typed",
    async run(host) {
      const sheet = await setUpUnit(host);
      const names = await host.sheetNames();
      for (const expected of ["Danh mục", "Quy tắc", "Tiêu chí chung"]) ok(names.includes(expected), `sheet ${expected} exists`);
      const status = await host.service.status();
      equal([status.unitName, status.year, status.rowCount], ["Tam Đảo", 2021, DEFAULT_CATALOGUE.indicators.length], "status");
      await host.type(sheet, `${DEFAULT_LETTERS.target}${row(0)}`, 2000);
      await host.type(sheet, `${DEFAULT_LETTERS.note}${row(0)}`, "ghi chú của tôi");
      const again = await host.service.setUp(SETUP);
      equal(again.problems, [], "second set-up problems");
      equal(await host.value(sheet, `${DEFAULT_LETTERS.target}${row(0)}`), 2000, "typed target kept");
      equal(await host.value(sheet, `${DEFAULT_LETTERS.note}${row(0)}`), "ghi chú của tôi", "typed note kept");
    },
  },
  {
    name: "check names the cell of a number typed as text and writes nothing",
    async run(host) {
      const sheet = await setUpUnit(host);
      const address = `${DEFAULT_LETTERS.actual}${row(0)}`;
      await host.type(sheet, `${DEFAULT_LETTERS.target}${row(0)}`, 2000);
      await host.type(sheet, address, "hai nghìn");
      const problems = await host.service.check();
      const atCell = problems.filter((p) => p.cell === address);
      equal(atCell.length, 1, `one problem at ${address}`);
      equal(atCell[0].severity, "error", "severity");
      equal(await host.value(sheet, address), "hai nghìn", "the typed text is left as typed");
    },
  },
  {
    name: "evaluate agrees with the engine, and the sheet's own formulas show the same level and points",
    async run(host) {
      const sheet = await setUpUnit(host);
      const engine = await fillAll(host, sheet);
      const report = await host.service.evaluate();
      equal(report.problems, [], "problems");
      equal(report.evaluation.summary, engine.summary, "summary");
      ok(engine.summary.level !== null, "the engine gives a level");
      equal(await namedValue(host, NAMES.suggestedLevel), LEVEL_NAMES[engine.summary.level as Level], "suggested level cell");
      equal(await namedValue(host, NAMES.points), engine.summary.points, "points cell");
      // The parity check inside Excel (issue 17 §7): evaluate read the sheet's own cells beside the engine's.
      equal(report.sheet, { points: engine.summary.points, level: LEVEL_NAMES[engine.summary.level as Level] }, "the sheet's own totals in the report");
    },
  },
  {
    name: "a results score typed by the competent level: Excel's formulas and the engine agree on the points and the level",
    async run(host) {
      const sheet = await setUpUnit(host);
      const engine = await fillAll(host, sheet);
      await host.type(sheet, `${DEFAULT_LETTERS.score}${row(0)}`, 2.5);
      await host.type(sheet, `${DEFAULT_LETTERS.score}${row(1)}`, 0);
      const report = await host.service.evaluate();
      equal(report.problems, [], "problems");
      const points = report.evaluation.summary.points;
      ok(points !== null && engine.summary.points !== null && points < engine.summary.points, "the typed scores lower the points");
      equal(report.sheet, { points, level: LEVEL_NAMES[report.evaluation.summary.level as Level] }, "the sheet's own totals equal the engine's");
      // Above the row's maximum (70 / 18 = 3,89): the row is an error, named at the score's cell.
      await host.type(sheet, `${DEFAULT_LETTERS.score}${row(0)}`, 3.9);
      const refused = await host.service.check();
      includes(refused.map((p) => p.cell).join(" "), `${DEFAULT_LETTERS.score}${row(0)}`, "problem at the score's cell");
    },
  },
  {
    name: "a milestone done after its due date: Excel's late count and the engine agree, once, whatever its Chậm tiến độ mark",
    async run(host) {
      const sheet = await setUpUnit(host);
      await fillAll(host, sheet);
      const m = DEFAULT_CATALOGUE.indicators.findIndex((indicator) => indicator.direction === "milestone");
      ok(m >= 0, "the default catalogue has a milestone");
      const done = `${DEFAULT_LETTERS.done}${row(m)}`;
      await host.type(sheet, `${DEFAULT_LETTERS.due}${row(m)}`, 45838); // 30/6/2025
      await host.type(sheet, done, 45839);
      await host.type(sheet, `${DEFAULT_LETTERS.late}${row(m)}`, "Không");
      const late = await host.service.evaluate();
      equal(late.problems, [], "problems");
      equal([late.evaluation.indicators[m].late, late.evaluation.summary.late], [true, 1], "the engine: late, once");
      equal(await namedValue(host, NAMES.late), 1, "SoChamTienDo: late, once");
      equal(late.sheet, { points: late.evaluation.summary.points, level: LEVEL_NAMES[late.evaluation.summary.level as Level] }, "the sheet's own totals equal the engine's");
      // Done on its due date: on time.
      await host.type(sheet, done, 45838);
      const onTime = await host.service.evaluate();
      equal([onTime.evaluation.summary.late, await namedValue(host, NAMES.late)], [0, 0], "on time in both");
    },
  },
  {
    name: "the final level needs the unit's level first and never goes above it",
    async run(host) {
      const sheet = await setUpUnit(host);
      await fillAll(host, sheet);
      await host.service.evaluate();
      const refused = await host.service.setFinalLevel("good");
      ok(!refused.ok, "refused without the unit's level");
      const unitLevel = await host.nameAddress(NAMES.unitLevel);
      await host.type(unitLevel.sheet, unitLevel.address, LEVEL_NAMES.complete);
      const above = await host.service.setFinalLevel("good", "complete");
      ok(!above.ok, "refused above the unit's level");
      equal(await host.service.setFinalLevel("complete", "complete"), { ok: true }, "set at the cap");
      equal(await namedValue(host, NAMES.finalLevel), LEVEL_NAMES.complete, "final level cell");
    },
  },
  {
    name: "printing is refused while there are data errors, then builds the printed sheet",
    async run(host) {
      const sheet = await setUpUnit(host);
      const address = `${DEFAULT_LETTERS.target}${row(0)}`;
      await host.type(sheet, address, "không rõ");
      const refused = await host.service.preparePrint({});
      ok(refused.some((p) => p.cell === address && p.severity === "error"), `refused with the error at ${address}`);
      await host.type(sheet, address, 2000);
      equal(await host.service.preparePrint({}), [], "no problems once fixed");
      ok((await host.sheetNames()).includes("Bản in"), "the printed sheet exists");
    },
  },
  {
    // Where Range.copyFrom is available the rank column is written once and filled down: each
    // unit's row must still rank its own points.
    name: "the comparison of two units ranks each unit on its own row",
    async run(host) {
      const sheet = await setUpUnit(host);
      const added = await host.service.setUp({ ...SETUP, unitName: "Sông Lô", addUnit: true });
      equal(added.problems, [], "adding a unit");
      const second = unitPlace(2);
      const engines = [await fillAll(host, sheet, "Tiêu chí chung", 8), await fillAll(host, second.sheet, second.criteriaSheet, 9)];
      const built = await host.service.buildComparison();
      equal(built.problems, [], "comparison problems");
      const points = engines.map((e) => e.summary.points);
      ok(points[0] !== points[1], "the two units' points differ");
      const shown: unknown[] = [];
      for (const [i, letter] of [..."DG"].entries()) {
        for (const unit of [0, 1]) shown[i * 2 + unit] = await host.value(COMPARISON_SHEETS.comparison, `${letter}${COMPARISON_FIRST_ROW + unit}`);
      }
      const rank = (p: number | null) => 1 + points.filter((other) => other !== null && p !== null && other > p).length;
      equal(shown, [...points, ...points.map(rank)], "points and rank per row");
      includes(String(await host.formula(COMPARISON_SHEETS.comparison, `G${COMPARISON_FIRST_ROW + 1}`)), `$D${COMPARISON_FIRST_ROW + 1}`, "the second row's rank reads its own points");
    },
  },
  {
    name: "rules written from the pane read back the same, and a broken rule cell is reported at its cell",
    async run(host) {
      await setUpUnit(host);
      const { rules } = await host.service.readRules();
      const changed = { ...rules, quotaShare: 0.15 };
      await host.service.writeRules(changed);
      const back = await host.service.readRules();
      equal(back.problems, [], "problems");
      equal(back.rules, changed, "rules");
      const share = await host.nameAddress(RULE_NAMES.quotaShare);
      // The rules sheet is protected (the province's rules): a person unprotects it to type there.
      await host.unprotect(share.sheet);
      await host.type(share.sheet, share.address, "nhiều");
      const broken = await host.service.readRules();
      includes(broken.problems.map((p) => p.cell).join(" "), share.address, "problem at the rule's cell");
    },
  },
];
