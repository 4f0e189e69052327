/**
 * The Office.js adapter behind the task pane and the ribbon. Every action reads in at most two
 * round trips (what exists, then its contents) and writes in one more; rules live in
 * src/domain and the layout in src/layout, so this file only moves data in and out of Excel.
 */
import {
  checkFinalLevel,
  DEFAULT_CATALOGUE,
  evaluate,
  PRESETS,
  textKey,
  UNIT_KIND_NAMES,
  type Catalogue,
  type Disqualifier,
  type Level,
  type RuleSet,
  type UnitKind,
} from "../domain";
import { LEVEL_NAMES } from "../domain";
import {
  evaluateUnitTable,
  groupProgress,
  isEmptyPlan,
  NAMES,
  planRepairs,
  readLevels,
  summaryCells,
  summaryInputs,
  summaryUpgrade,
  printSheet,
  problem,
  readCatalogueTable,
  readCriteriaTable,
  scoreCriteriaTable,
  readRules,
  readUnitTable,
  ruleValues,
  RULE_NAMES,
  SHEETS,
  TABLES,
  DEFAULT_HEADER,
  tableTitle,
  unitWorkbook,
  type NamedLookup,
  type DocumentHeader,
  type PrintRow,
  type Problem,
  type RepairPlan,
  type RuleNameKey,
  type Scalar,
  type SheetLayout,
  type TableGrid,
  type UnitTableRead,
} from "../layout";
import type {
  ChiTieuWorkbook,
  EvaluationReport,
  FeatureSupport,
  FinalLevelResult,
  PrintOptions,
  SetupOptions,
  SetupResult,
  WorkbookStatus,
} from "../contract/workbook";
import { columnIndex, parseCell, parseReference } from "../layout/addresses";
import { addNames, addRules, createSheetSteps, writeBlock } from "./applyLayout";
import { constantInput } from "./cellInput";
import { batches, columnSteps, payloadBytes, type WriteStep } from "./chunks";
import { loadContents, loadInventory, type Contents, type Inventory } from "./workbookState";
import { clearHalfMade, findHalfMade, markSheets, unmarkSheets } from "./halfMade";
import { sheetMsg } from "../layout/messages";
import { chooseUnit, nextUnitPlace, placeBlock, placedName, placeSheet, PRINTED_UNIT_NAME, printedUnitName, unitPlace, unitPlaces, unitSheetsOf, type UnitPlace } from "../layout/units";
import { COMPARISON_SHEETS } from "../layout/comparisonSheet";
import { LIVE_KINDS, LIVE_QUOTA_FIRST_ROW, liveComparisonWorkbook } from "../layout/liveComparison";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export { detectFeatures } from "./features";

interface Snapshot {
  readonly inventory: Inventory;
  /** The unit read: the active one, or (when the user must choose) the first, for display only. */
  readonly place: UnitPlace;
  /** False when the workbook has several units and the user is on none of their sheets. */
  readonly chosen: boolean;
  readonly units: readonly UnitPlace[];
  /** Each unit's sheet and name, as its TenDonVi cell says. */
  readonly unitNames: readonly { readonly place: UnitPlace; readonly sheet: string; readonly unitName: string }[];
  readonly contents: Contents;
  readonly catalogue: { readonly catalogue: Catalogue; readonly problems: readonly Problem[] } | null;
  /** The common-criteria table, whose entries the checks point at. */
  readonly criteria: TableGrid | null;
}

/**
 * Round trips 1 and 2: what exists, then its contents, and (for set-up from the workbook's own
 * catalogue) the catalogue table in the same second round trip.
 */
async function readWorkbook(context: Excel.RequestContext, withCatalogue = false): Promise<Snapshot> {
  const inventory = loadInventory(context);
  await context.sync();
  const found = inventory();
  const activeNames = [...found.names].filter(([, ref]) => ref?.sheet === found.activeSheet).map(([name]) => name);
  const choice = chooseUnit(found.tables.keys(), found.activeTables, activeNames);
  const place = choice.place ?? choice.units[0] ?? unitPlace(1);
  const contents = loadContents(context, found, place);
  const unitNames = choice.units.flatMap((unit) => {
    const ref = found.names.get(placedName(NAMES.unitName, unit));
    if (!ref || !found.sheets.includes(ref.sheet)) return [];
    const range = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address).load("values");
    return [{ place: unit, sheet: ref.sheet, range }];
  });
  const table = (name: string) => {
    const range = found.tables.has(name) ? context.workbook.tables.getItem(name).getRange().load("address,values") : null;
    return (): TableGrid | null => {
      const ref = range ? parseReference(range.address) : null;
      return range && ref ? { sheet: ref.sheet, origin: ref.address.split(":")[0], values: range.values, formulas: range.values } : null;
    };
  };
  const catalogueTable = withCatalogue ? table(TABLES.catalogue) : () => null;
  const criteriaTable = table(place.criteriaTable);
  await context.sync();
  const catalogueGrid = catalogueTable();
  return {
    inventory: found,
    place,
    chosen: choice.place !== null,
    units: choice.units,
    unitNames: unitNames.map((u) => ({ place: u.place, sheet: u.sheet, unitName: String(u.range.values[0][0] ?? "") })),
    contents: contents(),
    catalogue: catalogueGrid ? readCatalogueTable(catalogueGrid) : null,
    criteria: criteriaTable(),
  };
}

function namedValue(contents: Contents, name: string): unknown {
  return contents.named.get(name)?.value;
}

function rulesOf(contents: Contents): { rules: RuleSet; problems: Problem[] } {
  const values = Object.fromEntries((Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(contents, RULE_NAMES[key])]));
  return readRules(values);
}

const lookup = (contents: Contents): NamedLookup => (name) => contents.named.get(name);

/** Why there is no unit to work on: none set up yet, or several and the user is on none of them. */
const noTable = (snapshot?: Snapshot): Problem =>
  snapshot && !snapshot.chosen
    ? problem(snapshot.inventory.activeSheet, null, sheetMsg.chooseUnit(snapshot.unitNames.map((u) => u.sheet)))
    : problem(SHEETS.unit, null, sheetMsg.noUnitTable);

/** Everything evaluate and check need, computed from one read. */
function analyse(snapshot: Snapshot, restoreFormulas: boolean) {
  const { contents } = snapshot;
  const rules = rulesOf(contents);
  const table = contents.table;
  if (!table || !snapshot.chosen) return null;
  const read = readUnitTable(table);
  const evaluated = read.letters
    ? evaluateUnitTable(read, table.sheet, rules.rules, lookup(contents))
    : { evaluation: evaluate({ indicators: [] }), problems: [] };
  const levels = readLevels(lookup(contents));
  const plan = planRepairs(table, read, contents.named, restoreFormulas, snapshot.place);
  const criteria = snapshot.criteria ? scoreCriteriaTable(readCriteriaTable(snapshot.criteria), snapshot.criteria.sheet, rules.rules.commonMaxPoints).problems : [];
  const problems = [...rules.problems, ...read.problems, ...evaluated.problems, ...criteria, ...plan.problems, ...levels.problems];
  return { table, read, evaluated, levels, plan, problems };
}

/**
 * The write round trip: unprotect (only sheets protected without a password can be), write,
 * protect again. A password makes the first step fail, and Excel then applies nothing of the
 * batch. Writes beyond Excel on the web's request limit go in further round trips.
 */
async function writeProtected(
  context: Excel.RequestContext,
  sheets: readonly string[],
  contents: Contents,
  steps: readonly WriteStep[],
): Promise<Problem[]> {
  const locked = sheets.filter((s) => contents.protectedSheets.has(s));
  const parts = batches(steps);
  let written = 0;
  try {
    for (const [i, part] of parts.entries()) {
      if (i === 0) for (const sheet of locked) context.workbook.worksheets.getItem(sheet).protection.unprotect();
      part.forEach((step) => step.queue());
      if (i === parts.length - 1) {
        for (const sheet of locked) {
          context.workbook.worksheets.getItem(sheet).protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
        }
      }
      // One round trip per 2.5 MB of writes: a fixed single sync below about 2,000 rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      written += 1;
    }
    return [];
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    const sheet = locked[0] ?? sheets[0] ?? SHEETS.unit;
    // After a round trip went through, the workbook has changed: never say it has not.
    const message =
      written > 0 ? sheetMsg.writeStopped(code) : locked.length > 0 ? sheetMsg.passwordProtected(code) : sheetMsg.writeRefused(code);
    return [problem(sheet, null, message)];
  }
}

/** A single queued write of small size (a few cells). */
const step = (queue: () => void, bytes = 1_000): WriteStep => ({ bytes, queue });

function repairSteps(context: Excel.RequestContext, sheet: string, plan: RepairPlan): WriteStep[] {
  const ws = () => context.workbook.worksheets.getItem(sheet);
  return [
    ...plan.columns.flatMap((column) => columnSteps(ws, column.at, column.formulas)),
    ...plan.cells.map((cell) =>
      step(() => (context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).formulas = [[cell.formula]]), payloadBytes(cell.formula)),
    ),
  ];
}

async function evaluateAction(context: Excel.RequestContext, restoreFormulas: boolean): Promise<EvaluationReport> {
  const snapshot = await readWorkbook(context);
  const analysis = analyse(snapshot, restoreFormulas);
  if (!analysis) {
    return {
      evaluation: evaluate({ indicators: [] }),
      problems: [noTable(snapshot)],
      groups: [],
      unitLevel: null,
      civilServantLevel: null,
      finalLevel: null,
      overwrittenFormulas: [],
      wrote: false,
    };
  }
  const { read, evaluated, plan, table } = analysis;
  const problems = [...analysis.problems];
  const valid = !problems.some((p) => p.severity === "error");
  let wrote = false;
  if (valid && !isEmptyPlan(plan)) {
    const sheets = [...new Set([table.sheet, ...plan.cells.map((c) => c.sheet)])];
    const failed = await writeProtected(context, sheets, snapshot.contents, repairSteps(context, table.sheet, plan));
    problems.push(...failed);
    wrote = failed.length === 0;
  }
  const restored = restoreFormulas && wrote;
  return {
    evaluation: evaluated.evaluation,
    problems,
    groups: groupProgress(read, evaluated.evaluation, DEFAULT_CATALOGUE.groups),
    unitLevel: analysis.levels.unitLevel,
    civilServantLevel: analysis.levels.civilServantLevel,
    finalLevel: analysis.levels.finalLevel,
    overwrittenFormulas: restored ? [] : read.overwritten,
    wrote,
  };
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
      problems.push(problem(sheet.name, null, sheetMsg.foreignSheet(sheet.name)));
    } else {
      create.push(sheet);
    }
  }
  return { create, problems };
}

async function setUpAction(context: Excel.RequestContext, options: SetupOptions, features: FeatureSupport): Promise<SetupResult> {
  const snapshot = await readWorkbook(context, options.catalogue === "workbook" || options.addUnit === true);
  if (options.addUnit && snapshot.units.length > 0) return addUnitAction(context, snapshot, options, features);
  if (!snapshot.chosen) return { changes: [], problems: [noTable(snapshot)] };
  const { inventory, contents } = snapshot;
  const catalogue = snapshot.catalogue?.catalogue ?? DEFAULT_CATALOGUE;
  const layout = unitWorkbook({ ...options, catalogue });
  const halfMade = findHalfMade(inventory, layout.sheets.map((sheet) => sheet.name));
  const { create, problems } = planCreation(inventory, layout.sheets, halfMade.sheets);
  problems.push(...(snapshot.catalogue?.problems ?? []));
  const ownTable = inventory.tables.has(snapshot.place.table) && !halfMade.sheets.has(contents.table?.sheet ?? "");
  const analysis = ownTable ? analyse(snapshot, false) : null;
  if (analysis) problems.push(...analysis.read.problems.filter((p) => p.severity === "error"));
  if (problems.some((p) => p.severity === "error")) return { changes: [], problems };

  const headingWrites = analysis ? headingChanges(contents, options) : [];
  const upgrade = analysis ? summaryUpgradeOf(snapshot, analysis) : null;
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
    ...(analysis && !isEmptyPlan(analysis.plan) ? repairSteps(context, analysis.table.sheet, upgrade ? { ...analysis.plan, cells: [] } : analysis.plan) : []),
    step(() => unmarkSheets(context, create.length)),
  ];
  const failed = await writeProtected(
    context,
    [...(analysis ? [analysis.table.sheet] : []), ...(headingWrites.length > 0 ? [headingWrites[0].sheet] : [])],
    contents,
    steps,
  );
  if (failed.length > 0) return stoppedSetUp(context, inventory, create, problems, failed);
  const changes = [
    ...create.map((sheet) => (halfMade.sheets.has(sheet.name) ? sheetMsg.remadeSheet(sheet.name) : sheetMsg.createdSheet(sheet.name))),
    ...headingWrites.map((w) => sheetMsg.wroteHeading(w.label, w.value)),
  ];
  if (analysis && !isEmptyPlan(analysis.plan)) changes.push(sheetMsg.updatedFormulas);
  if (upgrade) changes.push(sheetMsg.upgradedSummary);
  if (changes.length === 0) changes.push(sheetMsg.nothingToChange);
  if (analysis && options.preset !== rulesOf(contents).rules.preset) {
    changes.push(sheetMsg.keptRules);
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
  const layout = unitSheetsOf(unitWorkbook({ ...options, catalogue }), place);
  const halfMade = findHalfMade(inventory, layout.sheets.map((sheet) => sheet.name));
  const problems: Problem[] = [...(snapshot.catalogue?.problems ?? [])];
  for (const sheet of layout.sheets) {
    if (inventory.sheets.includes(sheet.name) && !halfMade.sheets.has(sheet.name)) problems.push(problem(sheet.name, null, sheetMsg.foreignSheet(sheet.name)));
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
  const failed = await writeProtected(context, [], NO_CONTENTS, steps);
  if (failed.length > 0) return stoppedSetUp(context, inventory, layout.sheets, problems, failed);
  return {
    changes: [...layout.sheets.map((sheet) => sheetMsg.createdSheet(sheet.name)), sheetMsg.addedUnit(options.unitName, place.sheet)],
    problems,
  };
}

/** For writes that unprotect no sheet of a unit. */
const NO_CONTENTS: Contents = { table: null, protectedSheets: new Set(), named: new Map() };

/** What "So sánh" needs: each unit's table and the catalogue, in one round trip after the inventory. */
async function comparisonAction(context: Excel.RequestContext, features: FeatureSupport): Promise<SetupResult> {
  const loaded = loadInventory(context);
  await context.sync();
  const inventory = loaded();
  const units = unitPlaces(inventory.tables.keys());
  if (units.length === 0) return { changes: [], problems: [noTable()] };
  const grid = (name: string) => {
    const range = context.workbook.tables.getItem(name).getRange().load("address,values");
    return (): TableGrid => {
      const ref = parseReference(range.address);
      return { sheet: ref?.sheet ?? "", origin: (ref?.address ?? "A1").split(":")[0], values: range.values, formulas: range.values };
    };
  };
  const tables = units.map((place) => ({ place, grid: grid(place.table) }));
  const catalogueGrid = inventory.tables.has(TABLES.catalogue) ? grid(TABLES.catalogue) : null;
  const ours = Object.values(COMPARISON_SHEETS)
    .filter((sheet) => inventory.sheets.includes(sheet))
    .map((sheet) => ({ sheet, range: context.workbook.worksheets.getItem(sheet).getRange(`A1:H${LIVE_QUOTA_FIRST_ROW + LIVE_KINDS.length}`).load("values") }));
  await context.sync();
  const problems: Problem[] = [];
  // A sheet of that name is rebuilt only when it is one of ours (its title says so).
  const isOurs = (values: unknown[][]) => /^(SO SÁNH|HẠN MỨC)/.test(String(values[0][0] ?? ""));
  for (const found of ours) if (!isOurs(found.range.values)) problems.push(problem(found.sheet, null, sheetMsg.foreignSheet(found.sheet)));
  const live = tables.flatMap(({ place, grid }) => {
    const table = grid();
    const read = readUnitTable(table);
    problems.push(...read.problems.filter((p) => p.severity === "error"));
    return read.letters ? [{ place, sheet: table.sheet, letters: read.letters, firstRow: read.firstRow, lastRow: read.lastRow }] : [];
  });
  const catalogue = catalogueGrid ? readCatalogueTable(catalogueGrid()) : null;
  problems.push(...(catalogue?.problems ?? []));
  if (problems.some((p) => p.severity === "error")) return { changes: [], problems };
  // The committee's "x" marks for exceptional kinds are kept.
  const quota = ours.find((found) => found.sheet === COMPARISON_SHEETS.quota)?.range.values ?? [];
  const exceptional = new Set(
    quota
      .slice(LIVE_QUOTA_FIRST_ROW - 1)
      .filter((r) => LIVE_KINDS.includes(String(r[0])) && String(r[7] ?? "").trim() !== "")
      .map((r) => String(r[0])),
  );
  const layout = liveComparisonWorkbook(live, (catalogue?.catalogue ?? DEFAULT_CATALOGUE).indicators, exceptional);
  const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
  const failed = await writeProtected(context, [], NO_CONTENTS, [
    step(() => {
      for (const found of ours) context.workbook.worksheets.getItem(found.sheet).delete();
      for (const sheet of layout.sheets) context.workbook.worksheets.add(sheet.name);
    }),
    ...layout.sheets.flatMap((sheet) => createSheetSteps(sheetOf(sheet.name), sheet, features)),
    step(() => sheetOf(COMPARISON_SHEETS.comparison)().activate()),
  ]);
  if (failed.length > 0) return { changes: [], problems: failed };
  return { changes: [sheetMsg.builtComparison(live.length)], problems: [] };
}

type Analysis = NonNullable<ReturnType<typeof analyse>>;

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
 * the write went through up to its last operation, and only the answer failed.
 */
async function stoppedSetUp(
  context: Excel.RequestContext,
  before: Inventory,
  create: readonly SheetLayout[],
  problems: readonly Problem[],
  failed: readonly Problem[],
): Promise<SetupResult> {
  let after: Inventory;
  try {
    const inventory = loadInventory(context);
    await context.sync();
    after = inventory();
  } catch {
    return { changes: [], problems: [...problems, problem(SHEETS.unit, null, sheetMsg.setUpStoppedUnknown)] };
  }
  const names = create.map((sheet) => sheet.name);
  const halfMade = [...findHalfMade(after, names).sheets];
  if (halfMade.length > 0) {
    return {
      changes: halfMade.map((name) => sheetMsg.partlyCreatedSheet(name)),
      problems: [...problems, problem(halfMade[0], null, sheetMsg.setUpStopped)],
    };
  }
  const made = names.filter((name) => after.sheets.includes(name) && !before.sheets.includes(name));
  if (made.length > 0 && made.length === names.length) return { changes: made.map((name) => sheetMsg.createdSheet(name)), problems: [...problems] };
  return { changes: [], problems: [...problems, ...failed] };
}

/** The unit name, head and year typed in the set-up form, where they differ from the sheet. */
function headingChanges(contents: Contents, options: SetupOptions) {
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


const levelText = (level: Level | null) => (level ? LEVEL_NAMES[level] : "");

/**
 * Set the final level (and, when given, the caps typed with it). The caps are checked before
 * writing and again in the write round trip itself, from the cells as Excel holds them then,
 * so a cap lowered by a colleague in between is caught and the final level put back.
 */
async function setFinalLevelAction(
  context: Excel.RequestContext,
  level: Level | null,
  unitLevel: Level | null | undefined,
  civilServantLevel: Level | null | undefined,
): Promise<FinalLevelResult> {
  const snapshot = await readWorkbook(context);
  const { contents } = snapshot;
  const final = contents.named.get(NAMES.finalLevel);
  const unit = contents.named.get(NAMES.unitLevel);
  const civil = contents.named.get(NAMES.civilServantLevel);
  if (!final || !unit || !snapshot.chosen) return { ok: false, reason: noTable(snapshot).message };
  const current = readLevels(lookup(contents));
  const caps = {
    unit: unitLevel === undefined ? current.unitLevel : unitLevel,
    civilServant: civilServantLevel === undefined ? current.civilServantLevel : civilServantLevel,
  };
  const refusal = (caps: { unit: Level | null; civilServant: Level | null }) =>
    level === null ? null : checkFinalLevel(level, caps).map((b) => b.reason).join(" ") || null;
  const before = refusal(caps);
  if (before !== null) return { ok: false, reason: before };
  const range = (cell: { sheet: string; address: string }) => context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
  // Filled when the write is queued: the caps as Excel holds them in the write's own round trip.
  const loaded = new Map<string, Excel.Range>();
  const failed = await writeProtected(context, [final.sheet], contents, [
    step(() => {
      range(final).formulas = [[levelText(level)]];
      if (unitLevel !== undefined) range(unit).formulas = [[levelText(unitLevel)]];
      if (civil && civilServantLevel !== undefined) range(civil).formulas = [[levelText(civilServantLevel)]];
      loaded.set(NAMES.unitLevel, range(unit).load("values"));
      if (civil) loaded.set(NAMES.civilServantLevel, range(civil).load("values"));
    }),
  ]);
  if (failed.length > 0) return { ok: false, reason: failed[0].message };
  const after = readLevels((name) => {
    const cell = contents.named.get(name);
    const proxy = loaded.get(name);
    return cell && proxy ? { ...cell, value: proxy.values[0][0] } : undefined;
  });
  const late = refusal({ unit: after.unitLevel, civilServant: after.civilServantLevel });
  if (late === null) return { ok: true };
  // A colleague changed a cap between our read and our write: put the old final level back.
  await writeProtected(context, [final.sheet], contents, [step(() => (range(final).formulas = [[String(final.formula ?? "")]]))]);
  return { ok: false, reason: sheetMsg.capChangedMeanwhile(late) };
}

const HEADER_NAMES = {
  superiorBody: NAMES.superiorBody,
  issuingBody: NAMES.issuingBody,
  placeDate: NAMES.placeDate,
  signerTitle: NAMES.signerTitle,
  signerPosition: NAMES.signerPosition,
  signerName: NAMES.signerName,
} as const;

/** The indicators "Bản in" prints, in table order; their texts and notes size its rows. */
function printRows(table: TableGrid, read: UnitTableRead): PrintRow[] {
  const origin = parseCell(table.origin);
  const noteIndex = read.letters ? columnIndex(read.letters.note) - origin.column : -1;
  const scalar = (v: unknown) => (typeof v === "number" || typeof v === "string" ? v : null);
  return read.rows.map(({ sheetRow, input }) => ({
    code: input.code,
    group: input.group ?? "",
    name: input.name ?? "",
    unit: input.unit ?? "",
    target: scalar(input.target),
    actual: scalar(input.actual),
    note: String(table.values[sheetRow - origin.row - 1]?.[noteIndex] ?? ""),
  }));
}

/** The header as the workbook holds it (the ribbon has no form to type it in). */
function headerInWorkbook(text: (name: string) => string): DocumentHeader {
  const fields = Object.entries(HEADER_NAMES) as [keyof typeof HEADER_NAMES, string][];
  return {
    ...(Object.fromEntries(fields.map(([field, name]) => [field, text(name)])) as Pick<DocumentHeader, keyof typeof HEADER_NAMES>),
    // The number line's cell reads "Số 12-BC/HU"; the header holds what follows "Số". Both are
    // on "Bản in", so the defaults stand in until it is first built.
    number: text(NAMES.documentNumber).replace(/^Số\s*/, "") || DEFAULT_HEADER.number,
    recipients: text(NAMES.recipients) || DEFAULT_HEADER.recipients,
  };
}

/**
 * Refused, writing nothing, while the unit sheet has a data error (a cap violation is one): a
 * signed document must not carry them. Otherwise the header goes into its cells and "Bản in" is
 * built anew from the table as it is now (rows, groups, heights), then selected for printing.
 */
async function preparePrintAction(context: Excel.RequestContext, options: PrintOptions, features: FeatureSupport): Promise<Problem[]> {
  const snapshot = await readWorkbook(context, true);
  const { inventory, contents } = snapshot;
  const analysis = analyse(snapshot, false);
  if (!analysis) return [noTable(snapshot)];
  const errors = analysis.problems.filter((p) => p.severity === "error");
  const letters = analysis.read.letters;
  if (errors.length > 0 || !letters) return errors;
  const exists = inventory.sheets.includes(SHEETS.print);
  if (exists && inventory.names.get(NAMES.documentNumber)?.sheet !== SHEETS.print) {
    return [problem(SHEETS.print, null, sheetMsg.foreignSheet(SHEETS.print))];
  }
  const { table, read } = analysis;
  const text = (name: string) => String(namedValue(contents, name) ?? "");
  const header = options.header ?? headerInWorkbook(text);
  const year = Number(namedValue(contents, NAMES.year));
  const printed = printSheet({
    unitSheet: table.sheet,
    letters,
    firstRow: read.firstRow,
    lastRow: read.lastRow,
    rows: printRows(table, read),
    groups: snapshot.catalogue?.catalogue.groups ?? DEFAULT_CATALOGUE.groups,
    header,
    title: tableTitle(Number.isInteger(year) ? year : null, text(NAMES.unitName)),
  });
  const printWs = () => context.workbook.worksheets.getItem(SHEETS.print);
  return writeProtected(context, [table.sheet], contents, [
    step(() => {
      // The pane's form writes its header; the ribbon keeps the one in the workbook.
      for (const [field, name] of options.header ? (Object.entries(HEADER_NAMES) as [keyof typeof HEADER_NAMES, string][]) : []) {
        const cell = contents.named.get(name);
        if (cell) context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).formulas = [[constantInput(header[field])]];
      }
      for (const name of printed.names) if (inventory.names.has(name.name)) context.workbook.names.getItem(name.name).delete();
      for (const name of inventory.names.keys()) if (name.startsWith(PRINTED_UNIT_NAME)) context.workbook.names.getItem(name).delete();
      if (exists) printWs().delete();
      context.workbook.worksheets.add(SHEETS.print);
    }),
    // The active unit's document: its own names (TongDiem_2 …) in every formula.
    ...createSheetSteps(printWs, placeSheet(printed.sheet, snapshot.place), features),
    step(() => {
      // Which unit this "Bản in" is of, so that actions from it work on that unit.
      const names = [...printed.names, { name: printedUnitName(snapshot.place), ref: "$A$1" }];
      addNames(context, new Map([[SHEETS.print, printWs()]]), names.map((n) => ({ ...n, sheet: SHEETS.print })));
      printWs().activate();
      printWs().getRange("A1").select();
    }),
  ]);
}

async function statusAction(context: Excel.RequestContext, features: FeatureSupport): Promise<WorkbookStatus> {
  const snapshot = await readWorkbook(context);
  const { inventory, contents } = snapshot;
  const text = (name: string) => String(namedValue(contents, name) ?? "");
  const year = Number(namedValue(contents, NAMES.year));
  const preset = namedValue(contents, RULE_NAMES.preset);
  return {
    units: snapshot.unitNames.map((u) => ({ sheet: u.sheet, unitName: u.unitName, active: snapshot.chosen && u.place.index === snapshot.place.index })),
    unitChosen: snapshot.chosen,
    hasUnitSheet: contents.table !== null,
    hasCatalogue: inventory.tables.has(TABLES.catalogue),
    hasRules: inventory.names.has(RULE_NAMES.preset),
    unitSheetName: contents.table?.sheet ?? null,
    unitName: text(NAMES.unitName),
    unitKind: unitKindOf(text(NAMES.unitKind)),
    head: text(NAMES.head),
    ...levelsOf(contents),
    year: Number.isInteger(year) && year > 0 ? year : null,
    preset: typeof preset === "string" && preset in PRESETS ? (preset as keyof typeof PRESETS) : null,
    rowCount: contents.table ? Math.max(0, contents.table.values.length - 1) : 0,
    features,
  };
}

function levelsOf(contents: Contents) {
  const { unitLevel, civilServantLevel, finalLevel } = readLevels(lookup(contents));
  return { unitLevel, civilServantLevel, finalLevel };
}

function unitKindOf(text: string): UnitKind | null {
  const found = (Object.entries(UNIT_KIND_NAMES) as [UnitKind, string][]).find(([, name]) => textKey(name) === textKey(text));
  return found ? found[0] : null;
}

async function writeRulesAction(context: Excel.RequestContext, rules: RuleSet): Promise<void> {
  const { contents } = await readWorkbook(context);
  const values = ruleValues(rules);
  const missing = (Object.keys(RULE_NAMES) as RuleNameKey[]).filter((key) => !contents.named.has(RULE_NAMES[key]));
  if (missing.length > 0) throw new Error(sheetMsg.rulesCellsMissing(missing.map((k) => RULE_NAMES[k])));
  const sheets = [...new Set((Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => (contents.named.get(RULE_NAMES[key]) as { sheet: string }).sheet))];
  const failed = await writeProtected(context, sheets, contents, [
    step(() => {
      for (const key of Object.keys(RULE_NAMES) as RuleNameKey[]) {
        const cell = contents.named.get(RULE_NAMES[key]) as { sheet: string; address: string };
        context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).formulas = [[constantInput(values[key])]];
      }
    }),
  ]);
  if (failed.length > 0) throw new Error(failed[0].message);
}

export function createWorkbookService(run: ExcelRun, features: FeatureSupport): ChiTieuWorkbook {
  return {
    status: () => run((context) => statusAction(context, features)),
    setUp: (options) => run((context) => setUpAction(context, options, features)),
    check: () =>
      run(async (context) => {
        const snapshot = await readWorkbook(context);
        return analyse(snapshot, false)?.problems ?? [noTable(snapshot)];
      }),
    evaluate: (options) => run((context) => evaluateAction(context, options?.restoreFormulas ?? false)),
    setFinalLevel: (level, unitLevel, civilServantLevel) => run((context) => setFinalLevelAction(context, level, unitLevel, civilServantLevel)),
    selectCell: (sheet, cell) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    preparePrint: (options) => run((context) => preparePrintAction(context, options, features)),
    readRules: () =>
      run(async (context) => {
        const { contents } = await readWorkbook(context);
        return rulesOf(contents);
      }),
    writeRules: (rules) => run((context) => writeRulesAction(context, rules)),
    buildComparison: () => run((context) => comparisonAction(context, features)),
    // Its own chunk (the .xlsx reader and the consolidation rules), loaded when first used.
    consolidateFiles: async (files, options) =>
      (await import(/* webpackChunkName: "consolidate-files" */ "./consolidateFiles")).consolidateFiles(run, files, options, features),
    // Every unit's table: a colleague typing on another unit's sheet (co-authoring) only refreshes the pane.
    onInputsChanged: (listener) =>
      features.changeEvents
        ? run(async (context) => {
            const tables = context.workbook.tables.load("items/name");
            await context.sync();
            const units = unitPlaces(tables.items.map((t) => t.name));
            if (units.length === 0) return null;
            const registrations = units.map((place) => context.workbook.tables.getItem(place.table).onChanged.add(async () => listener()));
            await context.sync();
            return async () => {
              registrations.forEach((registration) => registration.remove());
              await registrations[0].context.sync();
            };
          })
        : Promise.resolve(null),
  };
}
