#!/usr/bin/env node
// `npm run test:excel`: the contract suite (test/contract) inside desktop Excel, in the pattern of
// Office's add-in test server. It serves a test build of the pane, sideloads it with a manifest of
// its own, collects each case's result posted by the pane, prints them and exits 0 (all passed),
// 1 (a case failed, or no result in time) or 2 (no desktop Excel here). Not part of `npm test`.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const TIMEOUT_MS = 10 * 60 * 1000;
/** Its own add-in id, so the test build never replaces a sideloaded development copy. */
const TEST_ADDIN_ID = "5d1c6a3e-8a0f-4a47-9a35-7c1e2b0d4f61";

function say(vi, en) {
  console.log(`[test:excel] ${vi}\n[test:excel] ${en}`);
}

/** Why desktop Excel cannot be used here, or null. */
function excelUnavailable() {
  if (process.platform !== "win32" && process.platform !== "darwin") {
    return { vi: `Excel cho máy tính không chạy trên ${process.platform}`, en: `desktop Excel does not run on ${process.platform}` };
  }
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [ROOT] });
  } catch {
    return { vi: "chưa cài gói tùy chọn office-addin-debugging", en: "the optional package office-addin-debugging is not installed" };
  }
  return null;
}

/** The manifest with the task pane pointing at the test page, under the test add-in's id. */
function testManifest(devUrl) {
  const xml = fs
    .readFileSync(path.join(ROOT, "manifest.xml"), "utf8")
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${TEST_ADDIN_ID}</Id>`)
    .replaceAll(`${devUrl}taskpane.html`, `${devUrl}excel-tests.html`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-test-excel-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  return file;
}

function debuggingCli() {
  const dir = path.dirname(require.resolve("office-addin-debugging/package.json", { paths: [ROOT] }));
  const bin = require(path.join(dir, "package.json")).bin;
  return path.join(dir, typeof bin === "string" ? bin : bin["office-addin-debugging"]);
}

function runDebugging(command, manifest, port) {
  const args = [debuggingCli(), command, manifest, "desktop", "--app", "excel"];
  if (command === "start") args.push("--no-debug", "--dev-server-port", String(port));
  return new Promise((resolve) => spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit" }).on("exit", resolve));
}

function readJson(req) {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => resolve(JSON.parse(body || "{}")));
  });
}

async function main() {
  const reason = excelUnavailable();
  if (reason) {
    say(`Không chạy được kiểm thử trong Excel: ${reason.vi}. Hãy chạy trên Windows hoặc macOS có Excel.`, `Cannot run the tests inside Excel: ${reason.en}. Run it on Windows or macOS with desktop Excel.`);
    process.exit(2);
  }
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({ WEBPACK_SERVE: true, TEST_EXCEL: true }, { mode: "development" });

  const results = [];
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  config.devServer.hot = false;
  config.devServer.setupMiddlewares = (middlewares, devServer) => {
    devServer.app.post("/test-results/:kind", async (req, res) => {
      const body = await readJson(req);
      res.json({ ok: true });
      if (req.params.kind === "case") {
        results.push(body);
        console.log(`${body.passed ? "✓" : "✗"} ${body.name} (${body.ms} ms)${body.error ? `\n    ${body.error}` : ""}`);
      } else finish(body);
    });
    return middlewares;
  };
  const server = new WebpackDevServer(config.devServer, webpack(config));
  await server.start();
  const manifest = testManifest(makeConfig.DEV_URL);
  await runDebugging("start", manifest, config.devServer.port);

  const timer = setTimeout(() => finish({ error: `no result within ${TIMEOUT_MS / 60000} minutes` }), TIMEOUT_MS);
  const done = await finished;
  clearTimeout(timer);
  await runDebugging("stop", manifest, config.devServer.port);
  await server.stop();

  const failed = results.filter((r) => !r.passed).length;
  if (done.excel) say(`Excel: ${done.excel.platform} ${done.excel.version}`, `Excel: ${done.excel.platform} ${done.excel.version}`);
  if (done.error) say(`Lỗi: ${done.error}`, `Error: ${done.error}`);
  say(`${results.length - failed} đạt, ${failed} không đạt.`, `${results.length - failed} passed, ${failed} failed.`);
  process.exit(done.error || failed > 0 || results.length === 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
