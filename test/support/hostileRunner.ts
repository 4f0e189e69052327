/**
 * The child process of the hostile-input suite (test/cli/hostileReaders.test.ts): it runs one
 * reader on one file per message and answers with the outcome, the time taken and its peak
 * memory, so the parent can bound both and kill it if a case hangs.
 */
import { readFileSync } from "node:fs";
import { run } from "../../src/cli/main";
import { UsageError } from "../../src/cli/io";
import { runPrint } from "../../src/cli/printCommand";
import { openXlsxPortable } from "../../src/xlsx/xlsxPackage";
import { presetOfTheYear, readUnitBytes } from "../../src/xlsx/unitSummary";
import { render } from "../../src/domain/messages/localize";
import { processorMs } from "./hostileFiles";

export type Reader = "read" | "consolidate" | "tasks" | "print" | "pane" | "assign";
export interface Case {
  readonly reader: Reader;
  readonly file: string;
  readonly out: string;
}
export type Outcome = { readonly kind: "ok" | "message" | "crash"; readonly text: string; readonly exitCode?: number };
export interface Answer {
  readonly outcome: Outcome;
  readonly ms: number;
  readonly peakMB: number;
}

async function runReader(c: Case): Promise<Outcome> {
  const cli = async (args: string[]): Promise<Outcome> => {
    const result = await run(args);
    return { kind: "ok", text: result.stdout, exitCode: result.exitCode };
  };
  switch (c.reader) {
    case "read":
      return cli(["read", c.file]);
    case "consolidate":
      return cli(["consolidate", c.file, "-o", c.out]);
    case "tasks":
      return cli(["tasks", "evaluate", c.file, "--year", "2024", "--as-of", "2024-12-31"]);
    case "assign":
      return cli(["assign", c.file, "-o", c.out.replace(/\.xlsx$/, "-don-vi")]);
    case "print": {
      // No LibreOffice on this search path: the command reads the workbook, then stops before converting.
      const result = await runPrint({ input: c.file, output: c.out, searchPath: "/nonexistent", fallbacks: [] });
      return { kind: "ok", text: result.stdout, exitCode: result.exitCode };
    }
    case "pane": {
      const file = { name: "unit.xlsx", bytes: new Uint8Array(readFileSync(c.file)), modified: "2025-01-01T00:00:00Z" };
      const reads = await readUnitBytes(file, openXlsxPortable, presetOfTheYear);
      const rejected = reads.flatMap((read) => ("reason" in read ? [render(read.reason, "vi")] : []));
      return rejected.length > 0 ? { kind: "message", text: rejected.join("\n") } : { kind: "ok", text: JSON.stringify(reads) };
    }
  }
}

process.on("message", (c: Case) => {
  const start = process.cpuUsage();
  void runReader(c)
    .catch((error: unknown): Outcome =>
      error instanceof UsageError ? { kind: "message", text: error.message } : { kind: "crash", text: `${(error as Error).constructor?.name}: ${(error as Error).message}` },
    )
    .then((outcome) => {
      const answer: Answer = { outcome, ms: processorMs(start), peakMB: process.resourceUsage().maxRSS / 1024 };
      process.send?.(answer);
    });
});
process.send?.("ready");
