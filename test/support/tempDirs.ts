import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A maker of new empty folders under one temporary root per test file (`prefix` names the root). */
export function tempDirs(prefix: string): () => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  return () => {
    const dir = join(root, `d${(n += 1)}`);
    mkdirSync(dir);
    return dir;
  };
}

/**
 * A writer of input documents into `dir`: a value is written as JSON, a string as it is (a
 * document that is not JSON); it returns the file's path.
 */
export function documentFiles(dir: string): (name: string, content: unknown) => string {
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    return path;
  };
}
