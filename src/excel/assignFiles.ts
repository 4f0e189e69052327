/**
 * "Giao chỉ tiêu" in the add-in (issue 16 §1), its own chunk: the province workbook's assignment
 * sheets read in two round trips, checked as `chitieu assign` checks the file, and every unit's
 * workbook built in the browser by the CLI's own .xlsx writer (ExcelJS's browser build), for the
 * pane to offer as downloads. A task pane cannot write into a folder; the file names are those the
 * CLI writes, which consolidation reads the units back by.
 */
import type { AssignmentReport } from "../contract/workbook";
import { problem } from "../layout/problems";
import { assignedUnitWorkbook, planUnitFiles } from "../layout/province";
import { writeXlsx } from "../xlsx/writeLayout";
import { readProvinceAction } from "./provinceActions";

export async function assignUnits(run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>): Promise<AssignmentReport> {
  const read = await run(readProvinceAction);
  const { planned, clashes } = planUnitFiles(read.assignments);
  const problems = [...read.problems, ...clashes.map((message) => problem("", null, message))];
  if (problems.some((p) => p.severity === "error")) return { units: [], problems };
  const units = [];
  for (const p of planned) {
    units.push({
      unit: p.unit.name,
      group: p.assignment.group,
      file: p.file,
      indicators: p.unit.targets.size,
      bytes: await writeXlsx(assignedUnitWorkbook(p, read.rules)),
    });
  }
  return { units, problems };
}
