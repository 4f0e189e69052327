import { readFileSync } from "node:fs";

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
