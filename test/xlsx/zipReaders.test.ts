/**
 * The pane's reader (TextDecoder) against the CLI's (Buffer) on the same bytes: the same
 * summaries, the same reasons; the zip layer both share (fflate) against node's zlib, and its
 * bounds and messages.
 */
import { deflateRawSync } from "node:zlib";
import { presetOfTheYear, readUnitBytes } from "../../src/xlsx/unitSummary";
import { openXlsxPortable } from "../../src/xlsx/xlsxPackage";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { MAX_INFLATED_BYTES, readZipParts, ZipRefused } from "../../src/xlsx/zip";
import { consolidationFiles } from "../support/consolidationFiles";
import { buildZip, deflated, rawZip, type RawPart } from "../support/zipBuilder";

const MODIFIED = "2025-12-20T08:30:00.000Z";

test("each unit file gives the same summary or the same reason through both readers", async () => {
  const files = await consolidationFiles();
  for (const f of files) {
    const file = { name: f.name, bytes: f.bytes, modified: MODIFIED };
    const [node, browser] = await Promise.all([readUnitBytes(file, openXlsx, presetOfTheYear), readUnitBytes(file, openXlsxPortable, presetOfTheYear)]);
    expect(browser).toEqual(node);
  }
  // The set covers both outcomes: units read, and files rejected while reading.
  const outcomes = (await Promise.all(files.map((f) => readUnitBytes({ ...f, modified: MODIFIED }, openXlsxPortable, presetOfTheYear)))).flat();
  expect(outcomes.filter((o) => "reason" in o).map((o) => o.file)).toEqual(["07-ghi-de.xlsx", "08-mat-khau.xlsx", "09-hong.xlsx", "10-bang-khac.xlsx"]);
  expect(outcomes.filter((o) => "unit" in o)).toHaveLength(6);
});

test("parts come out byte for byte as zlib deflated them, with multi-byte names and data descriptors", () => {
  // Varied enough that its deflated body spans many of the inflater's pushes.
  const big = Array.from({ length: 30_000 }, (_, i) => `<row r="${i}">Kết nạp đảng viên mới ✓ ${(i * 7919) % 10007}</row>`).join("");
  const contents = new Map([
    ["xl/Tổng hợp.xml", big],
    ["stored.xml", "<a>đ</a>"],
    ["streamed.xml", "<b/>".repeat(5_000)],
  ]);
  const zip = buildZip([
    { name: "xl/Tổng hợp.xml", content: big },
    { name: "stored.xml", content: "<a>đ</a>", method: 0 },
    { name: "streamed.xml", content: "<b/>".repeat(5_000), dataDescriptor: true },
  ]);
  const parts = readZipParts(zip, () => true);
  expect([...parts.keys()]).toEqual([...contents.keys()]);
  for (const [name, text] of contents) expect(Buffer.from(parts.get(name) as Uint8Array).equals(Buffer.from(text, "utf8"))).toBe(true);
});

describe("the bounds and messages of the zip layer", () => {
  const zip = (parts: readonly RawPart[]) => new Uint8Array(rawZip(parts));
  const half = MAX_INFLATED_BYTES / 2 + 1;
  const cases: [string, Uint8Array, string][] = [
    ["declared sizes beyond the bound", zip([deflated("a.bin", Buffer.alloc(half)), deflated("b.bin", Buffer.alloc(half))]), "tệp giải nén ra hơn 50 MB"],
    ["a part inflating beyond its declared size", zip([deflated("a.bin", Buffer.alloc(MAX_INFLATED_BYTES * 2), 1_000)]), "nhiều hơn kích thước ghi trong mục lục"],
    ["a small body inflating beyond its declared size", zip([deflated("a.bin", Buffer.alloc(1_000_000), 1_000)]), "nhiều hơn kích thước ghi trong mục lục"],
    ["a stored deflate block beyond its declared size", zip([{ name: "a.bin", body: deflateRawSync(Buffer.alloc(30_000, 7), { level: 0 }), method: 8, declared: 10 }]), "nhiều hơn kích thước ghi trong mục lục"],
    ["too many parts", zip(Array.from({ length: 1_001 }, (_, i) => deflated(`p${i}.xml`, Buffer.from("<a/>")))), "hoặc hơn 1000 phần"],
    ["a stored part larger than declared", zip([{ name: "a.xml", body: Buffer.alloc(100), method: 0, declared: 10 }]), "nhiều hơn kích thước ghi trong mục lục"],
    ["an unknown method", zip([{ ...deflated("a.xml", Buffer.alloc(10)), method: 12 }]), "kiểu nén 12 không được hỗ trợ"],
    ["bad deflate data", zip([{ name: "a.xml", body: Buffer.from([0xff, 0xff, 0xff, 0xff]), method: 8, declared: 10 }]), "dữ liệu nén sai"],
    ["no central directory", new Uint8Array(100), "không có mục lục"],
  ];
  test.each(cases)("%s", (_, data, message) => {
    expect(() => readZipParts(data, () => true)).toThrow(message);
    // Only a file too large is refused (its owner can act on it); the others are damaged.
    let thrown: unknown;
    try {
      readZipParts(data, () => true);
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof ZipRefused).toBe(message.includes("50 MB") || message.includes("1000 phần"));
  });
});
