import { inflateRawSync } from "node:zlib";
import { BAD_DEFLATE, damaged, LARGER_THAN_DECLARED, storedPart, zipEntries } from "./zipEntries";

/**
 * The CLI's zip reading: the shared walk (zipEntries.ts) with node's zlib, synchronously, every
 * part (kept or not) inflated with its declared size as the cap, so one pass both guards and
 * reads. The task pane does the same asynchronously in zipStream.ts.
 */
export { MAX_ENTRIES, MAX_INFLATED_BYTES, ZipRefused, ZipTooLarge } from "./zipEntries";

/** Throws ZipRefused when the file is too large, encrypted, an .xls or ZIP64, or an Error when it is damaged. */
export function checkZipSize(data: Uint8Array): void {
  readZipParts(data, () => false);
}

/** The zip's parts whose names `keep` accepts, inflated, after the checks of checkZipSize. */
export function readZipParts(data: Uint8Array, keep: (name: string) => boolean): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const entry of zipEntries(data)) {
    const inflated = storedPart(entry) ?? inflate(entry.body, entry.declared);
    if (keep(entry.name)) parts.set(entry.name, inflated);
  }
  return parts;
}

function inflate(body: Uint8Array, declared: number): Uint8Array {
  try {
    return inflateRawSync(body, { maxOutputLength: Math.max(1, declared) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw damaged(LARGER_THAN_DECLARED);
    throw damaged(BAD_DEFLATE);
  }
}
