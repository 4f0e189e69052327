import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** What a command prints and how the process exits. */
export interface CommandResult {
  readonly stdout: string;
  readonly exitCode: number;
}

/** A problem with the command line or its files: exit 2, message on stderr, nothing on stdout. */
export class UsageError extends Error {}

/** Deeper than any document of this tool; deeper values would overflow the stack later on. */
const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `limit` arrays and objects (without recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [item, depth] = top;
    if (typeof item !== "object" || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`Không đọc được tệp ${file}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(`${file} không phải JSON hợp lệ: ${(error as Error).message}`);
  }
  if (nestsDeeperThan(json, MAX_JSON_DEPTH)) throw new UsageError(`${file}: dữ liệu JSON lồng nhau quá sâu (hơn ${MAX_JSON_DEPTH} tầng).`);
  return json;
}

let tempCount = 0;

/**
 * Write a file through a temporary file in the same directory, renamed over it at the end: a
 * write that fails (disk full, killed process) leaves the old file as it was.
 */
export function replaceFile(file: string, data: Uint8Array): void {
  // Unique per process and call ("wx" refuses a name in use); no node:crypto at every start-up.
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}-${(tempCount++).toString(36)}-${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temp, data, { flag: "wx" });
    renameSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") rmSync(temp, { force: true });
    throw error;
  }
}
