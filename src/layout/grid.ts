/** A table read from a sheet, as Excel returns it: shared by every room that reads a table. */

/** The table as Excel returns it: header row first, then the body rows. */
export interface TableGrid {
  readonly sheet: string;
  /** Address of the header row's first cell. */
  readonly origin: string;
  readonly values: readonly (readonly unknown[])[];
  /** Same shape as `values`: a formula ("=…") or the constant. */
  readonly formulas: readonly (readonly unknown[])[];
  /** Values of the ROWS_BELOW rows just under the table, same columns. */
  readonly below?: readonly (readonly unknown[])[];
}
