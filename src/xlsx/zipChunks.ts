import { Zip, ZipDeflate, type ZipInputFile } from "fflate";

/** One part's chunks deflated as one raw deflate stream, with the CRC-32 and size of what was deflated. */
export interface DeflatedChunks {
  readonly body: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

/** Deflates a part given in chunks; zipChunks deflates with fflate (the pane has no other) unless given one (the CLI: node's zlib). */
export type ChunkDeflater = (chunks: readonly Uint8Array[]) => DeflatedChunks;

const ZIP_EPOCH = new Date(1980, 0, 1);

/**
 * A zip (.xlsx package) of parts given in chunks, each chunk deflated as it comes, so that no part
 * is ever joined into one buffer: a task register's roadmap is over a hundred megabytes of XML at
 * 5,000 tasks. The same compression (level 1) and date (the zip epoch) as zip.ts's zipParts; each
 * part's sizes follow it (a data descriptor), as every reader takes them from the central directory.
 */
export function zipChunks(parts: readonly { readonly name: string; readonly chunks: readonly Uint8Array[] }[], deflate?: ChunkDeflater): Uint8Array {
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else out.push(chunk);
  });
  for (const part of parts) {
    if (deflate !== undefined) {
      const { body, crc, size } = deflate(part.chunks);
      // fflate writes an entry given as its compressed body, CRC and size.
      const file: ZipInputFile = { filename: part.name, size, crc, compression: 8, mtime: ZIP_EPOCH };
      zip.add(file);
      body.forEach((chunk, i) => file.ondata?.(null, chunk, i === body.length - 1));
      continue;
    }
    const file = new ZipDeflate(part.name, { level: 1 });
    file.mtime = ZIP_EPOCH;
    zip.add(file);
    if (part.chunks.length === 0) file.push(new Uint8Array(0), true);
    part.chunks.forEach((chunk, i) => file.push(chunk, i === part.chunks.length - 1));
  }
  zip.end();
  if (failed !== null) throw failed;
  const bytes = new Uint8Array(out.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of out) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
