/**
 * The LIVE "Công khai" of a shared workbook (issue 8 §3): the public table of the file variant
 * (publicTable.ts: same header, columns, styles, note, signature and print setup), each cell a
 * formula over the live "So sánh", so that it re-sorts itself when a unit's figures change.
 *
 * Order: kinds in the order their first unit appears on "So sánh" (as the file variant orders
 * kinds by first file), each kind under a heading row; within a kind by the rank in kind (the level
 * after the quota, then points, as consolidate() ranks); equal ranks, and then units without a rank,
 * in the order of "So sánh" (its TT, the order of the unit sheets). Excel 2010 functions only, nothing volatile: no SORT or FILTER.
 * Helper columns right of the print area (from G) do the sorting:
 * - per kind: its first row on "So sánh" (MATCH), its units, its order among the kinds present,
 *   and the table row of its heading (units of earlier kinds + kinds up to it);
 * - per unit (in "So sánh" order): its number within its kind (COUNTIFS on kind, rank, TT), its
 *   table row (its kind's heading row + that number), its points and level as printed;
 * - per table row: which kind heading (MATCH on the heading rows) or which unit (MATCH on the unit
 *   rows) goes there; the five printed cells are INDEX on those.
 * The rows are sized when the sheet is built (units + kinds present then); if a unit's kind changes
 * later, the mark over the table asks for a rebuild instead of printing a table that lacks a row.
 */
import { LEVEL_NAMES } from "../../domain";
import { CONSOLIDATION_MESSAGES } from "../../domain/messages/consolidation";
import { columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import { COMPARISON_FIRST_ROW, COMPARISON_SHEETS, PROVISIONAL_SUFFIX } from "./comparisonSheet";
import { LIVE_COLUMN_LETTERS, LIVE_KINDS, TIE_PREFIX, type LiveUnit } from "./liveComparison";
import { DOC_BODY, DOC_STYLES as S } from "../print";
import {
  kindHeading,
  LOWERED_SUFFIX,
  NO_LEVEL,
  PROVISIONAL_MARK,
  PUBLIC_COLUMNS,
  PUBLIC_HEADER_ROW,
  PUBLIC_ROMAN,
  PUBLIC_TITLE_LINES,
  publicHeaderPart,
  publicSheet,
  publicWidth,
  SUGGESTED_SUFFIX,
  TIE_LEVEL,
  type PublicPart,
} from "./publicTable";
import { NAMES, type DocumentHeader } from "../schema";
import { STYLE } from "../styles";
import { rowHeight, wrappedLines } from "../print";
import type { Block } from "../types";
import { DEFAULT_HEADER } from "../print";
import { vnNumberFormula } from "../vnNumberFormula";

/** Over the table when the kinds present no longer match the rows built for them. */
export const REBUILD_MARK = "LOẠI ĐƠN VỊ ĐÃ ĐỔI: LẬP LẠI TRANG SO SÁNH TRƯỚC KHI IN";
/** How equal points are ordered, as the note under the table says. */
export const LIVE_TIES = "cùng hạng, và đơn vị chưa có hạng, thì theo thứ tự trang đơn vị (cột TT trang So sánh)";

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const FIRST = PUBLIC_HEADER_ROW + 1;

/** Helper columns (1-based), right of the print area A:E and a gutter. */
const H = {
  kind: 7,
  kindFirst: 8,
  kindCount: 9,
  kindOrder: 10,
  kindRow: 11,
  kindHeading: 12,
  unitNumber: 14,
  unitRow: 15,
  unitPoints: 16,
  unitLevel: 17,
  row: 19,
  rowKind: 20,
  rowUnit: 21,
} as const;
const HELPER_HEADERS: Readonly<Record<keyof typeof H, string>> = {
  kind: "Loại đơn vị",
  kindFirst: "Dòng đầu ở So sánh",
  kindCount: "Số đơn vị",
  kindOrder: "Thứ tự loại",
  kindRow: "Dòng tiêu đề",
  kindHeading: "Tiêu đề",
  unitNumber: "TT trong loại",
  unitRow: "Dòng trong bảng",
  unitPoints: "Tổng điểm (chữ)",
  unitLevel: "Xếp loại (in)",
  row: "Dòng",
  rowKind: "Tiêu đề loại số",
  rowUnit: "Đơn vị (TT)",
};
const L = (key: keyof typeof H) => columnLetter(H[key] - 1);

/** The printed level's texts: every one the level column can show, for the row height. */
const LEVEL_TEXTS = [
  NO_LEVEL,
  TIE_LEVEL,
  ...Object.values(LEVEL_NAMES).flatMap((l) => [l, l + PROVISIONAL_SUFFIX, l + SUGGESTED_SUFFIX].flatMap((t) => [t, t + LOWERED_SUFFIX])),
];

/** The kind label a unit's typed kind shows as on "So sánh" (the sheet's MATCH ignores case). */
export function liveKindLabel(typed: unknown): string {
  const text = String(typed ?? "").trim().toLocaleLowerCase("vi");
  return LIVE_KINDS.find((k) => k.toLocaleLowerCase("vi") === text) ?? LIVE_KINDS[LIVE_KINDS.length - 1];
}

/** The live public table for the units of "So sánh"; `header`: the lines typed on the sheet being replaced. */
export function livePublicTableSheet(units: readonly LiveUnit[], header: DocumentHeader = DEFAULT_HEADER) {
  const n = units.length;
  const kindsBuilt = new Set(units.map((u) => u.kind)).size;
  const rows = n + kindsBuilt;
  const so = (letter: string, row: number | null = null) =>
    qualified(COMPARISON_SHEETS.comparison, row === null ? `$${letter}$${COMPARISON_FIRST_ROW}:$${letter}$${COMPARISON_FIRST_ROW + Math.max(1, n) - 1}` : `$${letter}${row}`);
  const C = LIVE_COLUMN_LETTERS;
  const kindLast = FIRST + LIVE_KINDS.length - 1;
  const unitLast = FIRST + Math.max(1, n) - 1;
  const kindCol = (key: keyof typeof H) => `$${L(key)}$${FIRST}:$${L(key)}$${kindLast}`;
  const unitCol = (key: keyof typeof H) => `$${L(key)}$${FIRST}:$${L(key)}$${unitLast}`;
  const kinds = so(C.kind);
  const ranks = so(C.rank);
  const numbers = so(C.number);

  const kindRows = LIVE_KINDS.map((label, i) => {
    const r = FIRST + i;
    const first = `$${L("kindFirst")}${r}`;
    return [
      value(label),
      formula(`=IFERROR(MATCH($${L("kind")}${r},${kinds},0),"")`),
      formula(`=COUNTIF(${kinds},$${L("kind")}${r})`),
      formula(`=IF(ISNUMBER(${first}),COUNTIF(${kindCol("kindFirst")},"<"&${first})+1,"")`),
      formula(`=IF(ISNUMBER(${first}),SUMIF(${kindCol("kindFirst")},"<"&${first},${kindCol("kindCount")})+$${L("kindOrder")}${r},"")`),
      value(kindHeading(label)),
    ];
  });

  const unitRows = units.map((_, i) => {
    const s = COMPARISON_FIRST_ROW + i;
    const [k, p, tt, rank] = [so(C.kind, s), so(C.points, s), so(C.number, s), so(C.rank, s)];
    const sameKind = `${kinds},${k}`;
    const before = `${sameKind},${numbers},"<"&${tt}`;
    const number =
      `=IF(ISNUMBER(${rank}),COUNTIFS(${sameKind},${ranks},"<"&${rank})+COUNTIFS(${before},${ranks},${rank}),` +
      // Without a rank: after every ranked unit of the kind, then in "So sánh" order.
      `COUNTIFS(${sameKind},${ranks},">=1")+COUNTIFS(${before})-COUNTIFS(${before},${ranks},">=1"))+1`;
    const [suggested, final, decided, decision] = [so(C.suggested, s), so(C.final, s), so(C.decided, s), so(C.decision, s)];
    const lowered = `${decision}=${q(CONSOLIDATION_MESSAGES.decision.lower)}`;
    // The suggestion's mark: "(tạm tính)" as "So sánh" shows it, or "(đề xuất)".
    const mark = `IF(RIGHT(${suggested},${PROVISIONAL_SUFFIX.length})=${q(PROVISIONAL_SUFFIX)},${q(PROVISIONAL_SUFFIX)},${q(SUGGESTED_SUFFIX)})`;
    // A tie at the cut prints as a tie; a level the quota lowers prints as good and says so; else the
    // final level where it is one of the four, or the suggestion with its mark.
    const level =
      `=IF(LEFT(${decision},${TIE_PREFIX.length})=${q(TIE_PREFIX)},${q(TIE_LEVEL)},` +
      `IF(ISNUMBER(MATCH(${final},${NAMES.levelList},0)),IF(${lowered},${q(LEVEL_NAMES.good)},${final}),IF(${decided}="",${q(NO_LEVEL)},` +
      `IF(${lowered},${q(LEVEL_NAMES.good)}&${mark},${suggested}&IF(${mark}=${q(SUGGESTED_SUFFIX)},${q(SUGGESTED_SUFFIX)},""))))&IF(${lowered},${q(LOWERED_SUFFIX)},""))`;
    return [
      formula(number),
      formula(`=INDEX(${kindCol("kindRow")},MATCH(${k},${kindCol("kind")},0))+$${L("unitNumber")}${FIRST + i}`),
      // Points are below 1000 (a 100-point scale): one digit group keeps the formula short.
      formula(`=IF(ISNUMBER(${p}),${vnNumberFormula(p, 2, 1)},"")`),
      formula(level),
    ];
  });

  const tableRows = Array.from({ length: rows }, (_, i) => {
    const r = FIRST + i;
    const heading = `$${L("rowKind")}${r}`;
    const unit = `$${L("rowUnit")}${r}`;
    const ofUnit = (range: string, otherwise = `""`) => `IF(${unit}>0,INDEX(${range},${unit}),${otherwise})`;
    const roman = `CHOOSE(INDEX(${kindCol("kindOrder")},${heading}),${PUBLIC_ROMAN.slice(0, LIVE_KINDS.length).map((x) => q(`${x}.`)).join(",")})`;
    return {
      helpers: [
        value(i + 1),
        formula(`=IFERROR(MATCH($${L("row")}${r},${kindCol("kindRow")},0),0)`),
        formula(`=IFERROR(MATCH($${L("row")}${r},${unitCol("unitRow")},0),0)`),
      ],
      printed: [
        formula(`=IF(${heading}>0,${roman},${ofUnit(unitCol("unitNumber"))})`),
        formula(`=IF(${heading}>0,INDEX(${kindCol("kindHeading")},${heading}),${ofUnit(so(C.unit))})`),
        formula(`=${ofUnit(unitCol("unitPoints"))}`),
        formula(`=${ofUnit(so(C.rank))}`),
        formula(`=${ofUnit(unitCol("unitLevel"))}`),
      ],
    };
  });

  const prov = unitCol("unitLevel");
  const mark =
    `=IF(COUNT(${kindCol("kindFirst")})<>${kindsBuilt},${q(REBUILD_MARK)},` +
    `IF(SUMPRODUCT((RIGHT(${prov},${PROVISIONAL_SUFFIX.length})=${q(PROVISIONAL_SUFFIX)})*1)>0,${q(PROVISIONAL_MARK)},""))`;
  const title = `=${q(PUBLIC_TITLE_LINES[0])}&CHAR(10)&${q(PUBLIC_TITLE_LINES[1])}&IF(${NAMES.year}="","...",${NAMES.year}&"")`;
  const head = publicHeaderPart(header, formula(title), formula(mark));

  const headers = PUBLIC_COLUMNS.map((col) => value(col.header));
  const helperHeader = (from: keyof typeof H, keys: readonly (keyof typeof H)[]): Block => ({
    at: `${L(from)}${PUBLIC_HEADER_ROW}`,
    cells: [keys.map((key) => value(HELPER_HEADERS[key]))],
    owner: "addin",
    style: STYLE.header,
  });
  const helper = (at: string, cells: Block["cells"]): Block => ({ at, cells, owner: "addin", style: STYLE.body });
  const printedBlock = (column: string, index: number, style: (typeof S)[keyof typeof S]): Block => ({
    at: `${column}${FIRST}`,
    cells: tableRows.map((r) => [r.printed[index]]),
    owner: "addin",
    style,
  });
  const blocks: Block[] = [
    { at: `A${PUBLIC_HEADER_ROW}`, cells: [headers], owner: "addin", style: S.header },
    ...(rows === 0 ? [] : [printedBlock("A", 0, S.center), printedBlock("B", 1, S.text), printedBlock("C", 2, S.center), printedBlock("D", 3, S.center), printedBlock("E", 4, S.text)]),
    cell(`${L("kind")}${PUBLIC_HEADER_ROW - 1}`, value("Các cột từ đây dùng để xếp thứ tự bảng (công thức, không in)."), "addin", STYLE.note),
    helperHeader("kind", ["kind", "kindFirst", "kindCount", "kindOrder", "kindRow", "kindHeading"]),
    helper(`${L("kind")}${FIRST}`, kindRows),
    helperHeader("unitNumber", ["unitNumber", "unitRow", "unitPoints", "unitLevel"]),
    ...(n === 0 ? [] : [helper(`${L("unitNumber")}${FIRST}`, unitRows)]),
    helperHeader("row", ["row", "rowKind", "rowUnit"]),
    ...(rows === 0 ? [] : [helper(`${L("row")}${FIRST}`, tableRows.map((r) => r.helpers))]),
  ];

  // The rows hold whichever unit or heading sorts there: each is as tall as the tallest of them.
  const lines = Math.max(
    1,
    ...units.map((u) => wrappedLines(u.name, publicWidth("unit"), DOC_BODY)),
    ...LIVE_KINDS.map((k) => wrappedLines(kindHeading(k), publicWidth("unit"), DOC_BODY, true)),
    ...LEVEL_TEXTS.map((t) => wrappedLines(t, publicWidth("level"), DOC_BODY)),
  );
  const headerHeight = rowHeight(Math.max(...PUBLIC_COLUMNS.map((col) => wrappedLines(col.header, publicWidth(col.key), DOC_BODY, true))), DOC_BODY);
  const table: PublicPart & { next: number } = {
    blocks,
    heights: [{ row: PUBLIC_HEADER_ROW, height: headerHeight }, ...tableRows.map((_, i) => ({ row: FIRST + i, height: rowHeight(lines, DOC_BODY) }))],
    next: FIRST + rows,
  };
  const widths = [...PUBLIC_COLUMNS.map((col) => col.width), 3, ...Array.from({ length: H.rowUnit - PUBLIC_COLUMNS.length - 1 }, () => 12)];
  return publicSheet(
    { header, head, table, ties: LIVE_TIES },
    {
      protect: true,
      columnWidths: widths,
      conditionalFormats: rows === 0 ? [] : [{ range: `A${FIRST}:${columnLetter(PUBLIC_COLUMNS.length - 1)}${FIRST + rows - 1}`, formula: `$${L("rowKind")}${FIRST}>0`, bold: true }],
    },
  );
}
