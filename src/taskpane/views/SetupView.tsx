// Thiết lập: who and what the workbook is for; creates or upgrades its sheets through setUp().
import { Button, Field, Input, Radio, RadioGroup, Select, Spinner, Text } from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { DEFAULT_PRESET, type PresetId } from "../../domain";
import { PRESET_TITLES } from "../../domain/messages/presets";
import type { SetupOptions, SetupResult, WorkbookStatus } from "../../contract/workbook";
import { useRender, useStrings, useTranslate } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import type { Strings } from "../../i18n/strings";
import { usePaneState } from "../PaneState";
import { isUnitKind, UNIT_KIND_LABEL, UNIT_KINDS } from "../unitKinds";
import { useWorkbook } from "../WorkbookContext";
import { PresetField } from "./PresetField";
import { ProblemList } from "./ProblemList";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useServiceCall } from "./useServiceCall";

interface SetupForm {
  unitName: string;
  head: string;
  year: string;
  preset: PresetId;
  catalogue: SetupOptions["catalogue"];
}

const blankForm = (): SetupForm => ({
  unitName: "",
  head: "",
  year: String(new Date().getFullYear()),
  preset: DEFAULT_PRESET,
  catalogue: "default",
});

function formFromStatus(status: WorkbookStatus, form: SetupForm): SetupForm {
  if (!status.hasUnitSheet) return { ...form, catalogue: status.hasCatalogue ? "workbook" : "default" };
  return {
    unitName: status.unitName,
    head: status.head,
    year: status.year === null ? form.year : String(status.year),
    preset: status.preset ?? form.preset,
    catalogue: status.hasCatalogue ? "workbook" : "default",
  };
}

/** Years as people type them: four digits, within the range Excel dates handle comfortably. */
function parseYear(text: string): number | null {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && year >= 1900 && year <= 2100 ? year : null;
}

function statusLines(status: WorkbookStatus, s: Strings): string[] {
  const { features } = status;
  return [
    status.hasUnitSheet
      ? fill(s.statusUnitSheet, { sheet: status.unitSheetName ?? "", rows: status.rowCount })
      : s.statusNoUnitSheet,
    status.hasCatalogue ? s.statusHasCatalogue : s.statusNoCatalogue,
    status.hasRules ? s.statusHasRules : s.statusNoRules,
    // The features the note names; copying unit sheets (ExcelApi 1.13) is Tổng hợp's own option.
    ...([features.dataValidation, features.conditionalFormats, features.pageLayout, features.changeEvents].every(Boolean) ? [] : [s.statusLimitedFeatures]),
  ];
}

export function SetupView() {
  const s = useStrings();
  const tr = useTranslate();
  const styles = useFormStyles();
  const workbook = useWorkbook();
  const pane = usePaneState();
  const [form, setForm] = useState<SetupForm>(blankForm);
  const [submitted, setSubmitted] = useState(false);
  const load = useServiceCall(pane.refreshStatus);
  const setup = useServiceCall(async (options: SetupOptions) => {
    const result = await workbook.setUp(options);
    await pane.refreshStatus();
    return result;
  });

  // Once per visit to the view (run is stable): the status is re-read after each setUp anyway.
  const loadStatus = load.run;
  useEffect(() => {
    void loadStatus().then((status) => status && setForm((current) => formFromStatus(status, current)));
  }, [loadStatus]);

  const year = parseYear(form.year);
  const unitNameMissing = submitted && form.unitName.trim() === "";
  const yearInvalid = submitted && year === null;

  const comparison = useServiceCall(async () => {
    const result = await workbook.buildComparison();
    await pane.refreshStatus();
    return result;
  });
  const open = useServiceCall(async (sheet: string) => {
    await workbook.selectCell(sheet, "A1");
    const status = await pane.refreshStatus();
    if (status) setForm((current) => formFromStatus(status, current));
  });

  const submit = (addUnit: boolean) => {
    setSubmitted(true);
    if (form.unitName.trim() === "" || year === null) return;
    void setup.run({
      ...(addUnit ? { addUnit } : {}),
      unitName: form.unitName.trim(),
      unitKind: pane.unitKind,
      head: form.head.trim(),
      year,
      preset: form.preset,
      catalogue: form.catalogue,
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(false);
  };

  const status = pane.status;
  return (
    <>
      <Section title={s.setupStatusTitle}>
        {load.busy && <Spinner size="tiny" label={s.readingWorkbook} />}
        <ServiceError error={load.error} title={s.statusFailed} />
        {status && (
          <ul className={styles.lines}>
            {statusLines(status, s).map((line) => (
              <li key={line}>
                <Text>{line}</Text>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {status && status.units.length > 1 && (
        <Section title={s.unitsTitle}>
          {!status.unitChosen && <Text>{s.unitsChoose}</Text>}
          <ul className={styles.lines}>
            {status.units.map((unit) => (
              <li key={unit.sheet}>
                {unit.active ? (
                  <Text weight="semibold">{fill(s.unitActive, { unit: unit.unitName || unit.sheet })}</Text>
                ) : (
                  <Button appearance="transparent" disabled={open.busy} onClick={() => void open.run(unit.sheet)}>
                    {fill(s.unitOpen, { sheet: unit.sheet })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button disabled={comparison.busy} onClick={() => void comparison.run()}>
              {s.comparisonButton}
            </Button>
          </div>
          <ServiceError error={open.error ?? comparison.error} title={comparison.error ? s.comparisonFailed : s.statusFailed} />
          {comparison.result && <ChangeList result={comparison.result} />}
        </Section>
      )}
      <Section title={s.setupFormTitle}>
        <form className={styles.form} onSubmit={onSubmit} noValidate>
          <Field
            label={s.unitNameLabel}
            required
            validationState={unitNameMissing ? "error" : "none"}
            validationMessage={unitNameMissing ? s.unitNameMissing : undefined}
          >
            <Input value={form.unitName} onChange={(_e, d) => setForm({ ...form, unitName: d.value })} />
          </Field>
          <Field label={s.headLabel} hint={s.headHint}>
            <Input value={form.head} onChange={(_e, d) => setForm({ ...form, head: d.value })} />
          </Field>
          <Field
            label={s.yearLabel}
            required
            validationState={yearInvalid ? "error" : "none"}
            validationMessage={yearInvalid ? s.yearInvalid : undefined}
          >
            <Input inputMode="numeric" value={form.year} onChange={(_e, d) => setForm({ ...form, year: d.value })} />
          </Field>
          <Field label={s.unitKindLabel} hint={s.unitKindHint}>
            <Select value={pane.unitKind} onChange={(_e, d) => isUnitKind(d.value) && pane.setUnitKind(d.value)}>
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {s[UNIT_KIND_LABEL[kind]]}
                </option>
              ))}
            </Select>
          </Field>
          <PresetField value={form.preset} hint={tr(PRESET_TITLES[form.preset])} onChange={(preset) => setForm({ ...form, preset })} />
          <Field label={s.catalogueLabel}>
            <RadioGroup
              value={form.catalogue}
              onChange={(_e, d) => setForm({ ...form, catalogue: d.value === "workbook" ? "workbook" : "default" })}
            >
              <Radio value="default" label={s.catalogueDefault} />
              <Radio value="workbook" label={s.catalogueWorkbook} disabled={status !== null && !status.hasCatalogue} />
            </RadioGroup>
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={setup.busy}>
              {status?.hasUnitSheet ? s.setupUpdateButton : s.setupButton}
            </Button>
            {status?.hasUnitSheet && (
              <Button disabled={setup.busy} onClick={() => submit(true)}>
                {s.addUnitButton}
              </Button>
            )}
            {setup.busy && <Spinner size="tiny" label={s.settingUp} />}
          </div>
          {status?.hasUnitSheet && <Text size={200}>{s.addUnitHint}</Text>}
        </form>
        <ServiceError error={setup.error} title={s.setupFailed} />
      </Section>
      {setup.result && (
        <Section title={s.setupResultTitle}>
          <ChangeList result={setup.result} />
        </Section>
      )}
    </>
  );
}

/** What set-up or the comparison changed, and the problems that stopped it. */
function ChangeList({ result }: { readonly result: SetupResult }) {
  const s = useStrings();
  const say = useRender();
  const styles = useFormStyles();
  return (
    <>
      {result.changes.length === 0 ? (
        <Text>{s.setupNoChanges}</Text>
      ) : (
        <ul className={styles.lines} aria-label={s.setupChangesLabel}>
          {result.changes.map((change, i) => (
            <li key={i}>
              <Text>{say(change)}</Text>
            </li>
          ))}
        </ul>
      )}
      {result.problems.length > 0 && <ProblemList problems={result.problems} label={s.problemsLabel} />}
    </>
  );
}
