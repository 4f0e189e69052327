import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { render, SaidError } from "../../src/domain/messages/localize";
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

  test("past the bound, a worksheet is read for the rows its dimension declares (a register of 5,000 tasks), packed as XML packs", () => {
    // 40,000 rows of about 1.6 KB: over 60 MB, as a register's roadmap grows with its tasks.
    const rows = 40_000;
    const sheet = (declared: string, fill: (r: number) => string) =>
      Buffer.from(
        `<worksheet><dimension ref="${declared}"/><sheetData>` +
          Array.from({ length: rows }, (_, r) => `<row r="${r + 1}">${fill(r)}</row>`).join("") +
          "</sheetData></worksheet>",
      );
    const figures = (r: number) => Array.from({ length: 80 }, (_, c) => `<c><v>${(r * 7919 + c * 104_729) % 1_000_003}</v></c>`).join("");
    const register = sheet(`A1:CB${rows}`, figures);
    expect(register.length).toBeGreaterThan(MAX_INFLATED_BYTES);
    const part = deflated("xl/worksheets/sheet1.xml", register);
    expect(() => checkZipSize(zip([part, deflated("xl/styles.xml", Buffer.from("<styleSheet/>"))]))).not.toThrow();
    // The same bytes under another name, or declaring a hundredth of the rows: refused.
    expect(() => checkZipSize(zip([{ ...part, name: "xl/media/sheet1.xml" }]))).toThrow("tệp giải nén ra hơn 50 MB");
    expect(() => checkZipSize(zip([deflated("xl/worksheets/sheet1.xml", sheet(`A1:CB${rows / 100}`, figures))]))).toThrow("tệp giải nén ra hơn 50 MB");
    // A bomb declaring every row of a sheet: packed a thousand times, refused before it is inflated.
    const bomb = sheet("A1:XFD1048576", () => `<c><v>${"0".repeat(1_500)}</v></c>`);
    const packed = zip([deflated("xl/worksheets/sheet1.xml", bomb)]);
    expect(packed.length * 100).toBeLessThan(bomb.length);
    expect(() => checkZipSize(packed)).toThrow("tệp giải nén ra hơn 50 MB");
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
    // The reason inside the reason travels as data, so English has both.
    const refusal: unknown = await readUnitWorkbook(bzip).catch((error: unknown) => error);
    expect(refusal instanceof SaidError && render(refusal.said, "en")).toBe("the zip file is damaged (compression method 12 is not supported).");
  });

  test("chitieu read: a clear message, exit 2", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "chitieu-zip-")), "bom.xlsx");
    writeFileSync(file, zip([deflated("xl/media/a.bin", zeros(MAX_INFLATED_BYTES + 1))]));
    await expect(run(["read", file])).rejects.toThrow(`${file}: tệp giải nén ra hơn 50 MB`);
  });
});
