// A group the catalogue sheet leaves without a name (issue 17 §3): the reader keeps that as data, the
// pane shows "Group 3" in English and "Nhóm 3" in Vietnamese, and the workbook is written in Vietnamese.
import { evaluate } from "../../../src/domain";
import { render } from "../../../src/domain/messages/localize";
import { CATALOGUE_COLUMNS, UNIT_COLUMNS } from "../../../src/layout";
import { groupProgress, readCatalogueTable, readUnitTable } from "../../../src/layout/read";
import { catalogueRows } from "../../../src/layout/unit";

/** A table at A1 with the given headers, its rows given by header. */
function grid(sheet: string, headers: readonly string[], rows: readonly Record<string, unknown>[]) {
  const values = [headers, ...rows.map((row) => headers.map((h) => row[h] ?? ""))];
  return { sheet, origin: "A1", values, formulas: values };
}

const INDICATORS = [
  { Mã: "1.1", Nhóm: "1", "Tên nhóm": "Xây dựng Đảng", Chiều: "Tăng", "Trọng số": 1 },
  { Mã: "3.1", Nhóm: "3", "Tên nhóm": "", Chiều: "Tăng", "Trọng số": 1 },
];

test("a group without a name is named where it is shown, in the language it is shown in", () => {
  const { catalogue, problems } = readCatalogueTable(grid("Danh mục", CATALOGUE_COLUMNS.map((c) => c.header), INDICATORS));
  expect(problems).toEqual([]);
  expect(catalogue.groups).toEqual([
    { code: "1", name: "Xây dựng Đảng" },
    { code: "3", name: null },
  ]);

  const rows = INDICATORS.map((i) => ({ ...i, "Kế hoạch": 100, "Thực hiện": 120 }));
  const read = readUnitTable(grid("Chỉ tiêu", UNIT_COLUMNS.map((c) => c.header), rows));
  const progress = groupProgress(read, evaluate({ indicators: read.rows.map((r) => r.input) }), catalogue.groups);
  expect(progress.map((g) => [g.code, render(g.name, "en"), render(g.name, "vi"), g.met])).toEqual([
    ["1", "Xây dựng Đảng", "Xây dựng Đảng", 1],
    ["3", "Group 3", "Nhóm 3", 1],
  ]);

  // The workbook is Vietnamese: the catalogue sheet made from this catalogue names the group so.
  expect(catalogueRows(catalogue).map((row) => row[2])).toEqual(["Xây dựng Đảng", "Nhóm 3"]);
});
