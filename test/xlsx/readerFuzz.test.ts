import { BUFFER_TEXT } from "../../src/xlsx/xlsxParts";
import { xlsxFromParts } from "../../src/xlsx/xlsxPackage";
import { readXlsxWorkbook, type UnitWorkbookRead } from "../../src/xlsx/workbookCells";
import { xmlUnescape } from "../../src/xlsx/xmlText";
import { partsOf, SHARED_STRINGS, UNIT_SHEET, UNIT_TABLE, unitBytes, WORKBOOK } from "../support/hostileFiles";
import { mulberry32 } from "../support/random";

/**
 * Fuzzing the narrow reader over mutated unit workbooks, with a seeded mutator (test/support/random.ts,
 * so a failing run is replayed from its seed). Two kinds of mutation:
 * - what Excel does not see (comments, processing instructions, CDATA, between any two tags or
 *   inside text): the workbook must read exactly as the original;
 * - damage (cuts, repeats, stray tokens, odd numbers): the workbook is read or refused with a
 *   Vietnamese message, never a crash (TypeError, RangeError …), never a hang, never a number
 *   Excel cannot hold (NaN, Infinity) in what is read.
 * FUZZ_RUNS scales the runs (CI: the default, a few thousand in all).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const RUN_MS = 2_000;
const PARTS = [UNIT_SHEET, SHARED_STRINGS, WORKBOOK, UNIT_TABLE];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const position = (random: Random, xml: string) => Math.floor(random() * (xml.length + 1));

/** Where each comment, processing instruction or CDATA section ends, by how it starts. */
const SKIPPED: readonly (readonly [string, string])[] = [["<!--", "-->"], ["<?", "?>"], ["<![CDATA[", "]]>"]];

/**
 * A random tag's "<" (of a start or an end tag): before it lies markup or the end of a text, where
 * XML allows a comment. Never inside a comment, a processing instruction or CDATA (one inserted
 * there would end it early), nor before the XML declaration (nothing may come before it).
 */
function tagStart(random: Random, xml: string): number {
  const tags: number[] = [];
  for (let at = xml.indexOf("<"); at >= 0; ) {
    const skipped = SKIPPED.find(([open]) => xml.startsWith(open, at));
    if (skipped !== undefined) {
      const end = xml.indexOf(skipped[1], at + skipped[0].length);
      at = end < 0 ? -1 : xml.indexOf("<", end + skipped[1].length);
      continue;
    }
    if (/[A-Za-z_/]/.test(xml[at + 1] ?? "")) tags.push(at);
    at = xml.indexOf("<", at + 1);
  }
  return tags.length === 0 ? xml.length : pick(random, tags);
}

const INVISIBLE: readonly ((random: Random, xml: string) => string)[] = [
  (random, xml) => {
    const at = tagStart(random, xml);
    return `${xml.slice(0, at)}<!-- <c r="I8"><v>1</v></c> <si><t>x</t></si> - -->${xml.slice(at)}`;
  },
  (random, xml) => {
    const at = tagStart(random, xml);
    return `${xml.slice(0, at)}<?chitieu <definedName name="TenDonVi">x</definedName> ?>${xml.slice(at)}`;
  },
  // A text (of a <t>, <v>, <f> or <definedName>) written as CDATA.
  (random, xml) => {
    const texts = [...xml.matchAll(/<(t|v|f|definedName)\b[^>]*>([^<]+)<\/\1>/g)];
    if (texts.length === 0) return xml;
    const m = pick(random, texts);
    const text = xmlUnescape(m[2]);
    if (text.includes("]]>")) return xml;
    const start = (m.index ?? 0) + m[0].indexOf(">") + 1;
    return `${xml.slice(0, start)}<![CDATA[${text}]]>${xml.slice(start + m[2].length)}`;
  },
];

const TOKENS = [
  "<si>", "<t>", "<rPh>", "</si>", "<c r=\"XFE1\">", "<c r=\"I8\"><v>0x834</v></c>", "<v>1E+308</v>", "<v>1E-320</v>", '"', ">", "<", "&", "&#xFFFE;",
  "<![CDATA[", "<!--", "<?", "<row r=\"99999999\">", "</sheetData>", "<x:c r=\"A1\">", 'ref="A1:XFD1048576"',
  "<definedName name=\"TenDonVi\">'Chỉ tiêu'!$ZZZ$9999999</definedName>", "<sheet name=\"x\" r:id=\"rId99\"/>", "<f>", "<f t=\"shared\" si=\"0\"/>",
];

const DAMAGE: readonly ((random: Random, xml: string) => string)[] = [
  (random, xml) => xml.slice(0, position(random, xml)),
  (random, xml) => {
    const at = position(random, xml);
    return xml.slice(0, at) + xml.slice(Math.min(xml.length, at + 1 + Math.floor(random() * 2_000)));
  },
  (random, xml) => {
    const at = position(random, xml);
    const piece = xml.slice(at, at + 1 + Math.floor(random() * 2_000));
    return xml.slice(0, at) + piece.repeat(1 + Math.floor(random() * 50)) + xml.slice(at);
  },
  (random, xml) => {
    const at = position(random, xml);
    return xml.slice(0, at) + pick(random, TOKENS).repeat(1 + Math.floor(random() * 3) * Math.floor(random() * 20_000)) + xml.slice(at);
  },
  (random, xml) => xml.replace(/>(\d+)</g, (whole) => (random() < 0.05 ? `>${pick(random, ["1E+309", "-0", "NaN", "1E-320", "0x10", " 7 ", "1e308", "٣"])}<` : whole)),
];

let parts: Map<string, string>;
let baseline: UnitWorkbookRead;

const read = (texts: ReadonlyMap<string, string>) =>
  readXlsxWorkbook(xlsxFromParts(new Map([...texts].map(([name, xml]) => [name, Buffer.from(xml, "utf8")])), BUFFER_TEXT));

/** What a read shows: the engine's evaluation, the levels and the named values the consolidation uses. */
const shown = (r: UnitWorkbookRead) => ({
  evaluation: r.evaluation,
  levels: [r.unitLevel, r.civilServantLevel, r.finalLevel],
  names: ["TenDonVi", "NamDanhGia", "LoaiDonVi", "TongDiem"].map((name) => r.namedValue(name)),
  problems: r.problems.map((p) => p.message),
});

beforeAll(async () => {
  parts = partsOf(await unitBytes());
  baseline = read(parts);
});

function mutated(seed: number, mutations: readonly ((random: Random, xml: string) => string)[]): Map<string, string> {
  const random = mulberry32(seed);
  const next = new Map(parts);
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const name = pick(random, PARTS);
    next.set(name, pick(random, mutations)(random, next.get(name) as string));
  }
  return next;
}

/** Throws (in English, so the run is reported) when what was read holds a number Excel cannot hold. */
function assertFinite(value: unknown): void {
  JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`not a number Excel holds: ${v}`);
    return v;
  });
}

test(`${RUNS} workbooks with what Excel does not see read exactly as the original`, () => {
  let slowest = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const start = performance.now();
    const texts = mutated(seed, INVISIBLE);
    let result: unknown;
    try {
      result = shown(read(texts));
    } catch (error) {
      result = `seed ${seed}: ${(error as Error).message}`;
    }
    if (JSON.stringify(result) !== JSON.stringify(shown(baseline))) expect({ seed, result }).toEqual({ seed, result: shown(baseline) });
    slowest = Math.max(slowest, performance.now() - start);
  }
  expect(slowest).toBeLessThan(RUN_MS);
});

test(`${RUNS} damaged workbooks are read or refused with a message, never a crash, a hang or a number Excel cannot hold`, () => {
  const before = process.resourceUsage().maxRSS;
  let slowest = 0;
  let refused = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const start = performance.now();
    const texts = mutated(seed, DAMAGE);
    try {
      assertFinite(shown(read(texts)));
    } catch (error) {
      refused += 1;
      const e = error as Error;
      const crash = e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError || e instanceof ReferenceError || !/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(e.message);
      if (crash) expect(`seed ${seed}: ${e.constructor.name}: ${e.message}`).toBe("a Vietnamese message");
    }
    slowest = Math.max(slowest, performance.now() - start);
  }
  expect(slowest).toBeLessThan(RUN_MS);
  expect((process.resourceUsage().maxRSS - before) / 1024).toBeLessThan(300);
  // The mutations reach the reader's refusals, not only harmless corners.
  expect(refused).toBeGreaterThan(RUNS / 10);
});
