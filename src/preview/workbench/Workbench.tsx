// The offline preview: the emulated workbook drawn as a grid on the left, the real task pane on the
// right, both over one in-memory workbook. Typing in the grid goes through typeValue (as a user
// types in Excel, under the emulated regional setting); the pane goes through the Excel JavaScript API,
// like in Excel.
import { Button, Field, makeStyles, Select, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ChiTieuWorkbook } from "../../contract/workbook";
import { Pane } from "../../taskpane/Pane";
import { EmulatorError, type WorkbookEmulator, type WorkbookSnapshot } from "../emulator";
import { blankCell, gridModel } from "./gridModel";
import { entryFor, PREVIEW_LOCALES, type PreviewLocale } from "./locale";
import { observedWorkbook } from "./observedWorkbook";
import { readSelection, selectInWorkbook } from "./selection";
import { SheetGrid } from "./SheetGrid";
import { WORKBENCH_TEXT } from "./workbenchText";

export interface WorkbenchProps {
  readonly emulator: WorkbookEmulator;
  readonly workbook: ChiTieuWorkbook;
  /** Writes the workbook as .xlsx; the download button shows only when there is one. */
  readonly toXlsx?: (snapshot: WorkbookSnapshot) => Promise<Uint8Array>;
}

const PANE_WIDTH_PX = 360;

const useStyles = makeStyles({
  root: { display: "flex", height: "100vh", overflow: "hidden" },
  book: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: {
    minWidth: "64px",
    padding: "2px 6px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  formula: {
    flexGrow: 1,
    padding: "2px 6px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    minHeight: "20px",
  },
  tabs: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, flexWrap: "wrap" },
  notice: { padding: `0 ${tokens.spacingHorizontalS}`, color: tokens.colorPaletteRedForeground1, minHeight: "20px" },
  hint: { padding: `0 ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground3 },
  pane: {
    width: `${PANE_WIDTH_PX}px`,
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
});

export function Workbench(props: WorkbenchProps) {
  const styles = useStyles();
  const { emulator } = props;
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>(() => emulator.snapshot());
  const [sheetName, setSheetName] = useState(() => snapshot.activeSheet ?? snapshot.sheets[0].name);
  const [selected, setSelected] = useState("A1");
  const [notice, setNotice] = useState("");
  const [locale, setLocale] = useState<PreviewLocale>("vi-VN");
  // Set once the user or the pane changed the workbook, which lives only in this page.
  const [edited, setEdited] = useState(false);
  const text = WORKBENCH_TEXT[locale];

  useEffect(() => {
    if (!edited) return;
    // A reload would silently drop the emulated workbook: ask first, as a browser does for an unsaved form.
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [edited]);

  // After the pane worked on the workbook: redraw, and follow its active sheet and selection.
  const paneChanged = useCallback(() => {
    setSnapshot(emulator.snapshot());
    void readSelection(emulator).then((selection) => {
      if (!selection) return;
      setSheetName(selection.sheet);
      setSelected(selection.address);
    });
  }, [emulator]);
  const inputListeners = useMemo(() => new Set<() => void>(), []);
  const workbook = useMemo(
    () => observedWorkbook(props.workbook, { changed: paneChanged, wrote: () => setEdited(true), inputListeners }),
    [props.workbook, paneChanged, inputListeners],
  );

  // The grid's selection is the workbook's, as in Excel, so the pane reads what the user selected.
  const select = (sheet: string, address: string) => {
    setSheetName(sheet);
    setSelected(address);
    void selectInWorkbook(emulator, sheet, address);
  };

  const sheet = snapshot.sheets.find((s) => s.name === sheetName) ?? snapshot.sheets[0];
  const model = useMemo(() => gridModel(emulator, sheet, locale), [emulator, sheet, locale]);
  const selectedCell = model.cells.get(selected);

  const commit = (address: string, input: string | null) => {
    try {
      emulator.typeValue(sheet.name, address, input === null ? null : entryFor(input, locale));
      setNotice("");
      setEdited(true);
      inputListeners.forEach((listener) => listener());
    } catch (error) {
      // Excel's own refusal (e.g. a locked cell on a protected sheet), as Excel would show it.
      const message = error instanceof EmulatorError && error.code === "AccessDenied" ? text.protectedCell : String(error);
      setNotice(`${address}: ${message}`);
    }
    setSnapshot(emulator.snapshot());
  };

  const download = async () => {
    if (!props.toXlsx) return;
    const bytes = await props.toXlsx(emulator.snapshot());
    // Copied into a plain ArrayBuffer: Blob does not take views of shared memory.
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: "chi-tieu.xlsx" });
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className={styles.root}>
      <main className={styles.book} aria-label="Bảng tính giả lập">
        <div className={styles.bar}>
          <Text weight="semibold">Bảng tính (xem trước)</Text>
          <span className={styles.nameBox} aria-label="Ô đang chọn" data-testid="name-box">
            {selected}
          </span>
          <span className={styles.formula} aria-label="Nội dung ô" data-testid="formula-bar">
            {selectedCell?.content ?? ""}
          </span>
          <Field label={text.localeLabel} orientation="horizontal">
            <Select value={locale} onChange={(_e, data) => setLocale(data.value as PreviewLocale)}>
              {PREVIEW_LOCALES.map((id) => (
                <option key={id} value={id}>
                  {text.localeNames[id]}
                </option>
              ))}
            </Select>
          </Field>
          {props.toXlsx && <Button onClick={() => void download()}>Tải về .xlsx</Button>}
        </div>
        <Text className={styles.hint} size={200} data-testid="locale-hint">
          {text.localeHint}
        </Text>
        <SheetGrid
          key={sheet.name}
          label={`Trang tính ${sheet.name}`}
          model={model}
          blank={blankCell(sheet)}
          selected={selected}
          onSelect={(address) => select(sheet.name, address)}
          onCommit={commit}
          onRefused={(address) => setNotice(`${address}: ${text.protectedCell}`)}
        />
        <Text className={styles.notice} role="alert">
          {notice}
        </Text>
        <TabList
          className={styles.tabs}
          size="small"
          aria-label="Các trang tính"
          selectedValue={sheet.name}
          onTabSelect={(_e, data) => select(String(data.value), "A1")}
        >
          {snapshot.sheets
            .filter((s) => s.visibility === "Visible")
            .map((s) => (
              <Tab key={s.name} value={s.name}>
                {s.name}
              </Tab>
            ))}
        </TabList>
      </main>
      <aside className={styles.pane} aria-label="Ngăn tác vụ Chỉ Tiêu">
        <Pane workbook={workbook} host="preview" />
      </aside>
    </div>
  );
}
