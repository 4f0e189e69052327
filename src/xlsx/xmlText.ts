/**
 * The little XML the .xlsx reader needs: entity decoding, a start tag's attributes, the text of
 * <t> elements. Parts are read with regular expressions, not a DOM: the reader only looks at a
 * handful of elements whose shape the Open XML standard fixes.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };
/** Every entity in one native pass (a formula holds dozens of &quot;): a loop over "&" in JS was the reader's hottest spot. */
const ENTITY = /&(?:(quot|amp|lt|gt|apos)|#x([0-9a-fA-F]{1,6})|#([0-9]{1,7}));/g;

function entity(match: string, name: string | undefined, hex: string | undefined, decimal: string | undefined): string {
  if (name !== undefined) return NAMED_ENTITIES[name];
  const point = hex === undefined ? Number(decimal) : parseInt(hex, 16);
  return point <= 0x10ffff ? String.fromCodePoint(point) : match;
}

/** XML text with its entities decoded, named and numeric (&#233; &#xE9;), in one pass: "&amp;lt;" is "&lt;". */
export function xmlUnescape(s: string): string {
  return s.includes("&") ? s.replace(ENTITY, entity) : s;
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
