/**
 * A part given in chunks (a register's roadmap, rendered a megabyte at a time) is zipped whole:
 * the zip layer's reader and node's zlib (over the central directory) read back the parts given.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { readZipParts } from "../../src/xlsx/zip";
import { zipChunks } from "../../src/xlsx/zip";
import { zlibDeflater } from "../../src/cli/zlibDeflate";

const text = (s: string) => new TextEncoder().encode(s);
const joined = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks.map((c) => Buffer.from(c)));

test.each([
  ["fflate", undefined],
  ["node's zlib, chunk by chunk (the CLI's)", zlibDeflater],
])("parts in chunks deflated by %s come back whole, in order, from both readers", (_, deflater) => {
  const rows = Array.from({ length: 40 }, (_, i) => text(Array.from({ length: 500 }, (_, r) => `<row r="${i * 500 + r + 1}"><c><v>${(r * 7919) % 1000}</v></c></row>`).join("")));
  const parts = [
    { name: "[Content_Types].xml", chunks: [text("<Types/>")] },
    { name: "xl/worksheets/sheet1.xml", chunks: [text("<worksheet><sheetData>"), ...rows, text("</sheetData></worksheet>")] },
    { name: "xl/empty.xml", chunks: [] },
  ];
  const zip = zipChunks(parts, deflater);
  const read = readZipParts(zip, () => true);
  expect([...read.keys()]).toEqual(parts.map((p) => p.name));
  for (const part of parts) expect(Buffer.from(read.get(part.name) as Uint8Array).equals(joined(part.chunks))).toBe(true);

  // node's zlib, from the central directory's sizes and offsets: method 8, the body inflates to the part.
  const b = Buffer.from(zip);
  const central = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  const [method, packed, local] = [b.readUInt16LE(central + 10), b.readUInt32LE(central + 20), b.readUInt32LE(central + 42)];
  const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
  expect(method).toBe(8);
  expect(inflateRawSync(b.subarray(start, start + packed)).toString()).toBe("<Types/>");
  expect(zip.length).toBeLessThan(joined(parts[1].chunks).length / 4);
  // The CRC-32 each entry declares is zlib's of the whole part.
  expect(b.readUInt32LE(central + 16)).toBe(crc32(joined(parts[0].chunks)));
  const second = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), central + 46);
  expect(b.readUInt32LE(second + 16)).toBe(crc32(joined(parts[1].chunks)));
});
