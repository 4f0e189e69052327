// Cài đặt: the rule set a province may change without code (docs/rules.md §2), read from and written
// to the workbook's rules sheet. Picking a preset resets every threshold to that text's values.
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Spinner, Switch } from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { PRESETS } from "../../domain";
import { PRESET_TITLES } from "../../domain/messages/presets";
import { useStrings, useTranslate } from "../../i18n/LanguageProvider";
import { useWorkbook } from "../WorkbookContext";
import { PresetField } from "./PresetField";
import { ProblemList } from "./ProblemList";
import {
  ALL_FIELDS,
  EXCEEDED_SHARE,
  formFromRules,
  INCOMPLETE_SHARE,
  LATE_SHARE,
  MET_SHARE,
  POINT_FIELDS,
  QUOTA_FIELDS,
  rulesFromForm,
  type NumberField,
  type NumberFieldKey,
  type RulesForm,
} from "./rulesForm";
import { SaveErrors } from "./SaveErrors";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useServiceCall } from "./useServiceCall";

export function SettingsView() {
  const s = useStrings();
  const tr = useTranslate();
  const styles = useFormStyles();
  const workbook = useWorkbook();
  const [form, setForm] = useState<RulesForm | null>(null);
  const [invalid, setInvalid] = useState<ReadonlySet<NumberFieldKey>>(new Set());
  const load = useServiceCall(() => workbook.readRules());
  const save = useServiceCall(async (rules: Parameters<typeof workbook.writeRules>[0]) => {
    await workbook.writeRules(rules);
    return true;
  });

  const loadRules = load.run;
  useEffect(() => {
    void loadRules().then((read) => read && setForm(formFromRules(read.rules)));
  }, [workbook, loadRules]);

  const invalidMessage = (field: NumberField) => (field.unit === "percent" ? s.rulePercentInvalid : s.rulePointsInvalid);
  const numberInput = (field: NumberField) => {
    if (!form) return null;
    const bad = invalid.has(field.key);
    return (
      <Field
        key={field.key}
        label={s[field.label]}
        hint={s[field.hint]}
        validationState={bad ? "error" : "none"}
        validationMessage={bad ? invalidMessage(field) : undefined}
      >
        <Input
          inputMode="decimal"
          value={form.numbers[field.key]}
          contentAfter={field.unit === "percent" ? "%" : s.pointsUnit}
          onChange={(_e, d) => setForm({ ...form, numbers: { ...form.numbers, [field.key]: d.value } })}
        />
      </Field>
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const read = rulesFromForm(form);
    setInvalid(read.ok ? new Set() : read.invalid);
    if (read.ok) void save.run(read.rules);
  };

  return (
    <>
      {load.busy && <Spinner size="tiny" label={s.readingRules} />}
      <ServiceError error={load.error} title={s.readRulesFailed} />
      {load.result && load.result.problems.length > 0 && (
        <Section title={s.rulesProblemsTitle}>
          <ProblemList problems={load.result.problems} label={s.problemsLabel} />
        </Section>
      )}
      {form && (
        <form className={styles.form} onSubmit={onSubmit} noValidate>
          <Section title={s.rulesPresetTitle}>
            <PresetField
              value={form.preset}
              hint={`${tr(PRESET_TITLES[form.preset])}. ${s.presetResetsHint}`}
              onChange={(preset) => setForm(formFromRules(PRESETS[preset]))}
            />
          </Section>
          <Section title={s.rulesPointsTitle}>
            <Switch
              label={s.ruleUsesPoints}
              checked={form.usesPoints}
              onChange={(_e, d) => setForm({ ...form, usesPoints: d.checked })}
            />
            {POINT_FIELDS.map(numberInput)}
          </Section>
          <Section title={s.rulesSharesTitle}>
            {numberInput(EXCEEDED_SHARE)}
            <Checkbox
              label={s.ruleExceededInclusive}
              checked={form.excellentExceededInclusive}
              onChange={(_e, d) => setForm({ ...form, excellentExceededInclusive: d.checked === true })}
            />
            {numberInput(MET_SHARE)}
            <Checkbox
              label={s.ruleMetInclusive}
              checked={form.completeMetInclusive}
              onChange={(_e, d) => setForm({ ...form, completeMetInclusive: d.checked === true })}
            />
            {numberInput(INCOMPLETE_SHARE)}
            {numberInput(LATE_SHARE)}
            <Switch
              label={s.ruleExcellenceAnswers}
              checked={form.excellenceAnswers}
              onChange={(_e, d) => setForm({ ...form, excellenceAnswers: d.checked })}
            />
            <Switch
              label={s.ruleKeyIndicatorDecides}
              checked={form.keyIndicatorDecides}
              onChange={(_e, d) => setForm({ ...form, keyIndicatorDecides: d.checked })}
            />
          </Section>
          <Section title={s.rulesQuotaTitle}>
            {QUOTA_FIELDS.map(numberInput)}
            <Switch
              label={s.ruleQuotaBaseGoodOrBetter}
              checked={form.quotaBase === "goodOrBetter"}
              onChange={(_e, d) => setForm({ ...form, quotaBase: d.checked ? "goodOrBetter" : "good" })}
            />
          </Section>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={save.busy}>
              {s.rulesSaveButton}
            </Button>
            {save.busy && <Spinner size="tiny" label={s.saving} />}
          </div>
          <SaveErrors
            title={s.rulesNotSaved}
            errors={ALL_FIELDS.filter((field) => invalid.has(field.key)).map((field) => ({ field: s[field.label], messages: [invalidMessage(field)] }))}
          />
          <ServiceError error={save.error} title={s.writeRulesFailed} />
          {save.result && !save.busy && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{s.rulesSaved}</MessageBarBody>
            </MessageBar>
          )}
        </form>
      )}
    </>
  );
}
