import { formatCount } from "./format";
import { defineMessages, message } from "./localize";

/**
 * The assignment check (issue 16 §1): for an additive indicator the units' targets must add up to
 * the province's target, or the sheet says by how much not. Sums are exact in millionths, as for
 * the totals, so 0,1 + 0,2 equals 0,3.
 */
export const assignMsg = defineMessages("assignment", {
  sumShort: message(
    (code: string, sum: number, province: number) =>
      `Chỉ tiêu ${code}: tổng chỉ tiêu giao các đơn vị là ${formatCount(sum)}, thấp hơn chỉ tiêu của tỉnh (${formatCount(province)}) ${formatCount(province - sum)}.`,
    (code, sum, province) =>
      `Indicator ${code}: the units' targets add up to ${formatCount(sum)}, ${formatCount(province - sum)} below the province's target (${formatCount(province)}).`,
    ["1.1", 1900, 2000],
  ),
  sumOver: message(
    (code: string, sum: number, province: number) =>
      `Chỉ tiêu ${code}: tổng chỉ tiêu giao các đơn vị là ${formatCount(sum)}, vượt chỉ tiêu của tỉnh (${formatCount(province)}) ${formatCount(sum - province)}.`,
    (code, sum, province) =>
      `Indicator ${code}: the units' targets add up to ${formatCount(sum)}, ${formatCount(sum - province)} above the province's target (${formatCount(province)}).`,
    ["1.1", 2100, 2000],
  ),
});

const SCALE = 1e6;
const scaled = (value: number) => Math.round(value * SCALE);

export interface AssignmentCheck {
  readonly sum: number;
  /** Units' sum minus the province's target: 0 when they agree. */
  readonly difference: number;
  /** Null when they agree, else the Vietnamese sentence saying by how much not. */
  readonly message: string | null;
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
  return { sum, difference, message: say(code, sum, provinceTarget) };
}
