import { BAD_DEFLATE, damaged, LARGER_THAN_DECLARED, storedPart, zipEntries } from "./zipEntries";

/**
 * The task pane's zip reading: the shared walk (zipEntries.ts) with the browser's
 * DecompressionStream("deflate-raw") (Edge WebView2 / Chromium, Safari 16.4+, Node 18+), with
 * the same bounds and messages as the CLI's zlib path (zipGuard.ts). Every part, kept or not, is
 * inflated with its declared size as the cap; a part that inflates beyond it is cut off there.
 */
export async function readZipPartsAsync(data: Uint8Array, keep: (name: string) => boolean): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array>();
  for (const entry of zipEntries(data)) {
    // One part at a time, so a lying part stops the walk before the next is inflated.
    const inflated = storedPart(entry) ?? (await inflate(entry.body, entry.declared));
    if (keep(entry.name)) parts.set(entry.name, inflated);
  }
  return parts;
}

async function inflate(body: Uint8Array, declared: number): Promise<Uint8Array> {
  const input = new ReadableStream<BufferSource>({
    start(controller) {
      // A file's bytes: an ArrayBuffer, never shared memory.
      controller.enqueue(body as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > declared) {
        void reader.cancel();
        throw damaged(LARGER_THAN_DECLARED);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Error && error.message.includes(LARGER_THAN_DECLARED)) throw error;
    throw damaged(BAD_DEFLATE);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
