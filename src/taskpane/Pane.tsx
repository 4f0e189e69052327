// The whole task pane over one workbook service: shared by Excel (index.tsx), the preview
// workbench and the tests, which differ only in the ChiTieuWorkbook they pass.
import type { ChiTieuWorkbook } from "../contract/workbook";
import { useStrings } from "../i18n/LanguageProvider";
import { fill } from "../i18n/fill";
import type { Language } from "../i18n/strings";
import { App } from "./App";
import type { HostKind } from "../contract/workbook";
import { PaneStateProvider, usePaneState } from "./PaneState";
import { UNIT_KIND_LABEL } from "./unitKinds";
import { renderView } from "./views/renderView";
import { WorkbookProvider } from "./WorkbookContext";

export interface PaneProps {
  workbook: ChiTieuWorkbook;
  host: HostKind;
  initialLanguage?: Language;
}

export function Pane(props: PaneProps) {
  return (
    <WorkbookProvider workbook={props.workbook}>
      <PaneStateProvider>
        <App host={props.host} initialLanguage={props.initialLanguage} renderView={renderView} renderStatus={() => <UnitStatus />} />
      </PaneStateProvider>
    </WorkbookProvider>
  );
}

/** "Xã An Hòa (xã, phường), năm 2025": which unit the pane is working on. */
function UnitStatus() {
  const s = useStrings();
  const { status, unitKind } = usePaneState();
  const kind = s[UNIT_KIND_LABEL[unitKind]];
  if (!status?.hasUnitSheet) return <>{fill(s.statusUnitKindOnly, { kind })}</>;
  return <>{fill(s.statusUnit, { unit: status.unitName || "…", kind, year: status.year ?? "…" })}</>;
}
