/**
 * Set-up: create the missing sheets (or add a unit beside the others), upgrade an older unit sheet
 * in place, write the heading typed in the form, and never overwrite what a person typed.
 */
import { DEFAULT_CATALOGUE, ruleSet, UNIT_KIND_NAMES, type Disqualifier } from "../domain";
import { art11RuleBlocks, art11RuleNames, isEmptyPlan, NAMES, summaryCells, summaryInputs, summaryUpgrade, problem, RULE_NAMES, SHEETS, TABLES, unitWorkbook, type Problem, type Scalar, type SheetLayout } from "../layout";
import type { FeatureSupport, SetupOptions, SetupResult } from "../contract/workbook";
import { parseCell } from "../layout/addresses";
import { addNames, addRules, createSheetSteps, writeBlock } from "./applyLayout";
import { constantInput } from "./cellInput";
import { payloadBytes, type WriteStep } from "./chunks";
import { loadInventory, type Contents, type Inventory } from "./workbookState";
import { clearHalfMade, findHalfMade, markSheets, unmarkSheets } from "./halfMade";
import { sheetMsg } from "../domain/messages/sheet";
import { nextUnitPlace, placeBlock, placedName, unitSheetsOf, type UnitPlace } from "../layout/units";
import { type Snapshot, readWorkbook, rulesOf, lookup, noTable, analyse, type Analysis } from "./readProtocol";
import { writeProtectedOutcome, step, repairSteps, NO_CONTENTS, type WriteOutcome } from "./writeProtocol";
import { registerRowsOf } from "./unitTaskBlocks";
import { withUnitTaskBlocks, type RegisterRows } from "../layout/tasks";
import type { WorkbookLayout } from "../layout/types";

/** A unit sheet made beside a task register shows its leader's tasks (issue 9 §3). */
function withRegisterBlocks(layout: WorkbookLayout, register: RegisterRows | null): WorkbookLayout {
  return register ? withUnitTaskBlocks(layout, register) : layout;
}

/** Sheets of the layout to create, and the problems that stop set-up before anything is written. */
function planCreation(
  inventory: Inventory,
  layoutSheets: readonly SheetLayout[],
  remake: ReadonlySet<string>,
): { create: SheetLayout[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const create: SheetLayout[] = [];
  const owns: Record<string, boolean> = {
    [SHEETS.unit]: inventory.tables.has(TABLES.unit),
    [SHEETS.catalogue]: inventory.tables.has(TABLES.catalogue),
    [SHEETS.rules]: inventory.names.has(RULE_NAMES.preset),
    [SHEETS.criteria]: inventory.tables.has(TABLES.criteria),
  };
  for (const sheet of layoutSheets) {
    if (owns[sheet.name] && !remake.has(sheet.name)) continue;
    if (inventory.sheets.includes(sheet.name) && !remake.has(sheet.name)) {
      problems.push(problem(sheet.name, null, sheetMsg.foreignSheet.of(sheet.name)));
    } else {
      create.push(sheet);
    }
  }
  return { create, problems };
}

export async function setUpAction(context: Excel.RequestContext, options: SetupOptions, features: FeatureSupport): Promise<SetupResult> {
  const snapshot = await readWorkbook(context, options.catalogue === "workbook" || options.addUnit === true);
  if (options.addUnit && snapshot.units.length > 0) return addUnitAction(context, snapshot, options, features);
  if (!snapshot.chosen) return { changes: [], problems: [noTable(snapshot)] };
  const { inventory, contents } = snapshot;
  const catalogue = snapshot.catalogue?.catalogue ?? DEFAULT_CATALOGUE;
  const base = unitWorkbook({ ...options, catalogue });
  const halfMade = findHalfMade(inventory, base.sheets.map((sheet) => sheet.name));
  const planned = planCreation(inventory, base.sheets, halfMade.sheets);
  const { problems } = planned;
  // A unit sheet made again beside a register shows its leader's tasks (the register is read only then).
  const register = planned.create.some((sheet) => sheet.name === SHEETS.unit) ? await registerRowsOf(context, inventory) : null;
  const layout = withRegisterBlocks(base, register);
  const create = layout.sheets.filter((sheet) => planned.create.some((c) => c.name === sheet.name));
  problems.push(...(snapshot.catalogue?.problems ?? []));
  const ownTable = inventory.tables.has(snapshot.place.table) && !halfMade.sheets.has(contents.table?.sheet ?? "");
  const analysis = ownTable ? analyse(snapshot, false) : null;
  if (analysis) problems.push(...analysis.read.problems.filter((p) => p.severity === "error"));
  if (problems.some((p) => p.severity === "error")) return { changes: [], problems };

  const headingWrites = analysis ? headingChanges(contents, options) : [];
  const upgrade = analysis ? summaryUpgradeOf(snapshot, analysis) : null;
  const art11Steps = upgrade ? art11RuleSteps(context, contents) : [];
  // The rules sheet is protected in unit workbooks: unprotected for the Art. 11 rules it gains.
  const rulesSheet = art11Steps.length > 0 ? [(contents.named.get(RULE_NAMES.preset) as { sheet: string }).sheet] : [];
  const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
  const created = new Set(create.map((sheet) => sheet.name));
  const names = layout.names.filter((n) => created.has(n.sheet));
  const steps: WriteStep[] = [
    step(() => {
      clearHalfMade(context, halfMade);
      markSheets(context, create.map((sheet) => context.workbook.worksheets.add(sheet.name)));
    }),
    ...create.flatMap((sheet) => createSheetSteps(sheetOf(sheet.name), sheet, features)),
    step(() => {
      for (const name of names) if (inventory.names.has(name.name)) context.workbook.names.getItem(name.name).delete();
      addNames(context, new Map([...created].map((name) => [name, sheetOf(name)()])), names);
      for (const w of headingWrites) context.workbook.worksheets.getItem(w.sheet).getRange(w.address).formulas = [[constantInput(w.value)]];
      const active = created.has(SHEETS.unit) ? SHEETS.unit : analysis?.table.sheet;
      if (active) context.workbook.worksheets.getItem(active).activate();
    }),
    ...(upgrade ? upgradeSteps(context, upgrade, inventory, features, snapshot.place) : []),
    ...art11Steps,
    ...(analysis && !isEmptyPlan(analysis.plan) ? repairSteps(context, analysis.table.sheet, upgrade ? { ...analysis.plan, cells: [] } : analysis.plan) : []),
    step(() => unmarkSheets(context, create.length)),
  ];
  const written = await writeProtectedOutcome(
    context,
    [...(analysis ? [analysis.table.sheet] : []), ...(headingWrites.length > 0 ? [headingWrites[0].sheet] : []), ...rulesSheet],
    contents,
    steps,
  );
  if (written.problems.length > 0) return stoppedSetUp(context, inventory, create, problems, written, headingWrites, !upgrade && !(analysis && !isEmptyPlan(analysis.plan)));
  const changes = [
    ...create.map((sheet) => (halfMade.sheets.has(sheet.name) ? sheetMsg.remadeSheet.of(sheet.name) : sheetMsg.createdSheet.of(sheet.name))),
    ...headingWrites.map((w) => sheetMsg.wroteHeading.of(w.label, w.value)),
  ];
  if (analysis && !isEmptyPlan(analysis.plan)) changes.push(sheetMsg.updatedFormulas.of());
  if (upgrade) changes.push(sheetMsg.upgradedSummary.of());
  if (changes.length === 0) changes.push(sheetMsg.nothingToChange.of());
  if (analysis && options.preset !== rulesOf(contents).rules.preset) {
    changes.push(sheetMsg.keptRules.of(SHEETS.rules));
  }
  return { changes, problems: [...problems, ...(upgrade ? [] : (analysis?.plan.problems ?? []))] };
}

/**
 * Add a unit to a workbook that has units (issue 8 §1): its own unit and criteria sheets, table
 * and names (unit n: "Chỉ tiêu n", tblChiTieu_n, TongDiem_n …), on the workbook's shared
 * catalogue and rules. Nothing of the other units is written; the new sheet is opened.
 */
async function addUnitAction(context: Excel.RequestContext, snapshot: Snapshot, options: SetupOptions, features: FeatureSupport): Promise<SetupResult> {
  const { inventory } = snapshot;
  const place = nextUnitPlace(snapshot.units);
  const catalogue = snapshot.catalogue?.catalogue ?? DEFAULT_CATALOGUE;
  const layout = withRegisterBlocks(unitSheetsOf(unitWorkbook({ ...options, catalogue }), place), await registerRowsOf(context, inventory));
  const halfMade = findHalfMade(inventory, layout.sheets.map((sheet) => sheet.name));
  const problems: Problem[] = [...(snapshot.catalogue?.problems ?? [])];
  for (const sheet of layout.sheets) {
    if (inventory.sheets.includes(sheet.name) && !halfMade.sheets.has(sheet.name)) problems.push(problem(sheet.name, null, sheetMsg.foreignSheet.of(sheet.name)));
  }
  if (problems.some((p) => p.severity === "error")) return { changes: [], problems };
  const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
  const steps: WriteStep[] = [
    step(() => {
      clearHalfMade(context, halfMade);
      markSheets(context, layout.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name)));
    }),
    ...layout.sheets.flatMap((sheet) => createSheetSteps(sheetOf(sheet.name), sheet, features)),
    step(() => {
      // Names a deleted sheet of an earlier unit n left behind (#REF!) are replaced.
      for (const name of layout.names) if (inventory.names.has(name.name)) context.workbook.names.getItem(name.name).delete();
      addNames(context, new Map(layout.sheets.map((sheet) => [sheet.name, sheetOf(sheet.name)()])), layout.names);
      sheetOf(place.sheet)().activate();
      unmarkSheets(context, layout.sheets.length);
    }),
  ];
  const written = await writeProtectedOutcome(context, [], NO_CONTENTS, steps);
  if (written.problems.length > 0) return stoppedSetUp(context, inventory, layout.sheets, problems, written, [], true);
  return {
    changes: [...layout.sheets.map((sheet) => sheetMsg.createdSheet.of(sheet.name)), sheetMsg.addedUnit.of(options.unitName, place.sheet)],
    problems,
  };
}

/**
 * A unit sheet made by an earlier version lacks summary lines this one computes (the reachable
 * level, the disqualifying conditions, the civil-servant cap): its summary block is rebuilt
 * where it stands, keeping what people typed. Null when nothing is missing or the block is gone.
 */
function summaryUpgradeOf(snapshot: Snapshot, analysis: Analysis) {
  const { contents } = snapshot;
  const first = contents.named.get(NAMES.count);
  const missing = summaryCells(analysis.read.lastRow).some((c) => !contents.named.has(c.name));
  if (!missing || !first || first.sheet !== analysis.table.sheet || !analysis.read.letters) return null;
  const common = contents.named.get(NAMES.commonScore);
  const typedScore = common && !String(common.formula ?? "").startsWith("=") ? (common.value as string | number) : null;
  const answered = Object.entries(summaryInputs(lookup(contents)).disqualifying).filter(([, v]) => v !== "" && v !== null && v !== undefined);
  const layout = summaryUpgrade(
    { ...analysis.levels, commonScore: typedScore, disqualifying: Object.fromEntries(answered) as Partial<Record<Disqualifier, Scalar>> },
    { letters: analysis.read.letters, firstRow: analysis.read.firstRow, lastRow: analysis.read.lastRow, summaryRow: parseCell(first.address).row },
  );
  return { sheet: first.sheet, ...layout };
}

/**
 * The rules of QĐ 366 Art. 11 the upgraded summary's formulas read, written below the older rules
 * sheet's lines (their place in the current layout) with the values of the workbook's preset.
 */
function art11RuleSteps(context: Excel.RequestContext, contents: Contents): WriteStep[] {
  const preset = contents.named.get(RULE_NAMES.preset);
  if (!preset || contents.named.has(RULE_NAMES.completeLateShare)) return [];
  const blocks = art11RuleBlocks(ruleSet(rulesOf(contents).rules.preset));
  const ws = () => context.workbook.worksheets.getItem(preset.sheet);
  return [
    step(() => {
      for (const block of blocks) writeBlock(ws(), block, true);
      addNames(context, new Map([[preset.sheet, ws()]]), art11RuleNames().map((n) => ({ ...n, sheet: preset.sheet })));
    }, payloadBytes(blocks)),
  ];
}

function upgradeSteps(
  context: Excel.RequestContext,
  upgrade: NonNullable<ReturnType<typeof summaryUpgradeOf>>,
  inventory: Inventory,
  features: FeatureSupport,
  place: UnitPlace,
): WriteStep[] {
  const ws = () => context.workbook.worksheets.getItem(upgrade.sheet);
  const names = upgrade.names.map((n) => ({ ...n, name: placedName(n.name, place), sheet: upgrade.sheet }));
  return [
    ...upgrade.blocks.map((block) => step(() => writeBlock(ws(), placeBlock(block, place), true), payloadBytes(block.cells))),
    step(() => {
      for (const name of names) if (inventory.names.has(name.name)) context.workbook.names.getItem(name.name).delete();
      addNames(context, new Map([[upgrade.sheet, ws()]]), names);
      addRules(ws(), upgrade, features);
    }),
  ];
}

/**
 * A set-up whose write failed: Excel keeps what ran before the failure, so look again. Sheets
 * still marked are half made (the next set-up makes them again); new sheets without marks mean
 * the write went through up to its last operation. The heading cells are read back, so the
 * answer says which of them were written and which not, never "nothing written" after a partial write.
 */
async function stoppedSetUp(
  context: Excel.RequestContext,
  before: Inventory,
  create: readonly SheetLayout[],
  problems: readonly Problem[],
  failed: WriteOutcome,
  headings: readonly HeadingWrite[],
  onlyReadBack: boolean,
): Promise<SetupResult> {
  let after: Inventory;
  let values: unknown[];
  try {
    const inventory = loadInventory(context);
    const ranges = headings.map((w) => context.workbook.worksheets.getItem(w.sheet).getRange(w.address).load("values"));
    await context.sync();
    after = inventory();
    values = ranges.map((range) => range.values[0][0]);
  } catch {
    return { changes: [], problems: [...problems, problem(SHEETS.unit, null, sheetMsg.setUpStoppedUnknown)] };
  }
  const names = create.map((sheet) => sheet.name);
  const halfMade = [...findHalfMade(after, names).sheets];
  if (halfMade.length > 0) {
    return {
      changes: halfMade.map((name) => sheetMsg.partlyCreatedSheet.of(name)),
      problems: [...problems, problem(halfMade[0], null, sheetMsg.setUpStopped)],
    };
  }
  // Unmarked new sheets are set-up's only when all are there (one alone may be a colleague's).
  const appeared = names.filter((name) => after.sheets.includes(name) && !before.sheets.includes(name));
  const made = appeared.length === names.length ? appeared : [];
  const wrote = headings.filter((w, i) => values[i] === w.value);
  const missed = headings.filter((w, i) => values[i] !== w.value);
  const changes = [...made.map((name) => sheetMsg.createdSheet.of(name)), ...wrote.map((w) => sheetMsg.wroteHeading.of(w.label, w.value))];
  const notWritten = missed.map((w) => problem(w.sheet, w.address, sheetMsg.headingNotWritten.of(w.label, w.value, failed.code)));
  // Everything asked for is there: the write went through and only Excel's answer failed.
  if (made.length === names.length && missed.length === 0 && changes.length > 0) return { changes, problems: [...problems] };
  // Nothing of what was read back changed, and the write held nothing else: the workbook is as it was.
  if (changes.length === 0 && (failed.nothingWritten || onlyReadBack)) {
    const unchanged = failed.nothingWritten ? failed.problems : [problem(failed.problems[0]?.sheet ?? SHEETS.unit, null, sheetMsg.writeRefused.of(failed.code))];
    return { changes: [], problems: [...problems, ...notWritten, ...unchanged] };
  }
  return { changes, problems: [...problems, ...notWritten, ...failed.problems] };
}

interface HeadingWrite {
  readonly sheet: string;
  readonly address: string;
  readonly value: string | number;
  readonly label: string;
}

/** The unit name, head and year typed in the set-up form, where they differ from the sheet. */
function headingChanges(contents: Contents, options: SetupOptions): HeadingWrite[] {
  const wanted: { name: string; label: string; value: string | number }[] = [
    { name: NAMES.unitName, label: sheetMsg.headingLabels.unitName, value: options.unitName },
    { name: NAMES.unitKind, label: sheetMsg.headingLabels.unitKind, value: options.unitKind ? UNIT_KIND_NAMES[options.unitKind] : "" },
    { name: NAMES.head, label: sheetMsg.headingLabels.head, value: options.head },
    { name: NAMES.year, label: sheetMsg.headingLabels.year, value: options.year },
  ];
  return wanted.flatMap((w) => {
    const cell = contents.named.get(w.name);
    if (!cell || w.value === "" || cell.value === w.value) return [];
    return [{ sheet: cell.sheet, address: cell.address, value: w.value, label: w.label }];
  });
}
