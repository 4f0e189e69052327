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

describe("bad files: exit 2 with a Vietnamese message on stderr, never a stack trace", () => {
  const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
  test.each([
    ["a truncated .xlsx", async () => ["read", await truncated()], "không phải tệp Excel (.xlsx) hợp lệ"],
    ["an empty .xlsx", async () => ["read", file("empty.xlsx", "")], "không phải tệp Excel (.xlsx) hợp lệ"],
    ["a .json file given to read", async () => ["read", file("doc.json", "{}")], "không phải tệp Excel (.xlsx) hợp lệ"],
    ["a .json that is an array", async () => ["evaluate", file("array.json", "[1, 2]")], "phải là một đối tượng JSON"],
    ["an empty .json", async () => ["evaluate", file("empty.json", "")], "không phải JSON hợp lệ"],
    ["--data that is an array", async () => ["workbook", "--unit", "A", "--year", "2021", "--data", file("array2.json", "[]"), "-o", path("x.xlsx")], "phải là một đối tượng JSON"],
    ["an absurdly deep value", async () => ["evaluate", file("deep.json", `{"indicators":[{"code":"1","direction":"increase","target":${deep(100_000)}}]}`)], "lồng nhau quá sâu"],
    ["absurdly deep --data", async () => ["workbook", "--unit", "A", "--year", "2021", "--data", file("deep2.json", `{"indicators":${deep(100)}}`), "-o", path("y.xlsx")], "lồng nhau quá sâu"],
  ])("%s", async (_name, args, text) => {
    const child = spawnSync(process.execPath, ["bin/chitieu.js", ...(await args())], { encoding: "utf8" });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe("");
    expect(child.stderr).toContain(text);
    expect(child.stderr).not.toMatch(/\n\s+at /);
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
