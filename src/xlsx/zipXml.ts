/**
 * Raw parts of an .xlsx (a zip), read with node's zlib: for what ExcelJS reads but drops, such as
 * a sheet's manual page breaks, and for tests that pin the file's structure.
 */
import * as fs from "node:fs";
import * as zlib from "node:zlib";

/** Read one entry of a zip (.xlsx) with node's zlib: no dependency on ExcelJS' internals. */
export function readZipEntry(zipPath: string, entryName: string): string {
  const buf = fs.readFileSync(zipPath);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${zipPath}: not a zip file`);
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16); // start of the central directory
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localHeader = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (name === entryName) {
      const dataStart = localHeader + 30 + buf.readUInt16LE(localHeader + 26) + buf.readUInt16LE(localHeader + 28);
      const data = buf.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return data.toString("utf8");
      if (method === 8) return zlib.inflateRawSync(data).toString("utf8");
      throw new Error(`${zipPath}!${entryName}: unsupported compression method ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${zipPath}: no entry ${entryName}`);
}

export function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** XML of the worksheet with this (tab) name, found through workbook.xml and its rels. */
export function sheetXml(xlsxPath: string, sheetName: string): string {
  const workbook = readZipEntry(xlsxPath, "xl/workbook.xml");
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => xmlUnescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? "") === sheetName);
  const rid = sheet === undefined ? undefined : /\br:id="([^"]*)"/.exec(sheet)?.[1];
  if (rid === undefined) throw new Error(`${xlsxPath}: no sheet "${sheetName}"`);
  const rels = readZipEntry(xlsxPath, "xl/_rels/workbook.xml.rels");
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`Id="${rid}"`));
  const target = rel === undefined ? undefined : /\bTarget="([^"]*)"/.exec(rel)?.[1];
  if (target === undefined) throw new Error(`${xlsxPath}: no relationship ${rid}`);
  return readZipEntry(xlsxPath, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

/** Rows that start a printed page after a manual break in a sheet (1-based). */
export function manualPageBreaks(xlsxPath: string, sheetName: string): number[] {
  const breaks = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(sheetXml(xlsxPath, sheetName))?.[1] ?? "";
  // A break's id is the last row of the page before it.
  return [...breaks.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]) + 1);
}
