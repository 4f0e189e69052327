/** Core vocabulary of the engine. */

export type Direction = "increase" | "decrease" | "milestone";

export type Status = "exceeded" | "met" | "notMet" | "pending" | "error";

export type Level = "excellent" | "good" | "complete" | "incomplete";

/** A milestone's two optional dates: due ("Hạn hoàn thành") and done ("Ngày hoàn thành"). */
export type DateField = "due" | "done";

export interface Group {
  readonly code: string;
  /** As the catalogue names it; null when its sheet gives no name (then "Nhóm 3", in the language it is shown in). */
  readonly name: string | null;
}

/** One measured target as the catalogue defines it. */
export interface Indicator {
  readonly code: string;
  readonly group: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: Direction;
  /** A key indicator not met decides the level (docs/rules.md §2). */
  readonly key: boolean;
  readonly weight: number;
}

export interface Catalogue {
  readonly groups: readonly Group[];
  readonly indicators: readonly Indicator[];
}

/** A problem with one input value; `message` is Vietnamese and user-facing. */
export interface InputError {
  /** Position of the indicator in the input, null for document-level values. */
  readonly index: number | null;
  readonly code: string | null;
  readonly field: string;
  /** Vietnamese; `id` and `params` are the same message as data of the catalogue. */
  readonly message: string;
  readonly id: string;
  readonly params: readonly unknown[];
}

/** Kinds of unit: informational, they do not change the rules. */
export type UnitKind = "commune" | "district" | "department" | "massOrganisation";

/**
 * A problem in the workbook, tied to a cell when there is one. `message` and `detail` are Vietnamese
 * (what the CLI, the JSON and older callers read); `id` and `params` are the same as data of the
 * message catalogue, so a screen renders it in its own language (src/layout/problems.ts).
 */
export interface Problem {
  readonly sheet: string;
  /** A1 address on `sheet`, or null for a problem of the whole sheet or workbook. */
  readonly cell: string | null;
  /** The whole sentence, starting with where it is (for the CLI and logs). */
  readonly message: string;
  /** The same without the location, for lists that show the sheet and cell beside it. */
  readonly detail: string;
  readonly severity: "error" | "warning";
  /** The catalogue id of `detail` ("verbatim" for a text the catalogue did not make). */
  readonly id: string;
  /** Its parameters, in the order its wordings take them; a parameter may be a message as data. */
  readonly params: readonly unknown[];
}
