/** Text helpers shared by parsing and header matching. */

/** Printable ASCII with single inner spaces needs no normalising (the common, fast case). */
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** Vietnamese keyboards produce both composed and decomposed text: compare in NFC. */
export function normalizeText(text: string): string {
  if (PLAIN.test(text)) return text;
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Key for case-insensitive comparison of headers and keywords. */
export function textKey(text: string): string {
  return normalizeText(text).toLowerCase();
}
