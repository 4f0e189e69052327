/**
 * The Office.js adapter behind the task pane and the ribbon. Every action reads in at most two
 * round trips (what exists, then its contents) and writes in one more; rules live in
 * src/domain and the layout in src/layout, so this file only moves data in and out of Excel.
 */
import { checkCap, DEFAULT_CATALOGUE, evaluate, PRESETS, textKey, UNIT_KIND_NAMES, type Catalogue, type Level, type RuleSet, type UnitKind } from "../domain";
import { LEVEL_NAMES } from "../domain";
import {
  evaluateUnitTable,
  groupProgress,
  isEmptyPlan,
  NAMES,
  parseLevelCell,
  planRepairs,
  problem,
  readCatalogueTable,
  readRules,
  readUnitTable,
  ruleValues,
  RULE_NAMES,
  SHEETS,
  TABLES,
  unitWorkbook,
  type Problem,
  type RepairPlan,
  type RuleNameKey,
  type SheetLayout,
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
} from "./api";
import { columnLetter, parseCell, parseReference } from "../layout/addresses";
import { addNames, createSheetSteps } from "./applyLayout";
import { constantInput } from "./cellInput";
import { batches, columnSteps, payloadBytes, type WriteStep } from "./chunks";
import { loadContents, loadInventory, type Contents, type Inventory } from "./workbookState";
import { clearHalfMade, findHalfMade, markSheets, unmarkSheets } from "./halfMade";
import { sheetMsg } from "../layout/messages";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export { detectFeatures } from "./features";

interface Snapshot {
  readonly inventory: Inventory;
  readonly contents: Contents;
  readonly catalogue: { readonly catalogue: Catalogue; readonly problems: readonly Problem[] } | null;
}

/**
 * Round trips 1 and 2: what exists, then its contents, and (for set-up from the workbook's own
 * catalogue) the catalogue table in the same second round trip.
 */
async function readWorkbook(context: Excel.RequestContext, withCatalogue = false): Promise<Snapshot> {
  const inventory = loadInventory(context);
  await context.sync();
  const found = inventory();
  const contents = loadContents(context, found);
  const catalogueRange =
    withCatalogue && found.tables.has(TABLES.catalogue)
      ? context.workbook.tables.getItem(TABLES.catalogue).getRange().load("address,values")
      : null;
  await context.sync();
  const ref = catalogueRange ? parseReference(catalogueRange.address) : null;
  const catalogue =
    catalogueRange && ref
      ? readCatalogueTable({ sheet: ref.sheet, origin: ref.address.split(":")[0], values: catalogueRange.values, formulas: catalogueRange.values })
      : null;
  return { inventory: found, contents: contents(), catalogue };
}

function namedValue(contents: Contents, name: string): unknown {
  return contents.named.get(name)?.value;
}

function rulesOf(contents: Contents): { rules: RuleSet; problems: Problem[] } {
  const values = Object.fromEntries((Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(contents, RULE_NAMES[key])]));
  return readRules(values);
}

function levelOf(contents: Contents, name: string): { level: Level | null; problem: Problem | null } {
  const cell = contents.named.get(name);
  return parseLevelCell(cell?.value, cell?.sheet, cell?.address ?? null);
}

const noTable = (): Problem =>
  problem(SHEETS.unit, null, sheetMsg.noUnitTable);

/** Everything evaluate and check need, computed from one read. */
function analyse(snapshot: Snapshot, restoreFormulas: boolean) {
  const { contents } = snapshot;
  const rules = rulesOf(contents);
  const table = contents.table;
  if (!table) return null;
  const read = readUnitTable(table);
  const common = contents.named.get(NAMES.commonScore);
  const evaluated = read.letters
    ? evaluateUnitTable(read, table.sheet, rules.rules, { value: common?.value ?? "", cell: common?.address ?? null })
    : { evaluation: evaluate({ indicators: [] }), problems: [] };
  const unitLevel = levelOf(contents, NAMES.unitLevel);
  const finalLevel = levelOf(contents, NAMES.finalLevel);
  const plan = planRepairs(table, read, contents.named, restoreFormulas);
  const problems = [
    ...rules.problems,
    ...read.problems,
    ...evaluated.problems,
    ...plan.problems,
    ...[unitLevel.problem, finalLevel.problem].filter((p): p is Problem => p !== null),
  ];
  return { table, read, evaluated, unitLevel: unitLevel.level, finalLevel: finalLevel.level, plan, problems };
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
    return { evaluation: evaluate({ indicators: [] }), problems: [noTable()], groups: [], unitLevel: null, finalLevel: null, overwrittenFormulas: [], wrote: false };
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
    unitLevel: analysis.unitLevel,
    finalLevel: analysis.finalLevel,
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
  const snapshot = await readWorkbook(context, options.catalogue === "workbook");
  const { inventory, contents } = snapshot;
  const catalogue = snapshot.catalogue?.catalogue ?? DEFAULT_CATALOGUE;
  const layout = unitWorkbook({ ...options, catalogue });
  const halfMade = findHalfMade(inventory, layout.sheets.map((sheet) => sheet.name));
  const { create, problems } = planCreation(inventory, layout.sheets, halfMade.sheets);
  problems.push(...(snapshot.catalogue?.problems ?? []));
  const ownTable = inventory.tables.has(TABLES.unit) && !halfMade.sheets.has(contents.table?.sheet ?? "");
  const analysis = ownTable ? analyse(snapshot, false) : null;
  if (analysis) problems.push(...analysis.read.problems.filter((p) => p.severity === "error"));
  if (problems.some((p) => p.severity === "error")) return { changes: [], problems };

  const headingWrites = analysis ? headingChanges(contents, options) : [];
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
    ...(analysis && !isEmptyPlan(analysis.plan) ? repairSteps(context, analysis.table.sheet, analysis.plan) : []),
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
  if (changes.length === 0) changes.push(sheetMsg.nothingToChange);
  if (analysis && options.preset !== rulesOf(contents).rules.preset) {
    changes.push(sheetMsg.keptRules);
  }
  return { changes, problems: [...problems, ...(analysis?.plan.problems ?? [])] };
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


async function setFinalLevelAction(context: Excel.RequestContext, level: Level | null, unitLevel: Level | null | undefined): Promise<FinalLevelResult> {
  const { contents } = await readWorkbook(context);
  const finalCell = contents.named.get(NAMES.finalLevel);
  const unitCell = contents.named.get(NAMES.unitLevel);
  if (!finalCell || !unitCell) return { ok: false, reason: noTable().message };
  const cap = unitLevel === undefined ? levelOf(contents, NAMES.unitLevel).level : unitLevel;
  if (level !== null) {
    const check = checkCap(level, cap);
    if (!check.ok) return check;
  }
  const sheets = [finalCell.sheet];
  const failed = await writeProtected(context, sheets, contents, [
    step(() => {
      const ws = context.workbook.worksheets.getItem(finalCell.sheet);
      ws.getRange(finalCell.address).formulas = [[level ? LEVEL_NAMES[level] : ""]];
      if (unitLevel !== undefined) {
        context.workbook.worksheets.getItem(unitCell.sheet).getRange(unitCell.address).formulas = [[unitLevel ? LEVEL_NAMES[unitLevel] : ""]];
      }
    }),
  ]);
  return failed.length > 0 ? { ok: false, reason: failed[0].message } : { ok: true };
}

const HEADER_NAMES = {
  superiorBody: NAMES.superiorBody,
  issuingBody: NAMES.issuingBody,
  placeDate: NAMES.placeDate,
  signerTitle: NAMES.signerTitle,
  signerPosition: NAMES.signerPosition,
  signerName: NAMES.signerName,
} as const;

async function preparePrintAction(context: Excel.RequestContext, options: PrintOptions, features: FeatureSupport): Promise<Problem[]> {
  const { contents } = await readWorkbook(context);
  const table = contents.table;
  const signer = contents.named.get(NAMES.signerName);
  if (!table || !signer) return [noTable()];
  const origin = parseCell(table.origin);
  const lastColumn = columnLetter(origin.column + (table.values[0]?.length ?? 1) - 1);
  const printArea = `A1:${lastColumn}${parseCell(signer.address).row + 1}`;
  const headerRow = origin.row + 1;
  return writeProtected(context, [table.sheet], contents, [step(() => {
    const ws = context.workbook.worksheets.getItem(table.sheet);
    for (const [field, name] of Object.entries(HEADER_NAMES) as [keyof typeof HEADER_NAMES, string][]) {
      const cell = contents.named.get(name);
      if (cell) ws.getRange(cell.address).formulas = [[constantInput(options.header[field])]];
    }
    if (features.pageLayout) {
      ws.pageLayout.setPrintArea(printArea);
      ws.pageLayout.setPrintTitleRows(`$${headerRow}:$${headerRow}`);
    }
    ws.activate();
    ws.getRange(printArea).select();
  })]);
}

async function statusAction(context: Excel.RequestContext, features: FeatureSupport): Promise<WorkbookStatus> {
  const { inventory, contents } = await readWorkbook(context);
  const text = (name: string) => String(namedValue(contents, name) ?? "");
  const year = Number(namedValue(contents, NAMES.year));
  const preset = namedValue(contents, RULE_NAMES.preset);
  return {
    hasUnitSheet: contents.table !== null,
    hasCatalogue: inventory.tables.has(TABLES.catalogue),
    hasRules: inventory.names.has(RULE_NAMES.preset),
    unitSheetName: contents.table?.sheet ?? null,
    unitName: text(NAMES.unitName),
    unitKind: unitKindOf(text(NAMES.unitKind)),
    head: text(NAMES.head),
    unitLevel: levelOf(contents, NAMES.unitLevel).level,
    finalLevel: levelOf(contents, NAMES.finalLevel).level,
    year: Number.isInteger(year) && year > 0 ? year : null,
    preset: typeof preset === "string" && preset in PRESETS ? (preset as keyof typeof PRESETS) : null,
    rowCount: contents.table ? Math.max(0, contents.table.values.length - 1) : 0,
    features,
  };
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
        return analyse(snapshot, false)?.problems ?? [noTable()];
      }),
    evaluate: (options) => run((context) => evaluateAction(context, options?.restoreFormulas ?? false)),
    setFinalLevel: (level, unitLevel) => run((context) => setFinalLevelAction(context, level, unitLevel)),
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
    onInputsChanged: (listener) =>
      features.changeEvents
        ? run(async (context) => {
            const table = context.workbook.tables.getItemOrNullObject(TABLES.unit);
            await context.sync();
            if (table.isNullObject) return null;
            const registration = table.onChanged.add(async () => listener());
            await context.sync();
            return async () => {
              registration.remove();
              await registration.context.sync();
            };
          })
        : Promise.resolve(null),
  };
}
