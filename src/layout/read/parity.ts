import { formatPoints, LEVEL_NAMES, type Evaluation } from "../../domain";
import { sheetMsg } from "../../domain/messages/sheet";
import { problem, type Problem } from "../problems";
import { NAMES } from "../schema";

/** What the sheet's own formulas show for the points and the suggested level, as Excel computed them. */
export interface SheetTotals {
  readonly points: unknown;
  readonly level: unknown;
}

/** Named cells as read with their formulas (keyed by their unit-1 names). */
type NamedCells = ReadonlyMap<string, { readonly sheet: string; readonly address: string; readonly value: unknown; readonly formula: unknown }>;

export function sheetTotals(named: NamedCells): SheetTotals {
  return { points: named.get(NAMES.points)?.value ?? null, level: named.get(NAMES.suggestedLevel)?.value ?? null };
}

const isFormula = (formula: unknown) => typeof formula === "string" && formula.startsWith("=");
const blank = (value: unknown) => value === null || value === undefined || value === "";
const shown = (value: unknown) => (blank(value) ? '""' : typeof value === "number" ? formatPoints(value) : `"${String(value)}"`);

/**
 * The parity check that runs inside Excel (issue 17 §7): the sheet's TongDiem and XepLoaiDeXuat
 * must equal the engine's points and level. A difference is named at the cell with both values;
 * a cell typed over is left to the overwrite check, which already reports it.
 */
export function parityProblems(named: NamedCells, evaluation: Evaluation): Problem[] {
  const s = evaluation.summary;
  const checks: { name: string; engine: string | number | null; agrees: (value: unknown) => boolean }[] = [
    {
      name: NAMES.points,
      engine: s.points,
      // Points are kept to 2 decimals on both sides: anything closer is the same figure.
      agrees: (value) => (s.points === null ? blank(value) : typeof value === "number" && Math.abs(value - s.points) < 0.005),
    },
    {
      name: NAMES.suggestedLevel,
      engine: s.level === null ? null : LEVEL_NAMES[s.level],
      agrees: (value) => (s.level === null ? blank(value) : typeof value === "string" && value.normalize("NFC").trim() === LEVEL_NAMES[s.level]),
    },
  ];
  return checks.flatMap((check) => {
    const cell = named.get(check.name);
    if (!cell || !isFormula(cell.formula) || check.agrees(cell.value)) return [];
    return [problem(cell.sheet, cell.address, sheetMsg.sheetDisagrees.of(check.name, shown(cell.value), shown(check.engine)))];
  });
}
