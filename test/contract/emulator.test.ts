// The contract suite on the workbook emulator; `npm run test:excel` runs the same cases inside desktop Excel.
import { ALL_FEATURES } from "../../src/excel/features";
import { createWorkbookService } from "../../src/excel/workbookService";
import { createWorkbookEmulator } from "../../src/preview/emulator";
import { CONTRACT_CASES } from "./cases";
import { officeHost, resetWorkbook, type Batch } from "./host";
import { runContractCases } from "./runner";

/** One emulated workbook for the whole suite, reset between cases as the Excel run does. */
const emulator = createWorkbookEmulator({ sheets: ["Sheet1"] });
const run: Batch = (batch) => emulator.run(batch);
const freshHost = async () => {
  await resetWorkbook(run);
  return officeHost(run, createWorkbookService(run, ALL_FEATURES));
};

test.each(CONTRACT_CASES.map((c) => [c.name, c] as const))("%s", async (_name, contractCase) => {
  const [result] = await runContractCases([contractCase], freshHost, () => undefined);
  expect(result.error).toBeUndefined();
  expect(result.passed).toBe(true);
});

test("a failing case is reported with its message and the next case still runs", async () => {
  const reported: string[] = [];
  const results = await runContractCases(
    [
      { name: "fails", run: async () => Promise.reject(new Error("boom")) },
      { name: "runs", run: async (host) => void (await host.sheetNames()) },
    ],
    freshHost,
    (r) => void reported.push(`${r.name}:${r.passed}`),
  );
  expect(reported).toEqual(["fails:false", "runs:true"]);
  expect(results[0].error).toBe("boom");
});
