/**
 * The small parts of an .xlsx package (the workbook, relationships, tables) read by a real XML
 * parser, saxes, strict and namespace-aware: a part that is not well-formed XML is refused with its
 * name and where it breaks, as Excel refuses it; comments, processing instructions and CDATA are
 * what XML says they are; elements are known by their namespace, whatever their prefix (<x:sheet>).
 * The worksheets and the shared strings, which can be megabytes, stay with the fast scans of
 * sheetCells.ts.
 *
 * Bounds: saxes never expands an entity it was not given, and a document type declaration is
 * refused when it ends, before anything is read; nesting deeper than MAX_DEPTH is refused, so a
 * part of millions of open tags cannot fill memory with the parser's stack; only the text of the
 * elements asked for is kept.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import { xmlPartMsg } from "../domain/messages/xmlPart";
import { MalformedXml } from "./xmlText";

/** Namespaces of the elements read: SpreadsheetML (transitional, and Excel's "Strict Open XML"), package relationships. */
const NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  "http://schemas.openxmlformats.org/package/2006/relationships",
]);

/** The namespace of r:id, the attribute that points at a relationship. */
const RELATIONSHIP_ID = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);

/** Far deeper than any small part nests (the workbook's extension lists reach about 6). */
export const MAX_DEPTH = 64;

/** An element asked for, when it closes: its attributes and its text (CDATA included). */
export interface PartElement {
  /** An attribute without a prefix (name="…"), its entities decoded. */
  attribute(name: string): string | undefined;
  /** The relationship it points at (r:id), in whichever prefix the part gives that namespace. */
  relationshipId(): string | undefined;
  readonly text: string;
}

function elementOf(tag: SaxesTagNS, text: string): PartElement {
  const attributes = tag.attributes;
  return {
    // Keyed by the name as written: an unprefixed name is the attribute of no namespace.
    attribute: (name) => (Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name].value : undefined),
    relationshipId: () => Object.values(attributes).find((a) => a.local === "id" && RELATIONSHIP_ID.has(a.uri))?.value,
    text,
  };
}

/** The wanted paths as a tree, by local name: what the element at a path calls, and the paths below it. */
interface PathNode {
  visit?: (element: PartElement) => void;
  readonly below: Map<string, PathNode>;
}

function pathTree(wanted: Readonly<Record<string, (element: PartElement) => void>>): PathNode {
  const root: PathNode = { below: new Map() };
  for (const [path, visit] of Object.entries(wanted)) {
    let node = root;
    for (const name of path.split("/")) {
      let next = node.below.get(name);
      if (next === undefined) node.below.set(name, (next = { below: new Map() }));
      node = next;
    }
    node.visit = visit;
  }
  return root;
}

/**
 * Reads a small part, calling `wanted[path]` for each element at that path (local names from the
 * root, "workbook/sheets/sheet"), in document order. Elements of other namespaces (extensions,
 * markup compatibility) are never on a wanted path. A part that is not well-formed is refused
 * with MalformedXml naming it.
 */
export function readXmlPart(xml: string, part: string, wanted: Readonly<Record<string, (element: PartElement) => void>>): void {
  const tree = pathTree(wanted);
  const parser = new SaxesParser({ xmlns: true, position: false });
  /** Qualified names of the open elements (to name the one never closed). */
  const open: string[] = [];
  /** Where each open element is in the tree of wanted paths (undefined: on none). */
  const nodes: (PathNode | undefined)[] = [];
  /** The text of the wanted element open, if any. */
  let text: string[] | null = null;
  let textDepth = 0;

  parser.on("doctype", () => {
    throw new MalformedXml(xmlPartMsg.doctype.of(part));
  });
  parser.on("opentag", (tag) => {
    if (open.length >= MAX_DEPTH) throw new MalformedXml(xmlPartMsg.tooDeep.of(part, MAX_DEPTH));
    open.push(tag.name);
    const parent = nodes.length === 0 ? tree : nodes[nodes.length - 1];
    const node = parent !== undefined && NAMESPACES.has(tag.uri) ? parent.below.get(tag.local) : undefined;
    nodes.push(node);
    if (text === null && node?.visit !== undefined) {
      text = [];
      textDepth = open.length;
    }
  });
  const addText = (t: string) => text?.push(t);
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", (tag) => {
    const visit = nodes.pop()?.visit;
    if (visit !== undefined) {
      const own = text !== null && open.length === textDepth;
      visit(elementOf(tag, own && text !== null ? text.join("") : ""));
      if (own) text = null;
    }
    open.pop();
  });
  try {
    parser.write(xml);
    if (open.length > 0) throw new MalformedXml(xmlPartMsg.unclosed.of(part, open[open.length - 1]));
    parser.close();
  } catch (error) {
    if (error instanceof MalformedXml) throw error;
    throw new MalformedXml(xmlPartMsg.notXml.of(part, ...whereBroken(xml)));
  }
}

/**
 * Line and column (1-based) where a part stops being XML: the part parsed again, tracking
 * positions, which the first parse leaves off for speed.
 */
function whereBroken(xml: string): [number, number] {
  const parser = new SaxesParser({ xmlns: true });
  try {
    parser.write(xml).close();
  } catch {
    return [parser.line, parser.column + 1];
  }
  return [parser.line, parser.column + 1];
}
