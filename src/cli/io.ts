import { randomUUID } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** What a command prints and how the process exits. */
export interface CommandResult {
  readonly stdout: string;
  readonly exitCode: number;
}

/** A problem with the command line or its files: exit 2, message on stderr, nothing on stdout. */
export class UsageError extends Error {}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`Không đọc được tệp ${file}.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(`${file} không phải JSON hợp lệ: ${(error as Error).message}`);
  }
}

/**
 * Write a file through a temporary file in the same directory, renamed over it at the end: a
 * write that fails (disk full, killed process) leaves the old file as it was.
 */
export function replaceFile(file: string, data: Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
  try {
    writeFileSync(temp, data, { flag: "wx" });
    renameSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") rmSync(temp, { force: true });
    throw error;
  }
}
