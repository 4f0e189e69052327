/**
 * The task pane of the test build (`npm run test:excel`): runs the contract cases inside desktop
 * Excel on the open workbook and posts each result to scripts/test-excel.js, which serves this page.
 */
import { createExcelWorkbook } from "../../src/excel/host";
import { CONTRACT_CASES } from "./cases";
import { officeHost, resetWorkbook, type Batch } from "./host";
import { runContractCases } from "./runner";

const post = (kind: "case" | "done", body: unknown) =>
  fetch(`/test-results/${kind}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const log = (line: string) => {
  const element = document.getElementById("log");
  if (element) element.textContent += `${line}\n`;
};

void Office.onReady(async (info) => {
  const excel = {
    host: String(info.host),
    platform: String(info.platform),
    version: Office.context.diagnostics?.version ?? "",
  };
  if (info.host !== Office.HostType.Excel) {
    await post("done", { excel, error: "not running inside Excel" });
    return;
  }
  const run: Batch = (batch) => Excel.run(batch);
  const results = await runContractCases(
    CONTRACT_CASES,
    async () => {
      await resetWorkbook(run);
      return officeHost(run, createExcelWorkbook());
    },
    async (result) => {
      log(`${result.passed ? "✓" : "✗"} ${result.name}${result.error ? `: ${result.error}` : ""}`);
      await post("case", result);
    },
  );
  await post("done", { excel, passed: results.filter((r) => r.passed).length, failed: results.filter((r) => !r.passed).length });
});
