import { readZipParts } from "../../src/xlsx/zip";
import { unitFileBytes } from "./unitFiles";
import { buildZip } from "./zipBuilder";

/**
 * Hostile and careless inputs for the readers, generated from a unit workbook as the CLI writes
 * it (no checked-in binaries): its XML parts edited as text, then zipped again.
 */

let unit: Promise<Uint8Array> | undefined;

/** A unit workbook whose indicators all exceed their targets (I8 holds 110 against 100 in H8). */
export const unitBytes = (): Promise<Uint8Array> => (unit ??= unitFileBytes({ unit: "Tam Đảo", year: 2024, result: "excellent", common: 20 }));

export const UNIT_SHEET = "xl/worksheets/sheet1.xml";
export const WORKBOOK = "xl/workbook.xml";
export const SHARED_STRINGS = "xl/sharedStrings.xml";
export const UNIT_TABLE = "xl/tables/table1.xml";

/** The package's parts as text (directory entries left out). */
export function partsOf(bytes: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, data] of readZipParts(bytes, (n) => !n.endsWith("/"))) parts.set(name, Buffer.from(data).toString("utf8"));
  return parts;
}

/** The package zipped again with its parts edited: `edit` returns a part's new text (the same to keep it). */
export function rezip(parts: ReadonlyMap<string, string>, edit: (name: string, xml: string) => string = (_, xml) => xml): Buffer {
  return buildZip([...parts].map(([name, xml]) => ({ name, content: edit(name, xml) })));
}

/** The unit workbook with one part edited. */
export async function editedUnit(part: string, edit: (xml: string) => string): Promise<Buffer> {
  return rezip(partsOf(await unitBytes()), (name, xml) => (name === part ? edit(xml) : xml));
}

/** The cell element of an address in a sheet's XML (<c r="I8" …>…</c> or <c …/>). */
export function cellXml(xml: string, address: string): string {
  const at = xml.indexOf(`<c r="${address}"`);
  if (at < 0) throw new Error(`no cell ${address}`);
  const tagEnd = xml.indexOf(">", at);
  return xml[tagEnd - 1] === "/" ? xml.slice(at, tagEnd + 1) : xml.slice(at, xml.indexOf("</c>", at) + 4);
}

/** Milliseconds of processor (user and system) since `start`, a process.cpuUsage() reading. */
export const processorMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/**
 * Processor time of a call and how far it raised the process's peak memory (resident set): what
 * the hostile suites bound. Processor time, not wall time: a parse that turns quadratic takes
 * minutes of it, while a machine busy with other tests only stretches the wall clock. A call that
 * stays under the earlier peak raises the peak by 0.
 */
export async function measured<T>(run: () => T | Promise<T>): Promise<{ result: T | Error; ms: number; peakMB: number }> {
  const before = process.resourceUsage().maxRSS;
  const start = process.cpuUsage();
  let result: T | Error;
  try {
    result = await run();
  } catch (error) {
    result = error as Error;
  }
  return { result, ms: processorMs(start), peakMB: (process.resourceUsage().maxRSS - before) / 1024 };
}
