// The pane's shell: product header, language switch, the views as tabs, one panel region the
// views render into, and a status line. No business rules here.
import { makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { LanguageProvider, useStrings } from "../i18n/LanguageProvider";
import type { Language } from "../i18n/strings";
import { LanguageSwitch } from "./LanguageSwitch";
import type { HostKind } from "../contract/workbook";
import { tabId, VIEW_LABEL, VIEW_PANEL_ID, VIEWS, type ViewId } from "./views";

export interface AppProps {
  host: HostKind;
  initialLanguage?: Language;
  /** Content of the panel region for the selected view. */
  renderView?: (view: ViewId) => ReactNode;
  /** Extra facts for the status line (rendered inside the language provider). */
  renderStatus?: () => ReactNode;
}

export function App(props: AppProps) {
  return (
    <LanguageProvider initialLanguage={props.initialLanguage}>
      <Shell host={props.host} renderView={props.renderView} renderStatus={props.renderStatus} />
    </LanguageProvider>
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", boxSizing: "border-box" },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3 },
  // A task pane is ~320 px wide: let the tabs wrap instead of scrolling out of sight.
  tabs: { flexWrap: "wrap", padding: `0 ${tokens.spacingHorizontalS}` },
  panel: { flexGrow: 1, padding: tokens.spacingHorizontalM },
  status: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
});

function Shell(props: Omit<AppProps, "initialLanguage">) {
  const s = useStrings();
  const styles = useStyles();
  const [view, setView] = useState<ViewId>("setup");

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {s.appTitle}
        </Text>
        <Text as="p" size={200} className={styles.subtitle}>
          {s.appSubtitle}
        </Text>
        <LanguageSwitch />
      </header>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={s.viewsLabel}
        selectedValue={view}
        onTabSelect={(_event, data) => {
          const next = VIEWS.find((v) => v === data.value);
          if (next) setView(next);
        }}
      >
        {VIEWS.map((v) => (
          <Tab key={v} value={v} id={tabId(v)} aria-controls={VIEW_PANEL_ID}>
            {s[VIEW_LABEL[v]]}
          </Tab>
        ))}
      </TabList>
      <div id={VIEW_PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)} data-view={view} className={styles.panel}>
        {props.renderView?.(view)}
      </div>
      <Text as="p" role="status" size={200} className={styles.status}>
        {props.host === "excel" ? s.statusInExcel : s.statusPreview}
        {props.renderStatus && <> {props.renderStatus()}</>}
      </Text>
    </div>
  );
}
