// Offline checks of manifest.xml. The online validator (office-addin-manifest validate) needs the
// network and no add-in manifest XSD ships in node_modules, so this checks the structure that
// breaks sideloading or store validation: schema element order, resource ids, URLs, icon sizes,
// localisation and length limits.
import * as fs from "fs";
import * as path from "path";
import { XMLValidator } from "fast-xml-parser";
import { commandHandlers } from "../../src/commands/handlers";
import { readManifest, type Element } from "./xml";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const source = fs.readFileSync(MANIFEST_PATH, "utf8");

interface WebpackConfigModule {
  PAGES: { name: string; entry?: string; template: string; devOnly?: boolean }[];
  DEV_URL: string;
  productionManifest: (content: Buffer, publicUrl: string) => string;
}
const webpackConfig = jest.requireActual<WebpackConfigModule>("../../webpack.config.js");
const DEV_URL = webpackConfig.DEV_URL;
const DEV_ORIGIN = new URL(DEV_URL).origin;

// TaskPaneApp children in the order of the OfficeApp schema (1.1); optional ones included.
const SCHEMA_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
const REQUIRED = SCHEMA_ORDER.filter((name) => name !== "AlternateId" && name !== "Dictionary");

const LIMITS = { DisplayName: 125, Description: 250, ShortStrings: 125, LongStrings: 250, resid: 32 };

const root = readManifest(source);
const child = (el: Element, name: string): Element => {
  const found = el.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
};
const versionOverrides = child(root, "VersionOverrides");
const resources = child(versionOverrides, "Resources");
const overrideHosts = child(versionOverrides, "Hosts");

/** Resource id → its element, per resource table (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings). */
function resourceTable(table: string): Map<string, Element> {
  const el = resources.children.find((c) => c.name === `bt:${table}`);
  return new Map((el?.children ?? []).map((item) => [item.attrs.id, item]));
}
const tables = {
  Images: resourceTable("Images"),
  Urls: resourceTable("Urls"),
  ShortStrings: resourceTable("ShortStrings"),
  LongStrings: resourceTable("LongStrings"),
};

/** Which table an element's resid must point into, by the referencing element's name. */
function tableFor(referrer: Element): keyof typeof tables {
  switch (referrer.name) {
    case "bt:Image":
      return "Images";
    case "FunctionFile":
    case "SourceLocation":
    case "LearnMoreUrl":
      return "Urls";
    case "Label":
    case "Title":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      throw new Error(`unexpected resid on <${referrer.name}>`);
  }
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Local file behind a dev URL: an asset, or the template of a page webpack emits. */
function fileForUrl(url: string): string | undefined {
  if (!url.startsWith(DEV_URL)) return undefined;
  const rel = url.slice(DEV_URL.length);
  if (rel.startsWith("assets/")) return path.join(ROOT, rel);
  const page = webpackConfig.PAGES.find((p) => `${p.name}.html` === rel && !p.devOnly);
  return page ? path.join(ROOT, page.template) : undefined;
}

function allUrls(): string[] {
  const urls = [
    ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((name) => child(root, name).attrs.DefaultValue),
    child(child(root, "DefaultSettings"), "SourceLocation").attrs.DefaultValue,
  ];
  for (const table of [tables.Images, tables.Urls]) {
    for (const el of table.values()) {
      urls.push(el.attrs.DefaultValue, ...el.children.map((o) => o.attrs.Value));
    }
  }
  return urls;
}

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(XMLValidator.validate(source)).toBe(true);
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(versionOverrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(versionOverrides.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
  });

  it("has the required elements in schema order", () => {
    const names = root.children.map((c) => c.name);
    for (const name of names) expect(SCHEMA_ORDER).toContain(name);
    const positions = names.map((name) => SCHEMA_ORDER.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
    for (const name of REQUIRED) expect(names).toContain(name);
  });

  it("has a GUID id and an n.n.n.n version matching package.json", () => {
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = child(root, "Version").text;
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version.split(".").slice(0, 3).join(".")).toBe(pkg.version);
  });

  it("targets Excel with ExcelApi 1.4 and ReadWriteDocument", () => {
    expect(child(child(root, "Hosts"), "Host").attrs.Name).toBe("Workbook");
    const sets = child(child(root, "Requirements"), "Sets");
    const excelApi = sets.children.find((s) => s.name === "Set" && s.attrs.Name === "ExcelApi");
    expect(excelApi?.attrs.MinVersion).toBe("1.4");
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
    expect(child(overrideHosts, "Host").attrs["xsi:type"]).toBe("Workbook");
  });

  it("is Vietnamese by default with en-US overrides for name and description", () => {
    expect(child(root, "DefaultLocale").text).toBe("vi-VN");
    for (const name of ["DisplayName", "Description"] as const) {
      const el = child(root, name);
      const en = el.children.find((o) => o.name === "Override" && o.attrs.Locale === "en-US");
      expect(en?.attrs.Value).toBeTruthy();
      for (const value of [el.attrs.DefaultValue, en?.attrs.Value ?? ""]) {
        expect(value.length).toBeGreaterThan(0);
        expect(value.length).toBeLessThanOrEqual(LIMITS[name]);
      }
    }
  });

  it("defines every resid it references, in the right resource table, and nothing unused", () => {
    const referrers = overrideHosts.descendants().filter((el) => el.attrs.resid !== undefined);
    expect(referrers.length).toBeGreaterThan(0);
    const used = new Set<string>();
    for (const el of referrers) {
      const id = el.attrs.resid;
      expect(id.length).toBeLessThanOrEqual(LIMITS.resid);
      const table = tableFor(el);
      if (!tables[table].has(id)) throw new Error(`resid "${id}" on <${el.name}> is not in bt:${table}`);
      used.add(id);
    }
    for (const table of Object.values(tables)) {
      for (const id of table.keys()) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
    }
  });

  it("keeps resource strings within limits and overrides every one for en-US", () => {
    for (const table of ["ShortStrings", "LongStrings"] as const) {
      for (const [id, el] of tables[table]) {
        const en = el.children.find((o) => o.name === "bt:Override" && o.attrs.Locale === "en-US");
        if (!en) throw new Error(`bt:String "${id}" has no en-US override`);
        for (const value of [el.attrs.DefaultValue, en.attrs.Value]) {
          expect(value.length).toBeGreaterThan(0);
          expect(value.length).toBeLessThanOrEqual(LIMITS[table]);
        }
      }
    }
  });

  it("uses unique control and group ids", () => {
    const ids = overrideHosts
      .descendants()
      .filter((el) => el.name === "Group" || el.name === "Control")
      .map((el) => el.attrs.id);
    expect(ids.every((id) => id && id.length <= 125)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts a Chỉ Tiêu group with its three buttons on the Home tab: open the pane, Đánh giá and In", () => {
    const tab = overrideHosts.descendants().find((el) => el.name === "OfficeTab");
    expect(tab?.attrs.id).toBe("TabHome");
    const actions = overrideHosts
      .descendants()
      .filter((el) => el.name === "Action")
      .map((el) => el.attrs["xsi:type"]);
    expect(actions.sort()).toEqual(["ExecuteFunction", "ExecuteFunction", "ShowTaskpane"]);
    const labels = overrideHosts
      .descendants()
      .filter((el) => el.name === "Control")
      .map((el) => tables.ShortStrings.get(child(el, "Label").attrs.resid)?.attrs.DefaultValue);
    expect(labels).toEqual(["Mở bảng", "Đánh giá", "In"]);
  });

  it("serves everything over https from one prefix, with an AppDomain that is an origin", () => {
    for (const url of allUrls()) {
      expect(url.startsWith(DEV_URL)).toBe(true);
    }
    const domains = child(root, "AppDomains").children.map((d) => d.text);
    for (const domain of domains) {
      expect(domain).toMatch(/^https:\/\/[^/]+$/);
      expect(domain).toBe(DEV_ORIGIN);
    }
  });

  it("points every URL at a file the build emits", () => {
    for (const url of allUrls()) {
      const file = fileForUrl(url);
      if (!file || !fs.existsSync(file)) throw new Error(`${url} has no source file`);
    }
  });

  it("has icons of the declared pixel sizes", () => {
    const expectSize = (url: string, size: number) => {
      const file = fileForUrl(url);
      if (!file) throw new Error(`${url} is not a local asset`);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    };
    expectSize(child(root, "IconUrl").attrs.DefaultValue, 32);
    expectSize(child(root, "HighResolutionIconUrl").attrs.DefaultValue, 64);
    for (const image of overrideHosts.descendants().filter((el) => el.name === "bt:Image")) {
      const resource = tables.Images.get(image.attrs.resid);
      if (!resource) throw new Error(`no bt:Image ${image.attrs.resid}`);
      expectSize(resource.attrs.DefaultValue, Number(image.attrs.size));
    }
  });

  it("names only functions that the commands page registers", () => {
    const named = overrideHosts
      .descendants()
      .filter((el) => el.name === "FunctionName")
      .map((el) => el.text);
    expect(named.sort()).toEqual(Object.keys(commandHandlers).sort());
    const commandsSource = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commandsSource).toMatch(/registerCommands\(commandHandlers\)/);
    const functionFile = tables.Urls.get(child(child(child(overrideHosts, "Host"), "DesktopFormFactor"), "FunctionFile").attrs.resid);
    expect(functionFile?.attrs.DefaultValue).toBe(`${DEV_URL}commands.html`);
  });

  it("becomes a production manifest with no trace of localhost", () => {
    const publicUrl = "https://addin.example.gov.vn/chitieu/";
    const production = webpackConfig.productionManifest(Buffer.from(source), publicUrl);
    expect(XMLValidator.validate(production)).toBe(true);
    expect(production).not.toMatch(/localhost/);
    const parsed = readManifest(production);
    expect(child(child(parsed, "AppDomains"), "AppDomain").text).toBe("https://addin.example.gov.vn");
    expect(child(child(parsed, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(`${publicUrl}taskpane.html`);
    expect(parsed.descendants().length).toBe(root.descendants().length);
  });
});
