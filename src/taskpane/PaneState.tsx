// What outlives a tab switch: the views unmount when another tab is chosen, so the facts they share
// (workbook status, last evaluation, unit kind, print header draft) live here.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { EvaluationReport, WorkbookStatus } from "../contract/workbook";
import { DEFAULT_HEADER } from "../layout/print";
import type { DocumentHeader } from "../layout/schema";
import type { UnitKind } from "./unitKinds";
import { useWorkbook } from "./WorkbookContext";

export interface PaneState {
  readonly status: WorkbookStatus | null;
  /** Reads the workbook status again; rejects like the service does. */
  readonly refreshStatus: () => Promise<WorkbookStatus>;
  readonly report: EvaluationReport | null;
  readonly setReport: (report: EvaluationReport) => void;
  readonly unitKind: UnitKind;
  readonly setUnitKind: (kind: UnitKind) => void;
  readonly header: DocumentHeader;
  readonly setHeader: (header: DocumentHeader) => void;
}

const PaneStateContext = createContext<PaneState | null>(null);

export function PaneStateProvider(props: { children: ReactNode }) {
  const workbook = useWorkbook();
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [report, setReport] = useState<EvaluationReport | null>(null);
  // Since July 2025 most units are communes and wards.
  const [unitKind, setUnitKind] = useState<UnitKind>("commune");
  const [header, setHeader] = useState<DocumentHeader>(DEFAULT_HEADER);

  const refreshStatus = useCallback(async () => {
    const next = await workbook.status();
    setStatus(next);
    if (next.unitKind) setUnitKind(next.unitKind);
    return next;
  }, [workbook]);

  const value = useMemo(
    () => ({ status, refreshStatus, report, setReport, unitKind, setUnitKind, header, setHeader }),
    [status, refreshStatus, report, unitKind, header],
  );
  return <PaneStateContext.Provider value={value}>{props.children}</PaneStateContext.Provider>;
}

export function usePaneState(): PaneState {
  const state = useContext(PaneStateContext);
  if (!state) throw new Error("usePaneState() needs a <PaneStateProvider> above it");
  return state;
}
