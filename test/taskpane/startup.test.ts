// Startup decisions outside React: preview vs Excel from Office.onReady, and the Fluent theme from
// Office's background colour. Office is stubbed on the global object, as Office.js would define it.
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { languageFor } from "../../src/i18n/strings";
import { waitForOffice } from "../../src/excel/host";
import { isDarkColor, themeFor } from "../../src/taskpane/theme";

const globals = globalThis as { Office?: unknown };

function stubOffice(host: string | null, officeTheme?: { bodyBackgroundColor: string }) {
  globals.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    onReady: () => Promise.resolve({ host, platform: null }),
    context: { officeTheme },
  };
}

afterEach(() => {
  delete globals.Office;
});

describe("waitForOffice", () => {
  it("is preview when Office.js did not load (CDN unreachable)", async () => {
    await expect(waitForOffice()).resolves.toEqual({ host: "preview" });
  });

  it("is preview in a browser or another Office host", async () => {
    stubOffice(null);
    await expect(waitForOffice()).resolves.toEqual({ host: "preview" });
    stubOffice("Word");
    await expect(waitForOffice()).resolves.toEqual({ host: "preview" });
  });

  it("is excel inside Excel and passes on the theme background", async () => {
    stubOffice("Excel", { bodyBackgroundColor: "#262626" });
    await expect(waitForOffice()).resolves.toEqual({ host: "excel", bodyBackgroundColor: "#262626" });
    stubOffice("Excel");
    await expect(waitForOffice()).resolves.toEqual({ host: "excel", bodyBackgroundColor: undefined });
  });
});

describe("theme", () => {
  it("tells dark backgrounds from light ones", () => {
    expect(isDarkColor("#262626")).toBe(true);
    expect(isDarkColor("#000000")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#e6e6e6")).toBe(false);
    expect(isDarkColor("not a colour")).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });

  it("picks the Fluent theme to match", () => {
    expect(themeFor("#1f1f1f")).toBe(webDarkTheme);
    expect(themeFor("#ffffff")).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
  });
});

describe("languageFor", () => {
  it("is English only for Office in English, Vietnamese otherwise", () => {
    expect(languageFor("en-US")).toBe("en");
    expect(languageFor("EN-gb")).toBe("en");
    expect(languageFor("vi-VN")).toBe("vi");
    expect(languageFor("fr-FR")).toBe("vi");
    expect(languageFor(undefined)).toBe("vi");
  });

  it("reads Office's display language at startup", async () => {
    globals.Office = {
      HostType: { Excel: "Excel" },
      onReady: () => Promise.resolve({ host: "Excel", platform: null }),
      context: { displayLanguage: "en-US" },
    };
    await expect(waitForOffice()).resolves.toMatchObject({ host: "excel", displayLanguage: "en-US" });
  });
});
