import { formatCount, formatPercent, type Consolidation } from "../../domain";
import { columnLetter } from "../addresses";
import { cell, value } from "../cells";
import { groupLabel, yearTitle } from "./comparisonSheet";
import { FONT, type DocumentHeader } from "../schema";
import {
  DEFAULT_HEADER,
  DOC_BODY,
  DOC_STYLES,
  documentHeader,
  documentLine,
  documentPrintSpec,
  documentSignature,
  fixedLine,
  rowHeight,
  spanPoints,
  keptTogetherBreaks,
  typedLine,
  wrappedLines,
  type DocHalves,
} from "../print";
import type { Block, Scalar, SheetLayout } from "../types";

/**
 * "Tổng của tỉnh" (issue 16 §3): per group and indicator, Σ target and Σ actual of the units where the
 * indicator adds up, with the result as the province reports it ("2.100/2.000 = 105,00 %"), and the
 * spread across units for rates and milestones, which are never summed (docs/rules.md). Printed as
 * the committee's official document (A4 landscape at 100 %, every word at least 13 pt).
 */

export const TOTALS_SHEET = "Tổng của tỉnh";

/**
 * Widths in .xlsx units: 136 units stay inside the 770 pt an A4 landscape page leaves between its
 * margins at 100 % (5,6 pt a unit at the widest), so nothing is shrunk to fit; long texts wrap, but
 * the province's result ("12.345/12.000 = 102,88 %") keeps to one line at 13 pt. The group of
 * subjects is a heading row above its indicators, not a column: a province's name for it
 * ("Cơ quan tham mưu, Mặt trận và đoàn thể tỉnh") wrapped to six lines in a column and made every
 * row of its group as tall.
 */
export const TOTALS_COLUMNS = [
  { key: "code", header: "Mã", width: 5 },
  { key: "name", header: "Chỉ tiêu", width: 30 },
  { key: "unit", header: "Đơn vị tính", width: 9 },
  { key: "target", header: "Tổng kế hoạch", width: 11 },
  { key: "actual", header: "Tổng thực hiện", width: 11 },
  { key: "achievement", header: "Tỷ lệ đạt", width: 10 },
  { key: "result", header: "Kết quả của tỉnh", width: 26 },
  { key: "spread", header: "Tỷ lệ đạt thấp nhất – trung vị – cao nhất", width: 22 },
  { key: "pending", header: "Đơn vị chưa có số liệu", width: 12 },
] as const;
type Key = (typeof TOTALS_COLUMNS)[number]["key"];
const points = (from: Key, to: Key = from) => spanPoints(TOTALS_COLUMNS, from, to);
const LAST = columnLetter(TOTALS_COLUMNS.length - 1);

/** Rows: the header block (1–4), the title, the note, the table's header row. */
export const TOTALS_TITLE_ROW = 6;
const TITLE_ROW = TOTALS_TITLE_ROW;
const NOTE_ROW = 7;
export const TOTALS_HEADER_ROW = 8;
const HEADER_ROW = TOTALS_HEADER_ROW;
const NOTE =
  "Chỉ tiêu cộng dồn (người, tổ chức, tiền, vụ việc): tổng thực hiện / tổng kế hoạch của các đơn vị đã có số liệu. Chỉ tiêu tỷ lệ và Đạt/Không không cộng: tỷ lệ đạt thấp nhất, trung vị và cao nhất giữa các đơn vị.";

/** Vietnamese separators whatever the computer's settings where the program honours the format's language (LibreOffice). */
const VN = "[$-42A]";
const FORMATS = { amount: `${VN}#,##0.##`, percent: `${VN}0.00 %` } as const;

const HEADER_HALVES: DocHalves = { leftTo: "C", rightFrom: "E", last: LAST, leftWidth: points("code", "unit"), rightWidth: points("actual", "pending") };
const SIGNATURE_HALVES: DocHalves = { leftTo: "B", rightFrom: "G", last: LAST, leftWidth: points("code", "name"), rightWidth: points("result", "pending") };

/** A group's heading row: its name in bold across the table. */
const GROUP_STYLE = { ...DOC_STYLES.text, font: { ...DOC_STYLES.text.font, bold: true } } as const;

export function totalsSheet(c: Consolidation, header: DocumentHeader = DEFAULT_HEADER): SheetLayout {
  // Groups have their own catalogues, so a code names an indicator only within its group (1.1 is new
  // members for the districts, drafted documents for the bodies): the first unit of the group says which.
  const key = (group: string | null, code: string) => `${group ?? ""}\u0000${code}`;
  const about = new Map(c.units.flatMap((u) => u.indicators.map((i) => [key(u.kind, i.code), i] as const)).reverse());
  const rows = c.totals.map(({ group, code, total }): Scalar[] => {
    const indicator = about.get(key(group, code));
    const head = [code, indicator?.name ?? "", indicator?.unit ?? ""];
    const pending = total.pending.join(", ");
    if (total.kind === "spread") {
      const shown = (ratio: number | null) => (ratio === null ? "…" : formatPercent(ratio));
      return [...head, null, null, null, null, total.min === null ? null : [total.min, total.median, total.max].map(shown).join(" – "), pending];
    }
    const { achievement } = total.assessment;
    const text = achievement === null ? null : `${formatCount(total.actual)}/${formatCount(total.target)} = ${formatPercent(achievement)}`;
    return [...head, total.target, total.actual, achievement, text, null, pending];
  });
  const first = HEADER_ROW + 1;
  // A heading row for each group, then its indicators.
  const startsGroup = (i: number) => i === 0 || c.totals[i - 1].group !== c.totals[i].group;
  const groups = c.totals.filter((_, i) => startsGroup(i)).length;
  const lastRow = HEADER_ROW + Math.max(1, rows.length + groups);
  const body = (from: number, to: number) => `${columnLetter(from)}${first}:${columnLetter(to)}${lastRow}`;
  const full = points("code", "pending");
  const head = [
    documentHeader(HEADER_HALVES, {
      superiorBody: typedLine(header.superiorBody),
      issuingBody: typedLine(header.issuingBody),
      placeDate: typedLine(header.placeDate),
      number: typedLine(`Số ${header.number}`),
    }),
    { blocks: [], heights: [{ row: 5, height: 12 }], next: TITLE_ROW },
    documentLine(TITLE_ROW, LAST, full, fixedLine(`TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA TỈNH ${yearTitle(c)}`), "title"),
  ];
  const blocks: Block[] = [
    ...head.flatMap((part) => part.blocks),
    cell(`A${NOTE_ROW}`, value(NOTE), "addin", DOC_STYLES.summary, { mergeTo: `${LAST}${NOTE_ROW}` }),
    { at: `A${HEADER_ROW}`, cells: [TOTALS_COLUMNS.map((col) => value(col.header))], owner: "addin", style: DOC_STYLES.header },
  ];
  // Numbers keep their formats (a text style would make them text); the wrapped text columns size their rows.
  const lines = (text: Scalar, column: number) => wrappedLines(String(text ?? ""), points(TOTALS_COLUMNS[column].key), DOC_BODY);
  // The text columns that wrap and so size a row (the numbers keep to one line).
  const wrapping = (["name", "unit", "result", "spread", "pending"] as const).map((key) => TOTALS_COLUMNS.findIndex((col) => col.key === key));
  const headerLines = Math.max(...TOTALS_COLUMNS.map((col) => wrappedLines(col.header, points(col.key), DOC_BODY, true)));
  const bodyHeights: { row: number; height: number }[] = [];
  // The table's header row and each group's heading stay with the row under them.
  const headings = new Set<number>([HEADER_ROW]);
  let at = first;
  c.totals.forEach(({ group }, i) => {
    if (startsGroup(i)) {
      const name = groupLabel(c, group);
      blocks.push(cell(`A${at}`, value(name), "addin", GROUP_STYLE, { mergeTo: `${LAST}${at}` }));
      bodyHeights.push({ row: at, height: rowHeight(wrappedLines(name, full, DOC_BODY, true), DOC_BODY) });
      headings.add(at);
      at += 1;
    }
    blocks.push({ at: `A${at}`, cells: [rows[i].map(value)], owner: "addin", style: DOC_STYLES.text });
    bodyHeights.push({ row: at, height: rowHeight(Math.max(...wrapping.map((k) => lines(rows[i][k], k))), DOC_BODY) });
    at += 1;
  });
  const tableHeights = [
    { row: NOTE_ROW, height: rowHeight(wrappedLines(NOTE, full, DOC_BODY), DOC_BODY) },
    { row: HEADER_ROW, height: rowHeight(headerLines, DOC_BODY) },
    ...bodyHeights,
  ];
  const signature = documentSignature(SIGNATURE_HALVES, lastRow + 1, {
    left: { label: "Nơi nhận:", labelStyle: "recipientsLabel", body: typedLine(header.recipients) },
    title: typedLine(header.signerTitle),
    position: typedLine(header.signerPosition),
    name: typedLine(header.signerName),
  });
  blocks.push(...signature.blocks);
  const rowHeights = [...head.flatMap((part) => part.heights), ...tableHeights, ...signature.heights];
  return {
    name: TOTALS_SHEET,
    font: { name: FONT, size: DOC_BODY },
    columnWidths: TOTALS_COLUMNS.map((col) => col.width),
    rowHeights,
    // A group's heading never ends a page, and the signature takes the last indicator along.
    pageBreaks: keptTogetherBreaks(rowHeights, "landscape", headings, lastRow + 1, rowHeight(headerLines, DOC_BODY), lastRow),
    blocks,
    rangeStyles: [
      { range: body(3, 4), style: { numberFormat: FORMATS.amount, horizontal: "right", wrap: false } },
      { range: body(5, 5), style: { numberFormat: FORMATS.percent, horizontal: "right", wrap: false } },
    ],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    freezeRows: HEADER_ROW,
    print: documentPrintSpec(signature.next - 1, "landscape", LAST, HEADER_ROW),
  };
}
