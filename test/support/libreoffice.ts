/**
 * LibreOffice (headless soffice) as an independent spreadsheet engine for tests:
 * recalculate ExcelJS-generated .xlsx files, read their values back, print them to PDF,
 * and inspect the PDF with poppler (pdftotext / pdfinfo / pdftoppm / pdffonts).
 *
 * Tests that use this must FAIL (not skip) when LibreOffice is missing, so every entry
 * point goes through requireSoffice(), which throws with the install command.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { convertFiles, findOnPath, findSoffice, makeTempDir, SOFFICE_FALLBACKS } from "../../src/cli/libreoffice";
import { readZipEntry, sheetXml, xmlUnescape } from "../../src/xlsx/zipXml";

export { makeTempDir, readZipEntry, sheetXml };

export const INSTALL_HINT =
  "apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-liberation2";

/** Where a human can look at produced files (git-ignored). */
export const TEST_OUTPUT_DIR = path.resolve(__dirname, "..", "..", "test-output", "libreoffice");

/** Generous: a cold soffice start with a fresh profile takes several seconds, big batches longer. */
export const DEFAULT_SOFFICE_TIMEOUT_MS = 180_000;

/**
 * Path of the soffice binary. Throws (never returns undefined) so that a machine without
 * LibreOffice makes the tests fail loudly instead of silently skipping them.
 * `searchPath`/`fallbacks` exist only so the failure message itself can be tested.
 */
export function requireSoffice(
  searchPath: string = process.env.PATH ?? "",
  fallbacks: readonly string[] = SOFFICE_FALLBACKS,
): string {
  const found = findSoffice(searchPath, fallbacks);
  if (found === undefined) {
    throw new Error(`LibreOffice (soffice) not found on PATH. Install it with: ${INSTALL_HINT}`);
  }
  return found;
}

function requireTool(binary: string): string {
  const found = findOnPath(binary, process.env.PATH ?? "");
  if (found === undefined) throw new Error(`${binary} not found on PATH. Install it with: ${INSTALL_HINT}`);
  return found;
}

/** Directory under test-output/libreoffice/ (created) for files a human may want to inspect. */
export function outputDir(...parts: string[]): string {
  const dir = path.join(TEST_OUTPUT_DIR, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export interface ConvertOptions {
  timeoutMs?: number;
}

function convertBatch(inputPaths: string[], outDir: string, filter: string, ext: string, options: ConvertOptions): Promise<string[]> {
  if (inputPaths.length === 0) return Promise.resolve([]);
  return convertFiles(requireSoffice(), inputPaths, outDir, filter, ext, options.timeoutMs ?? DEFAULT_SOFFICE_TIMEOUT_MS);
}

/** Recalculate .xlsx files (in one soffice invocation) into outDir; returns output paths in input order. */
export function recalculateXlsx(inputPaths: string[], outDir: string, options: ConvertOptions = {}): Promise<string[]> {
  return convertBatch(inputPaths, outDir, 'xlsx:Calc MS Excel 2007 XML', "xlsx", options);
}

/** Print a workbook (all sheets, their page setup) to PDF; returns the PDF path. */
export async function convertToPdf(inputPath: string, outDir: string, options: ConvertOptions = {}): Promise<string> {
  const [pdf] = await convertBatch([inputPath], outDir, "pdf:calc_pdf_Export", "pdf", options);
  return pdf;
}

/** Batch variant of convertToPdf (one soffice start for all). */
export function convertManyToPdf(inputPaths: string[], outDir: string, options: ConvertOptions = {}): Promise<string[]> {
  return convertBatch(inputPaths, outDir, "pdf:calc_pdf_Export", "pdf", options);
}

// ---------------------------------------------------------------------------------------------
// Reading values back

export type CellScalar = number | string | boolean | Date | null | { error: string };
export type SheetValues = Map<string, CellScalar>;
export type WorkbookValues = Map<string, SheetValues>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/** A plain (non-formula) cell value as a scalar; rich text and hyperlinks are flattened. */
export function scalarOf(value: unknown): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value instanceof Date) {
    return value;
  }
  if (isRecord(value)) {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("richText" in value && Array.isArray(value.richText)) {
      return (value.richText as { text: string }[]).map((r) => r.text).join("");
    }
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
  }
  throw new Error(`scalarOf: unsupported cell value ${JSON.stringify(value)}`);
}

/**
 * Cached result of a formula cell, the plain value otherwise.
 * Uses `cell.result`, NOT `cell.value.result`: ExcelJS 4.4 drops falsy results (0, false, "")
 * from `cell.value` of formula cells (Cell FormulaValue._copyModel uses `if (value)`).
 */
export function cellScalar(cell: ExcelJS.Cell): CellScalar {
  // Cells merged into another report the master's value: only the master holds it.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.type === ExcelJS.ValueType.Formula) return scalarOf((cell as { result?: unknown }).result);
  return scalarOf(cell.value);
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** All non-empty cells: sheet name -> (A1 address -> value). */
export function workbookValues(wb: ExcelJS.Workbook): WorkbookValues {
  const result: WorkbookValues = new Map();
  wb.eachSheet((ws) => {
    const cells: SheetValues = new Map();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.set(cell.address, cellScalar(cell));
      });
    });
    result.set(ws.name, cells);
  });
  return result;
}

export async function readXlsxValues(file: string): Promise<WorkbookValues> {
  return workbookValues(await loadWorkbook(file));
}

/** Value at sheet/address, throwing with context when the sheet is missing. */
export function valueAt(values: WorkbookValues, sheet: string, address: string): CellScalar {
  const cells = values.get(sheet);
  if (cells === undefined) throw new Error(`no sheet "${sheet}" (have: ${[...values.keys()].join(", ")})`);
  return cells.get(address) ?? null;
}

export interface CellRef {
  sheet: string;
  address: string;
}

/** Parse `'Quy tắc'!$B$3` / `Sheet1!B3` into sheet name and plain address (single cell only). */
export function parseCellRef(ref: string): CellRef {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (m === null) throw new Error(`not a single-cell reference: ${ref}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
  return { sheet, address: `${m[3]}${m[4]}` };
}

/** Resolve a workbook-scoped defined name to its single cell. */
export function resolveDefinedName(wb: ExcelJS.Workbook, name: string): CellRef {
  // Through .model rather than getRanges(): the office-addins lint rule mistakes any get*() result
  // for an Office.js proxy needing context.sync().
  const entry = (wb.definedNames.model as { name: string; ranges: string[] }[]).find((d) => d.name === name);
  const ranges = entry?.ranges ?? [];
  if (ranges.length !== 1) throw new Error(`defined name ${name}: expected one range, got ${JSON.stringify(ranges)}`);
  return parseCellRef(ranges[0]);
}

/** Value of the cell a defined name points at. */
export function definedNameValue(wb: ExcelJS.Workbook, name: string): CellScalar {
  const { sheet, address } = resolveDefinedName(wb, name);
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`defined name ${name} points at missing sheet "${sheet}"`);
  return cellScalar(ws.getCell(address));
}

// ---------------------------------------------------------------------------------------------
// Raw XML access: ExcelJS misreads some LibreOffice output (e.g. LibreOffice writes booleans as
// "true"/"false" where ExcelJS only accepts "1", so <sheetProtection sheet="true"/> reads as
// unprotected). Tests that pin structure inspect the XML itself.

/** Defined names of workbook.xml: name -> formula text (unescaped), e.g. "'Quy tắc'!$B$3". */
export function definedNamesXml(xlsxPath: string): Map<string, string> {
  const workbook = readZipEntry(xlsxPath, "xl/workbook.xml");
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (name !== undefined) names.set(xmlUnescape(name), xmlUnescape(m[2]));
  }
  return names;
}

/** Protection "locked" flag of a cell from styles.xml (Excel's default: locked). */
export function isCellLocked(xlsxPath: string, sheetName: string, address: string): boolean {
  const cell = new RegExp(`<c r="${address}"[^>]*>`).exec(sheetXml(xlsxPath, sheetName))?.[0];
  const styleIndex = Number((cell === undefined ? undefined : /\bs="(\d+)"/.exec(cell)?.[1]) ?? "0");
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(readZipEntry(xlsxPath, "xl/styles.xml"))?.[1] ?? "";
  const xf = [...cellXfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)][styleIndex]?.[0] ?? "";
  const locked = /<protection\b[^>]*\blocked="([^"]*)"/.exec(xf)?.[1];
  return !(locked === "false" || locked === "0");
}

// ---------------------------------------------------------------------------------------------
// PDF inspection (poppler-utils)

/** Whole text, `-layout` keeps table columns on one line; pages are separated by \f. */
export function pdfText(pdfPath: string): string {
  return execFileSync(requireTool("pdftotext"), ["-layout", "-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" });
}

/** Text of each page (index 0 = page 1). */
export function pdfPageTexts(pdfPath: string): string[] {
  const pages = pdfText(pdfPath).split("\f");
  if (pages.length > 0 && pages[pages.length - 1].trim() === "") pages.pop(); // trailing \f
  return pages;
}

export interface PdfPages {
  count: number;
  /** Page sizes in points (A4 portrait ≈ 595×842). */
  sizes: { width: number; height: number }[];
}

export function pdfPages(pdfPath: string): PdfPages {
  const pdfinfo = requireTool("pdfinfo");
  const summary = execFileSync(pdfinfo, [pdfPath], { encoding: "utf8" });
  const countMatch = /^Pages:\s+(\d+)/m.exec(summary);
  if (countMatch === null) throw new Error(`pdfinfo: no page count for ${pdfPath}\n${summary}`);
  const count = Number(countMatch[1]);
  const detail = execFileSync(pdfinfo, ["-f", "1", "-l", String(count), pdfPath], { encoding: "utf8" });
  const sizes = [...detail.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  if (sizes.length !== count) throw new Error(`pdfinfo: ${count} pages but ${sizes.length} sizes\n${detail}`);
  return { count, sizes };
}

/** Font names embedded in the PDF (pdffonts), e.g. "ABCDEF+LiberationSerif". */
export function pdfFonts(pdfPath: string): string[] {
  const out = execFileSync(requireTool("pdffonts"), [pdfPath], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2) // header + dashes
    .map((line) => line.trim().split(/\s+/)[0])
    .filter((name): name is string => name !== undefined && name !== "");
}

/** Render one page (1-based) to PNG for a visual check; returns the PNG path. */
export function pdfToPng(pdfPath: string, page: number, outPrefix: string, dpi = 60): string {
  execFileSync(requireTool("pdftoppm"), ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdfPath, outPrefix]);
  return `${outPrefix}.png`;
}

export interface PdfWord {
  /** 1-based page. */
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box in points (pdftotext -bbox), page by page. */
export function pdfWords(pdfPath: string): PdfWord[] {
  const html = execFileSync(requireTool("pdftotext"), ["-bbox", "-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" });
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === "<page") page++;
    else words.push({ page, text: xmlUnescape(m[5]), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return words;
}

/** Word box height per point of font size (Liberation Serif, any style). */
const BOX_EM = 1.3;
/** Line pitch of Liberation Serif (ascender + descender): where a line's ink can reach. */
const LINE_EM = 1.107;
/** Points two measured boxes may differ by (pdftotext rounds). */
export const BOX_TOLERANCE = 0.05;

/** The font size in points a printed word was set in, from its box. */
export const wordSize = (w: PdfWord): number => (w.yMax - w.yMin) / BOX_EM;

/** Pairs of words on one page whose ink (the box narrowed about its middle to the line pitch) overlaps. */
export function overlappingWords(words: readonly PdfWord[]): string[] {
  const boxes = words.map((w) => {
    const shrink = ((w.yMax - w.yMin) * (1 - LINE_EM / BOX_EM)) / 2;
    return { ...w, yMin: w.yMin + shrink, yMax: w.yMax - shrink };
  });
  const found: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (a.page === b.page && dx > BOX_TOLERANCE && dy > BOX_TOLERANCE) found.push(`p${a.page} "${a.text}" × "${b.text}" (${dx.toFixed(1)}×${dy.toFixed(1)} pt)`);
    }),
  );
  return found;
}
