/**
 * The little XML the scans of the big parts (worksheets, shared strings) need: entity decoding, a
 * start tag's attributes, elements by name, the text of <t> elements. These parts are read with
 * plain scans, not a parser (the small parts are: xmlPart.ts): the reader only looks at a handful
 * of elements whose shape the Open XML standard fixes. Every scan here moves
 * forward with indexOf and stops at the first element that is never closed, so reading is linear
 * in the part whatever it holds (a lazy regular expression looking for a closing tag that never
 * comes is quadratic: 400,000 unclosed <si> took minutes).
 */
import { SaidError } from "../domain/messages/localize";
import { xmlMsg } from "../domain/messages/xml";

/** Thrown for XML that Excel would refuse (or have to repair): the file is refused with its message. */
export class MalformedXml extends SaidError {}

const unclosed = (name: string) => new MalformedXml(xmlMsg.unclosed.of(name));

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

const isSpace = (ch: string | undefined) => ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
const isNameChar = (ch: string | undefined) => ch !== undefined && /[\w:.-]/.test(ch);

/** A start tag's attributes by name (with any namespace prefix), their values decoded. */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  let at = 0;
  for (let eq = tag.indexOf("="); eq >= 0; eq = tag.indexOf("=", at)) {
    let nameEnd = eq;
    while (nameEnd > at && isSpace(tag[nameEnd - 1])) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > at && isNameChar(tag[nameStart - 1])) nameStart--;
    let open = eq + 1;
    while (isSpace(tag[open])) open++;
    const quote = tag[open];
    if (quote !== '"' && quote !== "'") {
      at = eq + 1;
      continue;
    }
    const close = tag.indexOf(quote, open + 1);
    if (close < 0) break;
    if (nameStart < nameEnd) found.set(tag.slice(nameStart, nameEnd), xmlUnescape(tag.slice(open + 1, close)));
    at = close + 1;
  }
  return found;
}

/** Whether the "<" at `at` starts an element `name` (not one whose name only begins so: <sheets> is not <sheet>). */
export const startsElement = (xml: string, at: number, name: string): boolean =>
  xml.startsWith(name, at + 1) && (isSpace(xml[at + 1 + name.length]) || xml[at + 1 + name.length] === "/" || xml[at + 1 + name.length] === ">");

/** An element found by elements(): its start tag's attribute text and its content ("" when empty, <x/>). */
export interface XmlElement {
  readonly attrs: string;
  readonly content: string;
}

/**
 * The elements `name` of a part, in order (not nested in one another, as the parts read here
 * hold them). An element never closed makes the part damaged: MalformedXml.
 */
export function* elements(xml: string, name: string, withContent = true): Generator<XmlElement> {
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let at = xml.indexOf(open); at >= 0; ) {
    if (!startsElement(xml, at, name)) {
      at = xml.indexOf(open, at + 1);
      continue;
    }
    const end = xml.indexOf(">", at);
    if (end < 0) throw unclosed(name);
    if (xml[end - 1] === "/" || !withContent) {
      yield { attrs: xml.slice(at + open.length, xml[end - 1] === "/" ? end - 1 : end), content: "" };
      at = xml.indexOf(open, end + 1);
      continue;
    }
    const closeAt = xml.indexOf(close, end + 1);
    if (closeAt < 0) throw unclosed(name);
    yield { attrs: xml.slice(at + open.length, end), content: xml.slice(end + 1, closeAt) };
    at = xml.indexOf(open, closeAt + close.length);
  }
}

/** Start tags `name` of a part: their attributes, decoded. */
export const startTags = (xml: string, name: string): Map<string, string>[] => [...elements(xml, name, false)].map((e) => attributes(e.attrs));

/** The text of a string item (<si>, <is>): its <t> elements, plain or in rich-text runs; phonetic runs (<rPh>) are not part of the value. */
export function runsText(xml: string): string {
  let text = "";
  for (let at = xml.indexOf("<"); at >= 0; ) {
    if (startsElement(xml, at, "rPh")) {
      const close = xml.indexOf("</rPh>", at);
      if (close < 0) throw unclosed("rPh");
      at = xml.indexOf("<", close + 1);
    } else if (startsElement(xml, at, "t")) {
      const end = xml.indexOf(">", at);
      if (end < 0) throw unclosed("t");
      if (xml[end - 1] === "/") {
        at = xml.indexOf("<", end);
        continue;
      }
      const close = xml.indexOf("</t>", end);
      if (close < 0) throw unclosed("t");
      text += xml.slice(end + 1, close);
      at = xml.indexOf("<", close + 1);
    } else at = xml.indexOf("<", at + 1);
  }
  return cellText(text);
}
