import { defineMessages, message } from "../domain/localize";
import { parseSheet, sharedStrings, TEXT_DECODER, type PartText, type SheetCells } from "./sheetCells";
import { canonicalXml } from "./xmlCanonical";
import { readZipParts } from "./zip";
import { attributes, elements, startTags, xmlUnescape } from "./xmlText";

/**
 * A narrow .xlsx reader, for reading workbooks back (CLI `read`, `consolidate`, the pane's
 * Tổng hợp): sheet names, defined names, tables and cells, without ExcelJS and without any Node
 * API. It works on the package's inflated parts (zip.ts); the CLI decodes them with Buffer
 * (xlsxParts.ts), the pane with TextDecoder (openXlsxPortable); each worksheet is parsed when
 * first asked for.
 */

export interface DefinedName {
  readonly name: string;
  /** Index in `sheetNames` of the sheet the name is local to; null for a workbook name. */
  readonly localSheetId: number | null;
  /** What the name refers to, e.g. 'Chỉ tiêu'!$C$3. */
  readonly refersTo: string;
}

export interface TablePart {
  /** Its name as formulas and Office.js use it (displayName). */
  readonly name: string;
  readonly ref: string;
  readonly sheet: string;
}

export interface XlsxWorkbook {
  /** Worksheet names in tab order. */
  readonly sheetNames: readonly string[];
  readonly definedNames: readonly DefinedName[];
  /** Every worksheet's tables, in tab order. */
  readonly tables: readonly TablePart[];
  /** A worksheet's cells; undefined when there is no worksheet of that name. */
  cells(sheet: string): SheetCells | undefined;
  /** A worksheet's XML, for checks of what the reader does not interpret (page breaks). */
  sheetXml(sheet: string): string | undefined;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

export const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** Where a relationship's target lives: relative to the source part's folder, or from the root. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** Relationships of a part, by Id, with targets resolved to part names. */
function relationships(parts: ReadonlyMap<string, Uint8Array>, codec: PartText, source: string): Map<string, Relationship> {
  const slash = source.lastIndexOf("/");
  const relsName = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  const rels = parts.get(relsName);
  const xml = rels === undefined ? "" : canonicalXml(codec.utf8(rels));
  const found = new Map<string, Relationship>();
  for (const a of startTags(xml, "Relationship")) {
    const id = a.get("Id");
    const target = a.get("Target");
    if (id === undefined || target === undefined || a.get("TargetMode") === "External") continue;
    found.set(id, { type: a.get("Type") ?? "", target: resolveTarget(source, target) });
  }
  return found;
}

const ofType = (rels: ReadonlyMap<string, Relationship>, type: string) => [...rels.values()].filter((r) => r.type.endsWith(`/${type}`));

/** The workbook part: named by the package's officeDocument relationship, xl/workbook.xml by default. */
function workbookPart(parts: ReadonlyMap<string, Uint8Array>, codec: PartText): string {
  const root = relationships(parts, codec, "");
  return ofType(root, "officeDocument")[0]?.target ?? "xl/workbook.xml";
}

const packageMsg = defineMessages("xlsxPackage", {
  missingPart: message(
    (part: string) => `thiếu phần ${part}`,
    (part) => `the part ${part} is missing`,
    ["xl/workbook.xml"],
  ),
});

const missing = (part: string) => new Error(packageMsg.missingPart(part));

/** The workbook of an .xlsx package's XML parts (those isXmlPart accepts), inflated. */
export function xlsxFromParts(parts: ReadonlyMap<string, Uint8Array>, codec: PartText): XlsxWorkbook {
  const decoded = new Map<string, string | undefined>();
  const text = (name: string) => {
    if (!decoded.has(name)) {
      const part = parts.get(name);
      decoded.set(name, part === undefined ? undefined : canonicalXml(codec.utf8(part)));
    }
    return decoded.get(name);
  };
  const bookName = workbookPart(parts, codec);
  const book = text(bookName);
  if (book === undefined) throw missing(bookName);
  const bookRels = relationships(parts, codec, bookName);

  const sheets = startTags(book, "sheet").map((a) => {
    const rid = [...a].find(([key]) => key === "id" || key.endsWith(":id"))?.[1];
    const rel = rid === undefined ? undefined : bookRels.get(rid);
    return { name: a.get("name") ?? "", part: rel?.type.endsWith("/worksheet") ? rel.target : undefined };
  });
  const definedNames = Array.from(elements(book, "definedName"), (m): DefinedName => {
    const a = attributes(m.attrs);
    const local = a.get("localSheetId");
    return { name: a.get("name") ?? "", localSheetId: local === undefined ? null : Number(local), refersTo: xmlUnescape(m.content) };
  });
  const tables = sheets.flatMap((sheet) =>
    sheet.part === undefined
      ? []
      : ofType(relationships(parts, codec, sheet.part), "table").flatMap((rel): TablePart[] => {
          const a = startTags(text(rel.target) ?? "", "table")[0];
          if (a === undefined) return [];
          return [{ name: a.get("displayName") ?? a.get("name") ?? "", ref: a.get("ref") ?? "", sheet: sheet.name }];
        }),
  );

  let strings: string[] | undefined;
  const parsed = new Map<string, SheetCells>();
  const sheetXml = (name: string) => {
    const part = sheets.find((s) => s.name === name)?.part;
    return part === undefined ? undefined : text(part);
  };
  return {
    sheetNames: sheets.map((s) => s.name),
    definedNames,
    tables,
    sheetXml,
    cells(name) {
      const done = parsed.get(name);
      if (done) return done;
      const part = sheets.find((s) => s.name === name)?.part;
      const xml = part === undefined ? undefined : parts.get(part);
      if (xml === undefined) return undefined;
      strings ??= sharedStrings(ofType(bookRels, "sharedStrings").map((r) => text(r.target)).find((x) => x !== undefined) ?? "");
      const cells = parseSheet(xml, strings, codec, name);
      parsed.set(name, cells);
      return cells;
    },
  };
}

/** The narrow reader with TextDecoder, for the task pane (the CLI's openXlsx decodes with Buffer). */
export function openXlsxPortable(data: Uint8Array): XlsxWorkbook {
  return xlsxFromParts(readZipParts(data, isXmlPart), TEXT_DECODER);
}
