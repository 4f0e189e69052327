import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { presetOfTheYear, readUnitBytes } from "../../src/xlsx/unitSummary";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { checkZipSize, ZipRefused } from "../../src/xlsx/zip";
import { buildZip } from "../support/zipBuilder";
import { render } from "../../src/domain/messages/localize";

/** Issue 18 §8: an encrypted file, a renamed .xls and a small ZIP64 file are named for what they are, not "damaged" or "> 50 MB". */

const OLE = Buffer.from("D0CF11E0A1B11AE1", "hex");
/** An OLE compound file whose directory names these streams (UTF-16LE, as OLE writes them). */
const ole = (...streams: string[]) => Buffer.concat([OLE, Buffer.alloc(504), ...streams.map((name) => Buffer.concat([Buffer.from(name, "utf16le"), Buffer.alloc(64 - 2 * name.length)]))]);

/** A small zip whose one part gives its sizes in a ZIP64 extra field, as some writers do for every file. */
function zip64Sizes(): Buffer {
  const name = Buffer.from("xl/workbook.xml");
  const body = Buffer.from("<workbook/>");
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(body.length), 4);
  extra.writeBigUInt64LE(BigInt(body.length), 12);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(extra.length, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt16LE(extra.length, 30);
  const parts = Buffer.concat([local, name, extra, body]);
  const directory = Buffer.concat([central, name, extra]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(parts.length, 16);
  return Buffer.concat([parts, directory, end]);
}

/** A small zip ending with the ZIP64 end records, its classic end record pointing to them (0xFFFF entries). */
function zip64End(): Buffer {
  const zip = buildZip([{ name: "xl/workbook.xml", content: "<workbook/>" }]);
  const classic = zip.subarray(zip.length - 22);
  const directoryOffset = classic.readUInt32LE(16);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(1n, 24);
  record.writeBigUInt64LE(1n, 32);
  record.writeBigUInt64LE(BigInt(classic.readUInt32LE(12)), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(zip.length - 22), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.from(classic);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, zip.length - 22), record, locator, end]);
}

const CASES: readonly [string, Buffer, string][] = [
  ["an encrypted .xlsx", ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), "tệp được đặt mật khẩu (mã hoá) nên không đọc được; hãy mở tệp trong Excel, gỡ mật khẩu"],
  ["an .xls renamed .xlsx", ole("Root Entry", "Workbook", "\u0005SummaryInformation"), "tệp là dạng Excel 97–2003 (.xls), không phải .xlsx"],
  ["an OLE file of neither kind", ole("Root Entry"), "tệp được đặt mật khẩu (mã hoá) hoặc là tệp .xls cũ"],
  ["a small ZIP64 file (sizes in the extra field)", zip64Sizes(), "tệp được nén theo dạng ZIP64"],
  ["a small ZIP64 file (ZIP64 end records)", zip64End(), "tệp được nén theo dạng ZIP64"],
];

describe.each(CASES)("%s", (_name, bytes, expected) => {
  test("the zip layer refuses it for what it is", () => {
    expect(() => checkZipSize(bytes)).toThrow(ZipRefused);
    expect(() => checkZipSize(bytes)).toThrow(expected);
    expect(() => checkZipSize(bytes)).not.toThrow(/hỏng|50 MB/);
  });

  test("consolidation (CLI and pane) rejects it with that reason", async () => {
    const read = await readUnitBytes({ name: "x.xlsx", bytes, modified: "2025-01-01T00:00:00Z" }, openXlsx, presetOfTheYear);
    expect(read.map((r) => ("reason" in r ? { ...r, reason: render(r.reason, "vi") } : r))).toEqual([{ file: "x.xlsx", reason: expect.stringContaining(expected) }]);
  });

  test("read, tasks evaluate and print say it too", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "chitieu-zip-")), "x.xlsx");
    writeFileSync(file, bytes);
    for (const args of [["read", file], ["tasks", "evaluate", file, "--year", "2025", "--as-of", "2025-06-30"], ["print", file, "-o", `${file}.pdf`]]) {
      await expect(run(args)).rejects.toThrow(`${file}: ${expected}`);
    }
  });
});

test("a zip that only claims 4 GB without a ZIP64 field is still refused as too large", () => {
  const zip = buildZip([{ name: "xl/workbook.xml", content: "<workbook/>" }]);
  const directory = zip.length - 22 - (46 + "xl/workbook.xml".length);
  zip.writeUInt32LE(0xffffffff, directory + 24);
  expect(() => checkZipSize(zip)).toThrow("hơn 50 MB");
});
