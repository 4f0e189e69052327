import { STATUS_NAMES, textKey, unitCatalogue, type AssignedUnit, type GroupAssignment, type RuleSet } from "../../domain";
import type { Message } from "../../domain/messages/localize";
import { unitFilesMsg } from "../../domain/messages/unitFiles";
import { unitWorkbook, type FollowUpCadence } from "../unit";
import type { WorkbookLayout } from "../types";
import type { KeptSheets } from "../keptSheets";

/**
 * The unit workbooks an assignment makes (issue 16 §1), the same for `chitieu assign` (written to a
 * folder) and the pane (offered as downloads): one file per unit, named after the unit so that
 * consolidation finds it again, with the unit's indicators, targets, head, kind, its group's name and the province's rules.
 */

/** A file name from a unit's name: what Windows and Linux forbid in a name becomes "_". */
export function unitFileName(unit: string): string {
  const safe = unit.normalize("NFC").replace(/[\u0000-\u001f\u007f\ufffe\uffff<>:"/\\|?*]/g, "_").replace(/[. ]+$/, "").trim();
  return `${safe === "" ? "_" : safe}.xlsx`;
}

/** One unit to write: its group's assignment, the unit, and the file name it gets. */
export interface PlannedUnitFile {
  readonly assignment: GroupAssignment;
  readonly unit: AssignedUnit;
  readonly file: string;
}

/** Every unit of every group with its file name, and a sentence for each two units that would share one. */
export function planUnitFiles(assignments: readonly GroupAssignment[]): { planned: PlannedUnitFile[]; clashes: Message[] } {
  const planned = assignments.flatMap((assignment) => assignment.units.map((unit) => ({ assignment, unit, file: unitFileName(unit.name) })));
  const clashes: Message[] = [];
  const byFile = new Map<string, string>();
  for (const p of planned) {
    const other = byFile.get(textKey(p.file));
    if (other !== undefined) clashes.push(unitFilesMsg.sameFile.of(other, p.unit.name, p.file));
    byFile.set(textKey(p.file), p.unit.name);
  }
  return { planned, clashes };
}

/**
 * The workbook of one assigned unit: targets typed, everything else as the province set it; the
 * unit types actuals. Give all the units one `kept` so that they share the sheets they have alike.
 */
export function assignedUnitWorkbook(p: Pick<PlannedUnitFile, "assignment" | "unit">, rules: RuleSet, cadence: FollowUpCadence = "quarter", kept?: KeptSheets): WorkbookLayout {
  const values = new Map([...p.unit.targets].map(([code, target]) => [code, { target: target === true ? STATUS_NAMES.met : target }]));
  return unitWorkbook({
    unitName: p.unit.name,
    unitKind: p.unit.kind,
    groupName: p.assignment.group,
    head: p.unit.head,
    year: p.assignment.year,
    preset: rules.preset,
    rules,
    catalogue: unitCatalogue(p.assignment, p.unit),
    values,
    withPrintSheet: true,
    withFollowUp: cadence,
    kept,
  });
}
