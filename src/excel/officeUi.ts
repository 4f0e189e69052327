// Office.js calls that need no workbook service: the pane's start-up facts, the ribbon's
// registration and its notice dialog. Kept apart from host.ts (which creates the service) so the
// pane and the function file can load the service, and the layout it writes, as a separate chunk.
// Outside Excel (a plain browser, or when the Office.js CDN is unreachable) the pane still renders,
// in preview mode.

import type { HostKind } from "../contract/workbook";

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

/** Registers the ribbon's ExecuteFunction handlers by their manifest names. */
export function registerCommands(handlers: Readonly<Record<string, (event: Office.AddinCommands.Event) => Promise<void>>>): void {
  // Office is missing only when the page is opened outside Office with the CDN unreachable.
  if (typeof Office === "undefined") return;
  for (const [name, handler] of Object.entries(handlers)) Office.actions.associate(name, handler);
}

/** Office's UI language for pages without the pane's language switch (ribbon commands). */
export function officeDisplayLanguage(): string | undefined {
  return typeof Office === "undefined" ? undefined : readDisplayLanguage();
}

/**
 * Shows `url` (a page of this add-in) in a small dialog: Excel offers add-in commands no other
 * notification. Resolves once the dialog is open; it closes itself when its page asks.
 */
export function showNoticeDialog(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(result.error.message));
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
      resolve();
    });
  });
}

/** Called from the notice page: asks the command that opened it to close it. */
export function closeNoticeDialog(): void {
  Office.context.ui.messageParent("close");
}
