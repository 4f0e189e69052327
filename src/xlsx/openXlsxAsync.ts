import { TEXT_DECODER } from "./sheetCells";
import { isXmlPart, xlsxFromParts, type XlsxWorkbook } from "./xlsxPackage";
import { readZipPartsAsync } from "./zipStream";

/**
 * The narrow .xlsx reader for the task pane: the same walk, bounds and parsing as the CLI's
 * openXlsx, with DecompressionStream and TextDecoder instead of node's zlib and Buffer.
 */
export async function openXlsxAsync(data: Uint8Array): Promise<XlsxWorkbook> {
  return xlsxFromParts(await readZipPartsAsync(data, isXmlPart), TEXT_DECODER);
}
