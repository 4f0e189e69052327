import { checkFinalLevel, DISQUALIFIERS, EXCELLENCE_QUESTIONS, type Disqualifier, type ExcellenceQuestion, type Level } from "../../domain";
import { problem, type Problem } from "../problems";
import { parseLevelCell } from "./levelCell";
import { DISQUALIFIER_CELL_NAMES, EXCELLENCE_CELL_NAMES, NAMES } from "../schema";

/**
 * Reading the unit sheet's typed summary cells (common score, disqualifying conditions, levels),
 * shared by the Office.js adapter and the .xlsx reader, which each find named cells their own way.
 */

export interface NamedCell {
  readonly sheet: string;
  readonly address: string;
  readonly value: unknown;
}

export type NamedLookup = (name: string) => NamedCell | undefined;

/** The summary inputs the engine takes, and the cell each document-level field came from. */
export function summaryInputs(named: NamedLookup) {
  const common = named(NAMES.commonScore);
  const disqualifying = Object.fromEntries(DISQUALIFIERS.map((d) => [d, named(DISQUALIFIER_CELL_NAMES[d])?.value ?? ""])) as Record<Disqualifier, unknown>;
  // A sheet made before the excellence questions has no such cells: not answered.
  const excellence = Object.fromEntries(EXCELLENCE_QUESTIONS.map((q) => [q, named(EXCELLENCE_CELL_NAMES[q])?.value ?? ""])) as Record<ExcellenceQuestion, unknown>;
  const cells: Readonly<Record<string, NamedCell | undefined>> = {
    commonScore: common,
    ...Object.fromEntries(DISQUALIFIERS.map((d) => [d, named(DISQUALIFIER_CELL_NAMES[d])])),
    ...Object.fromEntries(EXCELLENCE_QUESTIONS.map((q) => [q, named(EXCELLENCE_CELL_NAMES[q])])),
  };
  return { commonScore: common?.value ?? "", disqualifying, excellence, cells };
}

export interface LevelsRead {
  readonly unitLevel: Level | null;
  readonly civilServantLevel: Level | null;
  readonly finalLevel: Level | null;
  /** Unreadable levels, and a final level typed above a cap or before the unit's level. */
  readonly problems: readonly Problem[];
}

/** The three level cells, with every broken cap reported at the final level's cell as an error. */
export function readLevels(named: NamedLookup): LevelsRead {
  const parse = (name: string) => {
    const cell = named(name);
    return parseLevelCell(cell?.value, cell?.sheet, cell?.address ?? null);
  };
  const unit = parse(NAMES.unitLevel);
  const civilServant = parse(NAMES.civilServantLevel);
  const final = parse(NAMES.finalLevel);
  const problems = [unit.problem, civilServant.problem, final.problem].filter((p): p is Problem => p !== null);
  const finalCell = named(NAMES.finalLevel);
  if (final.level !== null && finalCell) {
    for (const broken of checkFinalLevel(final.level, { unit: unit.level, civilServant: civilServant.level })) {
      problems.push(problem(finalCell.sheet, finalCell.address, broken.message));
    }
  }
  return { unitLevel: unit.level, civilServantLevel: civilServant.level, finalLevel: final.level, problems };
}
