import ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { NAMES, summaryCells } from "../../src/layout";
import { unitFileBytes } from "./unitFiles";

/**
 * A folder of unit workbooks as a committee receives it, in memory (name → bytes): three units
 * that consolidate and one file for each reason a file is rejected. Shared by the reader parity
 * test (CLI zlib against the pane's DecompressionStream) and the pane's adapter test (against
 * `chitieu consolidate --json` on the same files).
 */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A unit file changed as a person would, through ExcelJS. */
async function edited(unit: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await unitFileBytes({ unit, kind: "commune" })) as unknown as ArrayBuffer);
  edit(wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function consolidationFiles(): Promise<NamedBytes[]> {
  const flipped = { ...DEFAULT_CATALOGUE, indicators: DEFAULT_CATALOGUE.indicators.map((i) => (i.code === "3.5" ? { ...i, direction: "increase" as const } : i)) };
  // The table's last row is 7 + the number of indicators.
  const points = summaryCells(7 + DEFAULT_CATALOGUE.indicators.length).find((c) => c.name === NAMES.points)?.address as string;
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet("Sheet1").getCell("A1").value = "Bảng khác";
  return [
    { name: "01-an-hoa.xlsx", bytes: await unitFileBytes({ unit: "An Hòa", kind: "commune", result: "excellent", common: 28 }) },
    { name: "02-binh-minh.xlsx", bytes: await unitFileBytes({ unit: "Bình Minh", kind: "commune", result: "good", common: 22 }) },
    { name: "03-so-tai-chinh.xlsx", bytes: await unitFileBytes({ unit: "Sở Tài chính", kind: "department", result: "good", common: 20 }) },
    { name: "04-nam-khac.xlsx", bytes: await unitFileBytes({ unit: "Cẩm Khê", kind: "commune", year: 2024 }) },
    { name: "05-danh-muc-khac.xlsx", bytes: await unitFileBytes({ unit: "Đoan Hùng", kind: "commune", catalogue: flipped }) },
    { name: "06-trung.xlsx", bytes: await unitFileBytes({ unit: "an hòa", kind: "commune" }) },
    {
      name: "07-ghi-de.xlsx",
      bytes: await edited("Hạ Hòa", (ws) => {
        ws.getCell("J8").value = 1.5;
        ws.getCell(points).value = 99;
      }),
    },
    { name: "08-mat-khau.xlsx", bytes: new Uint8Array(Buffer.concat([Buffer.from("D0CF11E0A1B11AE1", "hex"), Buffer.alloc(512)])) },
    { name: "09-hong.xlsx", bytes: new TextEncoder().encode("không phải tệp Excel") },
    { name: "10-bang-khac.xlsx", bytes: new Uint8Array(await plain.xlsx.writeBuffer()) },
  ];
}
