/**
 * The pane's reader (DecompressionStream, TextDecoder) against the CLI's (node's zlib, Buffer) on
 * the same bytes: the same summaries, the same reasons, the same bounds and messages. Node 18+
 * has DecompressionStream as a global, the one Edge WebView2 and Safari give the pane.
 */
import { presetOfTheYear, readUnitBytes } from "../../src/xlsx/unitSummary";
import { openXlsxAsync } from "../../src/xlsx/openXlsxAsync";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { MAX_INFLATED_BYTES } from "../../src/xlsx/zipEntries";
import { readZipParts } from "../../src/xlsx/zipGuard";
import { readZipPartsAsync } from "../../src/xlsx/zipStream";
import { consolidationFiles } from "../support/consolidationFiles";
import { buildZip, deflated, rawZip, type RawPart } from "../support/zipBuilder";

const MODIFIED = "2025-12-20T08:30:00.000Z";

test("DecompressionStream is the platform's, not a polyfill", () => {
  expect(typeof globalThis.DecompressionStream).toBe("function");
});

test("each unit file gives the same summary or the same reason through both readers", async () => {
  const files = await consolidationFiles();
  for (const f of files) {
    const file = { name: f.name, bytes: f.bytes, modified: MODIFIED };
    const [node, browser] = await Promise.all([readUnitBytes(file, openXlsx, presetOfTheYear), readUnitBytes(file, openXlsxAsync, presetOfTheYear)]);
    expect(browser).toEqual(node);
  }
  // The set covers both outcomes: units read, and files rejected while reading.
  const outcomes = (await Promise.all(files.map((f) => readUnitBytes({ ...f, modified: MODIFIED }, openXlsxAsync, presetOfTheYear)))).flat();
  expect(outcomes.filter((o) => "reason" in o).map((o) => o.file)).toEqual(["07-ghi-de.xlsx", "08-mat-khau.xlsx", "09-hong.xlsx", "10-bang-khac.xlsx"]);
  expect(outcomes.filter((o) => "unit" in o)).toHaveLength(6);
});

test("parts come out byte for byte as zlib inflates them, with multi-byte names and data descriptors", async () => {
  const big = "<row>Kết nạp đảng viên mới ✓</row>".repeat(3_000);
  const zip = buildZip([
    { name: "xl/Tổng hợp.xml", content: big },
    { name: "stored.xml", content: "<a>đ</a>", method: 0 },
    { name: "streamed.xml", content: "<b/>".repeat(5_000), dataDescriptor: true },
  ]);
  const all = () => true;
  const browser = await readZipPartsAsync(zip, all);
  const node = readZipParts(zip, all);
  expect([...browser.keys()]).toEqual([...node.keys()]);
  for (const [name, bytes] of node) expect(Buffer.from(browser.get(name) as Uint8Array).equals(bytes)).toBe(true);
});

describe("the same bounds and messages as the CLI", () => {
  const zip = (parts: readonly RawPart[]) => new Uint8Array(rawZip(parts));
  const half = MAX_INFLATED_BYTES / 2 + 1;
  const cases: [string, Uint8Array, string][] = [
    ["declared sizes beyond the bound", zip([deflated("a.bin", Buffer.alloc(half)), deflated("b.bin", Buffer.alloc(half))]), "tệp giải nén ra hơn 50 MB"],
    ["a part inflating beyond its declared size", zip([deflated("a.bin", Buffer.alloc(MAX_INFLATED_BYTES * 2), 1_000)]), "nhiều hơn kích thước ghi trong mục lục"],
    ["too many parts", zip(Array.from({ length: 1_001 }, (_, i) => deflated(`p${i}.xml`, Buffer.from("<a/>")))), "hoặc hơn 1000 phần"],
    ["a stored part larger than declared", zip([{ name: "a.xml", body: Buffer.alloc(100), method: 0, declared: 10 }]), "nhiều hơn kích thước ghi trong mục lục"],
    ["an unknown method", zip([{ ...deflated("a.xml", Buffer.alloc(10)), method: 12 }]), "kiểu nén 12 không được hỗ trợ"],
    ["bad deflate data", zip([{ name: "a.xml", body: Buffer.from([0xff, 0xff, 0xff, 0xff]), method: 8, declared: 10 }]), "dữ liệu nén sai"],
    ["no central directory", new Uint8Array(100), "không có mục lục"],
  ];
  test.each(cases)("%s", async (_, data, message) => {
    let sync: unknown;
    try {
      readZipParts(data, () => true);
    } catch (error) {
      sync = error;
    }
    expect(sync).toBeInstanceOf(Error);
    expect((sync as Error).message).toContain(message);
    await expect(readZipPartsAsync(data, () => true)).rejects.toThrow((sync as Error).message);
    await expect(readZipPartsAsync(data, () => true)).rejects.toBeInstanceOf((sync as Error).constructor);
  });
});
