/**
 * Issue 18 §5, "Done when": every kind of file the CLI writes, written from hostile names, codes
 * and leaders (characters XML 1.0 forbids, Excel's _xFFFF_ and &#xFFFE; escapes read from a unit
 * file, quotes, markup, a leading "=", terminal escapes, bidi overrides, emoji), is re-opened
 * without repair: every XML part well-formed, ExcelJS loads it, and LibreOffice (one run for all
 * files) loads it with every string, including those after the hostile ones.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { run } from "../../src/cli/main";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { readZipParts, zipParts } from "../../src/xlsx/zip";
import { makeTempDir, recalculateXlsx } from "../support/libreoffice";
import { unitFileBytes } from "../support/unitFiles";

jest.setTimeout(300_000);

/** XML 1.0's forbidden characters, written out independently of the writers. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A name with something of everything, and what Excel shows of it. */
const hostile = (name: string) => `${name} \uFFFE<b>&"'\uFFFF\u0001\ud800 _x0041_ \u001b[2J\u202E😀`;
const shown = (name: string) => `${name} <b>&"' _x0041_ [2J\u202E😀`;

const dir = makeTempDir("chitieu-reopen-");
const files: Record<string, string> = {};

/** A unit file whose name cell holds Excel's escapes of forbidden characters, as a hostile file would. */
async function escapedUnitFile(path: string): Promise<void> {
  const parts = readZipParts(await unitFileBytes({ unit: "ESCAPED-NAME", kind: "commune" }), () => true);
  const strings = Buffer.from(parts.get("xl/sharedStrings.xml")!).toString("utf8");
  expect(strings).toContain("ESCAPED-NAME");
  parts.set("xl/sharedStrings.xml", Buffer.from(strings.replace("ESCAPED-NAME", "Xã _xFFFF_Thoát&#xFFFE; Một"), "utf8"));
  writeFileSync(path, zipParts([...parts].map(([name, data]) => ({ name, data }))));
}

beforeAll(async () => {
  const units = join(dir, "units");
  mkdirSync(units);
  for (const [i, name] of ["An Hòa", "Bình Minh", "Cẩm Khê"].entries()) {
    writeFileSync(join(units, `${i + 1}.xlsx`), await unitFileBytes({ unit: hostile(name), kind: "commune", result: i === 0 ? "excellent" : "good" }));
  }
  await escapedUnitFile(join(units, "4.xlsx"));
  files.consolidation = join(dir, "tong-hop.xlsx");
  expect((await run(["consolidate", units, "-o", files.consolidation])).exitCode).toBe(0);

  const data = join(dir, "data.json");
  writeFileSync(
    data,
    JSON.stringify({
      indicators: [
        { code: `1.1"'<&\uFFFF`, name: hostile("Kết nạp"), unit: "người\uFFFE", direction: "increase", target: 10, actual: "=1+1\uFFFF" },
        { code: "1.2", name: "Chỉ tiêu cuối", direction: "milestone", target: "Đạt\uFFFF", actual: "Đạt" },
      ],
    }),
  );
  const tasks = join(dir, "tasks.json");
  writeFileSync(
    tasks,
    JSON.stringify({
      tasks: [
        {
          code: "DP-01\uFFFF\"'", leader: hostile("Nguyễn Văn A"), title: hostile("Chuyển đổi số"), kind: "breakthrough", firstYear: 2025, lastYear: 2025, goal: "\uFFFE",
          targets: [{ year: 2025, name: hostile("Thủ tục"), direction: "increase", target: 50, actual: 65 }],
          milestones: [{ what: hostile("Đề án"), due: "2025-03-31", done: "2025-03-01" }],
        },
      ],
    }),
  );
  files.unit = join(dir, "don-vi.xlsx");
  const header = ["--issuing-body", hostile("BAN THƯỜNG VỤ"), "--signer-name", hostile("Lê Thị B"), "--place-date", "Tam Đảo\uFFFF, ngày 1"];
  const workbook = ["workbook", "--unit", hostile("Tam Đảo"), "--head", hostile("Trần C"), "--year", "2025", "--data", data, ...header, "--tasks", tasks, "--as-of", "2025-06-30", "-o", files.unit];
  expect((await run(workbook)).exitCode).toBe(0);

  files.province = join(dir, "tinh.xlsx");
  expect((await run(["province", "--year", "2025", "--group", `${hostile("Huyện")}: ${hostile("Sông Lô")}; Lập Thạch`, "-o", files.province])).exitCode).toBe(0);
});

/** Every string of a workbook's cells, as our reader reads them (after LibreOffice, from its sharedStrings or inline). */
function texts(file: string): string[] {
  const book = openXlsx(readFileSync(file));
  return book.sheetNames.flatMap((sheet) => {
    const cells = book.cells(sheet)!;
    return Array.from({ length: 120 }, (_, row) => Array.from({ length: 20 }, (_, column) => cells.cell(row, column).value)).flat();
  }).filter((value): value is string => typeof value === "string" && value !== "");
}

/** Strings each file must still hold after LibreOffice: the hostile ones (shown) and ones written after them. */
const EXPECTED: Record<string, readonly string[]> = {
  consolidation: [shown("An Hòa"), shown("Bình Minh"), shown("Cẩm Khê"), "Xã Thoát Một"],
  unit: [shown("Tam Đảo"), shown("Kết nạp"), "Chỉ tiêu cuối"],
  province: [shown("Sông Lô"), "Lập Thạch"],
};

test("every part of every file is well-formed XML 1.0, and ExcelJS opens it", async () => {
  for (const [kind, file] of Object.entries(files)) {
    for (const [name, data] of readZipParts(readFileSync(file), (part) => /\.(xml|rels)$/.test(part))) {
      const xml = Buffer.from(data).toString("utf8");
      expect([kind, name, NOT_XML.test(xml), XMLValidator.validate(xml)]).toEqual([kind, name, false, true]);
    }
    await new ExcelJS.Workbook().xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  }
});

test("our reader and LibreOffice read every string back, those after the hostile ones too", async () => {
  const kinds = Object.keys(files);
  const reopened = await recalculateXlsx(Object.values(files), join(dir, "libreoffice"));
  for (const [i, kind] of kinds.entries()) {
    for (const [by, file] of [["chitieu", files[kind]], ["LibreOffice", reopened[i]]]) {
      const read = texts(file);
      for (const text of EXPECTED[kind]) expect([kind, by, text, read.some((t) => t.includes(text))]).toEqual([kind, by, text, true]);
    }
  }
});
