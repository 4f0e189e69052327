// Theo dõi (issue 16 §2): record the unit table's actuals as of a quarter's or a month's end as a
// snapshot of "Theo dõi", and show each snapshot's progress against the year's targets (pro rata or
// whole, the row's rule) as the engine judges it, with what is behind flagged first. In a workbook of
// several units, the unit the user is on ("Theo dõi n"): read again after opening another unit's sheet.
import { Badge, Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { FollowUpFigure, FollowUpReport, FollowUpSnapshot } from "../../contract/workbook";
import { defaultPeriod, formatCount, formatPercent, monthEnd, periodChoice, quarterEnd, vnDay } from "../../domain";
import { useRender, useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import type { Strings } from "../../i18n/strings";
import { useWorkbook } from "../WorkbookContext";
import { CadenceField } from "./CadenceField";
import { ProblemList } from "./ProblemList";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useServiceCall } from "./useServiceCall";

const useStyles = makeStyles({
  figures: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  figure: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  heading: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-start" },
});

function shown(value: unknown, unit: string, s: Strings): string {
  if (value === null || value === undefined || value === "") return s.followUpBlank;
  if (typeof value === "number") return unit === "%" ? `${formatCount(value)} %` : `${formatCount(value)}${unit ? ` ${unit}` : ""}`;
  return String(value);
}

function FigureItem(props: { figure: FollowUpFigure }) {
  const s = useStrings();
  const styles = useStyles();
  const form = useFormStyles();
  const f = props.figure;
  const judged = f.status !== "pending" && f.status !== "error";
  const badge = f.behind ? (
    <Badge appearance="tint" color="danger" className={form.badge}>
      {s.followUpBehind}
    </Badge>
  ) : judged ? (
    <Badge appearance="tint" color="success" className={form.badge}>
      {s.followUpOnTrack}
    </Badge>
  ) : (
    <Badge appearance="tint" color="informative" className={form.badge}>
      {s.followUpOpen}
    </Badge>
  );
  const detail =
    f.expected === null
      ? fill(s.followUpFigureMilestone, { actual: shown(f.actual, "", s) })
      : fill(s.followUpFigure, {
          actual: shown(f.actual, f.unit, s),
          expected: shown(f.expected, f.unit, s),
          rule: f.rule === "proRata" ? s.followUpRuleProRata : s.followUpRuleAsIs,
          achievement: f.achievement === null ? s.followUpBlank : formatPercent(f.achievement),
        });
  return (
    <li className={styles.figure}>
      <div className={styles.heading}>
        {badge}
        <Text weight="semibold">
          {f.code} {f.name}
        </Text>
      </div>
      <Text size={200}>{detail}</Text>
    </li>
  );
}

function Progress(props: { snapshots: readonly FollowUpSnapshot[]; cadence: FollowUpReport["cadence"] }) {
  const s = useStrings();
  const styles = useStyles();
  const latest = props.snapshots.reduce<FollowUpSnapshot | null>((a, b) => (a === null || b.asOf >= a.asOf ? b : a), null);
  const [chosen, setChosen] = useState<number | null>(null);
  const snapshot = props.snapshots.find((p) => p.period === chosen) ?? latest;
  if (snapshot === null) return <Text>{s.followUpNone}</Text>;
  const behind = snapshot.figures.filter((f) => f.behind);
  // What is behind first, then the rest in the sheet's order.
  const ordered = [...behind, ...snapshot.figures.filter((f) => !f.behind)];
  return (
    <>
      <Field label={s.followUpSnapshotLabel}>
        <Select value={String(snapshot.period)} onChange={(_, data) => setChosen(Number(data.value))}>
          {props.snapshots.map((p) => (
            <option key={p.period} value={String(p.period)}>
              {fill(props.cadence === "month" ? s.followUpSnapshotOptionMonth : s.followUpSnapshotOption, { n: p.period + 1, date: vnDay(p.asOf) })}
            </option>
          ))}
        </Select>
      </Field>
      <MessageBar intent={behind.length > 0 ? "warning" : "success"} layout="multiline">
        <MessageBarBody>{behind.length > 0 ? fill(s.followUpBehindCount, { behind: behind.length, total: snapshot.figures.length }) : s.followUpAllOnTrack}</MessageBarBody>
      </MessageBar>
      <ul className={styles.figures} aria-label={s.followUpFiguresLabel}>
        {ordered.map((f) => (
          <FigureItem key={f.code} figure={f} />
        ))}
      </ul>
    </>
  );
}

export function FollowUpView() {
  const s = useStrings();
  const say = useRender();
  const form = useFormStyles();
  const workbook = useWorkbook();
  const read = useServiceCall(() => workbook.readFollowUp());
  const record = useServiceCall((options: { period: number; asOf: string; replace: boolean }) => workbook.recordSnapshot(options));
  const create = useServiceCall((cadence: FollowUpReport["cadence"]) => workbook.createFollowUp(cadence));
  const [cadence, setCadence] = useState<FollowUpReport["cadence"]>("quarter");
  const [choice, setChoice] = useState<string | null>(null);
  const [report, setReport] = useState<FollowUpReport | null>(null);

  const load = read.run;
  const refresh = useCallback(() => load().then((done) => done && setReport(done)), [load]);
  useEffect(() => {
    void refresh();
  }, [workbook, refresh]);

  const year = report?.year ?? null;
  const value = choice ?? (year === null ? "q1" : defaultPeriod(year, new Date()));
  const picked = year === null ? null : periodChoice(value, year);
  const onRecord = (replace: boolean) => {
    if (picked) void record.run({ ...picked, replace }).then((done) => done && setReport(done));
  };
  const onCreate = () =>
    void create.run(cadence).then((done) => {
      if (done && done.problems.length === 0) return refresh();
    });
  const recorded = record.result;

  return (
    <>
      <Text>{s.followUpIntro}</Text>
      <div className={form.actions}>
        {report?.unit && <Text weight="semibold">{fill(s.followUpUnit, { unit: report.unit.unitName || report.unit.sheet, sheet: report.unit.sheet })}</Text>}
        <Button disabled={read.busy} onClick={() => void refresh()}>
          {s.followUpReread}
        </Button>
      </div>
      {read.busy && <Spinner size="tiny" label={s.followUpReading} />}
      <ServiceError error={read.error} title={s.followUpReadFailed} />
      {report && report.unit === null && <ProblemList problems={report.problems} label={s.problemsLabel} />}
      {report?.unit && !report.exists && (
        <Section title={s.followUpRecordTitle}>
          <Text>{fill(s.followUpNoSheet, { sheet: report.unit.sheet })}</Text>
          <CadenceField label={s.followUpCadenceLabel} value={cadence} onChange={setCadence} />
          <div className={form.actions}>
            <Button appearance="primary" disabled={create.busy} onClick={onCreate}>
              {s.followUpCreateButton}
            </Button>
            {create.busy && <Spinner size="tiny" label={s.followUpCreating} />}
          </div>
          <ServiceError error={create.error} title={s.followUpCreateFailed} />
          {create.result && create.result.problems.length > 0 && <ProblemList problems={create.result.problems} label={s.problemsLabel} />}
          {create.result?.changes.map((change, i) => <Text key={i}>{say(change)}</Text>)}
        </Section>
      )}
      {report && report.exists && year !== null && (
        <>
          <Section title={s.followUpRecordTitle}>
            <Field label={s.followUpPeriodLabel} hint={report.cadence === "month" ? s.followUpPeriodHintMonthly : s.followUpPeriodHint}>
              <Select value={value} onChange={(_, data) => setChoice(data.value)}>
                <optgroup label={s.followUpQuarters}>
                  {[1, 2, 3, 4].map((n) => (
                    <option key={`q${n}`} value={`q${n}`}>
                      {fill(s.followUpQuarter, { n, date: vnDay(quarterEnd(year, n)) })}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={s.followUpMonths}>
                  {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
                    <option key={`m${n}`} value={`m${n}`}>
                      {fill(s.followUpMonth, { n, date: vnDay(monthEnd(year, n)) })}
                    </option>
                  ))}
                </optgroup>
              </Select>
            </Field>
            <div className={form.actions}>
              <Button appearance="primary" disabled={record.busy || picked === null} onClick={() => onRecord(false)}>
                {s.followUpRecordButton}
              </Button>
              {recorded?.needsReplace && (
                <Button disabled={record.busy} onClick={() => onRecord(true)}>
                  {s.followUpReplaceButton}
                </Button>
              )}
              {record.busy && <Spinner size="tiny" label={s.followUpRecording} />}
            </div>
            <ServiceError error={record.error} title={s.followUpRecordFailed} />
            {recorded?.wrote && picked && (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>{fill(s.followUpRecorded, { date: vnDay(picked.asOf) })}</MessageBarBody>
              </MessageBar>
            )}
          </Section>
          {report.problems.length > 0 && <ProblemList problems={report.problems} label={s.problemsLabel} />}
          <Section title={s.followUpProgressTitle}>
            <Progress snapshots={report.snapshots} cadence={report.cadence} />
          </Section>
        </>
      )}
      {report && report.exists && year === null && report.problems.length > 0 && <ProblemList problems={report.problems} label={s.problemsLabel} />}
    </>
  );
}
