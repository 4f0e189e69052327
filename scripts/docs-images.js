// The user guide's pictures (docs/images): runs the tests that leave one (LibreOffice prints, the
// workbench in Chromium), each through docsPicture() in test/support/pictures.ts, and copies what
// they left into docs/images. Tests themselves never write tracked files.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const PICTURES = path.join(ROOT, "test-output", "docs-images"); // DOCS_PICTURES_DIR in test/support/pictures.ts
const IMAGES = path.join(ROOT, "docs", "images");

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return /\.test\.tsx?$/.test(entry.name) && fs.readFileSync(file, "utf8").includes("docsPicture(") ? [file] : [];
  });
}

const files = testFiles(path.join(ROOT, "test"));
fs.rmSync(PICTURES, { recursive: true, force: true });
console.log(`Pictures from ${files.map((f) => path.relative(ROOT, f)).join(", ")}`);
const jest = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--runTestsByPath", ...files], { cwd: ROOT, stdio: "inherit" });
if (jest.status !== 0) process.exit(jest.status ?? 1);
for (const name of fs.readdirSync(PICTURES)) {
  fs.copyFileSync(path.join(PICTURES, name), path.join(IMAGES, name));
  console.log(`docs/images/${name}`);
}
