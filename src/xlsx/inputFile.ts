/**
 * The bytes of a file a command reads (Node only). A named pipe or a device given as a file, or
 * found in a folder of unit files under an .xlsx name, blocks or never ends (`consolidate` waited
 * forever on a pipe and on a link to /dev/zero): so only an ordinary file is read, and not one
 * larger than any workbook the readers accept.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { inputFileMsg } from "../domain/messages/inputFile";
import { FileRefused } from "./refused";

/** Above any .xlsx the zip reader takes (50 MB inflated, a task register's rows beyond it), and any JSON document. */
export const MAX_FILE_MB = 200;

/**
 * Reads an ordinary file whole. Throws FileRefused (a message its owner can act on) for anything
 * else or a file over `maxMb`, and the system's error when the file cannot be read.
 */
export function readInputFile(path: string, maxMb = MAX_FILE_MB): Buffer {
  // Opened without waiting (opening a pipe would wait for a writer; Windows has no O_NONBLOCK and no such
  // pipes), then checked through the descriptor, so the file read is the file checked.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const status = fstatSync(fd);
    if (!status.isFile()) throw new FileRefused(inputFileMsg.notAFile.of());
    if (status.size > maxMb * 1024 * 1024) throw new FileRefused(inputFileMsg.tooLarge.of(maxMb));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
