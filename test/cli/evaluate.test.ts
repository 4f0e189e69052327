import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { UsageError } from "../../src/cli/io";

const dir = mkdtempSync(join(tmpdir(), "chitieu-cli-"));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const SEED = {
  preset: "qd366-2025",
  commonScore: 27,
  indicators: [
    { code: "1.1", group: "1", name: "Kết nạp đảng viên mới", unit: "người", direction: "increase", target: 2000, actual: "2.100", key: false, weight: 1 },
  ],
};

describe("chitieu evaluate", () => {
  test("the contract example", async () => {
    const result = await run(["evaluate", file("seed.json", SEED)]);
    expect(result.exitCode).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.indicators).toEqual([{ code: "1.1", achievement: 1.05, status: "exceeded" }]);
    expect(output.summary).toMatchObject({
      total: 1, met: 1, exceeded: 1, notMet: 0, pending: 0, resultPoints: 70, points: 97, level: "excellent", provisional: false,
    });
    expect(Object.keys(output.summary)).toEqual([
      "total", "met", "exceeded", "notMet", "pending", "resultPoints", "points", "level", "provisional", "reasons",
    ]);
    expect(output.errors).toEqual([]);
  });

  test("input errors: exit 1 and the JSON is still printed", async () => {
    const doc = { indicators: [{ code: "1.1", direction: "increase", target: 0, actual: 5 }, { code: "1.2", direction: "increase", target: 5 }] };
    const result = await run(["evaluate", file("errors.json", doc)]);
    expect(result.exitCode).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.errors).toEqual([{ code: "1.1", field: "target", message: expect.stringContaining("lớn hơn 0") }]);
    expect(output.indicators.map((i: { status: string }) => i.status)).toEqual(["error", "pending"]);
    expect(output.summary).toMatchObject({ level: null, points: null, provisional: true });
  });

  test("optional fields take their defaults and a missing commonScore gives null points", async () => {
    const doc = { indicators: [{ code: 7, direction: "decrease", target: "10", actual: "8" }] };
    const output = JSON.parse((await run(["evaluate", file("minimal.json", doc)])).stdout);
    expect(output.indicators[0]).toEqual({ code: "7", achievement: 1.2, status: "exceeded" });
    expect(output.summary).toMatchObject({ points: null, resultPoints: 70, level: "excellent", provisional: true });
  });

  test("--format table prints a Vietnamese table", async () => {
    const result = await run(["evaluate", file("seed2.json", SEED), "--format", "table"]);
    expect(result.stdout).toContain("105,0%");
    expect(result.stdout).toContain("Vượt");
    expect(result.stdout).toContain("Xếp loại đề xuất: Hoàn thành xuất sắc nhiệm vụ");
  });

  test.each([
    ["a missing file", () => join(dir, "nope.json"), "Không đọc được tệp"],
    ["not JSON", () => file("bad.json", "{ not json"), "không phải JSON"],
    ["not the shape", () => file("shape.json", { indicators: {} }), "indicators phải là một mảng"],
    ["a bad indicator", () => file("shape2.json", { indicators: [{ direction: "increase" }] }), "indicators[0].code"],
    ["an unknown preset", () => file("preset.json", { preset: "x", indicators: [] }), "preset không hợp lệ"],
  ])("%s is a usage error", async (_name, path, text) => {
    await expect(run(["evaluate", path()])).rejects.toThrow(UsageError);
    await expect(run(["evaluate", path()])).rejects.toThrow(text);
  });

  test("the process: exit 2 with a message on stderr and nothing on stdout", () => {
    const child = spawnSync(process.execPath, ["bin/chitieu.js", "evaluate", join(dir, "nope.json")], { encoding: "utf8" });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe("");
    expect(child.stderr).toContain("Không đọc được tệp");
    const ok = spawnSync(process.execPath, ["bin/chitieu.js", "evaluate", file("seed3.json", SEED)], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).summary.level).toBe("excellent");
  });
});
