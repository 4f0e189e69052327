// Webpack 5 build of the add-in (shape of Microsoft's Office-Addin-TaskPane-React template).
// `webpack --mode production` → dist/ for deployment; `webpack serve --mode development` → dev server.
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
// The one production setting: where dist/ will be served from.
const DEFAULT_PUBLIC_URL = "https://chitieu.example.gov.vn/";
const DIST = path.resolve(__dirname, "dist");

/**
 * One row per HTML page. `entry` is the script bundled into it (none for static pages).
 * `devOnly: true` pages are left out of production builds, e.g. the offline preview workbench.
 */
const PAGES = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
  { name: "notice", entry: "./src/commands/noticePage.ts", template: "./src/commands/notice.html" },
  { name: "support", template: "./src/taskpane/support.html" },
  { name: "preview", entry: "./src/preview/workbench/index.tsx", template: "./src/preview/workbench/preview.html", devOnly: true },
  // The contract suite's pane for `npm run test:excel` only (env TEST_EXCEL).
  { name: "excel-tests", entry: "./test/contract/excelPage.ts", template: "./test/contract/excel-tests.html", devOnly: true, testOnly: true },
];

/** Source folders whose modules must never reach a production bundle. */
const DEV_ONLY_DIRS = [path.resolve(__dirname, "src/preview")];

function productionUrl() {
  const raw = process.env.ADDIN_PUBLIC_URL || DEFAULT_PUBLIC_URL;
  const url = new URL(raw);
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be an https URL, got ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Points the manifest at the production host: the URL prefix, and the AppDomain (an origin, no slash). */
function productionManifest(content, publicUrl) {
  const devOrigin = new URL(DEV_URL).origin;
  const xml = content
    .toString("utf8")
    .replace(/<!--[\s\S]*?-->\s*/g, "") // comments talk about localhost; keep the shipped file plain
    .replaceAll(DEV_URL, publicUrl)
    .replaceAll(`<AppDomain>${devOrigin}</AppDomain>`, `<AppDomain>${new URL(publicUrl).origin}</AppDomain>`);
  if (xml.includes("localhost")) throw new Error("manifest.xml still mentions localhost after the URL swap");
  return xml;
}

/** Fails the build when a module from a development-only folder was bundled. */
class ForbidDirsPlugin {
  constructor(dirs) {
    this.dirs = dirs;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("ForbidDirsPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbidDirsPlugin", (modules) => {
        for (const module of modules) {
          const file = module.resource;
          if (file && this.dirs.some((dir) => file.startsWith(dir + path.sep))) {
            const rel = path.relative(__dirname, file);
            compilation.errors.push(new webpack.WebpackError(`${rel} is development-only and must not be in the production build`));
          }
        }
      });
    });
  }
}

/**
 * https with office-addin-dev-certs (Office refuses plain http). Where the CA cannot be installed
 * (Linux/CI without sudo) the generated, untrusted certificate is still fine for a browser preview
 * (accept the warning); without any certificate, plain http.
 */
async function devServerTransport() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const files = require("office-addin-dev-certs/lib/defaults");
    if (fs.existsSync(files.localhostCertificatePath) && fs.existsSync(files.localhostKeyPath)) {
      console.warn(
        `\n[chitieu] Chứng chỉ phát triển chưa được tin cậy (${reason}). Máy chủ dùng https với chứng chỉ chưa tin cậy: ` +
          `trình duyệt sẽ cảnh báo, Excel sẽ không tải phần bổ trợ.\n` +
          `[chitieu] Dev certificate is not trusted (${reason}). Serving https with an untrusted certificate: ` +
          `browsers will warn, Excel will not load the add-in.\n`,
      );
      return {
        type: "https",
        options: {
          cert: fs.readFileSync(files.localhostCertificatePath),
          key: fs.readFileSync(files.localhostKeyPath),
        },
      };
    }
    console.warn(
      `\n[chitieu] Không tạo được chứng chỉ https (${reason}): máy chủ chạy http, chỉ dùng để xem trước.\n` +
        `[chitieu] Could not create https certificates (${reason}): serving plain http, preview only.\n`,
    );
    return { type: "http" };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const pages = PAGES.filter((page) => (dev || !page.devOnly) && (env.TEST_EXCEL || !page.testOnly));
  const entry = Object.fromEntries(pages.filter((page) => page.entry).map((page) => [page.name, page.entry]));
  const publicUrl = dev ? DEV_URL : productionUrl();

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : false,
    entry,
    output: {
      path: DIST,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".jsx"] },
    module: {
      // Loaders of matching rules run last rule first: TypeScript → (production) makeStyles
      // compiled → Griffel's styles extracted to CSS (ours and Fluent's, which ship precompiled
      // __styles). Development keeps Griffel's runtime styling: it builds in half the time.
      rules: [
        ...(dev
          ? []
          : [
              {
                test: /\.(js|mjs|ts|tsx)$/,
                // Only Fluent's packages and our sources have styles to extract.
                exclude: /node_modules[\\/](?!@fluentui[\\/])/,
                use: { loader: GriffelCSSExtractionPlugin.loader },
              },
              { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "@griffel/webpack-loader" } },
              { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
            ]),
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules let webpack tree-shake Fluent UI (tsconfig's commonjs is for Node and Jest).
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      // Production: Fluent's styles as a stylesheet built at compile time, not CSS computed and
      // inserted by Griffel's runtime at start-up. Griffel orders its rules itself, so
      // mini-css-extract's module-order warnings do not apply.
      ...(dev ? [] : [new MiniCssExtractPlugin({ filename: "[name].[contenthash:8].css", ignoreOrder: true }), new GriffelCSSExtractionPlugin()]),
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: page.entry ? [page.name] : [],
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            ...(dev ? {} : { transform: (content) => productionManifest(content, publicUrl) }),
          },
        ],
      }),
      ...(dev ? [] : [new ForbidDirsPlugin(DEV_ONLY_DIRS)]),
    ],
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          host: "localhost", // not the LAN: this is a developer machine
          port: DEV_PORT,
          server: await devServerTransport(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: true,
        }
      : undefined,
  };
};

// For scripts/start.js and test/manifest.
Object.assign(module.exports, { PAGES, DEV_URL, DEV_PORT, DEFAULT_PUBLIC_URL, productionUrl, productionManifest });
