// Why a save did not happen, next to its button: every error of the form at once, each with the
// field it belongs to, so nobody has to scroll back through the form to find what stopped it.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useFormStyles } from "./Section";

export interface FieldErrors {
  /** The field's label as the form shows it. */
  readonly field: string;
  readonly messages: readonly string[];
}

export function SaveErrors(props: { title: string; errors: readonly FieldErrors[] }) {
  const styles = useFormStyles();
  if (props.errors.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <ul className={styles.lines}>
          {props.errors.map((e) => (
            <li key={e.field}>
              {e.field}: {e.messages.join(" ")}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
