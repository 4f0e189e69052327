// Giao chỉ tiêu (issue 16 §1): in the province's workbook, lay out the assignment sheets, then check
// them and make every unit's workbook. A task pane cannot write into a folder, so each file is
// offered as a download under the name `chitieu assign` gives it (consolidation finds the units
// again by it), and all of them as one .zip: browsers refuse a burst of separate downloads.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { AssignedUnitFile } from "../../contract/workbook";
import type { FollowUpCadence } from "../../layout/unit";
import { parseGroupLine, repeatedUnit } from "../../layout/province";
import { zipParts } from "../../xlsx/zip";
import { useRender, useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import { usePaneState } from "../PaneState";
import { useWorkbook } from "../WorkbookContext";
import { CadenceField } from "./CadenceField";
import { ProblemList } from "./ProblemList";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useServiceCall } from "./useServiceCall";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  files: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  file: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
});

/** Hands bytes to the browser as a download; the object URL is released once the download has started. */
function download(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Every unit's file in one .zip, stored as is (an .xlsx is already compressed). */
export function zipOfUnits(units: readonly AssignedUnitFile[]): Uint8Array {
  return zipParts(
    units.map((u) => ({ name: u.file, data: u.bytes })),
    "store",
  );
}

type GroupsRead = { readonly groups: { name: string; units: string[] }[] } | { readonly badLine: number } | { readonly repeated: string } | { readonly empty: true };

function readGroups(text: string): GroupsRead {
  const lines = text.split(/\r?\n/).map((line, i) => ({ line: i + 1, text: line.trim() })).filter((l) => l.text !== "");
  if (lines.length === 0) return { empty: true };
  const parsed = [];
  for (const l of lines) {
    const group = parseGroupLine(l.text);
    if (group === null) return { badLine: l.line };
    parsed.push(group);
  }
  const repeated = repeatedUnit(parsed);
  if (repeated !== null) return { repeated };
  return { groups: parsed.map((g) => ({ name: g.name, units: g.units.map((u) => u.name) })) };
}

export function AssignView() {
  const s = useStrings();
  const say = useRender();
  const styles = useStyles();
  const form = useFormStyles();
  const workbook = useWorkbook();
  const { status } = usePaneState();
  const [year, setYear] = useState(String(status?.year ?? new Date().getFullYear()));
  const [groupsText, setGroupsText] = useState("");
  const [tried, setTried] = useState(false);
  const create = useServiceCall((options: Parameters<typeof workbook.createAssignmentSheets>[0]) => workbook.createAssignmentSheets(options));
  const assign = useServiceCall((cadence: FollowUpCadence) => workbook.assignUnits(cadence));
  const [cadence, setCadence] = useState<FollowUpCadence>("quarter");

  const yearNumber = Number(year);
  const yearOk = Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100;
  const groups = readGroups(groupsText);
  const groupsMessage =
    "badLine" in groups
      ? fill(s.assignGroupsInvalid, { line: groups.badLine })
      : "repeated" in groups
        ? fill(s.assignGroupsRepeated, { unit: groups.repeated })
        : "empty" in groups
          ? s.assignGroupsEmpty
          : undefined;
  const onCreate = () => {
    setTried(true);
    if (yearOk && "groups" in groups) void create.run({ year: yearNumber, groups: groups.groups });
  };
  const report = assign.result;
  const errors = report?.problems.filter((p) => p.severity === "error").length ?? 0;

  return (
    <>
      <Text>{s.assignIntro}</Text>
      <Section title={s.assignRunTitle}>
        <Text>{s.assignRunHelp}</Text>
        <CadenceField label={s.assignCadenceLabel} value={cadence} onChange={setCadence} />
        <div className={form.actions}>
          <Button appearance="primary" disabled={assign.busy} onClick={() => void assign.run(cadence)}>
            {s.assignButton}
          </Button>
          {assign.busy && <Spinner size="tiny" label={s.assignBusy} />}
        </div>
        <ServiceError error={assign.error} title={s.assignFailed} />
        {report && !assign.busy && (
          <>
            <MessageBar intent={errors > 0 ? "error" : report.problems.length > 0 ? "warning" : "success"} layout="multiline">
              <MessageBarBody>{errors > 0 ? fill(s.assignStopped, { count: errors }) : fill(s.assignDone, { count: report.units.length })}</MessageBarBody>
            </MessageBar>
            {report.problems.length > 0 && <ProblemList problems={report.problems} label={s.problemsLabel} />}
            {report.units.length > 0 && (
              <>
                <div className={form.actions}>
                  <Button onClick={() => download(`giao-chi-tieu.zip`, zipOfUnits(report.units), "application/zip")}>{s.assignDownloadAll}</Button>
                </div>
                <ul className={styles.files} aria-label={s.assignUnitsLabel}>
                  {report.units.map((u) => (
                    <li key={u.file} className={styles.file}>
                      <Button appearance="transparent" onClick={() => download(u.file, u.bytes, XLSX_TYPE)}>
                        {fill(s.assignDownloadUnit, { file: u.file })}
                      </Button>
                      <Text size={200}>{fill(s.assignUnitLine, { group: u.group, count: u.indicators })}</Text>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Section>
      <Section title={s.assignCreateTitle}>
        <Text>{s.assignCreateHelp}</Text>
        <div className={form.form}>
          <Field label={s.assignYearLabel} validationMessage={tried && !yearOk ? s.assignYearInvalid : undefined}>
            <Input type="number" value={year} onChange={(_, data) => setYear(data.value)} />
          </Field>
          <Field label={s.assignGroupsLabel} hint={s.assignGroupsHint} validationMessage={tried ? groupsMessage : undefined}>
            <Textarea value={groupsText} resize="vertical" rows={4} onChange={(_, data) => setGroupsText(data.value)} />
          </Field>
          <div className={form.actions}>
            <Button disabled={create.busy} onClick={onCreate}>
              {s.assignCreateButton}
            </Button>
            {create.busy && <Spinner size="tiny" label={s.assignCreating} />}
          </div>
        </div>
        <ServiceError error={create.error} title={s.assignCreateFailed} />
        {create.result && !create.busy && create.result.changes.length > 0 && (
          <ul className={form.lines}>
            {create.result.changes.map((change, i) => (
              <li key={i}>{say(change)}</li>
            ))}
          </ul>
        )}
        {create.result && create.result.problems.length > 0 && <ProblemList problems={create.result.problems} label={s.problemsLabel} />}
      </Section>
    </>
  );
}
