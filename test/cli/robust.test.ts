import fs, { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { UsageError } from "../../src/cli/io";

const dir = mkdtempSync(join(tmpdir(), "chitieu-robust-"));
const path = (name: string) => join(dir, name);

/** A workbook written by `chitieu workbook`, then opened and changed with ExcelJS. */
async function workbookFile(name: string, edit: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<string> {
  const output = path(name);
  await run(["workbook", "--unit", "Tam Đảo", "--year", "2021", "-o", output]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
  edit(wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet);
  writeFileSync(output, Buffer.from(await wb.xlsx.writeBuffer()));
  return output;
}

describe("chitieu read reports what the pane reports", () => {
  test("a formula typed over is listed in overwrittenFormulas", async () => {
    const file = await workbookFile("overwritten.xlsx", (ws) => {
      ws.getCell("J8").value = 1.5;
    });
    const result = await run(["read", file]);
    expect(JSON.parse(result.stdout)).toMatchObject({ overwrittenFormulas: ["J8"], problems: [] });
    expect(result.exitCode).toBe(0);
  });
});

describe("--data values are written only as numbers or text", () => {
  const doc = (indicator: Record<string, unknown>) => ({
    indicators: [{ code: "1.1", direction: "increase", target: 100, actual: 90 }, { code: "4.1", ...indicator }],
  });

  test.each([
    ["an object as a target", { direction: "increase", target: { formula: "SUM(1)" } }, "indicators[1].target phải là số hoặc chữ"],
    ["an object as a milestone's actual", { direction: "milestone", actual: { formula: "1+1", result: 1 } }, "indicators[1].actual phải là số hoặc chữ"],
    ["an array", { direction: "increase", target: 1, actual: [1] }, "indicators[1].actual phải là số hoặc chữ, không phải mảng"],
  ])("%s is refused and no file is written", async (_name, indicator, text) => {
    const data = path("object.json");
    writeFileSync(data, JSON.stringify(doc(indicator)));
    const output = path("object.xlsx");
    const args = ["workbook", "--unit", "A", "--year", "2021", "--data", data, "-o", output];
    await expect(run(args)).rejects.toThrow(UsageError);
    await expect(run(args)).rejects.toThrow(text);
    expect(existsSync(output)).toBe(false);
  });

  test("text starting with = is written as text, never a formula", async () => {
    const data = path("equals.json");
    writeFileSync(data, JSON.stringify(doc({ direction: "milestone", name: "=HYPERLINK(\"x\")", actual: "=1+1" })));
    const output = path("equals.xlsx");
    await run(["workbook", "--unit", "A", "--year", "2021", "--data", data, "-o", output]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet;
    for (const [address, text] of [["I9", "=1+1"], ["C9", '=HYPERLINK("x")']]) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(address).value).toBe(text);
    }
  });
});

describe("the .xlsx is written through a temporary file", () => {
  afterEach(() => jest.restoreAllMocks());

  test("a write that fails midway leaves no file and no temporary file", async () => {
    const output = path("kept.xlsx");
    const write = fs.writeFileSync;
    // The disk fills up after the first bytes.
    jest.spyOn(fs, "writeFileSync").mockImplementationOnce((file, data) => {
      write(file, (data as Uint8Array).subarray(0, 10));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    const args = ["workbook", "--unit", "A", "--year", "2021", "-o", output];
    await expect(run(args)).rejects.toThrow(`Không ghi được ${output}: ổ đĩa đã đầy.`);
    expect(readdirSync(dir).filter((name) => name.includes("kept.xlsx"))).toEqual([]);
    // Written again without the failure, the workbook is there.
    expect((await run(args)).exitCode).toBe(0);
    expect(readFileSync(output).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).filter((name) => name.includes("kept.xlsx"))).toEqual(["kept.xlsx"]);
  });
});

describe("bad files: exit 2 with a Vietnamese message on stderr, never a stack trace nor the usage", () => {
  const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
  test.each([
    ["a truncated .xlsx", async () => ["read", await truncated()], "không phải tệp Excel (.xlsx) hợp lệ"],
    ["an empty .xlsx", async () => ["read", file("empty.xlsx", "")], "không phải tệp Excel (.xlsx) hợp lệ"],
    ["a .json file given to read", async () => ["read", file("doc.json", "{}")], "không phải tệp Excel (.xlsx) hợp lệ"],
    ["a .json that is an array", async () => ["evaluate", file("array.json", "[1, 2]")], "phải là một đối tượng JSON"],
    ["an empty .json", async () => ["evaluate", file("empty.json", "")], "Tệp " + path("empty.json") + " trống, không có dữ liệu JSON."],
    ["--data that is an array", async () => ["workbook", "--unit", "A", "--year", "2021", "--data", file("array2.json", "[]"), "-o", path("x.xlsx")], "phải là một đối tượng JSON"],
    ["an absurdly deep value", async () => ["evaluate", file("deep.json", `{"indicators":[{"code":"1","direction":"increase","target":${deep(100_000)}}]}`)], "lồng nhau quá sâu"],
    ["absurdly deep --data", async () => ["workbook", "--unit", "A", "--year", "2021", "--data", file("deep2.json", `{"indicators":${deep(100)}}`), "-o", path("y.xlsx")], "lồng nhau quá sâu"],
  ])("%s", async (_name, args, text) => {
    const child = spawnSync(process.execPath, ["bin/chitieu.js", ...(await args())], { encoding: "utf8" });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe("");
    expect(child.stderr).toContain(text);
    expect(child.stderr).not.toMatch(/\n\s+at /);
    // A file's problem, not the command line's: the usage after it would only bury the message.
    expect(child.stderr).not.toContain("Cách dùng");
  }, 30_000);

  test.each([
    ["a wrong character", "{\n  \"indicators\": [\n    { \"code\": \"1.1\",, \"target\": 5 }\n  ]\n}", "lỗi ở dòng 3, cột 21.", "an error at line 3, column 21."],
    ["a text cut short", '{"indicators": [{"code": "1.1", "target": 5', "tệp bị thiếu phần cuối", "its end is missing"],
    ["a binary file", "\u0007\u001b[31mPK\u0003\u0004", "lỗi ở dòng 1, cột 1.", "an error at line 1, column 1."],
    ["UTF-16 (Notepad's Unicode)", Buffer.from("\uFEFF{\"indicators\": []}", "utf16le"), "được lưu dạng Unicode (UTF-16)", "is saved as Unicode (UTF-16)"],
  ])("JSON with %s: the line and column or what is wrong, never the file's bytes, and no usage after it", (_name, content, vi, en) => {
    const bad = path(`${_name.replace(/[^a-z0-9]+/gi, "-")}.json`);
    writeFileSync(bad, content);
    for (const [lang, text] of [["vi", vi], ["en", en]]) {
      const child = spawnSync(process.execPath, ["bin/chitieu.js", "evaluate", bad, "--lang", lang], { encoding: "utf8" });
      expect(child.status).toBe(2);
      expect(child.stderr).toContain(text);
      expect(child.stderr.trim().split("\n")).toHaveLength(1);
      expect(child.stderr).not.toMatch(/[\u0000-\u0008\u001b]|Unexpected|position/);
    }
  }, 30_000);

  test("a JSON file larger than 50 MB is refused before it is read", () => {
    const large = path("large.json");
    writeFileSync(large, "");
    fs.truncateSync(large, 51 * 1024 * 1024);
    const child = spawnSync(process.execPath, ["bin/chitieu.js", "evaluate", large], { encoding: "utf8" });
    expect(child.status).toBe(2);
    expect(child.stderr).toBe(`chitieu: ${large}: tệp lớn hơn 50 MB, quá lớn cho một sổ Excel hay tệp dữ liệu của Chỉ Tiêu; Chỉ Tiêu không đọc tệp này.\n`);
  }, 30_000);

  function file(name: string, content: string): string {
    writeFileSync(path(name), content);
    return path(name);
  }

  async function truncated(): Promise<string> {
    const whole = readFileSync(await workbookFile("whole.xlsx"));
    return file("truncated.xlsx", whole.subarray(0, Math.floor(whole.length / 2)).toString("latin1"));
  }
});

describe("a pipe or a device where a file is expected: named, never waited on, never replaced", () => {
  const NOT_A_FILE = "không phải một tệp thông thường";
  const pipe = (name: string) => {
    const at = path(name);
    expect(spawnSync("mkfifo", [at]).status).toBe(0);
    return at;
  };
  // Without the check, reading a pipe that nobody writes to waits forever: the timeout ends it.
  const chitieu = (...args: string[]) => spawnSync(process.execPath, ["bin/chitieu.js", ...args], { encoding: "utf8", timeout: 20_000 });

  test("consolidate leaves out a pipe and a link to /dev/zero found in the folder, naming each", async () => {
    const folder = path("don-vi-ong");
    fs.mkdirSync(folder);
    await workbookFile("don-vi-ong/Tam Đảo.xlsx");
    pipe("don-vi-ong/ong.xlsx");
    fs.symlinkSync("/dev/zero", join(folder, "khong.xlsx"));
    const child = chitieu("consolidate", folder, "-o", path("tong-hop-ong.xlsx"));
    expect(child.signal).toBeNull();
    expect(child.stdout).toMatch(new RegExp(`ong\\.xlsx: đây ${NOT_A_FILE}`));
    expect(child.stdout).toMatch(new RegExp(`khong\\.xlsx: đây ${NOT_A_FILE}`));
  }, 30_000);

  test.each([
    ["read", (p: string) => ["read", p]],
    ["evaluate", (p: string) => ["evaluate", p]],
    ["tasks evaluate", (p: string) => ["tasks", "evaluate", p, "--year", "2025", "--as-of", "2025-12-31"]],
    ["assign", (p: string) => ["assign", p, "-o", path("giao-ong")]],
    ["print", (p: string) => ["print", p, "-o", path("in-ong.pdf")]],
    ["consolidate --rules", (p: string) => ["consolidate", path("nothing-here"), "--rules", p, "-o", path("tong-hop-rules.xlsx")]],
  ])("%s refuses a pipe as its input", (_name, args) => {
    const child = chitieu(...args(pipe(`vao-${_name.replace(/[ -]+/g, "-")}.xlsx`)));
    expect(child.signal).toBeNull();
    expect(child.status).toBe(2);
    expect(child.stderr).toContain(NOT_A_FILE);
  }, 30_000);

  test("-o a pipe is refused, and the pipe stays a pipe", () => {
    const out = pipe("ra.xlsx");
    const child = chitieu("workbook", "--unit", "A", "--year", "2025", "-o", out);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain(`-o ${out} ${NOT_A_FILE}`);
    expect(fs.statSync(out).isFIFO()).toBe(true);
  }, 30_000);
});
