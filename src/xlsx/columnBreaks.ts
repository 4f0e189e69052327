/**
 * Manual column breaks (a page across starts at a column: So sánh, issue 16 §3), which ExcelJS
 * neither writes nor keeps when it reads a file: the light writer writes them itself, and files
 * written by ExcelJS get them put in afterwards.
 */
import { readZipParts, zipParts } from "./zip";
import { elements, startTags } from "./xmlText";

/** <colBreaks> for the columns that start a page (1-based): a break's id is the last column of the page before it. */
export function columnBreaksXml(breaks: readonly number[]): string {
  if (breaks.length === 0) return "";
  return `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((column) => `<brk id="${column - 1}" max="1048575" man="1"/>`).join("")}</colBreaks>`;
}

/** Columns that start a printed page after a manual break in a worksheet's XML (1-based). */
export function manualColumnBreaks(worksheetXml: string): number[] {
  const breaks = elements(worksheetXml, "colBreaks").next().value?.content ?? "";
  return startTags(breaks, "brk").flatMap((a) => (/^\d{1,5}$/.test(a.get("id") ?? "") ? [Number(a.get("id")) + 1] : []));
}

/** The elements a worksheet may hold just before <colBreaks>, in their order (CT_Worksheet). */
const BEFORE_COLUMN_BREAKS = /<(printOptions|pageMargins|pageSetup|headerFooter|rowBreaks)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;

/**
 * An .xlsx written by ExcelJS with column breaks put into its worksheets, by part name
 * ("xl/worksheets/sheet2.xml": ExcelJS names a sheet's part by its id); the file as it was when
 * there are none.
 */
export function withColumnBreaks(xlsx: Uint8Array, breaks: ReadonlyMap<string, readonly number[]>): Uint8Array {
  const wanted = [...breaks].filter(([, columns]) => columns.length > 0);
  if (wanted.length === 0) return xlsx;
  const parts = readZipParts(xlsx, () => true);
  for (const [name, columns] of wanted) {
    const part = parts.get(name);
    if (part === undefined) throw new Error(`no part ${name}`);
    const xml = new TextDecoder("utf-8").decode(part);
    // After the last page element: ExcelJS always writes the page margins and setup.
    const at = [...xml.matchAll(BEFORE_COLUMN_BREAKS)].reduce((end, m) => Math.max(end, (m.index ?? 0) + m[0].length), -1);
    if (at < 0) throw new Error(`no page setup in ${name}`);
    parts.set(name, new TextEncoder().encode(xml.slice(0, at) + columnBreaksXml(columns) + xml.slice(at)));
  }
  return zipParts([...parts].map(([name, data]) => ({ name, data })));
}
