/**
 * A part's XML brought to the one shape the reader's scans know, as an XML parser (Excel's)
 * would see it: comments and processing instructions dropped (a cell inside a comment is not a
 * cell), CDATA sections turned into escaped text, and the prefix of elements in SpreadsheetML's
 * (or the package relationships') namespace removed, so <x:c> reads as <c>. A document type
 * declaration is refused: Excel does not open an .xlsx part that has one. One forward pass; a
 * part without any of these is returned as it is.
 */
import { MalformedXml } from "./xmlText";
import { xmlMsg } from "../domain/messages/xml";

/** Namespaces whose elements the reader looks for by their local name. */
const READ_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://schemas.openxmlformats.org/package/2006/relationships",
]);

const XMLNS_PREFIX = "xmlns:";
/** Longer than any prefix declaration or namespace name read here. */
const NEAR = 128;

/** Prefixes the part binds to the namespaces read (a linear scan of its xmlns: attributes). */
function readPrefixes(xml: string): Set<string> {
  const prefixes = new Set<string>();
  for (let at = xml.indexOf(XMLNS_PREFIX); at >= 0; at = xml.indexOf(XMLNS_PREFIX, at + 1)) {
    // Every search is bounded, so a part of many unfinished declarations is still read in one pass.
    const eq = xml.slice(at, at + NEAR).indexOf("=") + at;
    if (eq < at) continue;
    const prefix = xml.slice(at + XMLNS_PREFIX.length, eq).trim();
    if (!/^[\w.-]{1,64}$/.test(prefix)) continue;
    let open = eq + 1;
    while (xml[open] === " ") open++;
    const quote = xml[open];
    if (quote !== '"' && quote !== "'") continue;
    const close = xml.slice(open + 1, open + 1 + NEAR).indexOf(quote) + open + 1;
    if (close <= open) continue;
    if (READ_NAMESPACES.has(xml.slice(open + 1, close).trim())) prefixes.add(prefix);
  }
  return prefixes;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Whether the part needs canonicalXml at all: a quick check that keeps the common part untouched. */
function needsWork(xml: string, prefixes: ReadonlySet<string>): boolean {
  if (prefixes.size > 0 || xml.includes("<!")) return true;
  // The XML declaration is the one processing instruction every part has.
  const pi = xml.indexOf("<?");
  return pi >= 0 && (pi > 0 || xml.indexOf("<?", 1) >= 0);
}

export function canonicalXml(xml: string): string {
  const prefixes = readPrefixes(xml);
  if (!needsWork(xml, prefixes)) return xml;
  const out: string[] = [];
  let copied = 0;
  const skipTo = (at: number, from: number, closing: string, name: string): number => {
    const close = xml.indexOf(closing, from);
    if (close < 0) throw new MalformedXml(xmlMsg.unclosed.of(name));
    out.push(xml.slice(copied, at));
    copied = close + closing.length;
    return copied;
  };
  for (let at = xml.indexOf("<"); at >= 0; ) {
    if (xml.startsWith("<!--", at)) at = xml.indexOf("<", skipTo(at, at + 4, "-->", "!--"));
    else if (xml.startsWith("<?", at)) at = xml.indexOf("<", skipTo(at, at + 2, "?>", "?"));
    else if (xml.startsWith("<![CDATA[", at)) {
      const close = xml.indexOf("]]>", at + 9);
      if (close < 0) throw new MalformedXml(xmlMsg.unclosed.of("![CDATA["));
      out.push(xml.slice(copied, at), escapeText(xml.slice(at + 9, close)));
      copied = close + 3;
      at = xml.indexOf("<", copied);
    } else if (xml.startsWith("<!", at)) throw new MalformedXml(xmlMsg.declaration.of(xml.slice(at, at + 9)));
    else {
      const nameAt = xml[at + 1] === "/" ? at + 2 : at + 1;
      const colon = prefixes.size === 0 ? -1 : xml.slice(nameAt, nameAt + NEAR).indexOf(":") + nameAt;
      if (colon > nameAt && prefixes.has(xml.slice(nameAt, colon))) {
        out.push(xml.slice(copied, nameAt));
        copied = colon + 1;
      }
      at = xml.indexOf("<", at + 1);
    }
  }
  out.push(xml.slice(copied));
  return out.join("");
}
