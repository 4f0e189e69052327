import type { Catalogue, Indicator, UnitKind } from "./types";
import type { Message } from "./messages/localize";
import { assignMsg } from "./messages/assignment";

/**
 * The assignment check (issue 16 §1): for an additive indicator the units' targets must add up to
 * the province's target, or the sheet says by how much not. Sums are exact in millionths, as for
 * the totals, so 0,1 + 0,2 equals 0,3.
 */

const SCALE = 1e6;
const scaled = (value: number) => Math.round(value * SCALE);

export interface AssignmentCheck {
  readonly sum: number;
  /** Units' sum minus the province's target: 0 when they agree. */
  readonly difference: number;
  /** Null when they agree, else the sentence saying by how much not, as data of the catalogue. */
  readonly message: Message | null;
}

/**
 * Whether the units' targets add up to the province's. A province that assigns more in total than
 * its own target (a common safety margin) is told so, not refused: the decision is the committee's.
 */
export function checkAssignment(code: string, provinceTarget: number, unitTargets: readonly number[]): AssignmentCheck {
  const sumScaled = unitTargets.reduce((sum, t) => sum + scaled(t), 0);
  const differenceScaled = sumScaled - scaled(provinceTarget);
  const sum = sumScaled / SCALE;
  const difference = differenceScaled / SCALE;
  if (differenceScaled === 0) return { sum, difference, message: null };
  const say = differenceScaled < 0 ? assignMsg.sumShort : assignMsg.sumOver;
  return { sum, difference, message: say.of(code, sum, provinceTarget) };
}

/** Who must carry an indicator: every unit of the group, or only units given a target (their own). */
export type AssignScope = "all" | "own";

/** One indicator of a group's catalogue as the province assigns it. */
export interface AssignedIndicator extends Indicator {
  /** Σ of the units' targets is checked against the province's target (people, money, cases). */
  readonly additive: boolean;
  readonly scope: AssignScope;
  readonly provinceTarget: number | null;
}

/** One unit of a group with the targets the province gives it (a milestone's target is "done"). */
export interface AssignedUnit {
  readonly name: string;
  readonly head: string;
  readonly kind: UnitKind | null;
  /** Target per indicator code, only for the indicators the unit carries. */
  readonly targets: ReadonlyMap<string, number | true>;
}

/** A group of equivalent positions with its own catalogue and its units. */
export interface GroupAssignment {
  readonly group: string;
  readonly year: number;
  readonly catalogue: Catalogue;
  readonly indicators: readonly AssignedIndicator[];
  readonly units: readonly AssignedUnit[];
}

/** The catalogue one unit receives: the group's indicators it carries, in the group's order. */
export function unitCatalogue(assignment: GroupAssignment, unit: AssignedUnit): Catalogue {
  const indicators = assignment.catalogue.indicators.filter((i) => unit.targets.has(i.code));
  const groups = assignment.catalogue.groups.filter((g) => indicators.some((i) => i.group === g.code));
  return { groups, indicators };
}
