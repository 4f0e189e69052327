import { cellAddress } from "./addresses";
import { sheetMsg } from "../domain/messages/sheet";
import { problem, type Problem } from "./problems";
import { TABLES } from "./schema";

/**
 * Rows under the unit table read with it. A row typed just below a table that did not grow
 * (protected sheet, LibreOffice, auto-expansion off) is outside it, so it would be silently left
 * out of the evaluation. The unit sheet leaves one empty row before its summary, whose labels and
 * values are in columns that are not indicator inputs.
 */
export const ROWS_BELOW = 3;

const isEmpty = (value: unknown) => value === "" || value === null || value === undefined;

/**
 * One warning per row below the table with something in an indicator input column, naming the
 * row's first such cell. `origin` is the table's header cell (0-based), `height` its row count
 * with the header, `inputColumns` the input columns' offsets in the table.
 */
export function typedBelowTable(
  sheet: string,
  origin: { row: number; column: number },
  height: number,
  below: readonly (readonly unknown[])[],
  inputColumns: readonly number[],
): Problem[] {
  const sorted = [...inputColumns].sort((a, b) => a - b);
  return below.flatMap((values, i) => {
    const column = sorted.find((c) => !isEmpty(values[c]));
    if (column === undefined) return [];
    const address = cellAddress(origin.row + height + i, origin.column + column);
    return [problem(sheet, address, sheetMsg.typedBelowTable.of(TABLES.unit), "warning")];
  });
}
