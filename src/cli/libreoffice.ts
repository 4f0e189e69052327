/**
 * LibreOffice (headless soffice) as the print engine of the command line, and of the tests:
 * find it, and convert files with a private profile that recalculates every formula on load.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Where LibreOffice installs soffice when it is not on PATH. */
export const SOFFICE_FALLBACKS: readonly string[] = [
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function findOnPath(binary: string, searchPath: string): string | undefined {
  const names = process.platform === "win32" ? [`${binary}.exe`, binary] : [binary];
  for (const dir of searchPath.split(path.delimiter)) {
    for (const name of names) if (dir !== "" && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The soffice binary, or undefined where LibreOffice is not installed. */
export function findSoffice(searchPath: string = process.env.PATH ?? "", fallbacks: readonly string[] = SOFFICE_FALLBACKS): string | undefined {
  return findOnPath("soffice", searchPath) ?? fallbacks.find(isExecutable);
}

// LibreOffice keeps the cached <v> values of an .xlsx unless told to recalculate on load;
// 0 = "always recalculate" (1 = never, 2 = prompt, which headless treats as never).
const RECALC_SETTINGS = `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>`;

/**
 * Column widths in an .xlsx count digits of the Normal font, Calibri 11 in files ExcelJS writes.
 * Where Calibri is missing LibreOffice measures its substitute (DejaVu Sans: a third wider than
 * in Excel), so printing measures with Liberation Serif instead, whose digit (5,5 pt) is within
 * 5 % of Excel's 5,25 pt: the printed columns then have the widths the layout planned.
 */
const CALIBRI_AS_SERIF = `<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_0" oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>true</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop><prop oor:name="ReplaceFont" oor:op="fuse"><value>Calibri</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>Liberation Serif</value></prop></node></item>`;

/**
 * The locale an official's Excel prints with: number formats without a language of their own
 * (0.00%, #,##0) print Vietnamese-style (105,00%, 2.100), as they do on a computer set to Vietnamese.
 */
const VIETNAMESE_LOCALE = `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>`;

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A private profile per run: parallel runs sharing one profile would block or crash. */
function createProfile(forPrint: boolean): string {
  const dir = makeTempDir("chitieu-lo-profile-");
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  const items = forPrint ? `${RECALC_SETTINGS}\n${CALIBRI_AS_SERIF}\n${VIETNAMESE_LOCALE}` : RECALC_SETTINGS;
  fs.writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${items}
</oor:items>
`,
  );
  return dir;
}

function profileUrl(dir: string): string {
  return "file://" + (dir.startsWith("/") ? "" : "/") + dir.split(path.sep).map(encodeURIComponent).join("/");
}

/**
 * Run a command with a timeout. The child gets its own process group (detached) because
 * /usr/bin/soffice is a wrapper script around oosplash/soffice.bin: on timeout the whole group is
 * killed, not just the wrapper, so no orphaned soffice.bin keeps holding the profile.
 */
function run(file: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    const fail = (reason: string): void =>
      reject(new Error(`${path.basename(file)} ${args.join(" ")} failed: ${reason}\nstdout: ${stdout}\nstderr: ${stderr}`));
    child.on("error", (err) => {
      clearTimeout(timer);
      fail(err.message);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) fail(`killed after ${timeoutMs} ms (timeout)`);
      else if (code !== 0) fail(`exit code ${String(code)}${signal === null ? "" : `, signal ${signal}`}`);
      else resolve({ stdout, stderr });
    });
  });
}

/**
 * One soffice run converting all inputs (startup costs seconds, so callers batch). Inputs are
 * copied into a private staging dir first so that outDir may equal an input's dir without soffice
 * overwriting the file it is reading. Output names are `<input basename>.<ext>`.
 */
export async function convertFiles(
  soffice: string,
  inputPaths: readonly string[],
  outDir: string,
  filter: string,
  ext: string,
  timeoutMs: number,
  /** Measure column widths as the print layout planned them (see CALIBRI_AS_SERIF). */
  forPrint = false,
): Promise<string[]> {
  if (inputPaths.length === 0) return [];
  const bases = inputPaths.map((p) => path.basename(p, path.extname(p)));
  const duplicate = bases.find((b, i) => bases.indexOf(b) !== i);
  if (duplicate !== undefined) throw new Error(`convert: two inputs share the output name "${duplicate}.${ext}"`);
  fs.mkdirSync(outDir, { recursive: true });
  const profile = createProfile(forPrint);
  const staging = makeTempDir("chitieu-lo-in-");
  try {
    const staged = inputPaths.map((p) => {
      const target = path.join(staging, path.basename(p));
      fs.copyFileSync(p, target);
      return target;
    });
    const outputs = bases.map((b) => path.join(outDir, `${b}.${ext}`));
    outputs.forEach((o) => fs.rmSync(o, { force: true })); // a stale output must not pass as fresh
    const args = [`-env:UserInstallation=${profileUrl(profile)}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", filter, "--outdir", outDir, ...staged];
    const { stdout, stderr } = await run(soffice, args, timeoutMs);
    // soffice exits 0 even when a document fails to load, so check every output exists.
    const missing = outputs.filter((o) => !fs.existsSync(o));
    if (missing.length > 0) throw new Error(`soffice produced no output for: ${missing.join(", ")}\nstdout: ${stdout}\nstderr: ${stderr}`);
    return outputs;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
