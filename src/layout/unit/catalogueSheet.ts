import { DIRECTION_NAMES, type Catalogue } from "../../domain";
import { value } from "../cells";
import { CATALOGUE_COLUMNS, FONT, SHEETS, TABLES } from "../schema";
import { a4Print, STYLE } from "../styles";
import { columnLetter } from "../addresses";
import type { Scalar, SheetLayout } from "../types";
import { sheetMsg } from "../../domain/messages/sheet";

/** Each indicator as the catalogue's columns hold it (code, group, group name, name, unit, direction, key, weight). */
export function catalogueRows(catalogue: Catalogue): Scalar[][] {
  const groupName = new Map(catalogue.groups.map((g) => [g.code, g.name ?? sheetMsg.groupName(g.code)]));
  return catalogue.indicators.map((i) => [i.code, i.group, groupName.get(i.group) ?? "", i.name, i.unit, DIRECTION_NAMES[i.direction], i.key ? "x" : null, i.weight]);
}

/** The catalogue sheet: the province's indicators as a table it edits. */
export function catalogueSheet(catalogue: Catalogue): SheetLayout {
  const rows = catalogueRows(catalogue);
  const last = columnLetter(CATALOGUE_COLUMNS.length - 1);
  const lastRow = 2 + Math.max(1, rows.length);
  return {
    name: SHEETS.catalogue,
    font: { name: FONT, size: 12 },
    columnWidths: CATALOGUE_COLUMNS.map((c) => c.width),
    blocks: [
      { at: "A1", cells: [[value("DANH MỤC CHỈ TIÊU")]], owner: "addin", style: STYLE.labelBold },
      { at: "A2", cells: [CATALOGUE_COLUMNS.map((c) => value(c.header))], owner: "addin", style: STYLE.header },
      { at: "A3", cells: rows.map((r) => r.map(value)), owner: "user", style: { ...STYLE.bodyText, numberFormat: "General" } },
    ],
    rangeStyles: [{ range: `A3:A${lastRow}`, style: STYLE.bodyCenter }],
    numberFormats: [],
    tables: [{ name: TABLES.catalogue, range: `A2:${last}${lastRow}`, style: "TableStyleLight9" }],
    validations: [
      {
        range: `F3:F${lastRow}`,
        rule: { kind: "list", source: Object.values(DIRECTION_NAMES).join(",") },
        errorTitle: "Chiều không hợp lệ",
        errorMessage: "Chọn Tăng, Giảm hoặc Đạt/Không.",
      },
    ],
    conditionalFormats: [],
    protect: false,
    freezeRows: 2,
    print: a4Print("landscape", `A1:${last}${lastRow}`, "$2:$2"),
  };
}
