/**
 * "Quyết định giao" (issue 16 §1): the standing committee's decision assigning the year's targets,
 * as an official document (src/layout/print, HD 36): header with its number line, "QUYẾT ĐỊNH" and
 * its summary, the grounds, Điều 1–3, signature and "Nơi nhận"; then the annex, one table per unit
 * on a page of its own: the indicators the unit carries with its targets, its own indicators marked.
 * Built from the province workbook's assignment sheets: as values when `chitieu print` reads them,
 * as formulas over the sheets in the province workbook itself, so an officer in Excel prints it too.
 */
import { formatCount, STATUS_NAMES, type GroupAssignment } from "../../domain";
import { columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import {
  DOC_BODY,
  DOC_STYLES as S,
  documentHeader,
  documentLine,
  documentPrintSpec,
  documentSignature,
  fixedLine,
  rowHeight,
  spanPoints,
  typedLine,
  wrappedLines,
  type DocHalves,
  type DocLine,
  type DocPart,
} from "../print";
import { FONT, type DocumentHeader } from "../schema";
import type { Block, SheetLayout } from "../types";
import { vnNumberFormula } from "../vnNumberFormula";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS, assignmentSheetName } from "./assignmentSheet";

export const DECISION_SHEET = "Quyết định giao";

/** The decision's own number line before the office types it. */
export const DECISION_NUMBER = "   -QĐ/...";

/** One indicator of a unit's annex table: each cell's content and the text it shows when built. */
export interface DecisionRow {
  readonly name: DocLine;
  readonly unit: DocLine;
  readonly target: DocLine;
  /** The unit's own indicator (scope "own"): marked in the table. */
  readonly own: boolean;
}

export interface DecisionUnit {
  readonly name: string;
  readonly group: string;
  readonly rows: readonly DecisionRow[];
}

export interface DecisionParams {
  readonly year: number;
  readonly header: DocumentHeader;
  readonly units: readonly DecisionUnit[];
}

type Key = "tt" | "name" | "unit" | "target";
/** 92 units fit the 523 pt of an A4 portrait page at 100 % (5,6 pt a unit at the widest). */
const COLUMNS: readonly { key: Key; header: string; width: number }[] = [
  { key: "tt", header: "TT", width: 6 },
  { key: "name", header: "Chỉ tiêu", width: 40 },
  { key: "unit", header: "Đơn vị tính", width: 14 },
  { key: "target", header: "Chỉ tiêu giao", width: 32 },
];
const LAST = columnLetter(COLUMNS.length - 1);
const points = (from: Key, to: Key = from) => spanPoints(COLUMNS, from, to);
const FULL = points("tt", "target");
const HALVES: DocHalves = { leftTo: "B", rightFrom: "C", last: LAST, leftWidth: points("tt", "name"), rightWidth: points("unit", "target") };
const OWN_MARK = " (chỉ tiêu riêng)";
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];
const roman = (i: number) => ROMAN[i] ?? String(i + 1);

const GROUNDS =
  "- Căn cứ Quy chế làm việc của Ban Chấp hành, Ban Thường vụ;\n" +
  "- Căn cứ Quy định về kiểm điểm, đánh giá, xếp loại chất lượng theo kết quả, sản phẩm cụ thể;\n" +
  "- Xét đề nghị của Văn phòng,";

/** A paragraph across the page: its row sized to its wrapped text. */
function paragraph(row: number, line: DocLine, style: "summary" | "summaryBold" | "recipients"): DocPart {
  const bold = style === "summaryBold";
  return {
    blocks: [cell(`A${row}`, line.content, line.typed ? "user" : "addin", S[style], { mergeTo: `${LAST}${row}`, ...(line.typed ? { unlocked: true } : {}) })],
    heights: [{ row, height: rowHeight(wrappedLines(line.text, FULL, DOC_BODY, bold), DOC_BODY) }],
    next: row + 1,
  };
}

/** The articles: Điều 1 assigns, Điều 2 says how the units follow up, Điều 3 who carries it out. */
export function decisionArticles(year: number, units: readonly DecisionUnit[]): string[] {
  const groups = [...new Set(units.map((u) => u.group))];
  return [
    `Điều 1. Giao chỉ tiêu, nhiệm vụ năm ${year} cho ${units.length} đơn vị thuộc ${groups.length} nhóm đối tượng (${groups.join("; ")}), ` +
      "theo Phụ lục kèm theo Quyết định này.",
    "Điều 2. Các đơn vị tổ chức thực hiện, cập nhật kết quả thực hiện các chỉ tiêu định kỳ; cuối năm tự đánh giá, xếp loại " +
      "theo kết quả, sản phẩm cụ thể của các chỉ tiêu được giao, báo cáo Ban Thường vụ.",
    "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các đơn vị có tên tại Điều 1 và các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.",
  ];
}

/** One unit's annex table: its heading, the column headers and its indicators. */
function unitTable(unit: DecisionUnit, index: number, start: number): DocPart {
  const heading = `${roman(index)}. ${unit.name} (${unit.group})`;
  const blocks: Block[] = [
    cell(`A${start}`, value(heading), "addin", S.summaryBold, { mergeTo: `${LAST}${start}` }),
    { at: `A${start + 1}`, cells: [COLUMNS.map((c) => value(c.header))], owner: "addin", style: S.header },
  ];
  const headerLines = Math.max(...COLUMNS.map((c) => wrappedLines(c.header, points(c.key), DOC_BODY, true)));
  const heights = [
    { row: start, height: rowHeight(wrappedLines(heading, FULL, DOC_BODY, true), DOC_BODY) },
    { row: start + 1, height: rowHeight(headerLines, DOC_BODY) },
  ];
  let row = start + 2;
  unit.rows.forEach((r, i) => {
    const name = r.own ? { content: "value" in r.name.content ? value(`${r.name.text}${OWN_MARK}`) : formula(`${r.name.content.formula}&"${OWN_MARK}"`), text: `${r.name.text}${OWN_MARK}` } : r.name;
    blocks.push(
      cell(`A${row}`, value(i + 1), "addin", S.center),
      cell(`B${row}`, name.content, "addin", S.text),
      cell(`C${row}`, r.unit.content, "addin", S.center),
      cell(`D${row}`, r.target.content, "addin", S.number),
    );
    const lines = Math.max(wrappedLines(name.text, points("name"), DOC_BODY), wrappedLines(r.unit.text, points("unit"), DOC_BODY), wrappedLines(r.target.text, points("target"), DOC_BODY));
    heights.push({ row, height: rowHeight(lines, DOC_BODY) });
    row++;
  });
  return { blocks, heights, next: row };
}

/** The decision and its annex as one printed sheet (A4 portrait at 100 %). */
export function decisionSheet(p: DecisionParams): SheetLayout {
  const h = p.header;
  const parts: DocPart[] = [
    documentHeader(HALVES, {
      superiorBody: typedLine(h.superiorBody),
      issuingBody: typedLine(h.issuingBody),
      placeDate: typedLine(h.placeDate),
      number: typedLine(`Số ${h.number}`),
    }),
    { blocks: [], heights: [{ row: 5, height: 12 }], next: 6 },
    documentLine(6, LAST, FULL, fixedLine("QUYẾT ĐỊNH"), "title"),
    documentLine(7, LAST, FULL, fixedLine(`Về việc giao chỉ tiêu, nhiệm vụ năm ${p.year}`), "summaryTitle"),
    { blocks: [], heights: [{ row: 8, height: 8 }], next: 9 },
    // The issuing body decides: its name as typed in the header (A2).
    documentLine(9, LAST, FULL, { content: formula(`=""&A2`), text: h.issuingBody }, "summaryTitle"),
  ];
  let next = 10;
  const add = (part: DocPart) => {
    parts.push(part);
    next = part.next;
  };
  add(paragraph(next, typedLine(GROUNDS), "recipients"));
  add(documentLine(next, LAST, FULL, fixedLine("QUYẾT ĐỊNH:"), "summaryTitle"));
  for (const article of decisionArticles(p.year, p.units)) add(paragraph(next, fixedLine(article), "summary"));
  add(
    documentSignature(HALVES, next, {
      left: { label: "Nơi nhận:", labelStyle: "recipientsLabel", body: typedLine(h.recipients) },
      title: typedLine(h.signerTitle),
      position: typedLine(h.signerPosition),
      name: typedLine(h.signerName),
    }),
  );
  // The annex starts a page; so does each unit's table after the first.
  const breaks = [next];
  add(documentLine(next, LAST, FULL, fixedLine("PHỤ LỤC"), "title"));
  add(documentLine(next, LAST, FULL, fixedLine(`CHỈ TIÊU, NHIỆM VỤ GIAO NĂM ${p.year}`), "summaryTitle"));
  // "(Kèm theo Quyết định số 12-QĐ/TU …)": the number as typed in A4, its "Số" in lower case.
  add(documentLine(next, LAST, FULL, { content: formula(`="(Kèm theo Quyết định "&LOWER(LEFT(A4,1))&MID(A4,2,200)&")"`), text: `(Kèm theo Quyết định số ${h.number})` }, "subtitle"));
  p.units.forEach((unit, i) => {
    if (i > 0) breaks.push(next);
    else add({ blocks: [], heights: [{ row: next, height: 10 }], next: next + 1 });
    add(unitTable(unit, i, next));
  });
  return {
    name: DECISION_SHEET,
    font: { name: FONT, size: DOC_BODY },
    columnWidths: COLUMNS.map((c) => c.width),
    rowHeights: parts.flatMap((x) => x.heights),
    pageBreaks: breaks,
    blocks: parts.flatMap((x) => x.blocks),
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: documentPrintSpec(next - 1, "portrait", LAST, null),
  };
}

/** The annex from the assignments as read: each unit's own indicators and targets, as values. */
export function decisionUnits(assignments: readonly GroupAssignment[]): DecisionUnit[] {
  const shown = (text: string): DocLine => fixedLine(text);
  return assignments.flatMap((a) =>
    a.units.map((u) => ({
      name: u.name,
      group: a.group,
      rows: a.indicators
        .filter((i) => u.targets.has(i.code))
        .map((i) => {
          const target = u.targets.get(i.code);
          return { name: shown(i.name), unit: shown(i.unit), target: shown(target === true ? STATUS_NAMES.met : formatCount(target ?? 0)), own: i.scope === "own" };
        }),
    })),
  );
}

/** What the province workbook knows of a group when it is made: its sheet number, indicators and units. */
export interface DecisionGroupSheet {
  readonly index: number;
  readonly group: string;
  readonly indicators: readonly { readonly name: string; readonly unit: string }[];
  readonly units: readonly { readonly name: string }[];
}

/**
 * The annex in the province workbook: every indicator of the group's sheet for every unit, each
 * cell a formula over the assignment sheet, so the decision shows the targets as they are typed.
 */
export function liveDecisionUnits(groups: readonly DecisionGroupSheet[]): DecisionUnit[] {
  const fixed = ASSIGNMENT_COLUMNS.length;
  const letter = (key: (typeof ASSIGNMENT_COLUMNS)[number]["key"]) => columnLetter(ASSIGNMENT_COLUMNS.findIndex((c) => c.key === key));
  return groups.flatMap((g) => {
    const at = (column: string, r: number) => qualified(assignmentSheetName(g.index), `$${column}$${ASSIGNMENT_ROWS.first + r}`);
    return g.units.map((u, k) => ({
      name: u.name,
      group: g.group,
      rows: g.indicators.map((i, r) => {
        const target = at(columnLetter(fixed + k), r);
        return {
          name: { content: formula(`=""&${at(letter("name"), r)}`), text: i.name },
          unit: { content: formula(`=""&${at(letter("unit"), r)}`), text: i.unit },
          target: { content: formula(`=IF(ISNUMBER(${target}),${vnNumberFormula(target, 2)},""&${target})`), text: "2.000" },
          own: false,
        };
      }),
    }));
  });
}
