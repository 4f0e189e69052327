// The Office host: startup facts from Office.js, reduced to what the shell needs, and the
// workbook service over the real Excel. Outside Excel (a plain browser, or when the Office.js
// CDN is unreachable) the pane still renders, in preview mode.
import type { ChiTieuWorkbook } from "./api";
import { createWorkbookService, detectFeatures } from "./workbookService";

export type HostKind = "excel" | "preview";

export interface Startup {
  host: HostKind;
  /** Office's task-pane background, when the host exposes its theme. */
  bodyBackgroundColor?: string;
  /** Office's UI language, e.g. "vi-VN" or "en-US". */
  displayLanguage?: string;
}

export async function waitForOffice(): Promise<Startup> {
  if (typeof Office === "undefined") return { host: "preview" };
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return { host: "preview" };
  return { host: "excel", bodyBackgroundColor: readThemeBackground(), displayLanguage: readDisplayLanguage() };
}

function readDisplayLanguage(): string | undefined {
  try {
    return Office.context.displayLanguage || undefined;
  } catch {
    return undefined;
  }
}

function readThemeBackground(): string | undefined {
  try {
    // officeTheme is missing on some hosts/versions; reading it may also throw there.
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

/** The workbook service over the real Excel, with the optional features this Excel supports. */
export function createExcelWorkbook(): ChiTieuWorkbook {
  return createWorkbookService(
    (batch) => Excel.run(batch),
    detectFeatures((name, version) => Office.context.requirements.isSetSupported(name, version)),
  );
}
