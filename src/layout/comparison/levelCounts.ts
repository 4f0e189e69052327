/**
 * The levels per unit kind as a picture in a workbook written from files (issue 8 §3): beside the
 * quota on "Hạn mức", the number of units of each kind at each level (the level the quota checks:
 * final where set, else suggested), each count with a data bar on one scale for the whole block, so
 * the kinds compare at a glance in Excel 2010+ and LibreOffice (ExcelJS writes no charts).
 */
import { LEVEL_NAMES, type Consolidation, type Level } from "../../domain";
import { ACHIEVEMENT_BAR, groupLabel } from "./comparisonSheet";
import { POINTS_PER_WIDTH_UNIT, rowHeight, wrappedLines } from "../print";
import { cell, value } from "../cells";
import { STYLE } from "../styles";
import type { SheetLayout } from "../types";

const LEVELS = Object.keys(LEVEL_NAMES) as Level[];
/** Column I (index 8: after the quota's A:G and a narrow gap), from row 4 like the quota table. */
const FIRST_COLUMN = 8;
const HEADER_ROW = 4;
const LABEL_WIDTH = 30;

export function withLevelCounts(quota: SheetLayout, c: Consolidation): SheetLayout {
  const kinds = [...new Set(c.units.map((u) => u.kind))];
  const counts = kinds.map((kind) => LEVELS.map((level) => c.units.filter((u) => u.kind === kind && u.countedLevel === level).length));
  const last = HEADER_ROW + Math.max(1, kinds.length);
  // Level names fit on one line: the quota's header row keeps its single-line height.
  const widths = [...quota.columnWidths, ...Array<number>(FIRST_COLUMN - quota.columnWidths.length).fill(3), LABEL_WIDTH, ...LEVELS.map(() => 30)];
  // A group's name (the province's) wraps, its row as tall as the name or the quota's row beside it.
  const labels = kinds.map((kind) => groupLabel(c, kind));
  const heights = labels.map((label, i) => ({ row: HEADER_ROW + 1 + i, height: rowHeight(wrappedLines(label, LABEL_WIDTH * POINTS_PER_WIDTH_UNIT, 12), 12) }));
  const taller = heights.filter((h) => h.height > (quota.rowHeights?.find((q) => q.row === h.row)?.height ?? rowHeight(1, 12)));
  return {
    ...quota,
    columnWidths: widths,
    rowHeights: [...(quota.rowHeights ?? []).filter((q) => !taller.some((h) => h.row === q.row)), ...taller],
    rangeStyles: [...quota.rangeStyles, ...(kinds.length === 0 ? [] : [{ range: `I${HEADER_ROW + 1}:I${last}`, style: { wrap: true } }])],
    blocks: [
      ...quota.blocks,
      cell(`I${HEADER_ROW - 1}`, value("Số đơn vị theo xếp loại (mức xét hạn mức)"), "addin", STYLE.header, { mergeTo: `M${HEADER_ROW - 1}` }),
      { at: `I${HEADER_ROW}`, cells: [["Loại đơn vị", ...LEVELS.map((l) => LEVEL_NAMES[l])].map(value)], owner: "addin", style: STYLE.header },
      ...labels.map((label, i) => ({ at: `I${HEADER_ROW + 1 + i}`, cells: [[label, ...counts[i]].map(value)], owner: "addin" as const, style: STYLE.body })),
    ],
    dataBars: [
      ...(quota.dataBars ?? []),
      ...(kinds.length === 0 ? [] : [{ range: `J${HEADER_ROW + 1}:M${last}`, min: 0, max: Math.max(1, ...counts.flat()), color: ACHIEVEMENT_BAR.color }]),
    ],
  };
}
