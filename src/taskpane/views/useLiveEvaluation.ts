// The evaluation a view shows, kept current: evaluated when the view opens and again after the
// unit sheet's inputs change (where Excel reports changes; elsewhere the view offers a button).
// Đánh giá shows it; Xếp loại shows its suggestion and takes no final level while it is stale.
import { useEffect, useRef, useState } from "react";
import type { EvaluationReport } from "../../contract/workbook";
import { usePaneState } from "../PaneState";
import { useWorkbook } from "../WorkbookContext";
import { useServiceCall, type ServiceCall } from "./useServiceCall";

/** Typing fires a change per cell: wait for a pause before evaluating again. */
export const REFRESH_DELAY_MS = 400;

export type Refresh = "pending" | "automatic" | "manual";

export interface LiveEvaluation {
  readonly evaluation: ServiceCall<[restoreFormulas: boolean], EvaluationReport>;
  /** The latest report: this view's, else the last one of the pane. */
  readonly report: EvaluationReport | null;
  readonly refresh: Refresh;
  /** Inputs changed since the report was made, or it is being made: its suggestion may be out of date. */
  readonly stale: boolean;
}

export function useLiveEvaluation(): LiveEvaluation {
  const workbook = useWorkbook();
  const pane = usePaneState();
  const setReport = pane.setReport;
  const evaluation = useServiceCall(async (restoreFormulas: boolean) => {
    const report = await workbook.evaluate(restoreFormulas ? { restoreFormulas } : undefined);
    setReport(report);
    return report;
  });
  const [refresh, setRefresh] = useState<Refresh>("pending");
  const [changed, setChanged] = useState(false);
  const runRef = useRef(evaluation.run);
  runRef.current = evaluation.run;

  useEffect(() => {
    let stop: (() => Promise<void>) | null = null;
    let unmounted = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void runRef.current(false);
    workbook
      .onInputsChanged(() => {
        setChanged(true);
        clearTimeout(timer);
        timer = setTimeout(() => {
          setChanged(false);
          void runRef.current(false);
        }, REFRESH_DELAY_MS);
      })
      .then((stopListening) => {
        if (unmounted) void stopListening?.();
        else {
          stop = stopListening;
          setRefresh(stopListening ? "automatic" : "manual");
        }
      })
      .catch(() => !unmounted && setRefresh("manual"));
    return () => {
      unmounted = true;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [workbook]);

  return { evaluation, report: evaluation.result ?? pane.report, refresh, stale: changed || evaluation.busy };
}
