/**
 * The official document (Hướng dẫn 36-HD/VPTW, docs/developer-guide.md "The printed document"):
 * the one header block, title lines, signature block with "Nơi nhận", style table and A4 page
 * set-up that every printed sheet of the product is built from ("Bản in", "Công khai", "Hạn mức",
 * "Tổng của tỉnh", the task forms and results, the assignment decision). A sheet says where its
 * halves are and what goes in each line; the sizes, styles and row heights are decided here once.
 */
import { cell, value } from "../cells";
import { FONT, PARTY_NAME } from "../schema";
import type { Block, CellContent, NameSpec, PrintSpec, StyleSpec } from "../types";
import { rowHeight, wrappedLines } from "./textMetrics";

/** Body text on paper: at least 13 pt, and every document prints at 100 % so it stays 13 pt. */
export const DOC_BODY = 13;
/** Header block lines (superior body, issuing body, number, place and date) and the signature. */
const HEAD = 14;
/** The Party's name and the document's title (HD 36: 15–16 pt bold capitals). */
const TITLE = 15;

type FontExtra = Omit<StyleSpec["font"] & object, "name" | "size">;
const font = (size: number, extra: FontExtra = {}) => ({ name: FONT, size, ...extra });

/** The one style table of the printed documents. */
export const DOC_STYLES = {
  superior: { font: font(HEAD), horizontal: "center", vertical: "center", wrap: true },
  issuing: { font: font(HEAD, { bold: true }), horizontal: "center", vertical: "center", wrap: true },
  plain14: { font: font(HEAD), horizontal: "center", vertical: "center" },
  party: { font: font(TITLE, { bold: true, underline: true }), horizontal: "center", vertical: "center", wrap: true },
  placeDate: { font: font(HEAD, { italic: true }), horizontal: "center", vertical: "center", wrap: true },
  title: { font: font(TITLE, { bold: true }), horizontal: "center", vertical: "center", wrap: true },
  summaryTitle: { font: font(HEAD, { bold: true }), horizontal: "center", vertical: "center", wrap: true },
  subtitle: { font: font(DOC_BODY, { italic: true }), horizontal: "center", vertical: "center", wrap: true },
  mark: { font: font(HEAD, { bold: true }), horizontal: "center", vertical: "center" },
  header: { font: font(DOC_BODY, { bold: true }), horizontal: "center", vertical: "center", wrap: true, border: true },
  group: { font: font(DOC_BODY, { bold: true }), vertical: "center", wrap: true, border: true },
  text: { font: font(DOC_BODY), vertical: "center", wrap: true, border: true },
  center: { font: font(DOC_BODY), horizontal: "center", vertical: "center", wrap: true, border: true },
  number: { font: font(DOC_BODY), horizontal: "right", vertical: "center", wrap: true, border: true },
  summary: { font: font(DOC_BODY), vertical: "center", wrap: true },
  summaryBold: { font: font(DOC_BODY, { bold: true }), vertical: "center", wrap: true },
  recipientsLabel: { font: font(DOC_BODY, { bold: true, italic: true }), vertical: "top" },
  recipients: { font: font(DOC_BODY), vertical: "top", wrap: true },
  signature: { font: font(HEAD, { bold: true }), horizontal: "center", vertical: "top", wrap: true },
  signatureNote: { font: font(DOC_BODY, { italic: true }), horizontal: "center", vertical: "top", wrap: true },
} as const satisfies Record<string, StyleSpec>;
const S = DOC_STYLES;

/** Rows laid out by a part of a document: its cells, the heights it sized, the row after it. */
export interface DocPart {
  readonly blocks: Block[];
  readonly heights: { row: number; height: number }[];
  readonly next: number;
  readonly names?: NameSpec[];
}

/**
 * A line of the document: what the cell holds (a value, or a formula over the workbook's names)
 * and the text it will show when the sheet is built, to size its row. A typed line belongs to the
 * person (written once, unlocked, never rewritten by the add-in).
 */
export interface DocLine {
  readonly content: CellContent;
  readonly text: string;
  readonly typed?: boolean;
  /** Lines to make room for at least (a formula over a field typed elsewhere, whose text is not known yet). */
  readonly lines?: number;
}

/** A fixed line: a value the add-in owns. */
export const fixedLine = (text: string): DocLine => ({ content: value(text), text });
/** A line the person types on the sheet (the header fields of a document built from values). */
export const typedLine = (text: string): DocLine => ({ content: value(text), text, typed: true });

/** Where a document's two halves are: columns and their printed widths in points. */
export interface DocHalves {
  /** Last column of the left half (superior body, issuing body, number line, "Nơi nhận"). */
  readonly leftTo: string;
  /** First column of the right half (the Party's name, place and date, the signature). */
  readonly rightFrom: string;
  /** Last printed column. */
  readonly last: string;
  readonly leftWidth: number;
  readonly rightWidth: number;
}

function place(row: number, from: string, to: string, line: DocLine, style: StyleSpec): Block {
  return cell(`${from}${row}`, line.content, line.typed ? "user" : "addin", style, { mergeTo: `${to}${row}`, ...(line.typed ? { unlocked: true } : {}) });
}

export interface DocHeader {
  readonly superiorBody: DocLine;
  readonly issuingBody: DocLine;
  readonly placeDate: DocLine;
  /** "Số 12-BC/HU" under the issuing body; null: a document without a number (a form). */
  readonly number: DocLine | null;
}

/** The first row of a document's body: rows 1–4 are the header block. */
export const DOC_HEADER_ROWS = 4;

/**
 * Rows 1–4 (HD 36): superior body | ĐẢNG CỘNG SẢN VIỆT NAM; issuing body; "*" | place and date;
 * the number line.
 */
export function documentHeader(h: DocHalves, content: DocHeader): DocPart {
  const lines = (line: DocLine | string, width: number, size: number, bold: boolean) =>
    typeof line === "string" ? wrappedLines(line, width, size, bold) : Math.max(line.lines ?? 1, wrappedLines(line.text, width, size, bold));
  const left = (line: DocLine | string, size: number, bold = false) => lines(line, h.leftWidth, size, bold);
  const right = (line: DocLine | string, size: number, bold = false) => lines(line, h.rightWidth, size, bold);
  const blocks = [
    place(1, "A", h.leftTo, content.superiorBody, S.superior),
    place(1, h.rightFrom, h.last, fixedLine(PARTY_NAME), S.party),
    place(2, "A", h.leftTo, content.issuingBody, S.issuing),
    place(3, "A", h.leftTo, fixedLine("*"), S.plain14),
    place(3, h.rightFrom, h.last, content.placeDate, S.placeDate),
  ];
  if (content.number) blocks.push(place(4, "A", h.leftTo, content.number, S.plain14));
  return {
    blocks,
    heights: [
      { row: 1, height: Math.max(rowHeight(left(content.superiorBody, HEAD), HEAD), rowHeight(right(PARTY_NAME, TITLE, true), TITLE)) },
      { row: 2, height: rowHeight(left(content.issuingBody, HEAD, true), HEAD) },
      { row: 3, height: rowHeight(right(content.placeDate, HEAD), HEAD) },
      { row: 4, height: content.number ? rowHeight(left(content.number, HEAD), HEAD) : 10 },
    ],
    next: DOC_HEADER_ROWS + 1,
  };
}

/** The title lines' kinds: the document's kind or title (15 pt), its summary (14 pt), a note under it (13 pt italic), a mark. */
export type TitleKind = "title" | "summaryTitle" | "subtitle" | "mark";
const TITLE_SIZES: Readonly<Record<TitleKind, number>> = { title: TITLE, summaryTitle: HEAD, subtitle: DOC_BODY, mark: HEAD };

/** One line across the page under the header ("BÁO CÁO", the title, "(Theo dõi đến ngày …)", "TẠM TÍNH"). */
export function documentLine(row: number, last: string, width: number, line: DocLine, kind: TitleKind): DocPart {
  const size = TITLE_SIZES[kind];
  const bold = kind !== "subtitle";
  return {
    blocks: [place(row, "A", last, line, S[kind])],
    heights: [{ row, height: rowHeight(wrappedLines(line.text, width, size, bold), size) }],
    next: row + 1,
  };
}

export interface DocSignature {
  /** Left of the signature: "Nơi nhận:" and the recipients, or another heading (a form's "XÁC NHẬN …"). */
  readonly left: { readonly label: string; readonly labelStyle: "recipientsLabel" | "signature"; readonly body: DocLine | null };
  readonly title: DocLine;
  readonly position: DocLine;
  /** A note in place of a position ("(Ký, ghi rõ họ tên)"). */
  readonly positionStyle?: "signature" | "signatureNote";
  readonly name: DocLine;
}

/** Room for the handwritten signature and the seal, in points. */
export const SIGNING_SPACE = 56;

/** Rows of the signature block after its label row: title, recipients and position, name. */
export const SIGNATURE_ROWS = { title: 0, recipients: 1, position: 1, name: 3 } as const;

/**
 * After a 12 pt gap at `start`: the signature on the right ("T/M BAN THƯỜNG VỤ", position, room to
 * sign, name) and on the left "Nơi nhận:" with the recipients beside the position, the signing room
 * and the name, as many lines as the office types, none cut (HD 36).
 */
export function documentSignature(h: DocHalves, start: number, content: DocSignature): DocPart & { recipientsRow: number } {
  const row = start + 1;
  const positionStyle = content.positionStyle ?? "signature";
  const positionSize = positionStyle === "signature" ? HEAD : DOC_BODY;
  const blocks = [
    place(row, "A", h.leftTo, fixedLine(content.left.label), S[content.left.labelStyle]),
    place(row + SIGNATURE_ROWS.title, h.rightFrom, h.last, content.title, S.signature),
    place(row + SIGNATURE_ROWS.position, h.rightFrom, h.last, content.position, S[positionStyle]),
    place(row + SIGNATURE_ROWS.name, h.rightFrom, h.last, content.name, S.signature),
  ];
  const body = content.left.body;
  if (body) {
    const at = row + SIGNATURE_ROWS.recipients;
    blocks.push(cell(`A${at}`, body.content, body.typed ? "user" : "addin", S.recipients, { mergeTo: `${h.leftTo}${row + SIGNATURE_ROWS.name}`, ...(body.typed ? { unlocked: true } : {}) }));
  }
  const labelSize = content.left.labelStyle === "signature" ? HEAD : DOC_BODY;
  const title = Math.max(rowHeight(wrappedLines(content.title.text, h.rightWidth, HEAD, true), HEAD), rowHeight(wrappedLines(content.left.label, h.leftWidth, labelSize, true), labelSize));
  const position = rowHeight(wrappedLines(content.position.text, h.rightWidth, positionSize, positionStyle === "signature"), positionSize);
  const name = rowHeight(wrappedLines(content.name.text, h.rightWidth, HEAD, true), HEAD);
  const recipients = body ? rowHeight(wrappedLines(body.text, h.leftWidth, DOC_BODY), DOC_BODY) : 0;
  return {
    blocks,
    heights: [
      { row: start, height: 12 },
      { row, height: title },
      { row: row + 1, height: position },
      { row: row + 2, height: Math.max(SIGNING_SPACE, recipients - position - name) },
      { row: row + 3, height: name },
    ],
    next: row + 4,
    recipientsRow: row + SIGNATURE_ROWS.recipients,
  };
}

/** Margins in inches; the footer sits in the bottom one. */
const MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.7 } as const;

/**
 * A4 at 100 %: body text keeps its 13 pt on paper; the rows from `firstRepeatedRow` through
 * `headerRow` (the table's header) repeated on every page (none when `headerRow` is null), page
 * numbers in the footer.
 */
export function documentPrintSpec(
  lastRow: number,
  orientation: PrintSpec["orientation"],
  lastColumn: string,
  headerRow: number | null,
  firstRepeatedRow: number | null = headerRow,
): PrintSpec {
  return {
    orientation,
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    scale: 100,
    ...(headerRow === null ? {} : { titleRows: `$${firstRepeatedRow ?? headerRow}:$${headerRow}` }),
    area: `A1:${lastColumn}${lastRow}`,
    footerCenter: `&"${FONT},Regular"&${DOC_BODY}Trang &P / &N`,
    centerHorizontally: true,
    margins: MARGINS,
  };
}

/** Printable width and height of an A4 page in points, less the margins. */
export function printablePage(orientation: PrintSpec["orientation"]): { width: number; height: number } {
  const [width, height] = orientation === "landscape" ? [841.89, 595.28] : [595.28, 841.89];
  return { width: width - (MARGINS.left + MARGINS.right) * 72, height: height - (MARGINS.top + MARGINS.bottom) * 72 };
}

/** Printable height of a page in points, with 5 % to spare. */
export const pageBody = (orientation: PrintSpec["orientation"]) => printablePage(orientation).height * 0.95;

/**
 * Manual page breaks from the rows as sized, one before every page, so the pages are the ones
 * computed here and not Excel's (each filled to pageBody's 95 %, the spare for rows that Excel and
 * LibreOffice lay out a few points taller than sized): a row in `keepWithNext` (a leader's, a task's or a group's
 * heading) never ends a page, and the signature block from `tailStart` on is signed as one, so it
 * starts a new page rather than being split (as on "Bản in"). Given `takeAlong` (the table's last
 * row), the tail takes that row with it, so no page holds only the repeated header and a signature
 * (HD 36 practice). `repeated` is the height of the header rows printed again at the top of each page.
 */
export function keptTogetherBreaks(
  heights: readonly { row: number; height: number }[],
  orientation: PrintSpec["orientation"],
  keepWithNext: ReadonlySet<number>,
  tailStart: number,
  repeated: number,
  takeAlong?: number,
): number[] {
  const rows = [...heights].sort((a, b) => a.row - b.row);
  const room = pageBody(orientation);
  const height = (from: number, to: number) => rows.slice(from, to + 1).reduce((sum, r) => sum + r.height, 0);
  const last = rows.length - 1;
  const tailFrom = rows.findIndex((r) => r.row >= tailStart);
  /** Whether the rows from `from` to the end fit on one page under the repeated header. */
  const fitsOnePage = (from: number) => repeated + height(from, last) <= room;
  const breaks: number[] = [];
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    // A run that must stay on one page: headings with the row after them; that row, when it is the
    // one the tail takes along, with the tail; the tail whole from its first row. A run taller than
    // a page is broken where it must be, like any rows.
    let j = i;
    while (j < last && keepWithNext.has(rows[j].row)) j++;
    if ((rows[j].row === takeAlong || i === tailFrom) && fitsOnePage(i)) j = last;
    if (used > repeated && used + height(i, j) > room) {
      breaks.push(rows[i].row);
      used = repeated;
    }
    used += rows[i].height;
  }
  return breaks;
}

/** Share of a page the tail keeps to spare when it stays on the table's last page. */
const TAIL_SPARE = 0.15;

/** Height used on its page once `through` is laid out, pages filled as `tailBreak` fills them. */
function usedThrough(sorted: readonly { row: number; height: number }[], through: number, room: number, repeated: number): number {
  let used = 0;
  for (const { row, height } of sorted) {
    if (row > through) break;
    if (used + height > room) used = repeated;
    used += height;
  }
  return used;
}

/** The table rows a document's tail may take along to a new page, and the rows repeated on every page. */
export interface TailTable {
  readonly first: number;
  readonly last: number;
  /** First of the rows repeated at the top of each page (through the header row). */
  readonly repeatedFrom: number;
}

/**
 * The result lines, signature and recipients are read and signed together: when the rows as
 * sized would split them over two pages, they start a new page. Given the table, they take its
 * last row along, so no page holds only the repeated header and a signature (HD 36 practice);
 * without it (the public table) they start the page on their own.
 */
export function tailBreak(
  heights: readonly { row: number; height: number }[],
  tailStart: number,
  orientation: PrintSpec["orientation"],
  headerRow: number,
  table?: TailTable,
): number[] {
  const room = pageBody(orientation);
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  const sum = (from: number, to: number) => sorted.filter((h) => h.row >= from && h.row <= to).reduce((total, h) => total + h.height, 0);
  const repeated = sum(table?.repeatedFrom ?? headerRow, headerRow);
  const pageOf = new Map<number, number>();
  let used = 0;
  let page = 1;
  for (const { row, height } of sorted) {
    if (used + height > room) {
      page++;
      used = repeated;
    }
    used += height;
    pageOf.set(row, page);
  }
  const tailPage = pageOf.get(tailStart) ?? page;
  const split = page > tailPage;
  if (!table) return split ? [tailStart] : [];
  const alone = tailPage > (pageOf.get(table.last) ?? tailPage);
  const tail = sum(table.last + 1, sorted[sorted.length - 1]?.row ?? table.last);
  // LibreOffice and Excel lay rows out a few points taller than sized: the tail moves unless it fits with room to spare.
  const tight = !split && !alone && usedThrough(sorted, table.last, room, repeated) + tail > room - room * TAIL_SPARE;
  if (!split && !alone && !tight) return [];
  return table.last > table.first && repeated + sum(table.last, table.last) + tail <= room ? [table.last] : [tailStart];
}
