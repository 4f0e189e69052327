// What the pane shows in a plain browser: this page needs Excel; the preview workbench does not.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useStrings } from "../i18n/LanguageProvider";

export function NotInExcel() {
  const s = useStrings();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{s.notInExcelTitle}</MessageBarTitle> {s.notInExcelBody}
      </MessageBarBody>
    </MessageBar>
  );
}
