// Tổng hợp: unit workbooks picked from disk, read in this browser (never uploaded), consolidated
// by the workbook service into So sánh and Hạn mức; the view only gathers the choices and shows
// the report (which files, which reasons, the quota per kind).
import { Button, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ConsolidationReport } from "../../contract/workbook";
import { useRender, useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import { usePaneState } from "../PaneState";
import { UNIT_KIND_LABEL, UNIT_KINDS, type UnitKind } from "../unitKinds";
import { useWorkbook } from "../WorkbookContext";
import { ProblemList } from "./ProblemList";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useServiceCall } from "./useServiceCall";
import { XlsxFilesField } from "./XlsxFilesField";

/** A picked file's bytes, read in this browser (FileReader: every WebView Office uses has it). */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsArrayBuffer(file);
  });
}

/** The progress bar shows only when reading lasts longer than this, so a quick run does not flicker. */
const PROGRESS_DELAY_MS = 1_000;

export function ConsolidateView() {
  const s = useStrings();
  const say = useRender();
  const styles = useFormStyles();
  const workbook = useWorkbook();
  const { status } = usePaneState();
  const [files, setFiles] = useState<readonly File[]>([]);
  const [previousFiles, setPreviousFiles] = useState<readonly File[]>([]);
  const [exceptional, setExceptional] = useState<ReadonlySet<UnitKind>>(new Set());
  const [insertSheets, setInsertSheets] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [slow, setSlow] = useState(false);
  const canInsert = status?.features.insertWorksheets === true;

  const consolidate = useServiceCall(async (): Promise<ConsolidationReport> => {
    const read = (chosen: readonly File[]) => Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await readBytes(f), lastModified: f.lastModified })));
    const [picked, previous] = await Promise.all([read(files), read(previousFiles)]);
    return workbook.consolidateFiles(picked, {
      exceptionalKinds: UNIT_KINDS.filter((k) => exceptional.has(k)),
      insertUnitSheets: canInsert && insertSheets,
      ...(previous.length > 0 ? { previousFiles: previous } : {}),
      onProgress: (done, total) => setProgress({ done, total }),
    });
  });

  useEffect(() => {
    if (!consolidate.busy) {
      setSlow(false);
      return undefined;
    }
    const timer = setTimeout(() => setSlow(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [consolidate.busy]);

  const toggleKind = (kind: UnitKind, checked: boolean) =>
    setExceptional((before) => {
      const next = new Set(before);
      if (checked) next.add(kind);
      else next.delete(kind);
      return next;
    });
  const kindName = (kind: UnitKind | null) => (kind === null ? s.consolidateNoKind : s[UNIT_KIND_LABEL[kind]]);
  // The province's name for the group (workbook data, as the pages publish it); the kind's own in the pane's language.
  const groupName = (r: ConsolidationReport, kind: UnitKind | null) => {
    const label = r.groups.find((g) => g.group === kind)?.label;
    return label === undefined ? kindName(kind) : say(label);
  };
  const report = consolidate.result;
  const unitProblems = report?.units.flatMap((u) => u.problems.map((p) => ({ ...p, unit: u.unit, file: u.file }))) ?? [];
  const reading = progress !== null && progress.done < progress.total;

  return (
    <Section title={s.consolidateTitle}>
      <Text>{s.consolidateIntro}</Text>
      <div className={styles.form}>
        <XlsxFilesField
          label={s.consolidateFilesLabel}
          note={files.length > 0 ? fill(s.consolidateFilesChosen, { count: files.length }) : undefined}
          onChange={setFiles}
        />
        <XlsxFilesField
          label={s.consolidatePreviousLabel}
          note={previousFiles.length > 0 ? fill(s.consolidatePreviousChosen, { count: previousFiles.length }) : s.consolidatePreviousHint}
          onChange={setPreviousFiles}
        />
        <fieldset>
          <legend>{s.consolidateExceptionalLegend}</legend>
          {UNIT_KINDS.map((kind) => (
            <Checkbox key={kind} label={kindName(kind)} checked={exceptional.has(kind)} onChange={(_, data) => toggleKind(kind, data.checked === true)} />
          ))}
        </fieldset>
        <Field hint={canInsert ? undefined : s.consolidateInsertSheetsUnavailable}>
          <Checkbox label={s.consolidateInsertSheets} checked={canInsert && insertSheets} disabled={!canInsert} onChange={(_, data) => setInsertSheets(data.checked === true)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={files.length === 0 || consolidate.busy} onClick={() => void consolidate.run()}>
            {s.consolidateButton}
          </Button>
        </div>
        {consolidate.busy && slow && (
          <Field validationMessage={reading ? fill(s.consolidateReading, { done: progress.done + 1, total: progress.total }) : s.consolidateWriting} validationState="none">
            <ProgressBar value={reading ? progress.done / progress.total : undefined} max={1} aria-label={s.consolidateButton} />
          </Field>
        )}
      </div>
      <ServiceError error={consolidate.error} title={s.consolidateFailed} />
      {report && !consolidate.busy && (
        <>
          <MessageBar intent={report.wrote ? (report.rejected.length > 0 ? "warning" : "success") : report.units.length === 0 ? "error" : "warning"} layout="multiline">
            <MessageBarBody>
              {report.wrote ? fill(s.consolidateDone, { count: report.units.length, files: new Set(report.units.map((u) => u.file)).size }) : report.units.length === 0 ? s.consolidateNoneUsable : s.consolidateNotWritten}
              {report.insertedSheets.length > 0 && ` ${fill(s.consolidateInserted, { sheets: report.insertedSheets.join(", ") })}`}
            </MessageBarBody>
          </MessageBar>
          {report.problems.length > 0 && <ProblemList problems={report.problems} label={s.problemsLabel} />}
          {report.rejected.length > 0 && (
            <Section title={fill(s.consolidateRejectedTitle, { count: report.rejected.length })}>
              <ul className={styles.lines}>
                {report.rejected.map((r, i) => (
                  <li key={i}>{fill(s.consolidateRejectedItem, { file: r.file, reason: say(r.reason) })}</li>
                ))}
              </ul>
              <Text>{s.consolidateRejectedHelp}</Text>
            </Section>
          )}
          {unitProblems.length > 0 && (
            <Section title={fill(s.consolidateUnitProblemsTitle, { count: new Set(unitProblems.map((p) => p.unit)).size })}>
              <ul className={styles.lines}>
                {unitProblems.map((p, i) => (
                  <li key={i}>{fill(s.consolidateUnitProblemItem, { unit: p.unit, file: p.file, cell: p.cell === undefined ? "" : `, ${p.cell}`, message: say(p) })}</li>
                ))}
              </ul>
            </Section>
          )}
          {report.quota.length > 0 && (
            <Section title={s.consolidateQuotaTitle}>
              <ul className={styles.lines}>
                {report.quota.map((q) => (
                  <li key={q.kind ?? ""}>
                    {fill(s.consolidateQuotaItem, { kind: groupName(report, q.kind), allowed: q.allowed, base: q.base, excellent: q.excellent })}
                    {q.excellent > q.allowed && ` ${s.consolidateQuotaOver}`}
                    {q.tieAtCut && ` ${s.consolidateQuotaTie}`}
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </>
      )}
    </Section>
  );
}
