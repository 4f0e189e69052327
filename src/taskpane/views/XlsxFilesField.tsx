// A picker of .xlsx files read in this browser: the units' files and last year's in Tổng hợp.
import { Label, Text } from "@fluentui/react-components";
import { useId } from "react";

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface XlsxFilesFieldProps {
  readonly label: string;
  /** The line under the input: how many files are chosen, or what choosing them does. */
  readonly note: string | undefined;
  readonly onChange: (files: readonly File[]) => void;
}

export function XlsxFilesField({ label, note, onChange }: XlsxFilesFieldProps) {
  const inputId = useId();
  const noteId = useId();
  return (
    <div>
      <Label htmlFor={inputId} weight="semibold">
        {label}
      </Label>
      <br />
      <input
        id={inputId}
        type="file"
        multiple
        accept={XLSX_TYPES}
        aria-describedby={note === undefined ? undefined : noteId}
        onChange={(e) => onChange([...(e.currentTarget.files ?? [])])}
      />
      {note !== undefined && (
        <Text block size={200} id={noteId}>
          {note}
        </Text>
      )}
    </div>
  );
}
