/**
 * What XML 1.0 cannot hold, taken out of text on its way into a written part: C0 controls other
 * than tab, line feed and carriage return, U+FFFE and U+FFFF, and halves of surrogate pairs. Text
 * read from a file can carry them (a _xFFFF_ or &#xFFFE; decodes to one); written as they are, they
 * make the part ill-formed, so Excel repairs the file and LibreOffice drops every string after it.
 */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const xmlSafeText = (text: string): string => text.replace(XML_FORBIDDEN, "");

/** A copy of plain data (a workbook layout) with every string made XML-safe; the same object when nothing changes. */
export function xmlSafeData<T>(value: T): T {
  if (typeof value === "string") return xmlSafeText(value) as T;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => xmlSafeData(item));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, xmlSafeData(item)] as const);
    return (entries.some(([key, item]) => item !== (value as Record<string, unknown>)[key]) ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/**
 * Cell text as Excel reads it back: "_x0041_" in a string is Excel's escape for "A" (ExcelJS and
 * the reader decode it too), so a literal one is written with its "_" escaped, _x005F_x0041_, as
 * Excel itself writes it.
 */
export const excelCellText = (text: string): string => (text.includes("_x") ? text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_") : text);
