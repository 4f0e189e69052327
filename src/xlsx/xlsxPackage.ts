import { SaidError } from "../domain/messages/localize";
import { packageMsg } from "../domain/messages/xlsxPackage";
import { parseSheet, sharedStrings, TEXT_DECODER, type PartText, type SheetCells } from "./sheetCells";
import { canonicalXml } from "./xmlCanonical";
import { readZipParts } from "./zip";
import { readXmlPart } from "./xmlPart";
import { MalformedXml } from "./xmlText";

/**
 * A narrow .xlsx reader, for reading workbooks back (CLI `read`, `consolidate`, the pane's
 * Tổng hợp): sheet names, defined names, tables and cells, without ExcelJS and without any Node
 * API. It works on the package's inflated parts (zip.ts); the CLI decodes them with Buffer
 * (xlsxParts.ts), the pane with TextDecoder (openXlsxPortable). The workbook, relationships and
 * tables are read by an XML parser (xmlPart.ts); each worksheet is scanned when first asked for.
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

/**
 * Where a relationship's target lives: relative to the source part's folder, or from the root;
 * undefined when it is no part of the package (a URI with a scheme, a path climbing above the root).
 */
function resolveTarget(source: string, target: string): string | undefined {
  if (/^[a-z][\w+.-]*:|\\/i.test(target)) return undefined;
  const parts = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") {
      if (parts.pop() === undefined) return undefined;
    } else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** Relationships of a part, by Id, with targets resolved to part names. */
function relationships(parts: ReadonlyMap<string, Uint8Array>, codec: PartText, source: string): Map<string, Relationship> {
  const slash = source.lastIndexOf("/");
  const relsName = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  const rels = parts.get(relsName);
  const found = new Map<string, Relationship>();
  if (rels === undefined) return found;
  readXmlPart(codec.utf8(rels), relsName, {
    "Relationships/Relationship": (r) => {
      const id = r.attribute("Id");
      const target = r.attribute("Target");
      if (id === undefined || target === undefined || r.attribute("TargetMode") === "External") return;
      const part = resolveTarget(source, target);
      if (part === undefined) throw new MalformedXml(packageMsg.outside.of(relsName, target.slice(0, 80)));
      found.set(id, { type: r.attribute("Type") ?? "", target: part });
    },
  });
  return found;
}

const ofType = (rels: ReadonlyMap<string, Relationship>, type: string) => [...rels.values()].filter((r) => r.type.endsWith(`/${type}`));

/** The workbook part: named by the package's officeDocument relationship, xl/workbook.xml by default. */
function workbookPart(parts: ReadonlyMap<string, Uint8Array>, codec: PartText): string {
  const root = relationships(parts, codec, "");
  return ofType(root, "officeDocument")[0]?.target ?? "xl/workbook.xml";
}

const missing = (part: string) => new SaidError(packageMsg.missingPart.of(part));

/** The sheets (name and part), defined names of a workbook part. */
function readBook(xml: string, part: string, rels: ReadonlyMap<string, Relationship>) {
  const sheets: { name: string; part: string | undefined }[] = [];
  const definedNames: DefinedName[] = [];
  readXmlPart(xml, part, {
    "workbook/sheets/sheet": (sheet) => {
      const id = sheet.relationshipId();
      const rel = id === undefined ? undefined : rels.get(id);
      sheets.push({ name: sheet.attribute("name") ?? "", part: rel?.type.endsWith("/worksheet") ? rel.target : undefined });
    },
    "workbook/definedNames/definedName": (name) => {
      const local = name.attribute("localSheetId");
      definedNames.push({ name: name.attribute("name") ?? "", localSheetId: local === undefined ? null : Number(local), refersTo: name.text });
    },
  });
  return { sheets, definedNames };
}

/** A table part's name and range (undefined for a part that holds no table). */
function readTable(xml: string, part: string): { name: string; ref: string } | undefined {
  let table: { name: string; ref: string } | undefined;
  readXmlPart(xml, part, {
    table: (t) => {
      table = { name: t.attribute("displayName") ?? t.attribute("name") ?? "", ref: t.attribute("ref") ?? "" };
    },
  });
  return table;
}

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
  const bookPart = parts.get(bookName);
  if (bookPart === undefined) throw missing(bookName);
  const bookRels = relationships(parts, codec, bookName);
  const { sheets, definedNames } = readBook(codec.utf8(bookPart), bookName, bookRels);
  const tables = sheets.flatMap((sheet) =>
    sheet.part === undefined
      ? []
      : ofType(relationships(parts, codec, sheet.part), "table").flatMap((rel): TablePart[] => {
          const part = parts.get(rel.target);
          const table = part === undefined ? undefined : readTable(codec.utf8(part), rel.target);
          return table === undefined ? [] : [{ ...table, sheet: sheet.name }];
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
