// In: the header and signature texts of the printed table, then preparePrint() fills them in and
// builds the "Bản in" sheet from the current table, or lists the data errors that refuse it.
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Textarea } from "@fluentui/react-components";
import { useEffect, type FormEvent } from "react";
import type { DocumentHeader } from "../../layout/schema";
import { useStrings } from "../../i18n/LanguageProvider";
import type { StringKey } from "../../i18n/strings";
import { usePaneState } from "../PaneState";
import { useWorkbook } from "../WorkbookContext";
import { tableTitle } from "../../layout/schema";
import { PrintPreview } from "./PrintPreview";
import { ProblemList } from "./ProblemList";
import { Section, useFormStyles } from "./Section";
import { ServiceError } from "./ServiceError";
import { useServiceCall } from "./useServiceCall";

/** The header fields in the order they appear on paper, with their labels and hints. */
const FIELDS: readonly { key: keyof DocumentHeader; label: StringKey; hint: StringKey }[] = [
  { key: "superiorBody", label: "superiorBodyLabel", hint: "superiorBodyHint" },
  { key: "issuingBody", label: "issuingBodyLabel", hint: "issuingBodyHint" },
  { key: "number", label: "numberLabel", hint: "numberHint" },
  { key: "placeDate", label: "placeDateLabel", hint: "placeDateHint" },
  { key: "signerTitle", label: "signerTitleLabel", hint: "signerTitleHint" },
  { key: "signerPosition", label: "signerPositionLabel", hint: "signerPositionHint" },
  { key: "signerName", label: "signerNameLabel", hint: "signerNameHint" },
  { key: "recipients", label: "recipientsLabel", hint: "recipientsHint" },
];

export function PrintView() {
  const s = useStrings();
  const styles = useFormStyles();
  const workbook = useWorkbook();
  const pane = usePaneState();
  const { header, setHeader } = pane;
  const load = useServiceCall(pane.refreshStatus);
  const prepare = useServiceCall((next: DocumentHeader) => workbook.preparePrint({ header: next }));

  // Only the title needs the status: read it when the pane has none yet.
  const statusMissing = pane.status === null;
  const loadStatus = load.run;
  useEffect(() => {
    if (statusMissing) void loadStatus();
  }, [statusMissing, loadStatus]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void prepare.run(header);
  };

  return (
    <>
      <Section title={s.printFormTitle}>
        <form className={styles.form} onSubmit={onSubmit}>
          {FIELDS.map((field) => (
            <Field key={field.key} label={s[field.label]} hint={s[field.hint]}>
              {field.key === "recipients" ? (
                <Textarea value={header[field.key]} resize="vertical" onChange={(_e, d) => setHeader({ ...header, [field.key]: d.value })} />
              ) : (
                <Input value={header[field.key]} onChange={(_e, d) => setHeader({ ...header, [field.key]: d.value })} />
              )}
            </Field>
          ))}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={prepare.busy}>
              {s.printButton}
            </Button>
            {prepare.busy && <Spinner size="tiny" label={s.preparingPrint} />}
          </div>
        </form>
        <ServiceError error={prepare.error} title={s.printFailed} />
        <ServiceError error={load.error} title={s.statusFailed} />
        {prepare.result && prepare.result.length === 0 && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{s.printReady}</MessageBarBody>
          </MessageBar>
        )}
        {prepare.result && prepare.result.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{s.printRefused}</MessageBarBody>
          </MessageBar>
        )}
        {prepare.result && prepare.result.length > 0 && <ProblemList problems={prepare.result} label={s.problemsLabel} />}
      </Section>
      <Section title={s.printPreviewTitle}>
        <PrintPreview
          header={header}
          title={tableTitle(pane.status?.year ?? null, pane.status?.unitName ?? "")}
          label={s.printPreviewLabel}
        />
      </Section>
    </>
  );
}
