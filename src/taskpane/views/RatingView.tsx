// Xếp loại: the evaluator sets the final level; the service refuses it without the unit's level or
// above a cap (the unit's level, the head's civil-servant level) and says why — the pane shows that
// reason as it is. The suggestion beside it is evaluated when the view opens and after the data
// changes; while it is being brought up to date no final level is taken.
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { Level } from "../../domain";
import { useRender, useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import { usePaneState } from "../PaneState";
import { useWorkbook } from "../WorkbookContext";
import { isLevel, LEVEL_LABEL, LEVELS_HIGH_FIRST } from "./levelLabels";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useLiveEvaluation } from "./useLiveEvaluation";
import { useServiceCall } from "./useServiceCall";

/** Value of the "not set" option in both selects. */
const NONE = "";

function LevelSelect(props: { value: Level | null; noneLabel: string; onChange: (level: Level | null) => void }) {
  const s = useStrings();
  return (
    <Select value={props.value ?? NONE} onChange={(_e, d) => props.onChange(isLevel(d.value) ? d.value : null)}>
      <option value={NONE}>{props.noneLabel}</option>
      {LEVELS_HIGH_FIRST.map((level) => (
        <option key={level} value={level}>
          {s[LEVEL_LABEL[level]]}
        </option>
      ))}
    </Select>
  );
}

export function RatingView() {
  const s = useStrings();
  const renderMessage = useRender();
  const styles = useFormStyles();
  const workbook = useWorkbook();
  const { status } = usePaneState();
  const { evaluation, report, refresh, stale } = useLiveEvaluation();
  const [unitLevel, setUnitLevel] = useState<Level | null>(report?.unitLevel ?? status?.unitLevel ?? null);
  const [civilServantLevel, setCivilServantLevel] = useState<Level | null>(
    report?.civilServantLevel ?? status?.civilServantLevel ?? null,
  );
  const [finalLevel, setFinalLevel] = useState<Level | null>(report?.finalLevel ?? status?.finalLevel ?? null);
  const save = useServiceCall(async (level: Level | null, cap: Level | null, civilServantCap: Level | null) => ({
    level,
    outcome: await workbook.setFinalLevel(level, cap, civilServantCap),
  }));
  const outcome = save.result?.outcome;
  const suggested = report?.evaluation.summary.level ?? null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!stale) void save.run(finalLevel, unitLevel, civilServantLevel);
  };

  return (
    <Section title={s.ratingTitle}>
      <div className={styles.actions}>
        <Text>
          {stale
            ? s.ratingRefreshing
            : suggested === null
              ? s.ratingNoSuggestion
              : fill(s.ratingSuggested, { level: s[LEVEL_LABEL[suggested]] })}
        </Text>
        {stale && <Spinner size="tiny" />}
        {refresh === "manual" && (
          <Button onClick={() => void evaluation.run(false)} disabled={evaluation.busy}>
            {s.refreshButton}
          </Button>
        )}
      </div>
      <ServiceError error={evaluation.error} title={s.evaluateFailed} />
      <form className={styles.form} onSubmit={onSubmit}>
        <Field label={s.unitLevelLabel} hint={s.unitLevelHint}>
          <LevelSelect value={unitLevel} noneLabel={s.unitLevelNone} onChange={setUnitLevel} />
        </Field>
        <Field label={s.civilServantLevelLabel} hint={s.civilServantLevelHint}>
          <LevelSelect value={civilServantLevel} noneLabel={s.civilServantLevelNone} onChange={setCivilServantLevel} />
        </Field>
        <Field label={s.finalLevelLabel} hint={s.finalLevelHint}>
          <LevelSelect value={finalLevel} noneLabel={s.finalLevelNone} onChange={setFinalLevel} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={save.busy || stale}>
            {s.ratingSaveButton}
          </Button>
          {save.busy && <Spinner size="tiny" label={s.saving} />}
        </div>
      </form>
      <ServiceError error={save.error} title={s.ratingFailed} />
      {outcome?.ok === true && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{save.result?.level === null ? s.ratingCleared : s.ratingSaved}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.ok === false && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.ratingRefused}</MessageBarTitle> {renderMessage(outcome.said)}
          </MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
