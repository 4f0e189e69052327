// A small element tree over fast-xml-parser's order-preserving output, so manifest checks can
// see element order and walk children without caring about the parser's shape.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  /** Concatenated direct text content, trimmed. */
  text: string;
  descendants(): Element[];
}

type OrderedNode = Record<string, unknown>;

const ATTRS = ":@";

function toElement(node: OrderedNode): Element | undefined {
  const name = Object.keys(node).find((key) => key !== ATTRS);
  if (!name || name.startsWith("#") || name.startsWith("?")) return undefined;
  const content = node[name] as OrderedNode[];
  const children: Element[] = [];
  let text = "";
  for (const item of content) {
    if ("#text" in item) text += String(item["#text"]);
    else {
      const el = toElement(item);
      if (el) children.push(el);
    }
  }
  const attrs = (node[ATTRS] ?? {}) as Record<string, string>;
  return {
    name,
    attrs,
    children,
    text: text.trim(),
    descendants() {
      return children.flatMap((c) => [c, ...c.descendants()]);
    },
  };
}

/** Parses a manifest and returns its root element; throws with line and column if it is not well-formed. */
export function readManifest(xml: string): Element {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new Error(`manifest is not well-formed XML (line ${line}, column ${col}): ${msg}`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    ignoreDeclaration: true,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = nodes.map(toElement).filter((el): el is Element => el !== undefined);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}
