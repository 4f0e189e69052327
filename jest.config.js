/**
 * Five projects, chosen by folder so that a new test file falls into one without touching this file:
 * - unit: every folder not named below (engine, layout, readers and writers, CLI, manifest, tooling);
 * - pane: the React views in jsdom and the workbench's pure parts;
 * - adapter: the Office.js adapter and the contract cases on the emulator;
 * - proof: LibreOffice recalculates and prints what the add-in writes;
 * - browser: Debian's Chromium, in test/e2e or as a `*.browser.test.ts(x)` file in any folder.
 * `npm run test:fast` runs unit and pane; `npm test` runs all five.
 */
const FOLDERS = {
  pane: ["taskpane", "preview"],
  adapter: ["excel", "emulator", "contract"],
  proof: ["proof", "libreoffice"],
  browser: ["e2e"],
};
const BROWSER_FILE = "\\.browser\\.test\\.tsx?$";
const testsIn = (folders) => folders.map((folder) => `<rootDir>/test/${folder}/**/*.test.{ts,tsx}`);

const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFilesAfterEnv: ["<rootDir>/test/support/englishLoaded.ts"],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  // Tests run in workers, never in the runner itself: a run in band kept every file's modules and
  // buffers in one process and ran out of heap part-way through the suite; a worker that has grown
  // past 1 GB is replaced between files.
  maxWorkers: 2,
  workerIdleMemoryLimit: "1GB",
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.{ts,tsx}"],
      testPathIgnorePatterns: [`<rootDir>/test/(${Object.values(FOLDERS).flat().join("|")})/`, BROWSER_FILE],
    },
    ...Object.entries(FOLDERS).map(([name, folders]) => ({
      ...shared,
      displayName: name,
      testMatch: name === "browser" ? [...testsIn(folders), "<rootDir>/test/**/*.browser.test.{ts,tsx}"] : testsIn(folders),
      testPathIgnorePatterns: name === "browser" ? [] : [BROWSER_FILE],
    })),
  ],
};
