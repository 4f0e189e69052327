/**
 * "Tổng hợp đột phá": the register's totals per leader and per unit, as of the follow-up date and
 * for the year evaluated: number of tasks, milestones overdue and due soon, tasks by level, with
 * conditional colours. The names known when the register is made are written as rows, with spare
 * rows where an officer types a new name; every figure is a formula over the tasks table (the
 * twin of taskTotals in src/domain/tasks.ts; the LibreOffice proof checks they agree).
 */
import { type Task } from "../../domain/tasks";
import { TASK_LEVEL_NAMES } from "../../domain/messages/tasks";
import type { Level } from "../../domain";
import { columnLetter, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import { FONT } from "../schema";
import { NUMBER_FORMATS, STATUS_COLORS, STYLE } from "../styles";
import { TASK_COLUMNS, TASK_RULE_NAMES, TASK_SHEETS, type TaskColumnKey } from "./taskRegisterSchema";
import type { Block, ConditionalFormatSpec, RangeStyle, SheetLayout } from "../types";

export const TASK_TOTALS_SHEET = "Tổng hợp đột phá";

/** Blank rows under each section for names typed later. */
export const TOTALS_SPARE_ROWS = 5;

export const TOTALS_COLUMNS = [
  { key: "name", header: "", width: 30 },
  { key: "tasks", header: "Số việc", width: 9 },
  { key: "overdue", header: "Mốc quá hạn", width: 10 },
  { key: "dueSoon", header: "Mốc sắp đến hạn", width: 10 },
  { key: "excellent", header: "Hoàn thành xuất sắc", width: 12 },
  { key: "good", header: "Hoàn thành tốt", width: 12 },
  { key: "complete", header: "Hoàn thành", width: 12 },
  { key: "incomplete", header: "Không hoàn thành", width: 12 },
  { key: "cap", header: "Mức trần xếp loại (quy định tùy chọn)", width: 24 },
] as const;
const LAST = columnLetter(TOTALS_COLUMNS.length - 1);
const LEVELS: readonly Level[] = ["excellent", "good", "complete", "incomplete"];

const CAP = TASK_RULE_NAMES.failedTaskCap;
const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Where each section's rows are, for the proof and the parity tests. */
export interface TotalsSection {
  readonly by: "leader" | "unit";
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Distinct names in register order, as first written (case and surrounding spaces aside). */
function names(tasks: readonly Task[], by: "leader" | "unit"): string[] {
  const seen = new Map<string, string>();
  for (const task of tasks) {
    const name = (task[by] ?? "").trim();
    const key = name.normalize("NFC").toLowerCase();
    if (name !== "" && !seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}

export function totalsSections(tasks: readonly Task[]): TotalsSection[] {
  const sections: TotalsSection[] = [];
  let header = 4;
  for (const by of ["leader", "unit"] as const) {
    const firstRow = header + 1;
    const lastRow = firstRow + names(tasks, by).length + TOTALS_SPARE_ROWS - 1;
    sections.push({ by, headerRow: header, firstRow, lastRow });
    header = lastRow + 3;
  }
  return sections;
}

export function taskTotalsSheet(tasks: readonly Task[], taskFirst: number, taskLast: number): SheetLayout {
  const column = (key: TaskColumnKey) => {
    const letter = columnLetter(TASK_COLUMNS.findIndex((c) => c.key === key));
    return qualified(TASK_SHEETS.tasks, `$${letter}$${taskFirst}:$${letter}$${taskLast}`);
  };
  const blocks: Block[] = [
    cell("A1", value("TỔNG HỢP VIỆC ĐỘT PHÁ, ĐỔI MỚI THEO NGƯỜI ĐỨNG ĐẦU VÀ ĐƠN VỊ"), "addin", STYLE.title, { mergeTo: `${LAST}1` }),
    cell(
      "A2",
      value(
        `Mốc tính theo Ngày theo dõi, xếp loại theo Năm xếp loại ở trang "${TASK_SHEETS.tasks}". ` +
          "Để thêm một người hoặc đơn vị, gõ tên vào một dòng trống của mục (đúng như ở cột Người đứng đầu hoặc Đơn vị).",
      ),
      "addin",
      STYLE.note,
      { mergeTo: `${LAST}2` },
    ),
  ];
  const rangeStyles: RangeStyle[] = [];
  const conditionalFormats: ConditionalFormatSpec[] = [];
  for (const section of totalsSections(tasks)) {
    const own = column(section.by === "leader" ? "leader" : "unit");
    const title = section.by === "leader" ? "Người đứng đầu" : "Đơn vị";
    // The cap of the optional rule is a leader's: the units' section stops before it.
    const columns = section.by === "leader" ? TOTALS_COLUMNS : TOTALS_COLUMNS.filter((c) => c.key !== "cap");
    const last = columnLetter(columns.length - 1);
    blocks.push({ at: `A${section.headerRow}`, cells: [columns.map((c) => value(c.key === "name" ? title : c.header))], owner: "addin", style: STYLE.header });
    const list = names(tasks, section.by);
    if (list.length > 0) blocks.push({ at: `A${section.firstRow}`, cells: list.map((n) => [value(n)]), owner: "user", unlocked: true });
    const rows = Array.from({ length: section.lastRow - section.firstRow + 1 }, (_, i) => section.firstRow + i);
    const figures = rows.map((row) => {
      const mine = `--(TRIM(${own})=TRIM($A${row}))`;
      const sum = (of: string) => `=IF(TRIM($A${row})="","",SUMPRODUCT(${mine},${of}))`;
      return [
        sum(`--(TRIM(${column("code")})<>"")`),
        sum(column("overdue")),
        sum(column("dueSoon")),
        ...LEVELS.map((level) => sum(`--(${column("level")}=${q(TASK_LEVEL_NAMES[level])})`)),
        // The check line of the optional rule: the level the leader may not exceed, blank while it is off.
        ...(section.by === "leader" ? [`=IF(OR(TRIM($A${row})="",TRIM(${CAP})=""),"",IF(N($H${row})>0,TRIM(${CAP}),""))`] : []),
      ].map(formula);
    });
    blocks.push({ at: `B${section.firstRow}`, cells: figures, owner: "addin" });
    const range = (letter: string) => `${letter}${section.firstRow}:${letter}${section.lastRow}`;
    rangeStyles.push({ range: range("A"), style: STYLE.bodyText, unlocked: true });
    rangeStyles.push({ range: `B${section.firstRow}:${last}${section.lastRow}`, style: { ...STYLE.body, horizontal: "center", numberFormat: NUMBER_FORMATS.count } });
    const positive = (letter: string) => `N($${letter}${section.firstRow})>0`;
    conditionalFormats.push(
      { range: range("C"), formula: positive("C"), fill: STATUS_COLORS.notMet.fill, fontColor: STATUS_COLORS.notMet.fontColor, bold: true },
      { range: range("D"), formula: positive("D"), fill: STATUS_COLORS.error.fill, fontColor: STATUS_COLORS.error.fontColor, bold: true },
      { range: range("E"), formula: positive("E"), fill: STATUS_COLORS.exceeded.fill, fontColor: STATUS_COLORS.exceeded.fontColor },
      { range: range("H"), formula: positive("H"), fill: STATUS_COLORS.notMet.fill, fontColor: STATUS_COLORS.notMet.fontColor, bold: true },
      ...(section.by === "leader" ? [{ range: range("I"), formula: `LEN($I${section.firstRow})>0`, fill: STATUS_COLORS.notMet.fill, fontColor: STATUS_COLORS.notMet.fontColor, bold: true }] : []),
    );
  }
  return {
    name: TASK_TOTALS_SHEET,
    font: { name: FONT, size: 12 },
    columnWidths: TOTALS_COLUMNS.map((c) => c.width),
    blocks,
    rangeStyles,
    numberFormats: [],
    tables: [],
    validations: [],
    conditionalFormats,
    protect: true,
  };
}
