import { DIRECTION_NAMES, UNIT_KIND_NAMES, YES_NO, type AssignedIndicator, type Catalogue, type UnitKind } from "../../domain";
import { columnLetter } from "../addresses";
import { catalogueRows } from "../unit";
import { cell, formula, value } from "../cells";
import { FONT } from "../schema";
import { a4Print, NUMBER_FORMATS, STATUS_COLORS, STYLE } from "../styles";
import type { Block, CellContent, SheetLayout } from "../types";

/**
 * "Giao chỉ tiêu" (issue 16 §1): one sheet per group of equivalent positions, the group's catalogue
 * down the side, one column per unit with its head and kind above its targets, and for additive
 * indicators the province's target beside Σ of the units' targets and the difference, as formulas
 * so the check stays right while the officer edits. The province workbook holds one such sheet per
 * group; `assign` writes every unit's workbook from them.
 */

export const ASSIGNMENT_SHEET_PREFIX = "Giao chỉ tiêu";
export const ASSIGNMENT_TABLE_PREFIX = "tblGiao";

export const ASSIGNMENT_COLUMNS = [
  { key: "code", header: "Mã", width: 7 },
  { key: "group", header: "Nhóm", width: 7 },
  { key: "groupName", header: "Tên nhóm", width: 22 },
  { key: "name", header: "Chỉ tiêu", width: 44 },
  { key: "unit", header: "Đơn vị tính", width: 10 },
  { key: "direction", header: "Chiều", width: 10 },
  { key: "key", header: "Chủ yếu", width: 8 },
  { key: "weight", header: "Trọng số", width: 8 },
  { key: "additive", header: "Cộng dồn", width: 9 },
  { key: "scope", header: "Áp dụng", width: 9 },
  { key: "provinceTarget", header: "Chỉ tiêu của tỉnh", width: 12 },
  { key: "sum", header: "Tổng giao các đơn vị", width: 12 },
  { key: "difference", header: "Chênh lệch", width: 11 },
] as const;

export type AssignmentColumnKey = (typeof ASSIGNMENT_COLUMNS)[number]["key"];

/** The words of the "Áp dụng" column: every unit, or only the units given a target. */
export const SCOPE_WORDS = { all: "Tất cả", own: "Riêng" } as const;

/** Rows of a sheet, 1-based: the group and year cells, the heads and kinds above the table's header. */
export const ASSIGNMENT_ROWS = { group: 2, year: 3, head: 4, kind: 5, header: 6, first: 7 } as const;

const UNIT_WIDTH = 14;

export interface AssignmentSheetParams {
  /** Sheet name and table number: "Giao chỉ tiêu 1" holds tblGiao1. */
  readonly index: number;
  readonly group: string;
  readonly year: number;
  readonly catalogue: Catalogue;
  readonly indicators: readonly Pick<AssignedIndicator, "code" | "additive" | "scope" | "provinceTarget">[];
  readonly units: readonly { readonly name: string; readonly head: string; readonly kind: UnitKind | null }[];
  /** Targets already decided, by unit name then indicator code (blank otherwise). */
  readonly targets?: ReadonlyMap<string, ReadonlyMap<string, number | string>>;
}

export const assignmentSheetName = (index: number) => `${ASSIGNMENT_SHEET_PREFIX} ${index}`;
export const assignmentTableName = (index: number) => `${ASSIGNMENT_TABLE_PREFIX}${index}`;

export function assignmentSheet(p: AssignmentSheetParams): SheetLayout {
  const fixed = ASSIGNMENT_COLUMNS.length;
  const firstUnit = columnLetter(fixed);
  const lastColumn = columnLetter(fixed + Math.max(1, p.units.length) - 1);
  const { header, first } = ASSIGNMENT_ROWS;
  const rows = p.catalogue.indicators.length;
  const last = first + Math.max(1, rows) - 1;
  const extra = new Map(p.indicators.map((i) => [i.code, i]));
  const col = (key: AssignmentColumnKey) => columnLetter(ASSIGNMENT_COLUMNS.findIndex((c) => c.key === key));
  const [additive, target, sum] = [col("additive"), col("provinceTarget"), col("sum")];
  const definition = catalogueRows(p.catalogue).map((row, r): CellContent[] => {
    const a = extra.get(p.catalogue.indicators[r].code);
    return [...row, a?.additive ? YES_NO.yes : YES_NO.no, SCOPE_WORDS[a?.scope ?? "all"], a?.provinceTarget ?? null].map(value);
  });
  const checks = p.catalogue.indicators.map((_, r): CellContent[] => {
    const at = first + r;
    const units = `${firstUnit}${at}:${lastColumn}${at}`;
    return [
      formula(`=IF(${additive}${at}="${YES_NO.yes}",SUM(${units}),"")`),
      formula(`=IF(OR(${additive}${at}<>"${YES_NO.yes}",${target}${at}=""),"",ROUND(${sum}${at}-${target}${at},6))`),
    ];
  });
  const targets = p.catalogue.indicators.map((i) => p.units.map((u) => value(p.targets?.get(u.name)?.get(i.code) ?? null)));
  const difference = `${col("difference")}${first}:${col("difference")}${last}`;
  const blocks: Block[] = [
    cell("A1", value(`GIAO CHỈ TIÊU NĂM ${p.year}`), "addin", STYLE.title, { mergeTo: `${col("name")}1` }),
    cell("A2", value("Nhóm đối tượng"), "addin", STYLE.labelBold, { mergeTo: "B2" }),
    cell("C2", value(p.group), "user", STYLE.input, { unlocked: true, mergeTo: `${col("name")}2` }),
    cell("A3", value("Năm"), "addin", STYLE.labelBold, { mergeTo: "B3" }),
    cell("C3", value(p.year), "user", STYLE.input, { unlocked: true }),
    cell(
      `${col("name")}3`,
      value(
        `Nhập chỉ tiêu giao cho từng đơn vị ở các cột đơn vị. "${SCOPE_WORDS.all}": mọi đơn vị phải có chỉ tiêu; "${SCOPE_WORDS.own}": chỉ tiêu riêng của đơn vị được giao. ` +
          `Chỉ tiêu "Cộng dồn" được kiểm tra tổng giao với chỉ tiêu của tỉnh (chênh lệch khác 0 được tô màu).`,
      ),
      "addin",
      STYLE.note,
      { mergeTo: `${col("difference")}3` },
    ),
    cell(`${col("difference")}${ASSIGNMENT_ROWS.head}`, value("Người đứng đầu"), "addin", STYLE.labelBold),
    cell(`${col("difference")}${ASSIGNMENT_ROWS.kind}`, value("Loại đơn vị"), "addin", STYLE.labelBold),
    { at: `${firstUnit}${ASSIGNMENT_ROWS.head}`, cells: [p.units.map((u) => value(u.head))], owner: "user", style: STYLE.bodyText, unlocked: true },
    { at: `${firstUnit}${ASSIGNMENT_ROWS.kind}`, cells: [p.units.map((u) => value(u.kind ? UNIT_KIND_NAMES[u.kind] : null))], owner: "user", style: STYLE.bodyText, unlocked: true },
    { at: `A${header}`, cells: [[...ASSIGNMENT_COLUMNS.map((c) => value(c.header)), ...p.units.map((u) => value(u.name))]], owner: "addin", style: STYLE.header },
  ];
  if (rows > 0) {
    blocks.push(
      { at: `A${first}`, cells: definition, owner: "user", style: { ...STYLE.bodyText, numberFormat: "General" } },
      { at: `${sum}${first}`, cells: checks, owner: "addin", style: STYLE.body },
    );
    if (p.units.length > 0) blocks.push({ at: `${firstUnit}${first}`, cells: targets, owner: "user", style: STYLE.body, unlocked: true });
  }
  const list = (range: string, words: readonly string[], title: string, message: string) => ({
    range,
    rule: { kind: "list" as const, source: words.join(",") },
    errorTitle: title,
    errorMessage: message,
  });
  const rowsOf = (key: AssignmentColumnKey) => `${col(key)}${first}:${col(key)}${last}`;
  return {
    name: assignmentSheetName(p.index),
    font: { name: FONT, size: 12 },
    columnWidths: [...ASSIGNMENT_COLUMNS.map((c) => c.width), ...p.units.map(() => UNIT_WIDTH)],
    blocks,
    rangeStyles: [
      { range: `${target}${first}:${sum}${last}`, style: { numberFormat: NUMBER_FORMATS.decimal } },
      { range: difference, style: { numberFormat: "+#,##0.##;-#,##0.##;0" } },
    ],
    numberFormats: [],
    tables: [{ name: assignmentTableName(p.index), range: `A${header}:${lastColumn}${last}`, style: "TableStyleLight9" }],
    validations: [
      list(rowsOf("direction"), Object.values(DIRECTION_NAMES), "Chiều không hợp lệ", "Chọn Tăng, Giảm hoặc Đạt/Không."),
      list(rowsOf("additive"), [YES_NO.yes, YES_NO.no], "Cộng dồn", `Chọn ${YES_NO.yes} hoặc ${YES_NO.no}.`),
      list(rowsOf("scope"), Object.values(SCOPE_WORDS), "Áp dụng", `Chọn ${SCOPE_WORDS.all} hoặc ${SCOPE_WORDS.own}.`),
    ],
    conditionalFormats: [
      { range: difference, formula: `AND(ISNUMBER(${col("difference")}${first}),${col("difference")}${first}<0)`, ...STATUS_COLORS.notMet },
      { range: difference, formula: `AND(ISNUMBER(${col("difference")}${first}),${col("difference")}${first}>0)`, ...STATUS_COLORS.error },
      { range: difference, formula: `AND(ISNUMBER(${col("difference")}${first}),${col("difference")}${first}=0)`, ...STATUS_COLORS.met },
    ],
    protect: false,
    freezeRows: header,
    print: a4Print("landscape", `A1:${lastColumn}${last}`, `$${header}:$${header}`),
  };
}
