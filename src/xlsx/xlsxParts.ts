import type { PartText } from "./sheetCells";
import { isXmlPart, xlsxFromParts, type XlsxWorkbook } from "./xlsxPackage";
import { readZipParts } from "./zip";

/**
 * The narrow .xlsx reader for the CLI: the pane's (openXlsxPortable) with the parts decoded by
 * Buffer, faster than TextDecoder for the latin1 scan.
 */
export type { DefinedName, TablePart, XlsxWorkbook } from "./xlsxPackage";

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

export const BUFFER_TEXT: PartText = {
  latin1: (bytes) => asBuffer(bytes).toString("latin1"),
  utf8: (bytes, start, end) => asBuffer(bytes).toString("utf8", start, end),
  bytes: (latin1) => Buffer.from(latin1, "latin1"),
};

export function openXlsx(data: Uint8Array): XlsxWorkbook {
  return xlsxFromParts(readZipParts(data, isXmlPart), BUFFER_TEXT);
}
