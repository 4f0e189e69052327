import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { run } from "../../src/cli/main";
import { unitWorkbook } from "../../src/layout";
import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { checkZipSize, MAX_INFLATED_BYTES } from "../../src/xlsx/zipGuard";

interface Part {
  readonly name: string;
  readonly body: Buffer;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** The uncompressed size written in the headers (a bomb may lie). */
  readonly declared: number;
}

const deflated = (name: string, content: Buffer, declared = content.length): Part => ({ name, body: deflateRawSync(content), method: 8, declared });

/** A minimal zip: local headers and bodies, the central directory, its end record (CRCs left 0). */
function zip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.body.length, 18);
    local.writeUInt32LE(part.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.body.length, 20);
    central.writeUInt32LE(part.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.body);
    centrals.push(central, name);
    offset += 30 + name.length + part.body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const zeros = (bytes: number) => Buffer.alloc(bytes);

describe("reading refuses a zip that would inflate beyond the bound", () => {
  test("a workbook written by Chỉ Tiêu passes", async () => {
    const file = Buffer.from(await writeXlsx(unitWorkbook({ unitName: "Tam Đảo", head: "", year: 2021 })));
    expect(() => checkZipSize(file)).not.toThrow();
  });

  test("parts whose declared sizes add up beyond the bound", async () => {
    const half = MAX_INFLATED_BYTES / 2 + 1;
    const bomb = zip([deflated("xl/media/a.bin", zeros(half)), deflated("xl/media/b.bin", zeros(half))]);
    expect(bomb.length).toBeLessThan(200_000);
    await expect(readUnitWorkbook(bomb)).rejects.toThrow("tệp giải nén ra hơn 50 MB");
  });

  test("a part that inflates to more than its declared size is caught while inflating", async () => {
    const liar = zip([deflated("xl/media/a.bin", zeros(MAX_INFLATED_BYTES * 4), 1_000)]);
    await expect(readUnitWorkbook(liar)).rejects.toThrow("một phần giải nén ra nhiều hơn kích thước ghi trong mục lục");
  });

  test("too many parts", async () => {
    const many = zip(Array.from({ length: 1_001 }, (_, i) => deflated(`p${i}.xml`, Buffer.from("<a/>"))));
    await expect(readUnitWorkbook(many)).rejects.toThrow("tệp giải nén ra hơn 50 MB (hoặc hơn 1000 phần)");
  });

  test("damaged zips: a directory pointing nowhere, a stored part larger than declared, an unknown method", async () => {
    const whole = zip([deflated("a.xml", Buffer.from("<a/>".repeat(1000)))]);
    const cut = Buffer.concat([whole.subarray(0, 40), whole.subarray(whole.length - 22 - 51)]);
    await expect(readUnitWorkbook(cut)).rejects.toThrow("tệp nén bị hỏng");
    const stored = zip([{ name: "a.xml", body: zeros(100), method: 0, declared: 10 }]);
    await expect(readUnitWorkbook(stored)).rejects.toThrow("nhiều hơn kích thước ghi trong mục lục");
    const bzip = zip([{ ...deflated("a.xml", zeros(10)), method: 12 }]);
    await expect(readUnitWorkbook(bzip)).rejects.toThrow("kiểu nén 12 không được hỗ trợ");
  });

  test("chitieu read: a clear message, exit 2", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "chitieu-zip-")), "bom.xlsx");
    writeFileSync(file, zip([deflated("xl/media/a.bin", zeros(MAX_INFLATED_BYTES + 1))]));
    await expect(run(["read", file])).rejects.toThrow(`${file}: tệp giải nén ra hơn 50 MB`);
  });
});
