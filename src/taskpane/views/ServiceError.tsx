// A failed service call in plain words with what to do next. Never a stack trace: only Excel's
// error code, which support staff can look up.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { SaidError } from "../../domain/messages/localize";
import { useRender, useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import type { StringKey } from "../../i18n/strings";

/** Excel's error codes a user can act on, with the advice for each. */
const ADVICE_BY_CODE: Readonly<Record<string, StringKey>> = {
  InvalidOperationInCellEditMode: "adviceCellEditMode",
  AccessDenied: "adviceProtected",
  ItemNotFound: "adviceMissingSheet",
};

function errorCode(error: unknown): string | null {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code !== "" ? code : null;
}

export function ServiceError(props: { error: unknown; title: string }) {
  const s = useStrings();
  const say = useRender();
  if (props.error === null || props.error === undefined) return null;
  const code = errorCode(props.error);
  // What the add-in itself refused says why (a sheet to set up again); Excel's errors get advice.
  const advice = props.error instanceof SaidError ? say(props.error.said) : s[(code && ADVICE_BY_CODE[code]) || "adviceRetry"];
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle> {advice}
        {code && <> {fill(s.errorCode, { code })}</>}
      </MessageBarBody>
    </MessageBar>
  );
}
