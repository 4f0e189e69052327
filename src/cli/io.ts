import { renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { SaidError, type Message } from "../domain/messages/localize";
import { ExcelLimitExceeded } from "../layout/excelLimits";
import { jsonSyntaxError } from "./jsonSyntax";
import { cliMsg } from "../domain/messages/cli";
import { readInputFile } from "../xlsx/inputFile";
import { FileRefused } from "../xlsx/refused";

/** What a command prints and how the process exits. */
export interface CommandResult {
  readonly stdout: string;
  readonly exitCode: number;
}

/**
 * A problem with the command line or its files: exit 2, message on stderr, nothing on stdout.
 * It carries the message as data (`said`), rendered in the language of `--lang`; `message` is Vietnamese.
 */
export class UsageError extends SaidError {}


/** A problem with a file rather than with the command line: the usage is not printed after it. */
export class FileError extends UsageError {}

/** Larger than any document of this tool (5,000 indicators are about 2 MB); a larger text would take gigabytes to parse. */
const MAX_JSON_MB = 50;

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
  let bytes: Buffer;
  try {
    bytes = readInputFile(file, MAX_JSON_MB);
  } catch (error) {
    throw new FileError(error instanceof FileRefused ? cliMsg.inFile.of(file, error.said) : cliMsg.cannotRead.of(file));
  }
  // Notepad's "Unicode" is UTF-16: a byte-order mark, or a zero byte beside each ASCII letter.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 64).includes(0)) {
    throw new FileError(cliMsg.jsonUtf16.of(file));
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const error = jsonSyntaxError(text);
    throw new FileError(error.kind === "at" ? cliMsg.notJson.of(file, error.line, error.column) : error.kind === "cut" ? cliMsg.jsonCut.of(file) : cliMsg.jsonEmpty.of(file));
  }
  if (nestsDeeperThan(json, MAX_JSON_DEPTH)) throw new FileError(cliMsg.jsonTooDeep.of(file, MAX_JSON_DEPTH));
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

/** The file's status, or undefined when there is none (or it cannot be looked at). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Whether two paths name the same existing file, however written (links, "./", letter case). */
export function isSameFile(a: string, b: string): boolean {
  const [s, t] = [statOf(a), statOf(b)];
  return s !== undefined && t !== undefined && s.dev === t.dev && s.ino === t.ino;
}

/** For checkOutput: no existing file may be replaced (a new unit workbook never replaces one that may hold figures). */
export const NOTHING = (): boolean => false;

/**
 * Refuses, before anything is read or written, an output that would destroy something: one of the
 * command's inputs (same file however named: links, "./", case), a folder, or an existing file of
 * another kind than what the command writes (`replaceable` says whether an existing file is its own
 * kind, e.g. an earlier PDF). `kind` names that kind in the message.
 */
export function checkOutput(output: string, inputs: readonly string[], kind: Message, replaceable: (existing: string) => boolean): void {
  const existing = statOf(output);
  if (existing === undefined) return;
  if (existing.isDirectory()) throw new FileError(cliMsg.outputIsFolder.of(output, kind));
  if (!existing.isFile()) throw new FileError(cliMsg.outputNotAFile.of(output, kind));
  const input = inputs.find((file) => isSameFile(file, output));
  if (input !== undefined) {
    throw new FileError(cliMsg.outputIsInput.of(output, input));
  }
  if (existing.size > 0 && !replaceable(output)) {
    throw new FileError(replaceable === NOTHING ? cliMsg.outputExists.of(output) : cliMsg.outputExistsOther.of(output, kind));
  }
}

/** Why a write failed, in words, with what to do; the system's message when the cause is not one of these. */
function writeCause(file: string, error: NodeJS.ErrnoException): Message | string {
  const folder = dirname(file);
  switch (error.code) {
    case "ENOSPC":
    case "EDQUOT":
      return cliMsg.diskFull.of();
    case "EACCES":
    case "EPERM":
      return cliMsg.noPermission.of(folder);
    case "EROFS":
      return cliMsg.readOnlyFolder.of(folder);
    case "ENOENT":
    case "ENOTDIR":
      return cliMsg.noFolder.of(folder);
    case "EISDIR":
      return cliMsg.isFolder.of(file);
    case "EBUSY":
    case "ETXTBSY":
      return cliMsg.fileBusy.of();
    default:
      // The system's own words (English), shown as they are.
      return error.message;
  }
}

/** The command's output written through replaceFile; a failure is a FileError naming the cause and what to do. */
export function writeOutput(file: string, data: Uint8Array): void {
  try {
    replaceFile(file, data);
  } catch (error) {
    throw new FileError(cliMsg.writeFailed.of(file, writeCause(file, error as NodeJS.ErrnoException)));
  }
}

/** A writer's bytes; its refusal of text Excel cannot hold (naming the cell and what to shorten) becomes the command's message. */
export async function written(write: () => Uint8Array | Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ExcelLimitExceeded) throw new FileError(error.said);
    throw error;
  }
}
