// Issue 17 §3: in English mode no sentence reaches a person without passing the message catalogue.
// Every message of the catalogue has an English wording free of Vietnamese, and what the CLI and
// the engine print with --lang en (errors of every kind, reasons, usage and document errors, every
// table and text report, the progress line) is English except the data it quotes.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { documentFiles } from "../support/tempDirs";
import { catalogueEntries, isMessage, render, VERBATIM, type Message } from "../../src/domain/messages/localize";
import { main, run } from "../../src/cli/main";
import { UsageError } from "../../src/cli/io";
import { terminalProgress } from "../../src/cli/consolidateCommand";
import { cellXml, editedUnit, UNIT_SHEET, WORKBOOK } from "../support/hostileFiles";
import { deflated, rawZip } from "../support/zipBuilder";
import { DIRECTION_NAMES, YES_NO } from "../../src/domain";
import { CHART_SHEET, COMPARISON_SHEETS, PREVIOUS_YEAR_SHEET, PUBLIC_SHEET, TOTALS_SHEET } from "../../src/layout/comparison";
import { ASSIGNMENT_SHEET_PREFIX, DECISION_SHEET } from "../../src/layout/province";
import { SHEETS, UNIT_COLUMNS } from "../../src/layout/schema";
import { TASK_PRINT_SHEETS, TASK_SHEETS, TASK_TOTALS_SHEET, TERM_SHEET } from "../../src/layout/tasks";
import { FOLLOW_UP_SHEET, taskRuleCellAddress } from "../../src/layout/unit";

/** Every module of src that defines a section of the catalogue, loaded so that catalogueEntries() sees them all. */
const SECTION_MODULES = readdirSync(resolve(__dirname, "../../src"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.ts$/.test(file) && !file.endsWith("localize.ts"))
  .map((file) => resolve(__dirname, "../../src", file))
  .filter((path) => readFileSync(path, "utf8").includes("defineMessages("));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for their sections, found by name
for (const path of SECTION_MODULES) require(path);

/** Letters only Vietnamese writes (the plain Latin ones are shared with English). */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/**
 * What English may quote in Vietnamese: the product's name, the names of the workbook's sheets and
 * the words its cells take (the workbook itself is Vietnamese), the numbers of official documents
 * (366-QĐ/TW), and anything in quotation marks (a value as typed).
 */
const WORKBOOK_WORDS = [
  "Chỉ Tiêu",
  ...Object.values(SHEETS),
  ...Object.values(COMPARISON_SHEETS),
  ...[CHART_SHEET, PUBLIC_SHEET, PREVIOUS_YEAR_SHEET, TOTALS_SHEET, DECISION_SHEET, FOLLOW_UP_SHEET, TASK_TOTALS_SHEET, TERM_SHEET],
  ...Object.values(TASK_SHEETS),
  ...Object.values(TASK_PRINT_SHEETS),
  ...Object.values(DIRECTION_NAMES),
  ...Object.values(YES_NO),
].sort((a, b) => b.length - a.length);
const unquoted = (text: string) =>
  WORKBOOK_WORDS.reduce((rest, word) => rest.split(word).join(""), text)
    .replace(/[\w./-]*(?:QĐ|NĐ)[\w./-]*/g, "")
    .replace(/"[^"\n]*"/g, '""')
    .replace(/“[^”\n]*”/g, "“”");

/** The texts a message was given (its data), each removed before the check: data stays as typed. */
function dataOf(params: readonly unknown[]): string[] {
  return params.flatMap((p): string[] => {
    if (typeof p === "string") return [p];
    if (Array.isArray(p)) return dataOf(p);
    if (isMessage(p)) return [render(p, "vi"), ...dataOf(p.params)];
    return [];
  });
}

function vietnameseIn(english: string, data: readonly string[]): string | null {
  let rest = unquoted(english);
  for (const d of [...data].sort((a, b) => b.length - a.length)) if (d !== "") rest = rest.split(d).join("");
  const found = VIETNAMESE.exec(rest);
  return found === null ? null : rest.slice(Math.max(0, found.index - 30), found.index + 30);
}

describe("the catalogue", () => {
  const entries = catalogueEntries();

  it("holds every section", () => {
    const sections = new Set(entries.map((e) => e.id.split(".")[0]));
    for (const section of ["engine", "document", "cli", "sheet", "level", "unitKind"]) expect(sections).toContain(section);
    expect(SECTION_MODULES.length).toBeGreaterThan(20);
    expect(entries.length).toBeGreaterThan(300);
  });

  it("words every message in English without Vietnamese (its data aside), and differently from the Vietnamese", () => {
    const strays = entries.flatMap(({ id, example }) => {
      const m: Message = { id, params: example };
      const [vi, en] = [render(m, "vi"), render(m, "en")];
      const data = dataOf(example);
      const left = vietnameseIn(en, data);
      if (left !== null) return [`${id}: …${left}…`];
      // A Vietnamese wording given as the English one would pass the check above only by quoting.
      return VIETNAMESE.test(unquoted(vi)) && vi === en ? [`${id}: the same in both languages`] : [];
    });
    expect(strays).toEqual([]);
  });
});

describe("chitieu with --lang en", () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-english-"));
  const file = documentFiles(dir);

  /** Every kind of input error the engine reports, with ASCII data so that only wordings are checked. */
  const ALL_ERRORS = {
    preset: "qd366-2025",
    commonScore: "abc",
    disqualifying: { degradation: "maybe" },
    excellence: { disciplineBelow: "perhaps" },
    indicators: [
      { code: "1", direction: "increase", target: 100, actual: "abc" },
      { code: "2", direction: "increase", target: 100, actual: "2.100 people" },
      { code: "3", direction: "milestone", actual: "maybe" },
      { code: "4", direction: "increase", target: 100, actual: 1, key: "y" },
      { code: "5", direction: "increase", actual: 1 },
      { code: "6", direction: "increase", target: 1e-300, actual: 1e300 },
      { code: "7", direction: "increase", target: 0, actual: 1 },
      { code: "8", direction: "decrease", target: -5, actual: 1 },
      { code: "9", direction: "milestone", target: false, actual: "x" },
      { code: "10", direction: "sideways", target: 1, actual: 1 },
      { code: "11", target: 1, actual: 1 },
      { code: "11", direction: "increase", target: 1, actual: 1 },
      { code: "12", direction: "increase", target: 1, actual: 1, weight: "heavy" },
      { code: "15", direction: "increase", target: 1, actual: 1, weight: 0 },
      { code: "16", direction: "increase", target: 1, actual: 1, weight: "" },
      { code: "13", direction: "increase", target: 1, actual: 1, late: "soon" },
      { code: "14", direction: "increase", target: 1, actual: 1, score: 99 },
      { code: "17", direction: "milestone", actual: "x", due: "soon", done: "2025-07-01" },
    ],
  };
  /** Inputs that leave the level open, decided, or disqualified: every kind of reason. */
  const REASONS = [
    { commonScore: 27, indicators: [{ code: "1", direction: "increase", target: 100, actual: 130, key: "x" }, { code: "2", direction: "increase", target: 100, actual: 90 }] },
    { commonScore: 25, indicators: [{ code: "1", direction: "increase", target: 100, actual: 130 }, { code: "2", direction: "increase", target: 100 }] },
    { indicators: [{ code: "1", direction: "increase", target: 100, actual: 100 }] },
    { commonScore: 28, disqualifying: { sanction: "Có" }, indicators: [{ code: "1", direction: "increase", target: 100, actual: 150 }] },
    { commonScore: 29, excellence: { disciplineBelow: "Không", shortcomingsRemedied: "Có" }, indicators: [{ code: "1", direction: "increase", target: 100, actual: 150 }] },
    { preset: "nd90-2020", indicators: [{ code: "1", direction: "increase", target: 100, actual: 50 }, { code: "2", direction: "decrease", target: 10, actual: 5 }] },
    { commonScore: 20, indicators: [] },
  ];

  it("words every input error in English, each from the catalogue", async () => {
    const out = JSON.parse((await run(["evaluate", file("errors.json", ALL_ERRORS), "--lang", "en"])).stdout) as {
      errors: { field: string; message: string; id: string }[];
      summary: { reasons: string[] };
    };
    const ids = new Set(out.errors.map((e) => e.id));
    expect([...ids].sort()).toEqual([
      "engine.badCommonScore", "engine.badDate", "engine.badDirection", "engine.badScore", "engine.badWeight", "engine.duplicateCode", "engine.milestoneTargetNotDone",
      "engine.missingDirection", "engine.missingTarget", "engine.missingWeight", "engine.notAFlag", "engine.notAMilestone", "engine.notANumber",
      "engine.notYesNo", "engine.ratioOverflow", "engine.targetNegative", "engine.targetNotPositive",
    ]);
    expect(ids).not.toContain(VERBATIM);
    const vietnamese = [...out.errors.map((e) => `${e.id}: ${e.message}`), ...out.summary.reasons].filter((text) => vietnameseIn(text, []) !== null);
    expect(vietnamese).toEqual([]);
  });

  it.each(REASONS.map((doc, i) => [i, doc] as const))("words the reasons in English (document %i)", async (i, doc) => {
    const out = JSON.parse((await run(["evaluate", file(`reasons${i}.json`, doc), "--lang", "en"])).stdout) as { summary: { reasons: string[] } };
    expect(out.summary.reasons.length).toBeGreaterThan(0);
    expect(out.summary.reasons.filter((text) => vietnameseIn(text, []) !== null)).toEqual([]);
  });

  it.each([
    ["a document of the wrong shape", () => ["evaluate", file("shape.json", { indicators: [{ code: "1", name: 5 }] }), "--lang", "en"]],
    ["a task document of the wrong shape", () => ["tasks", "evaluate", file("tasks.json", { tasks: [{ code: "1" }] }), "--year", "2025", "--as-of", "2025-12-31", "--lang", "en"]],
    ["a file that is not there", () => ["evaluate", join(dir, "nothing.json"), "--lang", "en"]],
    ["a file that is not JSON", () => ["evaluate", join(dir, "shape.json"), join(dir, "other.json"), "--lang", "en"]],
    ["an unknown option value", () => ["evaluate", "x.json", "--format", "xml", "--lang", "en"]],
    ["an unknown command", () => ["evalute", "--lang", "en"]],
    ["an unknown command, --lang=en", () => ["evalute", "--lang=en"]],
    ["a missing option", () => ["workbook", "--year", "2025", "--lang", "en"]],
  ])("words %s, and the usage after it, in English", async (_name, argv) => {
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await main(argv());
      const text = stderr.mock.calls.map((c) => String(c[0])).join("");
      expect(text).toMatch(/^chitieu: /);
      expect(vietnameseIn(text, [dir])).toBeNull();
    } finally {
      stderr.mockRestore();
      process.exitCode = 0;
    }
  });
});

describe("chitieu with --lang en: every table and text report", () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-english-text-"));
  const file = documentFiles(dir);
  /** Names given in ASCII, so that only the wordings (and the workbook's own sheet names) are checked. */
  const REGISTER = {
    tasks: [
      {
        code: "T-1", leader: "Leader A", title: "Digital", kind: "breakthrough", firstYear: 2025, lastYear: 2025, goal: "g",
        targets: [{ year: 2025, name: "n", direction: "increase", target: 50, actual: 65 }],
        milestones: [{ what: "m", due: "2025-03-31", done: "2025-03-01" }, { what: "m2", due: "2025-12-01" }],
      },
      { code: "T-2", leader: "Leader B", title: "One stop", kind: "innovation", firstYear: 2025, lastYear: 2026, goal: "", targets: [{ year: 2025, name: "n", direction: "increase", target: 95 }], milestones: [] },
      {
        code: "T-3", leader: "Leader C", title: "Old", kind: "innovation", firstYear: 2023, lastYear: 2024, goal: "g",
        targets: [2023, 2024].map((year) => ({ year, name: "n", direction: "increase", target: 10, actual: 5 })), milestones: [],
      },
    ],
  };
  const DOCS = [
    { commonScore: 27, indicators: [{ code: "1", direction: "increase", target: 100, actual: 130, key: "x" }, { code: "2", direction: "increase", target: 100, actual: 90 }] },
    { commonScore: 25, indicators: [{ code: "1", direction: "increase", target: 100, actual: 130 }, { code: "2", direction: "increase", target: 100 }] },
    { commonScore: "abc", indicators: [{ code: "1", direction: "increase", target: 100, actual: "abc" }, { code: "4", direction: "increase", target: 100, actual: 1, key: "y" }, { code: "13", direction: "increase", target: 1, actual: 1, late: "soon" }] },
    { commonScore: 20, indicators: [] },
  ];
  /** The output of a command with --lang en, checked: Vietnamese only in the data (sheet names, the temporary folder). */
  const english = async (argv: readonly string[]): Promise<string> => {
    const { stdout } = await run([...argv, "--lang", "en"]);
    expect(stdout.trim()).not.toBe("");
    return stdout;
  };
  /** Data an English sentence names: the temporary folder, the province's sheets, a column of the unit sheet ("column Kế hoạch"). */
  const DATA = [dir, ASSIGNMENT_SHEET_PREFIX, ...UNIT_COLUMNS.map((c) => `column ${c.header}`)];
  const strays = (texts: readonly string[]) => texts.flatMap((text) => text.split("\n")).filter((line) => vietnameseIn(line, DATA) !== null);

  it("evaluate --format table", async () => {
    const tables = await Promise.all(DOCS.map((doc, i) => english(["evaluate", file(`table${i}.json`, doc), "--format", "table"])));
    expect(tables[0]).toMatch(/^Code +Achieved +Assessment\n/);
    expect(strays(tables)).toEqual([]);
  });

  it("read --format table, of a workbook with the register, its cap rule on, and of one with a data error", async () => {
    const unit = join(dir, "unit.xlsx");
    const args = ["--head", "Leader A", "--year", "2025", "--data", file("unit.json", DOCS[1]), "--tasks", file("register.json", REGISTER), "--as-of", "2025-11-15"];
    expect((await run(["workbook", "--unit", "Unit A", ...args, "-o", unit])).exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(unit);
    wb.getWorksheet(SHEETS.rules)!.getCell(taskRuleCellAddress("failedTaskCap")).value = "Hoàn thành nhiệm vụ";
    const capped = join(dir, "capped.xlsx");
    await wb.xlsx.writeFile(capped);
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, await editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "H8"), '<c r="H8" t="inlineStr"><is><t>abc</t></is></c>')));
    const tables = [await english(["read", capped, "--format", "table"]), await english(["read", broken, "--format", "table"])];
    expect(tables[0]).toContain("Cap: rated no higher than Complete");
    expect(tables[1]).toMatch(/\nProblems:\n {2}- Error: /);
    expect(strays(tables)).toEqual([]);
  });

  it("tasks evaluate and tasks term --format table, from a document and from a workbook", async () => {
    const register = file("tasks.json", REGISTER);
    const workbook = join(dir, "register.xlsx");
    expect((await run(["workbook", "--unit", "Unit A", "--year", "2025", "--tasks", register, "--as-of", "2025-11-15", "-o", workbook])).exitCode).toBe(0);
    const tables = await Promise.all(
      [register, workbook].flatMap((input) => [
        english(["tasks", "evaluate", input, "--year", "2025", "--as-of", "2025-11-15", "--format", "table"]),
        english(["tasks", "term", input, "--format", "table"]),
      ]),
    );
    expect(tables[1]).toMatch(/^Term 2023–2026/);
    expect(strays(tables)).toEqual([]);
  });

  it("consolidate, for the year and mid-year, with a file refused and units to look at again", async () => {
    const units = join(dir, "units");
    mkdirSync(units);
    for (const [i, doc] of DOCS.slice(0, 2).entries()) {
      await run(["workbook", "--unit", `Unit ${i}`, "--year", "2025", "--data", file(`unit${i}.json`, doc), "-o", join(units, `unit${i}.xlsx`)]);
    }
    // A unit of another year: refused.
    writeFileSync(join(units, "other-year.xlsx"), await editedUnit(UNIT_SHEET, (xml) => xml));
    // A damaged file: the zip reader's reason travels as data into the rejection.
    writeFileSync(join(units, "damaged.xlsx"), "PK\u0003\u0004 not a zip at all");
    const reports = [await english(["consolidate", units, "-o", join(dir, "year.xlsx")]), await english(["consolidate", units, "--quarter", "2", "-o", join(dir, "q2.xlsx")])];
    expect(reports[1]).toMatch(/^Consolidated \(PROVISIONAL Q2 as of 30\/06\/2025\) 2 units from 4 files/);
    expect(reports[0]).toContain("damaged.xlsx");
    const progress: string[] = [];
    const line = terminalProgress((text) => progress.push(text), "en");
    line(0, 3);
    expect(progress).toEqual(["\rReading file 1/3…"]);
    expect(strays([...reports, ...progress])).toEqual([]);
  });

  it("assign and print of a province workbook with its targets not yet typed: refused, each cell named", async () => {
    const province = join(dir, "province.xlsx");
    expect((await run(["province", "--year", "2025", "--group", "Districts: Unit A; Unit B", "-o", province])).exitCode).toBe(0);
    const reports = [await english(["assign", province, "-o", join(dir, "assigned")]), await english(["print", province, "-o", join(dir, "decision.pdf")])];
    expect(reports[0]).toMatch(/^No file written: \d+ problems\.\n/);
    expect(strays(reports)).toEqual([]);
  });
});

describe("chitieu read on a refused .xlsx file", () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-english-xlsx-"));
  const cases: readonly [string, () => Promise<Uint8Array>, string][] = [
    ["a DOCTYPE in the workbook part", () => editedUnit(WORKBOOK, (xml) => xml.replace("<workbook", '<!DOCTYPE w [<!ENTITY a "b">]><workbook')), "xmlPart.doctype"],
    ["a relationship outside the file", () => editedUnit("xl/_rels/workbook.xml.rels", (xml) => xml.replace('Target="worksheets/sheet1.xml"', 'Target="../../x.xml"')), "xlsxPackage.outside"],
    ["a number Excel does not read", () => editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "I8"), '<c r="I8"><v>0x834</v></c>')), "sheetXml.notANumber"],
    ["a zip bomb", async () => rawZip([deflated("xl/workbook.xml", Buffer.from("<workbook/>"), 60 * 1024 * 1024)]), "zip.tooLarge"],
  ];

  it.each(cases)("words %s in English: the reader's refusal travels as data", async (_name, make, id) => {
    const path = join(dir, `${id}.xlsx`);
    writeFileSync(path, await make());
    const error = await run(["read", path]).then(
      () => null,
      (e: unknown) => e as UsageError,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(JSON.stringify(error?.said)).toContain(`"id":"${id}"`);
    const english = render(error?.said as Message, "en");
    expect(english).toContain(path);
    expect(vietnameseIn(english, [dir])).toBeNull();
  });
});

