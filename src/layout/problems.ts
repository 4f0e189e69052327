import type { Problem } from "../domain";
import { asMessage, render, type CatalogueText, type Language, type Message } from "../domain/messages/localize";
import { sheetMsg } from "../domain/messages/sheet";

export type { Problem };

/** Where a problem is, as the message's prefix: Trang "Chỉ tiêu", ô I12. */
export function locate(sheet: string, cell: string | null): string {
  return cell === null ? sheetMsg.onSheet(sheet) : sheetMsg.atCell(sheet, cell);
}

const place = (sheet: string, cell: string | null): Message => (cell === null ? sheetMsg.onSheet.of(sheet) : sheetMsg.atCell.of(sheet, cell));

/**
 * A problem from a message of the catalogue, given as data (`sheetMsg.x.of(…)`) or as a
 * parameterless message's text (`sheetMsg.noRows`); the workbook's own text as `verbatim(…)`.
 */
export function problem(sheet: string, cell: string | null, message: CatalogueText | Message, severity: Problem["severity"] = "error"): Problem {
  const { id, params } = asMessage(message);
  const detail = render({ id, params }, "vi");
  return { sheet, cell, message: sheetMsg.placed(locate(sheet, cell), detail), detail, severity, id, params };
}

/** A problem's sentence without its place, in the language. */
export function problemDetail(p: Pick<Problem, "id" | "params">, language: Language): string {
  return render({ id: p.id, params: p.params }, language);
}

/** A problem's whole sentence, place included, as data. */
export function placedMessage(p: Pick<Problem, "sheet" | "cell" | "id" | "params">): Message {
  return sheetMsg.placed.of(place(p.sheet, p.cell), { id: p.id, params: p.params });
}

/** A problem's whole sentence, place included, in the language. */
export function problemMessage(p: Pick<Problem, "sheet" | "cell" | "id" | "params">, language: Language): string {
  return render(placedMessage(p), language);
}
