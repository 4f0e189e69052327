import { formatCount } from "../format";
import { defineMessages, message } from "./localize";

/** The assignment check's findings: the units' targets do not add up to the province's. */
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
