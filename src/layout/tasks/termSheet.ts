/**
 * The committee's term summary of breakthrough tasks (docs/rules.md §4), an official document
 * (HD 36 header, A4 landscape at 100 %, 13 pt body): per leader, every task with its level in each
 * year of the term and its final level; under each leader the years without a task and the years
 * of an incomplete task two years running; then those lists for the whole committee. Built from
 * values (the term is judged by the engine over a register that may span several files).
 */
import { TASK_LEVEL_NAMES } from "../../domain/messages/tasks";
import type { TermLeader, TermSummary } from "../../domain/term";
import type { Level } from "../../domain";
import { columnLetter } from "../addresses";
import { cell, value } from "../cells";
import {
  DOC_BODY,
  DOC_STYLES,
  documentHeader,
  documentLine,
  documentPrintSpec,
  documentSignature,
  fixedLine,
  keptTogetherBreaks,
  rowHeight,
  spanPoints,
  typedLine,
  wrappedLines,
  type DocHalves,
} from "../print";
import { FONT, type DocumentHeader } from "../schema";
import type { Block, SheetLayout } from "../types";

export const TERM_SHEET = "Tổng hợp nhiệm kỳ";

const S = DOC_STYLES;
const BODY = DOC_BODY;
const HEADER_ROW = 7;
/** Width units of the year columns together: with TT, the title and the final level they fill 136 (a landscape page at 100 %). */
const YEARS_WIDTH = 70;

/** A level as a cell of the table: the level's short name, "(tạm tính)" while provisional, a dash when the year is not rated. */
const SHORT: Readonly<Record<Level, string>> = Object.fromEntries(
  (Object.keys(TASK_LEVEL_NAMES) as Level[]).map((level) => [level, TASK_LEVEL_NAMES[level].replace(/ việc đột phá, đổi mới$/, "")]),
) as Record<Level, string>;
const shownLevel = (level: Level | null, provisional = false) => (level === null ? "—" : `${SHORT[level]}${provisional ? " (tạm tính)" : ""}`);

/** Years and lists as the document words them: "2024, 2025". */
const years = (list: readonly number[]) => list.map(String).join(", ");

function leaderNotes(leader: TermLeader): string[] {
  return [
    ...(leader.yearsWithoutTask.length > 0 ? [`Năm chưa có việc đột phá, đổi mới: ${years(leader.yearsWithoutTask)}.`] : []),
    ...(leader.incompleteTwoYears.length > 0 ? [`Có việc không hoàn thành hai năm liền: ${leader.incompleteTwoYears.map((y) => `${y - 1}–${y}`).join(", ")}.`] : []),
  ];
}

export function termSummarySheet(summary: TermSummary, header: DocumentHeader): SheetLayout {
  const termYears = Array.from({ length: summary.to - summary.from + 1 }, (_, i) => summary.from + i);
  const yearWidth = Math.min(22, Math.floor(YEARS_WIDTH / Math.max(1, termYears.length)));
  const columns = [
    { key: "tt", header: "TT", width: 5 },
    { key: "title", header: "Việc đột phá, đổi mới (thời gian)", width: 40 + YEARS_WIDTH - yearWidth * termYears.length },
    ...termYears.map((y) => ({ key: `y${y}`, header: `Năm ${y}`, width: yearWidth })),
    { key: "final", header: "Cả giai đoạn", width: 18 },
  ];
  const last = columnLetter(columns.length - 1);
  const full = spanPoints(columns, "tt", "final");
  const halves: DocHalves = {
    leftTo: "B",
    rightFrom: columnLetter(2),
    last,
    leftWidth: spanPoints(columns, "tt", "title"),
    rightWidth: spanPoints(columns, columns[2].key, "final"),
  };
  const head = [
    documentHeader(halves, {
      superiorBody: fixedLine(header.superiorBody),
      issuingBody: fixedLine(header.issuingBody),
      placeDate: fixedLine(header.placeDate),
      number: typedLine(`Số ${header.number}`),
    }),
    documentLine(5, last, full, fixedLine(`TỔNG HỢP KẾT QUẢ THỰC HIỆN VIỆC ĐỘT PHÁ, ĐỔI MỚI NHIỆM KỲ ${summary.from}–${summary.to}`), "title"),
    documentLine(6, last, full, fixedLine(`(Theo dõi đến ngày ${summary.asOf.split("-").reverse().join("/")})`), "subtitle"),
  ];
  const blocks: Block[] = [...head.flatMap((p) => p.blocks), { at: `A${HEADER_ROW}`, cells: [columns.map((c) => value(c.header))], owner: "addin", style: S.header }];
  const headerLines = Math.max(...columns.map((c) => wrappedLines(c.header, spanPoints(columns, c.key), BODY, true)));
  const heights = [...head.flatMap((p) => p.heights), { row: HEADER_ROW, height: rowHeight(headerLines, BODY) }];
  const line = (row: number, text: string, bold = false) => {
    blocks.push(cell(`A${row}`, value(text), "addin", bold ? S.group : S.text, { mergeTo: `${last}${row}` }));
    heights.push({ row, height: rowHeight(wrappedLines(text, full, BODY, bold), BODY) });
  };
  let row = HEADER_ROW + 1;
  // Rows that never end a page: a leader's heading stays with their first task, a task with the notes under it.
  const keep = new Set<number>();
  summary.leaders.forEach((leader, n) => {
    keep.add(row);
    line(row++, `${n + 1}. Đồng chí ${leader.leader} (${leader.tasks.length} việc)`, true);
    leader.tasks.forEach((task, i) => {
      const title = `${i + 1}. ${task.title} (${task.firstYear}–${task.lastYear})`;
      const levels = [
        ...termYears.map((y) => {
          const year = task.years.find((x) => x.year === y);
          return value(year ? shownLevel(year.level, year.provisional) : "");
        }),
        value(task.finalLevel === null ? "" : shownLevel(task.finalLevel)),
      ];
      blocks.push(cell(`A${row}`, value(`${n + 1}.${i + 1}`), "addin", S.center));
      blocks.push(cell(`B${row}`, value(title), "addin", S.text));
      blocks.push({ at: `C${row}`, cells: [levels], owner: "addin", style: S.center });
      const lines = Math.max(wrappedLines(title, spanPoints(columns, "title"), BODY), ...termYears.map(() => wrappedLines(`${SHORT.excellent} (tạm tính)`, yearWidth * 5.25, BODY)));
      heights.push({ row, height: rowHeight(lines, BODY) });
      row++;
    });
    const notes = leaderNotes(leader);
    if (notes.length > 0) keep.add(row - 1);
    for (const note of notes) line(row++, note);
  });
  const tableLast = row - 1;
  // The committee's lists: leaders with no task in a year, and incomplete tasks two years running.
  const summaryLines = [
    ...termYears.flatMap((y) => {
      const idle = summary.leaders.filter((l) => l.yearsWithoutTask.includes(y)).map((l) => l.leader);
      return idle.length > 0 ? [`Năm ${y}, đồng chí chưa có việc đột phá, đổi mới: ${idle.join(", ")}.`] : [];
    }),
    ...summary.leaders.flatMap((l) => (l.incompleteTwoYears.length > 0 ? [`Đồng chí ${l.leader} có việc không hoàn thành hai năm liền (${l.incompleteTwoYears.map((y) => `${y - 1}–${y}`).join(", ")}).`] : [])),
  ];
  const tailStart = row;
  row++;
  heights.push({ row: tailStart, height: 8 });
  for (const text of summaryLines) {
    blocks.push(cell(`A${row}`, value(text), "addin", S.summary, { mergeTo: `${last}${row}` }));
    heights.push({ row, height: rowHeight(wrappedLines(text, full, BODY), BODY) });
    row++;
  }
  const signature = documentSignature(halves, row, {
    left: { label: "Nơi nhận:", labelStyle: "recipientsLabel", body: typedLine(header.recipients) },
    title: fixedLine(header.signerTitle),
    position: fixedLine(header.signerPosition),
    name: fixedLine(header.signerName),
  });
  blocks.push(...signature.blocks);
  heights.push(...signature.heights);
  return {
    name: TERM_SHEET,
    font: { name: FONT, size: BODY },
    columnWidths: columns.map((c) => c.width),
    rowHeights: heights,
    // The tail (the committee's lists, signature, Nơi nhận) is signed as one and takes the table's last row along.
    pageBreaks: keptTogetherBreaks(
      heights,
      "landscape",
      new Set([...keep, ...heights.map((h) => h.row).filter((r) => r >= tableLast)]),
      tailStart,
      heights.find((h) => h.row === HEADER_ROW)?.height ?? 0,
    ),
    blocks,
    rangeStyles: [],
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: documentPrintSpec(signature.next - 1, "landscape", last, HEADER_ROW),
  };
}
