/**
 * What the pane's bundle reaches for Tổng hợp (the adapter and the reader it uses) imports no
 * Node module and uses no Buffer: the browser has neither. Walks the relative imports from the
 * adapter file through the source, as webpack would.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");

function reach(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    const text = readFileSync(file, "utf8");
    found.set(file, text);
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g)) {
      const base = join(dirname(file), m[1]);
      const target = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find(existsSync);
      if (target) visit(target);
    }
  };
  visit(entry);
  return found;
}

test("the Tổng hợp adapter reaches no node: module and no Buffer", () => {
  const files = reach(join(ROOT, "src", "excel", "consolidateFiles.ts"));
  const names = [...files.keys()].map((f) => relative(ROOT, f));
  expect(names).toEqual(expect.arrayContaining(["src/xlsx/zipStream.ts", "src/xlsx/unitSummary.ts", "src/xlsx/xlsxPackage.ts", "src/xlsx/sheetCells.ts"]));
  expect(names).not.toContain("src/xlsx/zipGuard.ts");
  const offending = [...files].filter(([, text]) => /from\s+"(?:node:|fs"|zlib"|path")|\bBuffer\b(?!Source)/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
  expect(offending.map(([f]) => relative(ROOT, f))).toEqual([]);
});
