import { run } from "../../src/cli/main";
import { parseOptions } from "../../src/cli/options";

/** The command line as node's parseArgs reads it, with the rules the hand-written parser had (issue 17 §4). */
describe("parseOptions", () => {
  const spec = { "--year": "string", "--output": "string", "--json": "boolean", "--group": "strings" } as const;

  test("values, flags, -o for --output, repeated options and arguments in order", () => {
    const o = parseOptions(["a.xlsx", "--year", "2025", "-o", "out", "--json", "--group", "1:x", "b.xlsx", "--group=2:y"], spec);
    expect([o.value("--year"), o.value("--output"), o.flag("--json"), o.values("--group")]).toEqual(["2025", "out", true, ["1:x", "2:y"]]);
    expect(o.positionals).toEqual(["a.xlsx", "b.xlsx"]);
    expect(parseOptions(["--output", "x"], spec).value("--output")).toBe("x");
    expect(parseOptions([], spec).flag("--json")).toBe(false);
  });

  test("what is not the command's option stays an argument, and so does a second value of a single option", () => {
    const o = parseOptions(["--unit", "X", "--year", "2025", "--year", "2026", "-x", "--flag=1"], spec);
    expect(o.value("--year")).toBe("2025");
    expect(o.positionals).toEqual(["--unit", "X", "--year", "2026", "-x", "--flag=1"]);
  });

  test("--lang, which every command takes: vi unless en is given; any other language refused", () => {
    expect(parseOptions(["a.xlsx"], spec).language).toBe("vi");
    expect(parseOptions(["a.xlsx", "--lang", "en"], spec)).toMatchObject({ language: "en", positionals: ["a.xlsx"] });
    expect(parseOptions(["--lang=en"], spec).language).toBe("en");
    expect(() => parseOptions(["--lang", "fr"], spec)).toThrow("--lang nhận vi hoặc en");
  });

  test.each([
    [["--year"], "--year"],
    [["--year", "--json"], "--year"],
    [["a", "-o"], "-o"],
  ])("%j: a value is missing", (args, name) => {
    expect(() => parseOptions(args, spec)).toThrow(expect.objectContaining({ said: expect.objectContaining({ params: [name] }) }));
  });
});

test("the commands say it in their words", async () => {
  await expect(run(["workbook", "--unit", "--year", "2025", "-o", "x.xlsx"])).rejects.toMatchObject({ message: expect.stringContaining("Thiếu giá trị cho --unit.") });
  await expect(run(["workbook", "--unit", "X", "--year", "2025", "-o", "x.xlsx", "thua.json", "--bogus"])).rejects.toMatchObject({
    message: expect.stringContaining("Tham số thừa: thua.json --bogus"),
  });
  await expect(run(["read", "a.xlsx", "--format", "csv"])).rejects.toMatchObject({ message: expect.stringContaining("--format") });
});
