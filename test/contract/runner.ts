/** Runs the contract cases one after the other on a fresh workbook each, reporting each result as it ends. */
import type { ContractCase } from "./cases";
import type { ContractHost } from "./host";

export interface CaseResult {
  readonly name: string;
  readonly passed: boolean;
  readonly error?: string;
  readonly ms: number;
}

export async function runContractCases(
  cases: readonly ContractCase[],
  freshHost: () => Promise<ContractHost>,
  report: (result: CaseResult) => Promise<void> | void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const contractCase of cases) {
    const start = Date.now();
    let result: CaseResult;
    try {
      await contractCase.run(await freshHost());
      result = { name: contractCase.name, passed: true, ms: Date.now() - start };
    } catch (error) {
      result = { name: contractCase.name, passed: false, error: error instanceof Error ? error.message : String(error), ms: Date.now() - start };
    }
    results.push(result);
    await report(result);
  }
  return results;
}
