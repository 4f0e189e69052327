import fs, { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main, run } from "../../src/cli/main";
import { runPrint } from "../../src/cli/printCommand";
import { FileError } from "../../src/cli/io";
import { readZipParts, zipParts } from "../../src/xlsx/zip";
import { unitFileBytes, writeUnitFile } from "../support/unitFiles";
import { tempDirs } from "../support/tempDirs";

/** Issue 18 §1 and §8: no command writes over one of its inputs or a file of another kind; a write failure names its cause. */

const freshDir = tempDirs("chitieu-outputs-");

/** The file's bytes, to show it was left exactly as it was. */
const bytes = (file: string) => readFileSync(file);

async function unitsIn(dir: string): Promise<string[]> {
  return [
    await writeUnitFile(dir, "01-an-hoa.xlsx", { unit: "An Hòa", kind: "commune", result: "excellent", common: 28 }),
    await writeUnitFile(dir, "02-binh-minh.xlsx", { unit: "Bình Minh", kind: "commune" }),
  ];
}

/** What `main` prints on stderr and its exit code, as a person at a terminal sees it. */
async function mainOutput(argv: string[]): Promise<{ stderr: string; exitCode: number }> {
  let stderr = "";
  const write = jest.spyOn(process.stderr, "write").mockImplementation((text) => ((stderr += String(text)), true));
  const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    await main(argv);
    return { stderr, exitCode: Number(process.exitCode) };
  } finally {
    write.mockRestore();
    out.mockRestore();
    process.exitCode = 0;
  }
}

afterEach(() => jest.restoreAllMocks());

describe("consolidate never writes over a unit workbook", () => {
  test("-o one of the named inputs: refused, the unit left as it was", async () => {
    const dir = freshDir();
    const [a, b] = await unitsIn(dir);
    const before = bytes(b);
    await expect(run(["consolidate", a, b, "-o", b])).rejects.toThrow(`-o ${b} là tệp đầu vào ${b} của lệnh`);
    expect(bytes(b).equals(before)).toBe(true);
  });

  test("-o a unit workbook inside the consolidated folder (named another way): refused", async () => {
    const dir = freshDir();
    const [a] = await unitsIn(dir);
    const before = bytes(a);
    const sameFile = join(dir, ".", "01-an-hoa.xlsx");
    await expect(run(["consolidate", dir, "-o", sameFile])).rejects.toThrow(FileError);
    expect(bytes(a).equals(before)).toBe(true);
  });

  test("-o a unit workbook that is not an input: refused as a file of another kind", async () => {
    const dir = freshDir();
    await unitsIn(dir);
    const other = await writeUnitFile(freshDir(), "ca-mau.xlsx", { unit: "Cà Mau" });
    const before = bytes(other);
    await expect(run(["consolidate", dir, "-o", other])).rejects.toThrow(`Đã có tệp ${other} và đó không phải bảng tổng hợp (.xlsx)`);
    expect(bytes(other).equals(before)).toBe(true);
  });

  test("an earlier consolidation in the folder is replaced and not taken for a unit", async () => {
    const dir = freshDir();
    await unitsIn(dir);
    const output = join(dir, "tong-hop.xlsx");
    const first = await run(["consolidate", dir, "-o", output, "--json"]);
    const again = await run(["consolidate", dir, "-o", output, "--json"]);
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
  });

  test("-o a folder: refused with a message naming it, not an unexpected error", async () => {
    const dir = freshDir();
    await unitsIn(dir);
    const { stderr, exitCode } = await mainOutput(["consolidate", dir, "-o", dir]);
    expect(exitCode).toBe(2);
    expect(stderr).toBe(`chitieu: -o ${dir} là một thư mục; hãy ghi tên một bảng tổng hợp (.xlsx) (trong thư mục đó hoặc nơi khác).\n`);
  });
});

describe("a write that fails names its cause and what to do, and keeps the old file", () => {
  test.each([
    ["ENOSPC", "ổ đĩa đã đầy. Hãy giải phóng chỗ trống"],
    ["EROFS", "nằm trên ổ chỉ đọc. Hãy ghi sang thư mục khác."],
    ["EACCES", "không có quyền ghi vào thư mục"],
  ])("consolidate on %s", async (code, cause) => {
    const dir = freshDir();
    await unitsIn(dir);
    const output = join(dir, "tong-hop.xlsx");
    jest.spyOn(fs, "writeFileSync").mockImplementationOnce(() => {
      throw Object.assign(new Error(`${code}: system message`), { code });
    });
    const { stderr, exitCode } = await mainOutput(["consolidate", dir, "-o", output]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`chitieu: Không ghi được ${output}: `);
    expect(stderr).toContain(cause);
    expect(stderr).not.toContain("không lường trước");
    expect(readdirSync(dir).filter((name) => name.includes("tong-hop"))).toEqual([]);
  });

  test("a folder that does not exist", async () => {
    const output = join(freshDir(), "khong-co", "tong-hop.xlsx");
    const dir = freshDir();
    await unitsIn(dir);
    await expect(run(["consolidate", dir, "-o", output])).rejects.toThrow(`không có thư mục ${join(output, "..")}. Hãy tạo thư mục trước`);
  });
});

describe("workbook never replaces an existing file", () => {
  test("-o an existing unit workbook: refused, the workbook left as it was", async () => {
    const unit = await writeUnitFile(freshDir(), "tam-dao.xlsx", { unit: "Tam Đảo" });
    const before = bytes(unit);
    await expect(run(["workbook", "--unit", "Tam Đảo", "--year", "2025", "-o", unit])).rejects.toThrow(`Đã có tệp ${unit}; Chỉ Tiêu không ghi đè`);
    expect(bytes(unit).equals(before)).toBe(true);
  });

  test("-o its own --data file: refused as an input", async () => {
    const data = join(freshDir(), "data.json");
    writeFileSync(data, JSON.stringify({ indicators: [{ code: "1.1", direction: "increase", target: 1, actual: 1 }] }));
    await expect(run(["workbook", "--unit", "A", "--year", "2025", "--data", data, "-o", data])).rejects.toThrow(`là tệp đầu vào ${data}`);
    expect(JSON.parse(readFileSync(data, "utf8"))).toHaveProperty("indicators");
  });
});

describe("print writes only PDFs, through a temporary file", () => {
  /** A stand-in for soffice: writes "<name>.pdf" into --outdir, so print runs in milliseconds. */
  const fakeSoffice = (() => {
    const bin = freshDir();
    const script = join(bin, "soffice");
    writeFileSync(
      script,
      '#!/bin/sh\nout=""; last=""\nwhile [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && { out="$2"; shift; }; last="$1"; shift; done\n' +
        'name=$(basename "$last" .xlsx)\nprintf "%%PDF-1.4 mới" > "$out/$name.pdf"\n',
    );
    chmodSync(script, 0o755);
    return bin;
  })();
  const print = (input: string, output: string) => runPrint({ input, output, sheet: "Chỉ tiêu", searchPath: fakeSoffice, fallbacks: [] });

  test("the copy LibreOffice prints holds no character XML forbids, and Excel's escapes as the sheet shows them", async () => {
    // This stand-in "prints" by copying the workbook it is given, so the copy can be looked at.
    const bin = freshDir();
    writeFileSync(
      join(bin, "soffice"),
      '#!/bin/sh\nout=""; last=""\nwhile [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && { out="$2"; shift; }; last="$1"; shift; done\n' +
        'cp "$last" "$out/$(basename "$last" .xlsx).pdf"\n',
    );
    chmodSync(join(bin, "soffice"), 0o755);
    const dir = freshDir();
    const parts = readZipParts(await unitFileBytes({ unit: "UNIT-NAME" }), () => true);
    const strings = Buffer.from(parts.get("xl/sharedStrings.xml")!).toString("utf8").replace("UNIT-NAME", "Xã _xFFFF_An _x005F_x0041_");
    parts.set("xl/sharedStrings.xml", Buffer.from(strings, "utf8"));
    const input = join(dir, "x.xlsx");
    writeFileSync(input, zipParts([...parts].map(([name, data]) => ({ name, data }))));
    const copy = join(dir, "x.pdf");
    await runPrint({ input, output: copy, sheet: "Chỉ tiêu", searchPath: bin, fallbacks: [] });
    const printed = Buffer.from(readZipParts(readFileSync(copy), (name) => name === "xl/sharedStrings.xml").get("xl/sharedStrings.xml")!).toString("utf8");
    expect(printed).not.toMatch(/[\ufffe\uffff]/);
    expect(printed).toContain("Xã An _x005F_x0041_");
  });

  test("print X.xlsx -o X.xlsx: refused, the workbook left as it was", async () => {
    const unit = await writeUnitFile(freshDir(), "x.xlsx", { unit: "X" });
    const before = bytes(unit);
    await expect(print(unit, unit)).rejects.toThrow(`là tệp đầu vào ${unit}`);
    expect(bytes(unit).equals(before)).toBe(true);
  });

  test("-o another workbook: refused as a file of another kind", async () => {
    const dir = freshDir();
    const unit = await writeUnitFile(dir, "x.xlsx", { unit: "X" });
    const other = await writeUnitFile(dir, "y.xlsx", { unit: "Y" });
    await expect(print(unit, other)).rejects.toThrow(`Đã có tệp ${other} và đó không phải tệp PDF`);
  });

  test("a print that fails on a full disk keeps the previous PDF; a later one replaces it", async () => {
    const dir = freshDir();
    const unit = await writeUnitFile(dir, "x.xlsx", { unit: "X" });
    const pdf = join(dir, "x.pdf");
    writeFileSync(pdf, "%PDF-1.4 cũ");
    const write = fs.writeFileSync;
    jest.spyOn(fs, "writeFileSync").mockImplementation((file, data, options) => {
      if (String(file).startsWith(join(dir, ".x.pdf."))) {
        write(file, (data as Uint8Array).subarray(0, 3));
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      }
      write(file, data, options);
    });
    await expect(print(unit, pdf)).rejects.toThrow(`Không ghi được ${pdf}: ổ đĩa đã đầy`);
    expect(readFileSync(pdf, "utf8")).toBe("%PDF-1.4 cũ");
    expect(readdirSync(dir).sort()).toEqual(["x.pdf", "x.xlsx"]);
    jest.restoreAllMocks();
    await expect(print(unit, pdf)).resolves.toEqual({ stdout: "", exitCode: 0 });
    expect(readFileSync(pdf, "utf8")).toBe("%PDF-1.4 mới");
  });
});

describe("text Excel cannot hold is refused before writing, naming the cell and the text", () => {
  test("workbook --data with an indicator code of 100 characters: exit 2, no file", async () => {
    const dir = freshDir();
    const data = join(dir, "data.json");
    const code = "1." + "9".repeat(98);
    writeFileSync(data, JSON.stringify({ indicators: [{ code, direction: "increase", target: 1, actual: 1 }] }));
    const output = join(dir, "x.xlsx");
    const { stderr, exitCode } = await mainOutput(["workbook", "--unit", "A", "--year", "2025", "--data", data, "-o", output]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^chitieu: Ô Bản in!\w+\d+: công thức dài [\d.]+ ký tự, quá giới hạn 8\.192 của Excel, vì chữ "1\.9+…" lặp lại trong đó; hãy rút ngắn/);
    expect(readdirSync(dir)).toEqual(["data.json"]);
  });
});

test("province -o an existing workbook: refused, the targets typed there kept", async () => {
  const unit = await writeUnitFile(freshDir(), "tinh.xlsx", { unit: "Tỉnh" });
  const before = bytes(unit);
  await expect(run(["province", "--year", "2025", "--group", "Huyện: Tam Đảo", "-o", unit])).rejects.toThrow(`Đã có tệp ${unit}; Chỉ Tiêu không ghi đè`);
  expect(bytes(unit).equals(before)).toBe(true);
});

test("assign -o its own province file: refused as a file, not a folder, before anything is read", async () => {
  const province = join(freshDir(), "tinh.xlsx");
  expect((await run(["province", "--year", "2025", "--group", "Huyện: Tam Đảo", "-o", province])).exitCode).toBe(0);
  const before = bytes(province);
  await expect(run(["assign", province, "-o", province])).rejects.toThrow(`-o ${province} là một tệp, không phải thư mục`);
  expect(bytes(province).equals(before)).toBe(true);
});

test("consolidate --rules F -o F: refused as an input, the province's workbook left as it was", async () => {
  const dir = freshDir();
  await unitsIn(dir);
  const province = join(freshDir(), "tinh.xlsx");
  expect((await run(["province", "--year", "2025", "--group", "Huyện: Tam Đảo", "-o", province])).exitCode).toBe(0);
  const before = bytes(province);
  await expect(run(["consolidate", dir, "--rules", province, "-o", province])).rejects.toThrow(`là tệp đầu vào ${province}`);
  expect(bytes(province).equals(before)).toBe(true);
});
