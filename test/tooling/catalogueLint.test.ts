/**
 * The catalogue's one folder is kept by `npm run lint`: eslint.config.js refuses a section of the
 * catalogue (`defineMessages(…)`) anywhere in src but src/domain/messages/. The project's own rule,
 * run by ESLint on a made-up file at each place.
 */
import { ESLint, type Linter } from "eslint";
import { join, resolve } from "node:path";
import tseslint from "typescript-eslint";

const ROOT = resolve(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's flat config, as `npm run lint` loads it
const CONFIG = require(join(ROOT, "eslint.config.js")) as Linter.Config[];

/** The rule's block of the project's configuration: its files, its ignores and the rule itself. */
const catalogueBlock = CONFIG.find((block) => block.rules?.["no-restricted-syntax"] !== undefined);

const SECTION = 'import { defineMessages, text } from "../domain/messages/localize";\nexport const m = defineMessages("made", { a: text("một", "one") });\n';

async function errorsAt(path: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser as Linter.Parser } }, catalogueBlock as Linter.Config],
  });
  const [result] = await eslint.lintText(SECTION, { filePath: join(ROOT, path) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

test("a section of the catalogue outside src/domain/messages/ fails the lint; inside it passes", async () => {
  expect(catalogueBlock).toBeDefined();
  for (const path of ["src/layout/sectionHere.ts", "src/excel/sectionHere.ts", "src/cli/sectionHere.ts", "src/domain/sectionHere.ts"]) {
    expect([path, await errorsAt(path)]).toEqual([path, [expect.stringMatching(/^no-restricted-syntax: A section of the message catalogue lives in src\/domain\/messages\//)]]);
  }
  expect(await errorsAt("src/domain/messages/sectionHere.ts")).toEqual([]);
});
