/**
 * `npx ts-node --transpile-only bench/consolidate.ts [FILES] [INDICATORS]`: time of consolidating
 * unit workbooks in one process (issue 8 §2 budget: 300 files × 40 indicators under 3 s on the
 * 2-core machine). The files are generated once into a cache folder: writing them is not measured.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runConsolidate } from "../src/cli/consolidateCommand";
import type { Catalogue } from "../src/domain";
import { writeUnitFile } from "../test/support/unitFiles";

function catalogue(count: number): Catalogue {
  const groups = [1, 2, 3, 4].map((g) => ({ code: String(g), name: `Nhóm ${g}` }));
  const indicators = Array.from({ length: count }, (_, i) => {
    const group = String(1 + Math.floor((i * 4) / count));
    return { code: `${group}.${i + 1}`, group, name: `Chỉ tiêu ${i + 1}`, unit: "người", direction: i % 7 === 3 ? ("decrease" as const) : ("increase" as const), key: false, weight: 1 };
  });
  return { groups, indicators };
}

async function main(): Promise<void> {
  const files = Number(process.argv[2] ?? 300);
  const indicators = Number(process.argv[3] ?? 40);
  const dir = join(tmpdir(), `chitieu-bench-consolidate-${files}x${indicators}`);
  if (!existsSync(dir) || readdirSync(dir).filter((f) => f.startsWith("don-vi")).length < files) {
    mkdirSync(dir, { recursive: true });
    const cat = catalogue(indicators);
    for (let i = 0; i < files; i += 1) {
      await writeUnitFile(dir, `don-vi-${String(i).padStart(4, "0")}.xlsx`, { unit: `Xã ${i + 1}`, kind: i % 3 === 0 ? "district" : "commune", result: i % 5 === 0 ? "excellent" : "good", common: 20 + (i % 11), catalogue: cat });
    }
  }
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = await runConsolidate({ inputs: [dir], output: join(dir, "tong-hop.xlsx"), json: true, exceptional: new Set() });
  const ms = performance.now() - start;
  const units = (JSON.parse(result.stdout) as { units: unknown[] }).units.length;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(
    `consolidate ${files} files × ${indicators} indicators: ${ms.toFixed(0)} ms in one process (budget 3000 ms), ` +
      `${units} units, exit ${result.exitCode}, heap +${heapMb.toFixed(0)} MB`,
  );
}

void main();
