/**
 * The development bundle (task pane + preview workbench) built with the project's webpack config
 * and served over plain http on a free port, for browser tests and the UI bench. Serving a built
 * folder (rather than webpack-dev-server) keeps hot-reload clients and certificates out of the way.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
/** Webpack's persistent cache: a rebuild with unchanged sources takes seconds instead of half a minute. */
const CACHE_DIR = path.join(ROOT, "test-output", "webpack-cache");

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".json": "application/json",
};

export interface PreviewServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:43121/ */
  readonly url: string;
  close(): Promise<void>;
}

/** One webpack build; a compile error rejects with webpack's own message. */
export function runCompiler(compiler: import("webpack").Compiler): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) =>
      // Closing persists the build cache: wait for it, so no webpack work outlives the caller (a jest file).
      compiler.close(() => {
        if (error) reject(error);
        else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
        else resolve();
      }),
    ),
  );
}

/** Builds the pages in `mode` into `outDir` with webpack.config.js (the test pane too with TEST_EXCEL). */
export async function buildBundle(outDir: string, mode: "development" | "production", env: { TEST_EXCEL?: boolean } = {}): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as typeof import("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<import("webpack").Configuration>;
  const config = await makeConfig(env, { mode });
  // No eval-source-map: faster to build and to load, and nothing here needs source maps.
  const compiler = webpack({
    ...config,
    devtool: false,
    output: { ...config.output, path: outDir },
    cache: { type: "filesystem", cacheDirectory: CACHE_DIR, name: env.TEST_EXCEL ? `${mode}-excel-tests` : mode, buildDependencies: { config: [path.join(ROOT, "webpack.config.js")] } },
    infrastructureLogging: { level: "error" },
  });
  await runCompiler(compiler);
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serveDir(dir: string): Promise<PreviewServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(dir, path.normalize(pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Builds the development pages into `outDir` and serves them. */
export async function startPreview(outDir: string): Promise<PreviewServer> {
  await buildBundle(outDir, "development");
  return serveDir(outDir);
}
