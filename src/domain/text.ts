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

/**
 * A code as shown in a message: control characters (a pasted tab or line break) are escaped,
 * so "1.1\n" is visible as such instead of breaking or hiding in the sentence.
 */
export function displayCode(code: string): string {
  return code.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
