/** A problem in the workbook, tied to a cell when there is one; messages are Vietnamese. */
export interface Problem {
  readonly sheet: string;
  /** A1 address on `sheet`, or null for a problem of the whole sheet or workbook. */
  readonly cell: string | null;
  readonly message: string;
  readonly severity: "error" | "warning";
}

/** Where a problem is, as the message's prefix: Trang "Chỉ tiêu", ô I12. */
export function locate(sheet: string, cell: string | null): string {
  return cell === null ? `Trang "${sheet}"` : `Trang "${sheet}", ô ${cell}`;
}

export function problem(sheet: string, cell: string | null, message: string, severity: Problem["severity"] = "error"): Problem {
  return { sheet, cell, message: `${locate(sheet, cell)}: ${message}`, severity };
}
