#!/usr/bin/env node
// Installed package: run the compiled CLI; in a source checkout, compile on the fly.
const path = require("node:path");
const fs = require("node:fs");

const compiled = path.join(__dirname, "..", "dist", "cli", "cli", "main.js");
if (fs.existsSync(compiled)) {
  require(compiled).main(process.argv.slice(2));
} else {
  require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "..", "tsconfig.json") });
  require("../src/cli/main.ts").main(process.argv.slice(2));
}
