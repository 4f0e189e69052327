import fs, { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { runPrint } from "../../src/cli/printCommand";
import * as parts from "../../src/xlsx/xlsxParts";
import { writeUnitFile } from "../support/unitFiles";
import { tempDirs } from "../support/tempDirs";

/** Issue 17 §4: a command reads its input file from disk once and inflates it once. */

const freshDir = tempDirs("chitieu-read-once-");

afterEach(() => jest.restoreAllMocks());

/** How often a command read `file` from disk (by its name, or opened to read through its descriptor) and opened a zip, while `action` ran. */
async function reads(file: string, action: () => Promise<unknown>): Promise<{ disk: number; zip: number }> {
  const original = fs.readFileSync;
  const originalOpen = fs.openSync;
  let disk = 0;
  jest.spyOn(fs, "readFileSync").mockImplementation(((path: fs.PathOrFileDescriptor, options?: never) => {
    if (path === file) disk += 1;
    return original(path, options);
  }) as typeof fs.readFileSync);
  jest.spyOn(fs, "openSync").mockImplementation(((path: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
    if (path === file) disk += 1;
    return originalOpen(path, flags, mode);
  }) as typeof fs.openSync);
  const open = jest.spyOn(parts, "openXlsx");
  await action();
  return { disk, zip: open.mock.calls.length };
}

test("read: the workbook, its leader's tasks and its follow-up come from one inflation of the file", async () => {
  const file = await writeUnitFile(freshDir(), "x.xlsx", { unit: "An Hòa", kind: "commune", result: "good" });
  expect(await reads(file, () => run(["read", file]))).toEqual({ disk: 1, zip: 1 });
});

test("print: the checks, the data errors and the page breaks come from one reading of the file", async () => {
  const dir = freshDir();
  const bin = freshDir();
  // A stand-in for LibreOffice that writes a PDF.
  writeFileSync(
    join(bin, "soffice"),
    '#!/bin/sh\nout=""; last=""\nwhile [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && { out="$2"; shift; }; last="$1"; shift; done\n' +
      'printf "%%PDF-1.4" > "$out/$(basename "$last" .xlsx).pdf"\n',
  );
  chmodSync(join(bin, "soffice"), 0o755);
  const file = join(dir, "x.xlsx");
  await run(["workbook", "--unit", "An Hòa", "--year", "2025", "-o", file]);
  const printing = () => runPrint({ input: file, output: join(dir, "x.pdf"), searchPath: bin, fallbacks: [] });
  expect(await reads(file, printing)).toEqual({ disk: 1, zip: 1 });
});
