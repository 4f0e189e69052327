/**
 * The layering rules of `.dependency-cruiser.js` (run by `npm run lint`) fail on a forbidden import:
 * dependency-cruiser with the project's own configuration, on a small made-up src tree.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");
const DEPCRUISE = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The violations found in a src tree of `files` (path → content). */
function violations(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-boundaries-"));
  try {
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "commonjs", moduleResolution: "node", strict: true } }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(process.execPath, [DEPCRUISE, "--config", join(ROOT, ".dependency-cruiser.js"), "--output-type", "json", "src"], { cwd: dir, encoding: "utf8" });
    if (run.stdout === "") throw new Error(run.stderr);
    const found = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
    return found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("imports along the layers pass, and a known cycle is let through", () => {
  expect(
    violations({
      "src/domain/rule.ts": "export const rule = 1;\n",
      "src/layout/sheet.ts": 'import { rule } from "../domain/rule";\nexport const sheet = rule;\n',
      "src/excel/adapter.ts": 'import { sheet } from "../layout/sheet";\nexport const adapter = sheet;\n',
      "src/taskpane/view.ts": 'import { adapter } from "../excel/adapter";\nexport const view = adapter;\n',
      "src/i18n/strings.ts": 'import type { En } from "./stringsEn";\nexport type Key = "a";\nexport const vi: En | null = null;\n',
      "src/i18n/stringsEn.ts": 'import type { Key } from "./strings";\nexport type En = Record<Key, string>;\n',
    }),
  ).toEqual([]);
});

test("an import against the layers, a package in the domain or layout, and a new cycle fail", () => {
  expect(
    violations({
      "src/domain/rule.ts": 'import { adapter } from "../excel/adapter";\nexport const rule = adapter;\n',
      "src/layout/sheet.ts": 'import { readFileSync } from "node:fs";\nexport const sheet = readFileSync;\n',
      "src/excel/adapter.ts": "export const adapter = 1;\n",
      "src/xlsx/reader.ts": 'import { view } from "../taskpane/view";\nexport const reader = view;\n',
      "src/taskpane/view.ts": "export const view = 1;\n",
      "src/cli/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "src/cli/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
    }),
  ).toEqual([
    "domain-imports-nothing: src/domain/rule.ts → src/excel/adapter.ts",
    "layout-only-domain: src/layout/sheet.ts → fs",
    "no-circular: src/cli/a.ts → src/cli/b.ts",
    "no-upward-from-domain: src/domain/rule.ts → src/excel/adapter.ts",
    "no-upward-from-xlsx: src/xlsx/reader.ts → src/taskpane/view.ts",
  ]);
});

test("a room of src/layout is entered through its index: a deep import from outside fails, one inside the room passes", () => {
  expect(
    violations({
      "src/layout/unit/sheet.ts": "export const sheet = 1;\n",
      "src/layout/unit/helper.ts": 'import { sheet } from "./sheet";\nexport const helper = sheet;\n',
      "src/layout/unit/index.ts": 'export * from "./sheet";\nexport * from "./helper";\n',
      "src/layout/read/reader.ts": 'import { sheet } from "../unit";\nexport const reader = sheet;\n',
      "src/xlsx/face.ts": 'import { sheet } from "../layout/unit";\nexport const face = sheet;\n',
      "src/xlsx/deep.ts": 'import { helper } from "../layout/unit/helper";\nexport const deep = helper;\n',
    }),
  ).toEqual(["layout-unit-through-its-index: src/xlsx/deep.ts → src/layout/unit/helper.ts"]);
});
