import { textKey } from "../domain";

/**
 * Where each known column is in a header row, matched by text (NFC, trimmed, case-insensitive):
 * moved and extra columns are fine; a missing one is simply absent from the result.
 */
export function columnsByHeader<K extends string>(
  header: readonly unknown[],
  columns: readonly { readonly key: K; readonly header: string }[],
): Partial<Record<K, number>> {
  const byText = new Map(columns.map((c) => [textKey(c.header), c.key] as const));
  const found: Partial<Record<K, number>> = {};
  header.forEach((text, index) => {
    const key = typeof text === "string" ? byText.get(textKey(text)) : undefined;
    if (key !== undefined && found[key] === undefined) found[key] = index;
  });
  return found;
}
