/**
 * "Giao chỉ tiêu" in the add-in (issue 16 §1), its own chunk: the province workbook's assignment
 * sheets read in two round trips, checked as `chitieu assign` checks the file, and every unit's
 * workbook built in the browser by the CLI's own .xlsx writer (sheetsXlsx.ts over fflate: no Node
 * API), for the pane to offer as downloads. A task pane cannot write into a folder; the file names
 * are those the CLI writes, which consolidation reads the units back by.
 */
import type { AssignmentReport } from "../contract/workbook";
import { problem } from "../layout/problems";
import { assignedUnitWorkbook, planUnitFiles } from "../layout/province";
import type { FollowUpCadence } from "../layout/unit";
import { KeptSheets } from "../layout/keptSheets";
import { SheetsXlsxWriter } from "../xlsx/sheetsXlsx";
import { readProvinceAction } from "./provinceActions";

export async function assignUnits(run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>, cadence: FollowUpCadence = "quarter"): Promise<AssignmentReport> {
  const read = await run(readProvinceAction);
  const { planned, clashes } = planUnitFiles(read.assignments);
  const problems = [...read.problems, ...clashes.map((message) => problem("", null, message))];
  if (problems.some((p) => p.severity === "error")) return { units: [], problems };
  // The units of a group share every sheet but their own: each is laid out and rendered once.
  const kept = new KeptSheets();
  const writer = new SheetsXlsxWriter();
  const units = planned.map((p) => ({
    unit: p.unit.name,
    group: p.assignment.group,
    file: p.file,
    indicators: p.unit.targets.size,
    bytes: writer.write(assignedUnitWorkbook(p, read.rules, cadence, kept)),
  }));
  return { units, problems };
}
