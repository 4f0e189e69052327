/**
 * "Tổng của tỉnh" on paper around a page's end (issue 16's noticed item): a group's heading row
 * never ends a page without its first indicator, and the signature never takes a page with only
 * the repeated header. The first group grows one indicator at a time across the end of page 1
 * (with 11, LibreOffice printed the second group's heading alone at the foot of page 1 before the
 * breaks kept it with its indicator; with a second group of one indicator, the heading stayed behind
 * when the signature took that indicator along); each size is printed as `chitieu print` prints it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { Consolidation, ConsolidatedUnit, GroupTotal, UnitKind } from "../../src/domain";
import { verbatim } from "../../src/domain/messages/localize";
import { TOTALS_SHEET, totalsSheet } from "../../src/layout/comparison";
import { writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { makeTempDir, pdfPageTexts } from "../support/libreoffice";

jest.setTimeout(300_000);

const GROUPS: readonly { kind: UnitKind; name: string; unit: string }[] = [
  { kind: "department", name: "Cơ quan tham mưu, Mặt trận và đoàn thể tỉnh", unit: "Ban Tổ chức Tỉnh ủy" },
  { kind: "district", name: "Huyện, thành phố", unit: "Huyện Tam Đảo" },
];
/**
 * Indicators in the first and the second group: the first grows across the end of page 1; a second
 * group of one indicator puts its heading just above the row the signature takes along.
 */
const SIZES: readonly [number, number][] = [[9, 6], [10, 6], [11, 6], [12, 6], [13, 6], [5, 1], [7, 1], [9, 1]];

/** The consolidation's totals for `first` and `second` indicators in the two groups, every one summed. */
function consolidation(first: number, second: number): Consolidation {
  const sizes = [first, second];
  const codes = (k: number) => Array.from({ length: sizes[k] }, (_, i) => `${k + 1}.${i + 1}`);
  const units = GROUPS.map(({ kind, unit }, k) => ({
    unit,
    kind,
    indicators: codes(k).map((code, i) => ({ code, group: "1", name: `Chỉ tiêu số ${i + 1} của nhóm`, direction: "increase", achievement: 1, status: "met", unit: "người", target: 10, actual: 10 })),
  }));
  const totals: GroupTotal[] = GROUPS.flatMap(({ kind }, k) =>
    codes(k).map((code) => ({ group: kind, code, total: { kind: "sum", target: 10, actual: 10, assessment: { achievement: 1, status: "met" }, pending: [] } as unknown as GroupTotal["total"] })),
  );
  return {
    year: 2025,
    indicators: [],
    units: units as unknown as ConsolidatedUnit[],
    rejected: [],
    quota: [],
    quotaBase: "good",
    groups: GROUPS.map(({ kind, name, unit }, k) => ({ kind, name, label: verbatim(name), indicators: codes(k), units: [unit] })),
    totals,
  };
}

const dir = makeTempDir("chitieu-tong-cua-tinh-");
/** For each pair of sizes, the lines of each printed page without its page number. */
const printed = new Map<string, string[][]>();

beforeAll(async () => {
  for (const [first, second] of SIZES) {
    const xlsx = join(dir, `nhom-${first}-${second}.xlsx`);
    const pdf = join(dir, `nhom-${first}-${second}.pdf`);
    writeFileSync(xlsx, writeSheetsXlsx({ sheets: [totalsSheet(consolidation(first, second))], names: [] }));
    expect(await run(["print", xlsx, "--sheet", TOTALS_SHEET, "-o", pdf])).toEqual({ stdout: "", exitCode: 0 });
    const lines = pdfPageTexts(pdf).map((page) => page.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !/^Trang \d+ \/ \d+$/.test(line)));
    printed.set(`${first}-${second}`, lines);
  }
});

test.each(SIZES)("with %i and %i indicators in the groups, no page ends on a group's heading", (first, second) => {
  const pages = printed.get(`${first}-${second}`) as string[][];
  const headings = GROUPS.map((g) => g.name);
  expect(pages.map((lines) => lines.at(-1)).filter((last) => headings.includes(last as string))).toEqual([]);
  // Both headings are printed, each followed on its page by its first indicator.
  for (const [k, heading] of headings.entries()) {
    const page = pages.find((lines) => lines.includes(heading)) as string[];
    expect(page[page.indexOf(heading) + 1]).toMatch(new RegExp(`^${k + 1}\\.1 `));
  }
});

test.each(SIZES)("with %i and %i indicators in the groups, the signature's page holds the last indicator", (first, second) => {
  const last = (printed.get(`${first}-${second}`) as string[][]).at(-1) as string[];
  expect(last.some((line) => line.startsWith(`2.${second} `))).toBe(true);
  expect(last.some((line) => line.startsWith("Nơi nhận:"))).toBe(true);
});
