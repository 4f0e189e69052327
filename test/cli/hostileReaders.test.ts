import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellXml, editedUnit, SHARED_STRINGS, UNIT_SHEET, UNIT_TABLE, unitBytes, WORKBOOK } from "../support/hostileFiles";
import type { Answer, Case, Reader } from "../support/hostileRunner";
import { deflated, rawZip } from "../support/zipBuilder";

/**
 * The hostile-input suite (issue 18): generated files through every reader — the CLI's `read`,
 * `consolidate`, `tasks evaluate`, `print` and `assign`, and the pane's reader (DecompressionStream and
 * TextDecoder) — each case in a child process with a processor-time bound (CASE_MS of user and
 * system time, as the child measures it: a machine busy with other tests stretches only the wall
 * clock), a wall-clock guard against a case that hangs (the child is killed when it is passed) and
 * a memory bound (its heap limit, and its peak resident memory checked after every case). Nothing
 * may crash: a file is read, or refused with a Vietnamese message.
 */
const CASE_MS = 10_000;
/** A case still running after this much wall time is hung, however loaded the machine. */
const HANG_MS = 6 * CASE_MS;
const PEAK_MB = 900;
const READERS: readonly Reader[] = ["read", "consolidate", "tasks", "print", "pane", "assign"];
const MANY = 400_000;
const dir = mkdtempSync(join(tmpdir(), "chitieu-hostile-"));

let child: ChildProcess;
beforeAll(async () => {
  child = fork(join(__dirname, "../support/hostileRunner.ts"), [], {
    execArgv: ["--max-old-space-size=700", "-r", "ts-node/register/transpile-only"],
    env: { ...process.env, TS_NODE_PROJECT: join(__dirname, "../../tsconfig.json") },
  });
  await new Promise((resolve) => child.once("message", resolve));
}, 60_000);
afterAll(() => {
  child.kill();
});

/** One reader on one file, within the bounds (a case past its time kills the child, and the suite fails). */
function readBounded(c: Case): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${c.reader} ${c.file}: no answer within ${HANG_MS} ms`));
    }, HANG_MS);
    child.once("exit", (code, signal) => reject(new Error(`${c.reader} ${c.file}: the reader died (${code ?? signal}), out of memory or crashed`)));
    child.once("message", (answer: Answer) => {
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve(answer);
    });
    child.send(c);
  });
}

async function file(name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await bytes);
  return path;
}

const BILLION_LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
  "]>";

const CASES: readonly [string, () => Promise<Uint8Array>][] = [
  ["unit", unitBytes],
  ["unclosed-si", () => editedUnit(SHARED_STRINGS, (xml) => xml.replace("</sst>", "<si>".repeat(MANY) + "</sst>"))],
  ["unclosed-rPh", () => editedUnit(SHARED_STRINGS, (xml) => xml.replace("</si>", "<rPh>".repeat(MANY) + "</si>"))],
  ["unclosed-t", () => editedUnit(SHARED_STRINGS, (xml) => xml.replace("</si>", "<t>".repeat(MANY) + "</si>"))],
  ["unclosed-definedName", () => editedUnit(WORKBOOK, (xml) => xml.replace("</definedNames>", "<definedName ".repeat(MANY) + "</definedNames>"))],
  ["table-XFD1048576", () => editedUnit(UNIT_TABLE, (xml) => xml.replace(/ ref="[^"]*"/, ' ref="A7:XFD1048576"'))],
  ["table-L1048576", () => editedUnit(UNIT_TABLE, (xml) => xml.replace(/ ref="[^"]*"/, ' ref="A7:L1048576"'))],
  ["comment-I8", () => editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "I8"), `<!--<c r="I8"><v>1</v></c>-->${cellXml(xml, "I8")}`))],
  ["hex-I8", () => editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "I8"), '<c r="I8"><v>0x834</v></c>'))],
  ["past-XFD", () => editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "I8"), `<c r="XFE7"><v>1</v></c>${cellXml(xml, "I8")}`))],
  ["ratio-overflow", () => editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "H8"), '<c r="H8"><v>1E-320</v></c>').replace(cellXml(xml, "I8"), '<c r="I8"><v>1E+308</v></c>'))],
  ["uncomputed-I8", () => editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "I8"), '<c r="I8"><f>100+10</f></c>'))],
  ["billion-laughs", () => editedUnit(WORKBOOK, (xml) => xml.replace("<workbook", `${BILLION_LAUGHS}<workbook`).replace("&apos;Chỉ tiêu&apos;!$B$5", "&lol9;"))],
  ["deep-workbook", () => editedUnit(WORKBOOK, (xml) => xml.replace("</workbook>", "<a>".repeat(1_000_000)))],
  ["rels-outside", () => editedUnit("xl/_rels/workbook.xml.rels", (xml) => xml.replace('Target="worksheets/sheet1.xml"', 'Target="../../etc/passwd"'))],
  ["zip-bomb", async () => rawZip([deflated("xl/workbook.xml", Buffer.from("<workbook/>"), 60 * 1024 * 1024)])],
];

const answers = new Map<string, Answer>();

describe.each(CASES)("%s", (name, make) => {
  let path: string;
  beforeAll(async () => {
    path = await file(`${name}.xlsx`, make());
  });
  test.each(READERS)("through %s: within the bounds, read or refused with a message", async (reader) => {
    const answer = await readBounded({ reader, file: path, out: join(dir, `${name}-${reader}.${reader === "print" ? "pdf" : "xlsx"}`) });
    answers.set(`${name} ${reader}`, answer);
    expect(answer.outcome.kind).not.toBe("crash");
    expect(answer.outcome.text).not.toContain("lỗi không lường trước");
    expect(answer.ms).toBeLessThan(CASE_MS);
    expect(answer.peakMB).toBeLessThan(PEAK_MB);
  }, HANG_MS + 5_000);
});

describe("what the readers say of the hostile files", () => {
  const outcome = (key: string) => answers.get(key)?.outcome;
  const NARROW = ["read", "tasks", "print", "pane", "assign"];
  test("unclosed tags are refused as damaged parts by the narrow readers", () => {
    for (const name of ["unclosed-si", "unclosed-rPh", "unclosed-t"]) {
      for (const reader of NARROW) expect(`${name} ${reader}: ${outcome(`${name} ${reader}`)?.text}`).toContain("không được đóng");
    }
  });
  test("a small part that is not XML, declares a DOCTYPE, nests without end or points outside the file is refused, naming the part", () => {
    const said: readonly [string, string][] = [
      ["unclosed-definedName", "phần xl/workbook.xml của tệp bị hỏng: không phải XML hợp lệ"],
      ["billion-laughs", "phần xl/workbook.xml của tệp có khai báo <!DOCTYPE"],
      ["deep-workbook", "phần xl/workbook.xml của tệp bị hỏng: các thẻ lồng nhau sâu quá 64 tầng"],
      ["rels-outside", 'phần xl/_rels/workbook.xml.rels của tệp trỏ tới "../../etc/passwd", một chỗ nằm ngoài tệp'],
    ];
    for (const [name, text] of said) for (const reader of NARROW) expect(`${name} ${reader}: ${outcome(`${name} ${reader}`)?.text}`).toContain(text);
  });
  test("the comment is not read: `read` gives what it gives for the unit itself", () => {
    expect(outcome("comment-I8 read")).toEqual(outcome("unit read"));
  });
  test("cells Excel would not read are refused, naming the cell", () => {
    expect(outcome("hex-I8 read")?.text).toContain('ô I8 ghi "0x834"');
    expect(outcome("past-XFD pane")?.text).toContain("ô XFE7 nằm ngoài trang tính");
  });
  test("a ratio that overflows and a formula without its result are named, never a level", () => {
    expect(outcome("ratio-overflow read")?.text).toContain("#NUM!");
    expect(outcome("uncomputed-I8 read")?.text).toContain("Hãy mở tệp trong Excel, lưu lại rồi đọc lại");
  });
  test("a zip bomb is refused by every reader, print included, before anything is inflated", () => {
    for (const reader of READERS) expect(outcome(`zip-bomb ${reader}`)?.text).toContain("50 MB");
  });
});
