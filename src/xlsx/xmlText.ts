/**
 * The little XML the .xlsx reader needs: entity decoding, a start tag's attributes, the text of
 * <t> elements. Parts are read with regular expressions, not a DOM: the reader only looks at a
 * handful of elements whose shape the Open XML standard fixes.
 */

const NAMED_ENTITIES: readonly (readonly [string, string])[] = [["quot;", '"'], ["amp;", "&"], ["lt;", "<"], ["gt;", ">"], ["apos;", "'"]];
const NUMERIC_ENTITY = /#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));/y;

/** The entity at `at` (an "&") decoded, with its length; undefined when it is not one. */
function entityAt(s: string, at: number): { text: string; length: number } | undefined {
  for (const [name, text] of NAMED_ENTITIES) if (s.startsWith(name, at + 1)) return { text, length: name.length + 1 };
  NUMERIC_ENTITY.lastIndex = at + 1;
  const m = NUMERIC_ENTITY.exec(s);
  const point = m === null ? NaN : m[1] === undefined ? Number(m[2]) : parseInt(m[1], 16);
  return m !== null && point <= 0x10ffff ? { text: String.fromCodePoint(point), length: m[0].length + 1 } : undefined;
}

/** XML text with its entities decoded, named and numeric (&#233; &#xE9;), in one pass: "&amp;lt;" is "&lt;". */
export function xmlUnescape(s: string): string {
  let at = s.indexOf("&");
  if (at < 0) return s;
  let out = "";
  let copied = 0;
  while (at >= 0) {
    const entity = entityAt(s, at);
    if (entity === undefined) at = s.indexOf("&", at + 1);
    else {
      out += s.slice(copied, at) + entity.text;
      copied = at + entity.length;
      at = s.indexOf("&", copied);
    }
  }
  return out + s.slice(copied);
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
