import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { unitWorkbook } from "../../src/layout";
import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { checkZipSize, MAX_INFLATED_BYTES } from "../../src/xlsx/zip";
import { deflated, rawZip as zip } from "../support/zipBuilder";


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
