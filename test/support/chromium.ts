/**
 * Debian's Chromium driven by playwright-core (no browser download, ever). Pages get no network
 * except the local server; Office.js (and what it loads) is answered from the npm copy instead of Microsoft's CDN.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const INSTALL_HINT = "apt-get install -y --no-install-recommends chromium";

/** The npm package mirrors the CDN's /lib/1/hosted/ folder (office.js, its strings and host scripts). */
const OFFICE_DIST = path.resolve(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const CDN_PREFIX = "/lib/1/hosted/";

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Only `origin` is reachable; appsforoffice.microsoft.com is served from node_modules. */
export async function isolateNetwork(context: BrowserContext, origin: string): Promise<void> {
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "appsforoffice.microsoft.com") {
      const file = path.join(OFFICE_DIST, path.normalize(url.pathname.slice(CDN_PREFIX.length)));
      const servable = url.pathname.startsWith(CDN_PREFIX) && file.startsWith(OFFICE_DIST) && fs.existsSync(file);
      return servable ? route.fulfill({ path: file, contentType: "text/javascript" }) : route.abort("blockedbyclient");
    }
    if (url.origin === origin || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    return route.abort("blockedbyclient");
  });
}
