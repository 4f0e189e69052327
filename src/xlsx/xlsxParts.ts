import { inflateRawSync } from "node:zlib";
import type { PartText } from "./sheetCells";
import { isXmlPart, xlsxFromParts, type XlsxWorkbook } from "./xlsxPackage";
import { readZipParts, type WholeInflater } from "./zip";

/**
 * The narrow .xlsx reader for the CLI: the pane's (openXlsxPortable) with the parts decoded by
 * Buffer, faster than TextDecoder for the latin1 scan, and inflated by node's zlib.
 */
export type { DefinedName, TablePart, XlsxWorkbook } from "./xlsxPackage";

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

export const BUFFER_TEXT: PartText = {
  latin1: (bytes) => asBuffer(bytes).toString("latin1"),
  utf8: (bytes, start, end) => asBuffer(bytes).toString("utf8", start, end),
  bytes: (latin1) => Buffer.from(latin1, "latin1"),
};

/**
 * node's zlib inflates a part in a third of fflate's time: a unit file `chitieu assign` writes is
 * 1.4 MB of XML (every part is inflated, as the zip guard requires), 3 ms a file. It stops past
 * `maxOutputLength` with a RangeError, as the guard expects of a part longer than declared.
 */
const zlibInflate: WholeInflater = (body, declared) => {
  const out = inflateRawSync(body, { maxOutputLength: declared + 1 });
  if (out.length > declared) throw new RangeError("longer than declared");
  return out;
};

export function openXlsx(data: Uint8Array): XlsxWorkbook {
  return xlsxFromParts(readZipParts(data, isXmlPart, zlibInflate), BUFFER_TEXT);
}
