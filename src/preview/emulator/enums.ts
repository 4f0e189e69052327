import { fail } from "./errors";

/**
 * String values of the Excel enums the emulator accepts. Office.js enums are string enums, so the adapter may
 * pass either `Excel.ConditionalFormatType.custom` or "Custom"; matching is case-insensitive, results canonical.
 */
export const ExcelEnums = {
  ConditionalFormatType: { custom: "Custom" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  PaperType: { letter: "Letter", legal: "Legal", a3: "A3", a4: "A4", a5: "A5" },
  HorizontalAlignment: {
    general: "General", left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify",
    centerAcrossSelection: "CenterAcrossSelection", distributed: "Distributed",
  },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  BorderIndex: {
    edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight",
    insideVertical: "InsideVertical", insideHorizontal: "InsideHorizontal", diagonalDown: "DiagonalDown", diagonalUp: "DiagonalUp",
  },
  BorderLineStyle: {
    none: "None", continuous: "Continuous", dash: "Dash", dashDot: "DashDot", dashDotDot: "DashDotDot", dot: "Dot", double: "Double",
    slantDashDot: "SlantDashDot",
  },
  BorderWeight: { hairline: "Hairline", thin: "Thin", medium: "Medium", thick: "Thick" },
  DataValidationOperator: {
    between: "Between", notBetween: "NotBetween", equalTo: "EqualTo", notEqualTo: "NotEqualTo", greaterThan: "GreaterThan",
    lessThan: "LessThan", greaterThanOrEqualTo: "GreaterThanOrEqualTo", lessThanOrEqualTo: "LessThanOrEqualTo",
  },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
  RangeCopyType: { all: "All", formulas: "Formulas", values: "Values", formats: "Formats", link: "Link" },
  UnderlineStyle: { none: "None", single: "Single", double: "Double", singleAccountant: "SingleAccountant", doubleAccountant: "DoubleAccountant" },
} as const;

export type ExcelEnumName = keyof typeof ExcelEnums;

export function normalizeEnum(kind: ExcelEnumName, value: unknown): string {
  const allowed: string[] = Object.values(ExcelEnums[kind]);
  const match = typeof value === "string" ? allowed.find((v) => v.toLowerCase() === value.toLowerCase()) : undefined;
  if (!match) return fail("InvalidArgument", `'${String(value)}' is not a valid ${kind}.`);
  return match;
}

/** Office reports colours as upper-case #RRGGBB; named colours are kept as given. */
export function normalizeColor(value: unknown): string | null {
  if (value === null || value === "") return null;
  if (typeof value !== "string") return fail("InvalidArgument", "Colors must be strings such as #FF0000.");
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : value;
}
