// The workbook service the views talk to. Injected, so Excel, the preview and the tests each
// supply their own ChiTieuWorkbook and the views never know which one they have.
import { createContext, useContext, type ReactNode } from "react";
import type { ChiTieuWorkbook } from "../contract/workbook";

const WorkbookContext = createContext<ChiTieuWorkbook | null>(null);

export function WorkbookProvider(props: { workbook: ChiTieuWorkbook; children: ReactNode }) {
  return <WorkbookContext.Provider value={props.workbook}>{props.children}</WorkbookContext.Provider>;
}

export function useWorkbook(): ChiTieuWorkbook {
  const workbook = useContext(WorkbookContext);
  if (!workbook) throw new Error("useWorkbook() needs a <WorkbookProvider> above it");
  return workbook;
}
