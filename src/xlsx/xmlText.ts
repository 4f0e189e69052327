/**
 * The little XML the .xlsx reader needs: entity decoding, a start tag's attributes, the text of
 * <t> elements. Parts are read with regular expressions, not a DOM: the reader only looks at a
 * handful of elements whose shape the Open XML standard fixes.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

/** XML text with its entities decoded, named and numeric (&#233; &#xE9;), in one pass. */
export function xmlUnescape(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (whole, entity: string) => {
    if (entity[0] !== "#") return NAMED_ENTITIES[entity];
    const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Cell text as Excel shows it: besides XML entities, characters XML cannot hold are written
 * _xHHHH_ (a carriage return is _x000D_), and a literal "_x" that looks like one as _x005F_x….
 */
export function cellText(s: string): string {
  const text = xmlUnescape(s);
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A start tag's attributes by name (with any namespace prefix), their values decoded. */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1], xmlUnescape(m[2] ?? m[3]));
  return found;
}

/** The text of a string item (<si>, <is>): its <t> elements, plain or in rich-text runs; phonetic runs (<rPh>) are not part of the value. */
export function runsText(xml: string): string {
  const body = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let text = "";
  for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += m[1] ?? "";
  return cellText(text);
}
