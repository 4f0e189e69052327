#!/usr/bin/env node
// Runs the compiled CLI (dist-cli/, built by `npm run build:cli`, which `prepare` runs on
// npm install / npm ci). In a source checkout whose sources are newer than that build, it compiles
// on the fly with ts-node instead, so a stale build never answers (slower; `npm run build:cli` fixes it).
const path = require("node:path");
const fs = require("node:fs");

const ROOT = path.join(__dirname, "..");
const compiled = path.join(ROOT, "dist-cli", "cli", "main.js");
const SOURCE_DIRS = ["cli", "domain", "layout", "xlsx"].map((dir) => path.join(ROOT, "src", dir));

/** Newest modification time under the CLI's source folders (0 when there are none: an installed package). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  SOURCE_DIRS.forEach(walk);
  return newest;
}

function compiledIsFresh() {
  try {
    return fs.statSync(compiled).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

if (compiledIsFresh()) {
  require(compiled).main(process.argv.slice(2));
} else {
  require("ts-node").register({ transpileOnly: true, project: path.join(ROOT, "tsconfig.json") });
  require("../src/cli/main.ts").main(process.argv.slice(2));
}
