/**
 * The zip layer's writer: every part comes back from an independent reader (node's zlib over the
 * central directory, checking each entry's CRC-32) and from ours, and a part shared by several files (the
 * same bytes object, as `assign` passes a sheet rendered once) is compressed once yet written
 * into each file whole.
 */
import * as fflate from "fflate";
import { crc32, inflateRawSync } from "node:zlib";
import { readZipParts, zipParts, type ZipPart } from "../../src/xlsx/zip";

jest.mock("fflate", () => {
  const actual = jest.requireActual<typeof import("fflate")>("fflate");
  return { ...actual, gzipSync: jest.fn(actual.gzipSync) };
});

const text = (s: string) => new TextEncoder().encode(s);

const partsOf = (zip: Uint8Array) => readZipParts(zip, () => true);

/** Each entry as node's zlib reads it from the central directory: name, CRC-32, bytes (stored or inflated). */
function independently(zip: Uint8Array): { name: string; crc: number; data: Buffer }[] {
  const b = Buffer.from(zip);
  const entries = [];
  for (let at = b.indexOf(CENTRAL); at >= 0; at = b.indexOf(CENTRAL, at + 46)) {
    const [crc, packed, nameLength, local] = [b.readUInt32LE(at + 16), b.readUInt32LE(at + 20), b.readUInt16LE(at + 28), b.readUInt32LE(at + 42)];
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const body = b.subarray(start, start + packed);
    entries.push({ name: b.subarray(at + 46, at + 46 + nameLength).toString(), crc, data: b.readUInt16LE(at + 10) === 0 ? body : inflateRawSync(body) });
  }
  return entries;
}
const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

const rows = (n: number, tag: string) => text(Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c><v>${tag}${(i * 7919) % 1000}</v></c></row>`).join(""));

/** Every entry's CRC-32 is zlib's of its inflated bytes, and the bytes are the parts given. */
function expectIntact(zip: Uint8Array, parts: readonly ZipPart[]): void {
  const entries = independently(zip);
  expect(entries.map((e) => e.name)).toEqual(parts.map((p) => p.name));
  for (const [i, e] of entries.entries()) {
    expect(e.crc).toBe(crc32(e.data));
    expect(e.data.equals(Buffer.from(parts[i].data))).toBe(true);
  }
}

test("a zip of several parts, one empty and one with a Vietnamese name, is intact for zlib and reads back", () => {
  const parts: ZipPart[] = [
    { name: "[Content_Types].xml", data: text("<Types/>") },
    { name: "xl/worksheets/sheet1.xml", data: rows(20_000, "a") },
    { name: "xl/empty.xml", data: new Uint8Array(0) },
    { name: "xl/Chỉ tiêu.xml", data: text("Tổng của tỉnh: 2.100/2.000 = 105,00 %") },
  ];
  const zip = zipParts(parts);
  expectIntact(zip, parts);
  const back = partsOf(zip);
  expect([...back.keys()]).toEqual(parts.map((p) => p.name));
  for (const p of parts) expect(Buffer.from(back.get(p.name)!).equals(Buffer.from(p.data))).toBe(true);
});

test("a part shared by two files is written whole into each, with its own CRC, beside parts that differ", () => {
  const shared = rows(5_000, "shared");
  const compress = jest.mocked(fflate.gzipSync);
  compress.mockClear();
  const first = zipParts([{ name: "xl/shared.xml", data: shared }, { name: "xl/own.xml", data: rows(100, "one") }]);
  const second = zipParts([{ name: "xl/own.xml", data: rows(100, "two") }, { name: "xl/shared.xml", data: shared }]);
  for (const zip of [first, second]) {
    const back = partsOf(zip);
    expect(Buffer.from(back.get("xl/shared.xml")!).equals(Buffer.from(shared))).toBe(true);
  }
  expect(Buffer.from(partsOf(second).get("xl/own.xml")!).toString()).toContain("two");
  // Compressed once for both files (and once for each file's own part).
  expect(compress).toHaveBeenCalledTimes(3);
  // Read without our reader: the shared part's CRC and body are right in both files.
  for (const zip of [first, second]) {
    const entry = independently(zip).find((e) => e.name === "xl/shared.xml")!;
    expect(entry.crc).toBe(crc32(shared));
    expect(entry.data.equals(Buffer.from(shared))).toBe(true);
  }
});

test("a stored zip (the units' files in one download) is intact for zlib", () => {
  const parts = [{ name: "a.xlsx", data: rows(50, "x") }];
  const zip = zipParts(parts, "store");
  expectIntact(zip, parts);
  expect(Buffer.from(zip).readUInt16LE(Buffer.from(zip).indexOf(CENTRAL) + 10)).toBe(0);
});
