// Đánh giá: evaluates the unit sheet and shows progress per group, the suggested level with its
// reasons, and computed cells someone typed over (restored only when the user asks).
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { formatCount, formatPoints } from "../../domain";
import type { EvaluationReport } from "../../contract/workbook";
import { useRender, useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import { LEVEL_LABEL } from "./levelLabels";
import { ProblemList } from "./ProblemList";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useLiveEvaluation } from "./useLiveEvaluation";

export function EvaluateView() {
  const s = useStrings();
  const styles = useFormStyles();
  const { evaluation, report, refresh } = useLiveEvaluation();

  return (
    <>
      <Section title={s.evaluateTitle}>
        <div className={styles.actions}>
          {refresh === "manual" && (
            <Button appearance="primary" onClick={() => void evaluation.run(false)} disabled={evaluation.busy}>
              {s.refreshButton}
            </Button>
          )}
          {refresh === "automatic" && <Text>{s.refreshAutomatic}</Text>}
          {evaluation.busy && <Spinner size="tiny" label={s.evaluating} />}
        </div>
        <ServiceError error={evaluation.error} title={s.evaluateFailed} />
      </Section>
      {report && (
        <ReportView
          report={report}
          restoring={evaluation.busy}
          onRestore={() => void evaluation.run(true)}
        />
      )}
    </>
  );
}

export function ReportView(props: { report: EvaluationReport; restoring: boolean; onRestore: () => void }) {
  const s = useStrings();
  const say = useRender();
  const styles = useFormStyles();
  const { report } = props;
  const { summary } = report.evaluation;
  const hasErrors = report.problems.some((p) => p.severity === "error");

  return (
    <>
      {report.overwrittenFormulas.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.overwrittenTitle}</MessageBarTitle>{" "}
            {fill(s.overwrittenBody, { cells: report.overwrittenFormulas.join(", ") })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onRestore} disabled={props.restoring}>
              {s.restoreFormulasButton}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {report.problems.length > 0 && (
        <Section title={s.evaluateProblemsTitle}>
          {hasErrors && <Text>{s.evaluateNotWritten}</Text>}
          <ProblemList problems={report.problems} label={s.problemsLabel} />
        </Section>
      )}
      <Section title={s.suggestedLevelTitle}>
        <div className={styles.actions}>
          <Text size={500} weight="semibold">
            {summary.level === null ? s.noLevelYet : s[LEVEL_LABEL[summary.level]]}
          </Text>
          {summary.provisional && (
            <Badge appearance="filled" color="warning" className={styles.badge}>
              {s.provisionalBadge}
            </Badge>
          )}
        </div>
        {summary.provisional && summary.ceilingLevel !== null && (
          <Text>{fill(s.ceilingLine, { level: s[LEVEL_LABEL[summary.ceilingLevel]] })}</Text>
        )}
        <Text>
          {fill(s.countsLine, {
            met: summary.met,
            exceeded: summary.exceeded,
            notMet: summary.notMet,
            pending: summary.pending,
            total: summary.total,
          })}
        </Text>
        {summary.points !== null && <Text>{fill(s.pointsLine, { points: formatPoints(summary.points) })}</Text>}
        {summary.points === null && summary.resultPoints !== null && (
          <Text>{fill(s.resultPointsLine, { points: formatPoints(summary.resultPoints) })}</Text>
        )}
        {summary.reasons.length > 0 && (
          <ul className={styles.lines} aria-label={s.reasonsLabel}>
            {summary.reasons.map((reason, i) => (
              <li key={i}>
                <Text>{say(reason)}</Text>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={s.groupsTitle}>
        {report.groups.map((group) => (
          <Field
            key={group.code}
            label={fill(s.groupLabel, { code: group.code, name: say(group.name) })}
            hint={fill(s.groupHint, { met: group.met, total: group.total, evaluated: group.evaluated })}
            validationState="none"
          >
            <ProgressBar
              value={group.total === 0 ? 0 : group.met / group.total}
              max={1}
              thickness="large"
              color={group.met === group.total ? "success" : "brand"}
              aria-valuetext={fill(s.groupValueText, { met: formatCount(group.met), total: formatCount(group.total) })}
            />
          </Field>
        ))}
      </Section>
    </>
  );
}
