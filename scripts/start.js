#!/usr/bin/env node
// `npm start`: sideload into desktop Excel where that is possible (Windows/macOS with the optional
// office-addin-debugging installed), otherwise serve the pages for a browser preview.
// `npm start -- --preview` forces the preview. Messages are Vietnamese first, then English.
"use strict";
const path = require("path");
const { spawn } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = "manifest.xml";

function say(vi, en) {
  console.log(`[chitieu] ${vi}\n[chitieu] ${en}`);
}

/** Folder of office-addin-debugging, or null: it is optional and npm drops it on Linux. */
function debuggingPackageDir() {
  try {
    return path.dirname(require.resolve("office-addin-debugging/package.json", { paths: [ROOT] }));
  } catch {
    return null;
  }
}

/** Why the preview is used instead of Excel, or null when Excel can be used. */
function previewReason(debuggingDir) {
  if (process.argv.slice(2).includes("--preview")) {
    return { vi: "đã chọn --preview", en: "--preview was given" };
  }
  if (process.platform !== "win32" && process.platform !== "darwin") {
    return {
      vi: `Excel cho máy tính không chạy trên ${process.platform}`,
      en: `desktop Excel does not run on ${process.platform}`,
    };
  }
  if (!debuggingDir) {
    return {
      vi: "chưa cài gói tùy chọn office-addin-debugging (chạy npm install)",
      en: "the optional package office-addin-debugging is not installed (run npm install)",
    };
  }
  return null;
}

function startExcel(debuggingDir) {
  say(
    "Chế độ Excel: office-addin-debugging khởi động máy chủ (npm run dev-server) và nạp phần bổ trợ vào Excel trên máy. Dừng: npm run stop.",
    "Excel mode: office-addin-debugging starts the dev server (npm run dev-server) and sideloads the add-in into desktop Excel. Stop with: npm run stop.",
  );
  const bin = require(path.join(debuggingDir, "package.json")).bin;
  const cli = path.join(debuggingDir, typeof bin === "string" ? bin : bin["office-addin-debugging"]);
  const child = spawn(process.execPath, [cli, "start", MANIFEST], { cwd: ROOT, stdio: "inherit" });
  child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

async function startPreview(reason) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));

  const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" });
  const server = new WebpackDevServer(config.devServer, webpack(config));
  await server.start();

  const base = `${config.devServer.server.type}://localhost:${config.devServer.port}/`;
  say(
    `Chế độ xem trước trong trình duyệt (lý do: ${reason.vi}). Mở ${base}preview.html (bảng tính giả lập và ngăn tác vụ) — Ctrl+C để dừng.`,
    `Browser preview mode (reason: ${reason.en}). Open ${base}preview.html (emulated workbook and task pane) — Ctrl+C to stop.`,
  );
}

const debuggingDir = debuggingPackageDir();
const reason = previewReason(debuggingDir);
if (reason) {
  startPreview(reason).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  startExcel(debuggingDir);
}
