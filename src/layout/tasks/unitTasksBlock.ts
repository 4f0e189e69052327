/**
 * The block "Việc đột phá, đổi mới" on a unit sheet of a workbook that also holds the task
 * register (issue 9 §3): beside the summary, the tasks of the sheet's leader running in the year
 * NamDotPha (code, title, level of the year, final level in the last year, provisional mark),
 * counts per level and the cap of the optional rule. Part of the year-end result, so it sits in
 * the print area. Excel 2010 functions only: the k-th task of the leader is found with
 * SUMPRODUCT(LARGE(match × ROW, n − k + 1)), which needs no helper column in the register and no
 * array entry. The twin of leaderYear in src/domain/tasks.ts; the LibreOffice proof checks they agree.
 */
import type { Level } from "../../domain";
import { TASK_LEVEL_NAMES } from "../../domain/messages/tasks";
import { absolute, columnLetter, parseCell, qualified } from "../addresses";
import { cell, formula, value } from "../cells";
import { capLevelFormula, PROVISIONAL_TEXT, TASK_CAPPED_LINES } from "../formulas";
import { ROWS_BELOW } from "../rowsBelow";
import { NAMES } from "../schema";
import { STATUS_COLORS, STYLE } from "../styles";
import { TASK_COLUMNS, TASK_NAMES, TASK_RULE_NAMES, TASK_SHEETS, type TaskColumnKey } from "./taskRegisterSchema";
import type { Block, ConditionalFormatSpec, SheetLayout, WorkbookLayout } from "../types";
import { placeBlock, placedName, placeFormula, unitIndexOfTable, unitPlace, type UnitPlace } from "../units";

/** Tasks listed by name; more are counted on the line below them. */
export const UNIT_TASK_ROWS = 5;

/** Rows of the block: title, header, the task rows, the "more" line, five counts and the cap. */
export const UNIT_TASK_BLOCK_HEIGHT = 2 + UNIT_TASK_ROWS + 1 + 5 + 1;
const FIRST = "F";
const LAST = "L";

/** The rows of the register's tasks table body the block reads. */
export interface RegisterRows {
  readonly taskFirst: number;
  readonly taskLast: number;
  /** The tasks sheet as it is named now (default "Việc đột phá"). */
  readonly sheet?: string;
}

/** The levels in the block drop the words the title already says. */
const LEVEL_SUFFIX = " việc đột phá, đổi mới";
export const SHORT_TASK_LEVEL: Readonly<Record<Level, string>> = Object.fromEntries(
  (Object.entries(TASK_LEVEL_NAMES) as [Level, string][]).map(([level, name]) => [level, name.replace(LEVEL_SUFFIX, "")]),
) as Record<Level, string>;
export const PROVISIONAL_MARK = ` (${PROVISIONAL_TEXT.toLowerCase()})`;

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const LEVELS: readonly Level[] = ["excellent", "good", "complete", "incomplete"];

/**
 * Where the block's cells are when the summary's title is on 1-based row `summaryTitle`: below
 * the rows read with the unit table (ROWS_BELOW after its last row, one before the title), so
 * that nothing of the block is taken for an indicator typed under the table.
 */
export function unitTaskCells(summaryTitle: number) {
  const top = summaryTitle + ROWS_BELOW - 1;
  const row = (i: number) => top + 2 + i;
  const countRow = top + 2 + UNIT_TASK_ROWS + 1;
  return {
    top,
    area: `${FIRST}${top}:${LAST}${top + UNIT_TASK_BLOCK_HEIGHT - 1}`,
    taskRows: Array.from({ length: UNIT_TASK_ROWS }, (_, i) => row(i)),
    more: `${FIRST}${row(UNIT_TASK_ROWS)}`,
    count: `${LAST}${countRow}`,
    levels: Object.fromEntries(LEVELS.map((level, i) => [level, `${LAST}${countRow + 1 + i}`])) as Record<Level, string>,
    cap: `${LAST}${countRow + 1 + LEVELS.length}`,
  };
}

/** The block for unit 1's names (placeBlock moves it to another unit), the summary's title on row `summaryTitle`. */
export function unitTaskBlocks(summaryTitle: number, register: RegisterRows): Block[] {
  const letter = (key: TaskColumnKey) => columnLetter(TASK_COLUMNS.findIndex((c) => c.key === key));
  const col = (key: TaskColumnKey) => qualified(register.sheet ?? TASK_SHEETS.tasks, `$${letter(key)}$${register.taskFirst}:$${letter(key)}$${register.taskLast}`);
  const head = NAMES.head;
  const year = TASK_NAMES.year;
  const cap = TASK_RULE_NAMES.failedTaskCap;
  const at = unitTaskCells(summaryTitle);
  const top = at.top;
  const n = absolute(at.count);
  // A task of this leader (trimmed; "=" ignores case) running in the year.
  const mine = `(TRIM(${col("leader")})=TRIM(${head}))*(TRIM(${col("code")})<>"")*(${col("firstYear")}<=${year})*(${col("lastYear")}>=${year})`;
  const sum = (of: string) => `=IF(TRIM(${head})="",0,SUMPRODUCT(${of}))`;
  // General, not text ("@"): Excel keeps a formula written into a text cell as text. No wrap: rows keep their height.
  const text = { ...STYLE.body, numberFormat: "General" } as const;
  const center = { ...text, horizontal: "center" } as const;
  const taskRow = (k: number, sheetRow: number): Block[] => {
    const index = `SUMPRODUCT(LARGE(${mine}*ROW(${col("code")}),${n}-${k}+1))-${register.taskFirst - 1}`;
    const pick = (key: TaskColumnKey) => `INDEX(${col(key)},${index})`;
    const shown = (of: string) => `=IF(${n}<${k},"",${of})`;
    const short = (key: TaskColumnKey) => `SUBSTITUTE(${pick(key)},${q(LEVEL_SUFFIX)},"")`;
    return [
      cell(`F${sheetRow}`, formula(shown(`${pick("code")}&""`)), "addin", center),
      cell(`G${sheetRow}`, formula(shown(`${pick("title")}&""`)), "addin", text, { mergeTo: `I${sheetRow}` }),
      cell(`J${sheetRow}`, formula(shown(`${short("level")}&IF(${pick("provisional")}<>"",${q(PROVISIONAL_MARK)},"")`)), "addin", text, { mergeTo: `K${sheetRow}` }),
      cell(`L${sheetRow}`, formula(shown(short("finalLevel"))), "addin", text),
    ];
  };
  const countRow = parseCell(at.count).row + 1;
  const line = (sheetRow: number, label: string, content: string): Block[] => [
    cell(`F${sheetRow}`, value(label), "addin", STYLE.label, { mergeTo: `K${sheetRow}` }),
    cell(`L${sheetRow}`, formula(content), "addin", { ...STYLE.summaryValue, numberFormat: "General" }),
  ];
  return [
    cell(`${FIRST}${top}`, formula(`="VIỆC ĐỘT PHÁ, ĐỔI MỚI CỦA NGƯỜI ĐỨNG ĐẦU NĂM "&${year}`), "addin", STYLE.labelBold, { mergeTo: `${LAST}${top}` }),
    cell(`F${top + 1}`, value("Mã việc"), "addin", STYLE.header),
    cell(`G${top + 1}`, value("Tên việc đột phá, đổi mới"), "addin", STYLE.header, { mergeTo: `I${top + 1}` }),
    cell(`J${top + 1}`, value("Xếp loại năm"), "addin", STYLE.header, { mergeTo: `K${top + 1}` }),
    cell(`L${top + 1}`, value("Cả giai đoạn"), "addin", STYLE.header),
    ...at.taskRows.flatMap((sheetRow, i) => taskRow(i + 1, sheetRow)),
    cell(
      at.more,
      formula(`=IF(${n}>${UNIT_TASK_ROWS},"… và "&(${n}-${UNIT_TASK_ROWS})&" việc khác (xem trang ""${TASK_SHEETS.tasks}"")","")`),
      "addin",
      STYLE.note,
      { mergeTo: `${LAST}${parseCell(at.more).row + 1}` },
    ),
    ...line(countRow, "Số việc trong năm", sum(mine)),
    ...LEVELS.flatMap((level, i) => line(countRow + 1 + i, `   ${SHORT_TASK_LEVEL[level]}`, sum(`${mine}*(${col("level")}=${q(TASK_LEVEL_NAMES[level])})`))),
    // The optional rule: blank while it is off, or while the leader has no task rated incomplete.
    ...line(
      countRow + 1 + LEVELS.length,
      "Mức trần xếp loại (quy định tùy chọn: có việc không hoàn thành)",
      `=IF(OR(TRIM(${head})="",TRIM(${cap})=""),"",IF(N(${absolute(at.levels.incomplete)})>0,TRIM(${cap}),""))`,
    ),
  ];
}

/** The red mark of a task rated incomplete, and of a cap that applies. */
export function unitTaskConditionalFormats(summaryTitle: number): ConditionalFormatSpec[] {
  const at = unitTaskCells(summaryTitle);
  const red = { fill: STATUS_COLORS.notMet.fill, fontColor: STATUS_COLORS.notMet.fontColor, bold: true };
  const first = at.taskRows[0];
  // Not bold in the task rows: "Không hoàn thành (tạm tính)" in bold does not fit the merged J:K.
  const redRow = { fill: red.fill, fontColor: red.fontColor };
  return [
    { range: `J${first}:K${at.taskRows[at.taskRows.length - 1]}`, formula: `LEFT($J${first},${SHORT_TASK_LEVEL.incomplete.length})=${q(SHORT_TASK_LEVEL.incomplete)}`, ...redRow },
    { range: at.cap, formula: `LEN(${absolute(at.cap)})>0`, ...red },
    { range: at.levels.incomplete, formula: `N(${absolute(at.levels.incomplete)})>0`, ...red },
  ];
}

/** The 1-based row of a unit sheet's summary title, from the address of its first summary line (SoChiTieu). */
export const summaryTop = (countAddress: string) => parseCell(countAddress).row;

/** The block's cap cell (absolute) on a unit sheet whose first summary line (SoChiTieu) is at `countAddress`. */
export const taskCapCell = (countAddress: string) => absolute(unitTaskCells(summaryTop(countAddress)).cap);

/** A summary level formula of unit `place` bounded by the cap of its block (capLevelFormula, with the unit's names). */
export const cappedFor = (formula: string, countAddress: string, place: UnitPlace) => placeFormula(capLevelFormula(formula, taskCapCell(countAddress)), place);

/**
 * A workbook layout with the block on each of its unit sheets (those with a unit table), and the
 * suggested and reachable levels bounded by its cap, for a register whose tasks table body spans
 * `register` (the .xlsx writer, and a unit added beside a register).
 */
export function withUnitTaskBlocks(layout: WorkbookLayout, register: RegisterRows): WorkbookLayout {
  /** The unit a sheet holds and its first summary line's name, or null for other sheets. */
  const unitOf = (sheet: SheetLayout) => {
    const index = sheet.tables.map((t) => unitIndexOfTable(t.name)).find((i) => i !== null);
    if (index === undefined || index === null) return null;
    const place = unitPlace(index);
    const count = layout.names.find((n) => n.name === placedName(NAMES.count, place) && n.sheet === sheet.name);
    return count ? { place, count } : null;
  };
  const sheets = layout.sheets.map((sheet): SheetLayout => {
    const unit = unitOf(sheet);
    if (!unit) return sheet;
    const { place, count } = unit;
    const top = summaryTop(count.ref);
    const cappedAt = new Set(
      TASK_CAPPED_LINES.flatMap((name) => layout.names.filter((n) => n.name === placedName(name, place) && n.sheet === sheet.name).map((n) => n.ref.replace(/\$/g, ""))),
    );
    const capped = (block: Block): Block => {
      const content = block.cells[0]?.[0];
      if (!cappedAt.has(block.at) || !content || !("formula" in content)) return block;
      return { ...block, cells: [[formula(cappedFor(content.formula, count.ref, place))]] };
    };
    return {
      ...sheet,
      blocks: [...sheet.blocks.map(capped), ...unitTaskBlocks(top, register).map((block) => placeBlock(block, place))],
      conditionalFormats: [...sheet.conditionalFormats, ...unitTaskConditionalFormats(top).map((f) => ({ ...f, formula: placeFormula(f.formula, place) }))],
    };
  });
  // The cap's cell is named (MucTranDotPha_n): the adapter and the reader give it to the engine.
  const capNames = layout.sheets.flatMap((sheet) => {
    const unit = unitOf(sheet);
    return unit ? [{ name: placedName(NAMES.taskCap, unit.place), ref: taskCapCell(unit.count.ref), sheet: sheet.name }] : [];
  });
  return { sheets, names: [...layout.names, ...capNames] };
}
