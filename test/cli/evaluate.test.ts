import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentFiles } from "../support/tempDirs";
import { main, run } from "../../src/cli/main";
import { UsageError } from "../../src/cli/io";

const dir = mkdtempSync(join(tmpdir(), "chitieu-cli-"));
const file = documentFiles(dir);

const SEED = {
  preset: "qd366-2025",
  commonScore: 27,
  excellence: { disciplineBelow: "Không", shortcomingsRemedied: "Có" },
  indicators: [
    { code: "1.1", group: "1", name: "Kết nạp đảng viên mới", unit: "người", direction: "increase", target: 2000, actual: "2.100", key: false, weight: 1 },
  ],
};

describe("chitieu evaluate", () => {
  test("the contract example", async () => {
    const result = await run(["evaluate", file("seed.json", SEED)]);
    expect(result.exitCode).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.indicators).toEqual([{ code: "1.1", achievement: 1.05, status: "exceeded", late: false }]);
    expect(output.summary).toMatchObject({
      total: 1, met: 1, exceeded: 1, notMet: 0, pending: 0, resultPoints: 70, points: 97, level: "excellent", ceilingLevel: "excellent", provisional: false,
    });
    expect(Object.keys(output.summary)).toEqual([
      "total", "met", "exceeded", "notMet", "pending", "late", "resultPoints", "points", "level", "ceilingLevel", "provisional", "disqualified", "reasons", "reasonIds",
    ]);
    expect(output.errors).toEqual([]);
  });

  test("QĐ 366 Art. 11: the excellence answers unanswered keep excellent a ceiling; a late row bars it", async () => {
    const unanswered = JSON.parse((await run(["evaluate", file("open.json", { ...SEED, excellence: undefined })])).stdout);
    expect(unanswered.summary).toMatchObject({ level: "good", ceilingLevel: "excellent", provisional: true });
    const late = { ...SEED, indicators: [{ ...SEED.indicators[0], late: "Có" }] };
    const output = JSON.parse((await run(["evaluate", file("late.json", late)])).stdout);
    expect(output.summary).toMatchObject({ late: 1, level: "incomplete", provisional: false });
  });

  test("a milestone done after its due date is late in the JSON, its row and the count; a bad date exits 1 naming the field", async () => {
    const milestone = { code: "2.1", direction: "milestone", actual: "Đạt", due: "30/6/2025", done: "2025-07-15" };
    const doc = { ...SEED, indicators: [...SEED.indicators, milestone] };
    const output = JSON.parse((await run(["evaluate", file("dates.json", doc)])).stdout);
    expect(output.indicators.map((i: { late: boolean }) => i.late)).toEqual([false, true]);
    expect(output.summary.late).toBe(1);
    const bad = await run(["evaluate", file("bad-date.json", { ...doc, indicators: [SEED.indicators[0], { ...milestone, done: "15/13/2025" }] }), "--lang", "en"]);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout).errors).toEqual([
      { code: "2.1", field: "done", id: "engine.badDate", message: 'Completion date "15/13/2025" is not a date: enter a real day, for example 30/6/2025 or 2025-06-30.' },
    ]);
  });

  test("input errors: exit 1 and the JSON is still printed", async () => {
    const doc = { indicators: [{ code: "1.1", direction: "increase", target: 0, actual: 5 }, { code: "1.2", direction: "increase", target: 5 }] };
    const result = await run(["evaluate", file("errors.json", doc)]);
    expect(result.exitCode).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.errors).toEqual([{ code: "1.1", field: "target", message: expect.stringContaining("lớn hơn 0"), id: "engine.targetNotPositive" }]);
    expect(output.indicators.map((i: { status: string }) => i.status)).toEqual(["error", "pending"]);
    // Floor: the erroneous and the pending indicator count as not met; ceiling: as exceeded.
    expect(output.summary).toMatchObject({ level: "incomplete", ceilingLevel: "excellent", resultPoints: 0, points: null, provisional: true });
  });

  test("pending figures never inflate the level: 3 of 18 entered is not excellent", async () => {
    const indicators = Array.from({ length: 18 }, (_, i) => ({
      code: `c${i + 1}`, direction: "increase", target: 100, ...(i < 3 ? { actual: 130 } : {}),
    }));
    const output = JSON.parse((await run(["evaluate", file("three.json", { commonScore: 30, indicators })])).stdout);
    expect(output.summary).toMatchObject({ pending: 15, level: "incomplete", ceilingLevel: "excellent", resultPoints: 11.67, points: 41.67 });
    expect(output.summary.reasons.join(" ")).toContain("c4, c5");
  });

  test("a disqualifying condition: incomplete whatever the points, with the reason", async () => {
    const doc = { ...SEED, disqualifying: { sanction: "có" } };
    const output = JSON.parse((await run(["evaluate", file("sanction.json", doc)])).stdout);
    expect(output.summary).toMatchObject({ points: 97, level: "incomplete", ceilingLevel: "incomplete", disqualified: ["sanction"] });
    expect(output.summary.reasons.join(" ")).toContain("kỷ luật");
    const bad = await run(["evaluate", file("sanction2.json", { ...SEED, disqualifying: { corruption: "có lẽ" } })]);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout).errors).toEqual([{ code: null, field: "corruption", message: expect.stringContaining('"có lẽ"'), id: "engine.notYesNo" }]);
  });

  test("a shown percentage agrees with its status: 3,00015 against 3 is 100,01 %, exceeded", async () => {
    const doc = { commonScore: 30, indicators: [{ code: "a", direction: "increase", target: 3, actual: 3.00015 }] };
    const json = JSON.parse((await run(["evaluate", file("prec.json", doc)])).stdout);
    expect(json.indicators[0]).toEqual({ code: "a", achievement: 1.0001, status: "exceeded", late: false });
    const table = (await run(["evaluate", file("prec2.json", doc), "--format", "table"])).stdout;
    expect(table).toMatch(/a\s+100,01 %\s+Vượt/);
  });

  test("a missing direction says so, and control characters in codes are shown escaped", async () => {
    const doc = { indicators: [{ code: "1.1\u0007", target: 1, actual: 1 }, { code: "1.1\u0007", direction: "increase", target: 1, actual: 1 }] };
    const output = JSON.parse((await run(["evaluate", file("dir.json", doc)])).stdout);
    expect(output.errors[0]).toMatchObject({ field: "direction", message: "Thiếu chiều: chọn Tăng, Giảm hoặc Đạt/Không." });
    expect(output.errors[1].message).toContain("Mã 1.1\\u0007 bị trùng");
  });

  test("optional fields take their defaults and a missing commonScore gives null points", async () => {
    const doc = { indicators: [{ code: 7, direction: "decrease", target: "10", actual: "8" }] };
    const output = JSON.parse((await run(["evaluate", file("minimal.json", doc)])).stdout);
    expect(output.indicators[0]).toEqual({ code: "7", achievement: 1.2, status: "exceeded", late: false });
    expect(output.summary).toMatchObject({ points: null, resultPoints: 70, level: "good", ceilingLevel: "excellent", provisional: true });
  });

  test("--format table prints a Vietnamese table", async () => {
    const result = await run(["evaluate", file("seed2.json", SEED), "--format", "table"]);
    expect(result.stdout).toContain("105,00 %");
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

  test("--lang en words the reasons and the errors in English, the same figures as in Vietnamese", async () => {
    const doc = { commonScore: 27, indicators: [{ code: "1.1", direction: "increase", target: 0, actual: 5 }, { code: "1.2", direction: "increase", target: 10, actual: 12 }] };
    const path = file("english.json", doc);
    const vi = JSON.parse((await run(["evaluate", path])).stdout);
    const en = JSON.parse((await run(["evaluate", path, "--lang", "en"])).stdout);
    expect(en.indicators).toEqual(vi.indicators);
    // The same reasons, index for index, named by the same ids in both languages.
    expect({ ...en.summary, reasons: null }).toEqual({ ...vi.summary, reasons: null });
    expect(en.summary.reasonIds).toEqual(["engine.reasonCounts", "engine.reasonPoints", "engine.reasonMissed", "engine.reasonErrors", "engine.reasonFloor", "engine.reasonCeiling"]);
    expect(en.errors).toEqual([{ code: "1.1", field: "target", message: "Target 0 is not valid: an increase indicator needs a target above 0.", id: "engine.targetNotPositive" }]);
    expect(en.summary.reasons).toHaveLength(vi.summary.reasons.length);
    expect(en.summary.reasons.join(" ")).not.toMatch(/[ăâđêôơưạảấầậắằẳặẹẻếềểệịọỏốồổộớờởợụủứừửựỳỵỷỹàáèéìíòóùúý]/i);
    expect(en.summary.reasons[0]).toMatch(/^1\/2 indicators met or exceeded/);
    await expect(run(["evaluate", path, "--lang", "fr"])).rejects.toThrow("--lang nhận vi hoặc en");
    // The table too: its headings, statuses and summary lines in English, its figures as in Vietnamese.
    const table = (await run(["evaluate", path, "--lang", "en", "--format", "table"])).stdout;
    expect(table).toMatch(/^Code +Achieved +Assessment\n[- ]+\n1\.1 +Data error\n1\.2 +120,00 % +Exceeded\n/);
    expect(table).toContain("\nSuggested rating: ");
    expect(table).toContain("\nData errors:\n  - 1.1 Target: Target 0 is not valid");
  });

  test("--lang en words the usage and document errors in English too; they carry their id", async () => {
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await main(["evaluate", file("en-shape.json", { indicators: [{ direction: "increase" }] }), "--lang", "en"]);
      expect(String(stderr.mock.calls[0][0])).toMatch(/^chitieu: .*en-shape\.json: indicators\[0\]\.code must be a string or a number\.\n$/);
      stderr.mockClear();
      await main(["evaluate", "--lang", "en", "--format", "xml", "x.json"]);
      expect(String(stderr.mock.calls[0][0])).toMatch(/^chitieu: --format takes json or table, not "xml"\.\nUsage:/);
    } finally {
      stderr.mockRestore();
      process.exitCode = 0;
    }
    const thrown = await run(["evaluate", file("en-preset.json", { preset: "x", indicators: [] })]).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ said: { id: "cli.inFile", params: [expect.stringContaining("en-preset.json"), { id: "document.badPreset" }] } });
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
