/**
 * The block "Việc đột phá, đổi mới" on the unit sheets of the open workbook (issue 9 §3): written
 * on every unit sheet when the register is created, and on a unit sheet created beside a register.
 * The block's cells are the add-in's; where anything already stands there (a person's note), the
 * block is not written and a warning says where. Reads and writes are queued for the caller's syncs.
 */
import { type Message } from "../domain/messages/localize";
import { unitTaskMsg } from "../domain/messages/unitTaskBlock";
import { parseCell, parseReference } from "../layout/addresses";
import { problem, type Problem } from "../layout/problems";
import { NAMES } from "../layout/schema";
import { TASK_TABLES } from "../layout/tasks";
import { TASK_CAPPED_LINES } from "../layout/formulas";
import { cappedFor, summaryTop, taskCapCell, unitTaskBlocks, unitTaskCells, unitTaskConditionalFormats, type RegisterRows } from "../layout/tasks";
import { placeBlock, placedName, placeFormula, unitPlaces, type UnitPlace } from "../layout/units";
import type { FeatureSupport } from "../contract/workbook";
import { addRules, writeBlock } from "./applyLayout";
import { payloadBytes, type WriteStep } from "./chunks";
import { PROTECTION } from "./writeProtocol";
import type { Inventory } from "./workbookState";

/** A unit sheet that can take the block: its unit, its sheet and the row of its summary's title. */
export interface UnitTaskTarget {
  readonly place: UnitPlace;
  readonly sheet: string;
  readonly top: number;
  /** Where its first summary line is (SoChiTieu), and the level lines the cap bounds. */
  readonly countAddress: string;
  readonly levels: readonly { readonly sheet: string; readonly address: string }[];
  /** A name of the cap's cell left behind (a deleted sheet's #REF!): replaced. */
  readonly staleCapName: boolean;
}

/** Each unit whose summary is named (an older sheet without it keeps working, without the block). */
export function unitTaskTargets(inventory: Inventory): UnitTaskTarget[] {
  return unitPlaces(inventory.tables).flatMap((place) => {
    const count = inventory.names.get(placedName(NAMES.count, place));
    const levels = TASK_CAPPED_LINES.flatMap((name) => {
      const at = inventory.names.get(placedName(name, place));
      return at ? [at] : [];
    });
    const staleCapName = inventory.names.has(placedName(NAMES.taskCap, place));
    return count ? [{ place, sheet: count.sheet, top: summaryTop(count.address), countAddress: count.address, levels, staleCapName }] : [];
  });
}

/** Queues the read of each block's area and of its sheet's protection. */
export function loadBlockAreas(context: Excel.RequestContext, targets: readonly UnitTaskTarget[]) {
  const reads = targets.map((target) => {
    const ws = context.workbook.worksheets.getItem(target.sheet);
    const levels = target.levels.map((at) => ({ ...at, range: context.workbook.worksheets.getItem(at.sheet).getRange(at.address).load("formulas") }));
    return { target, range: ws.getRange(unitTaskCells(target.top).area).load("formulas"), protection: ws.protection.load("protected"), levels };
  });
  return () =>
    reads.map((r) => ({
      target: r.target,
      empty: r.range.formulas.every((row) => row.every((f) => f === "" || f === null)),
      locked: r.protection.protected,
      levels: r.levels.map((l) => ({ sheet: l.sheet, address: l.address, formula: String(l.range.formulas[0][0] ?? "") })),
    }));
}

/** Queues the read of the register's task rows (null without a register). */
export function loadRegisterRows(context: Excel.RequestContext, inventory: Inventory): () => RegisterRows | null {
  if (!inventory.tables.has(TASK_TABLES.tasks)) return () => null;
  const body = context.workbook.tables.getItem(TASK_TABLES.tasks).getDataBodyRange().load("address");
  return () => {
    const ref = parseReference(body.address);
    if (!ref) return null;
    const [first, last] = ref.address.split(":");
    return { sheet: ref.sheet, taskFirst: parseCell(first).row + 1, taskLast: parseCell(last ?? first).row + 1 };
  };
}

/** The register's task rows, read in one round trip only when the workbook has a register (else null, no round trip). */
export async function registerRowsOf(context: Excel.RequestContext, inventory: Inventory): Promise<RegisterRows | null> {
  if (!inventory.tables.has(TASK_TABLES.tasks)) return null;
  const rows = loadRegisterRows(context, inventory);
  await context.sync();
  return rows();
}

type AreaRead = ReturnType<ReturnType<typeof loadBlockAreas>>[number];

/**
 * The write of one unit's block, and its summary's levels bounded by the block's cap (the add-in's
 * formulas only: a value typed over one stays), its sheet unprotected and protected again around it.
 */
export function unitTaskStep(context: Excel.RequestContext, area: AreaRead, register: RegisterRows, features: FeatureSupport): WriteStep {
  const { target, locked } = area;
  const cap = taskCapCell(target.countAddress);
  const levels = area.levels.filter((l) => l.formula.startsWith("=") && !l.formula.includes(cap));
  const blocks = unitTaskBlocks(target.top, register).map((block) => placeBlock(block, target.place));
  const conditionalFormats = unitTaskConditionalFormats(target.top).map((f) => ({ ...f, formula: placeFormula(f.formula, target.place) }));
  return {
    bytes: payloadBytes(blocks) + payloadBytes(levels) * 2 + 1_000,
    queue: () => {
      const ws = context.workbook.worksheets.getItem(target.sheet);
      if (locked) ws.protection.unprotect();
      for (const block of blocks) writeBlock(ws, block, true);
      for (const l of levels) context.workbook.worksheets.getItem(l.sheet).getRange(l.address).formulas = [[cappedFor(l.formula, target.countAddress, target.place)]];
      // The cap's cell is named, so that evaluate reads it as the engine's input (MucTranDotPha_n for unit n).
      if (target.staleCapName) context.workbook.names.getItem(placedName(NAMES.taskCap, target.place)).delete();
      context.workbook.names.add(placedName(NAMES.taskCap, target.place), ws.getRange(cap));
      addRules(ws, { validations: [], conditionalFormats }, features);
      if (locked) ws.protection.protect(PROTECTION);
    },
  };
}

/** The steps for the areas read, and a warning for each area a person has written in. */
export function unitTaskWrites(
  context: Excel.RequestContext,
  areas: readonly AreaRead[],
  register: RegisterRows,
  features: FeatureSupport,
): { steps: WriteStep[]; changes: Message[]; problems: Problem[] } {
  const free = areas.filter((a) => a.empty);
  return {
    steps: free.map((a) => unitTaskStep(context, a, register, features)),
    changes: free.map((a) => unitTaskMsg.written.of(a.target.sheet)),
    problems: areas.filter((a) => !a.empty).map((a) => problem(a.target.sheet, null, unitTaskMsg.occupied.of(unitTaskCells(a.target.top).area), "warning")),
  };
}
