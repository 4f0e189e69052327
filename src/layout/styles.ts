import { isPercentUnit } from "./percentRows";
import type { PrintSpec, StyleSpec } from "./types";
import { FONT } from "./schema";

/** Styles of the printed year-end tables (Hướng dẫn 36-HD/VPTW, docs/developer-guide.md, "The printed document"). */
export const STYLE = {
  superiorBody: { font: { name: FONT, size: 14 }, horizontal: "center" },
  issuingBody: { font: { name: FONT, size: 14, bold: true }, horizontal: "center" },
  star: { font: { name: FONT, size: 14 }, horizontal: "center" },
  party: { font: { name: FONT, size: 15, bold: true }, horizontal: "center" },
  placeDate: { font: { name: FONT, size: 14, italic: true }, horizontal: "center" },
  title: { font: { name: FONT, size: 15, bold: true }, horizontal: "center", wrap: true },
  label: { font: { name: FONT, size: 13 } },
  labelBold: { font: { name: FONT, size: 13, bold: true } },
  input: { font: { name: FONT, size: 13, color: "#1F3864" } },
  header: {
    font: { name: FONT, size: 12, bold: true },
    horizontal: "center",
    vertical: "center",
    wrap: true,
    border: true,
    fill: "#D9E1F2",
  },
  body: { font: { name: FONT, size: 12 }, vertical: "center", border: true },
  bodyText: { font: { name: FONT, size: 12 }, vertical: "center", wrap: true, border: true, numberFormat: "@" },
  bodyCenter: { font: { name: FONT, size: 12 }, vertical: "center", horizontal: "center", border: true, numberFormat: "@" },
  percent: { font: { name: FONT, size: 12 }, vertical: "center", horizontal: "right", border: true, numberFormat: "0.00%" },
  summaryValue: { font: { name: FONT, size: 13, bold: true }, horizontal: "left" },
  signature: { font: { name: FONT, size: 14, bold: true }, horizontal: "center" },
  note: { font: { name: FONT, size: 11, italic: true, color: "#595959" }, wrap: true },
} as const satisfies Record<string, StyleSpec>;

/** Number formats through the format, not text: Excel shows 2.100 and 6,5 in a Vietnamese locale. */
export const NUMBER_FORMATS = {
  count: "#,##0",
  decimal: "#,##0.0#",
  percent: "0.00%",
  points: "0.00",
  share: "0%",
  general: "General",
  text: "@",
  date: "dd/mm/yyyy",
} as const;

/** Targets and actuals of counts show no decimals; percentages and money show one or two. */
export function numberFormatForUnit(unit: string): string {
  // A "%" row holds 80 % as 0,8 (see percentRows.ts).
  if (isPercentUnit(unit)) return NUMBER_FORMATS.percent;
  const counted = ["người", "tổ chức", "vụ", "xã", "hộ", "đơn vị", "cơ sở", "trường", "công trình"];
  const normalized = unit.normalize("NFC").trim().toLowerCase();
  if (normalized === "") return NUMBER_FORMATS.general;
  return counted.includes(normalized) ? NUMBER_FORMATS.count : NUMBER_FORMATS.decimal;
}

/** Fills for the status column and the suggested level (conditional formats). */
export const STATUS_COLORS = {
  exceeded: { fill: "#C6EFCE", fontColor: "#006100" },
  met: { fill: "#E2EFDA", fontColor: "#375623" },
  notMet: { fill: "#FFC7CE", fontColor: "#9C0006" },
  pending: { fill: "#EDEDED", fontColor: "#595959" },
  error: { fill: "#FFEB9C", fontColor: "#9C5700" },
} as const;

/** A4, one page wide, page numbers in the footer (docs/developer-guide.md, "The printed document"). */
export function a4Print(orientation: PrintSpec["orientation"], area: string, titleRows?: string): PrintSpec {
  return {
    orientation,
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows,
    area,
    footerCenter: `&"${FONT},Regular"Trang &P / &N`,
    centerHorizontally: true,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6 },
  };
}
