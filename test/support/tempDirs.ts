import { mkdirSync, mkdtempSync } from "node:fs";
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
