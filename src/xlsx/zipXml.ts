/**
 * Raw parts of an .xlsx file on disk: for what the reader does not interpret, such as a sheet's
 * manual page breaks, and for tests that pin the file's structure.
 */
import * as fs from "node:fs";
import { openXlsx } from "./xlsxParts";
import { readZipParts } from "./zip";
import { elements, startTags } from "./xmlText";

export { xmlUnescape } from "./xmlText";

/** One entry of a zip (.xlsx), inflated as text. */
export function readZipEntry(zipPath: string, entryName: string): string {
  const part = readZipParts(fs.readFileSync(zipPath), (name) => name === entryName).get(entryName);
  if (part === undefined) throw new Error(`${zipPath}: no entry ${entryName}`);
  return new TextDecoder("utf-8").decode(part);
}

/** XML of the worksheet with this (tab) name, found through workbook.xml and its rels. */
export function sheetXml(xlsxPath: string, sheetName: string): string {
  const xml = openXlsx(fs.readFileSync(xlsxPath)).sheetXml(sheetName);
  if (xml === undefined) throw new Error(`${xlsxPath}: no sheet "${sheetName}"`);
  return xml;
}

/** Rows that start a printed page after a manual break in a worksheet's XML (1-based). */
export function manualPageBreaks(worksheetXml: string): number[] {
  const breaks = elements(worksheetXml, "rowBreaks").next().value?.content ?? "";
  // A break's id is the last row of the page before it.
  return startTags(breaks, "brk").flatMap((a) => (/^\d{1,7}$/.test(a.get("id") ?? "") ? [Number(a.get("id")) + 1] : []));
}
