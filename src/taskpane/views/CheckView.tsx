// Kiểm tra: reads the unit sheet and lists every input problem, writing nothing.
import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import { useWorkbook } from "../WorkbookContext";
import { ProblemList } from "./ProblemList";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useServiceCall } from "./useServiceCall";

export function CheckView() {
  const s = useStrings();
  const styles = useFormStyles();
  const workbook = useWorkbook();
  const check = useServiceCall(() => workbook.check());
  const problems = check.result;
  const errors = problems?.filter((p) => p.severity === "error").length ?? 0;

  return (
    <Section title={s.checkTitle}>
      <Text>{s.checkIntro}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void check.run()} disabled={check.busy}>
          {s.checkButton}
        </Button>
        {check.busy && <Spinner size="tiny" label={s.checking} />}
      </div>
      <ServiceError error={check.error} title={s.checkFailed} />
      {problems && problems.length === 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{s.checkClean}</MessageBarBody>
        </MessageBar>
      )}
      {problems && problems.length > 0 && (
        <>
          <Text>
            {fill(s.checkSummary, { errors, warnings: problems.length - errors })} {s.checkHowToGo}
          </Text>
          <ProblemList problems={problems} label={s.problemsLabel} />
        </>
      )}
    </Section>
  );
}
