/**
 * Where a JSON text goes wrong, as a line and column a person can find in an editor. V8 names the
 * position for most errors but not for an unexpected character ("Unexpected token ','"), and its
 * message quotes the text, which for a binary file is noise on the terminal: so the position is
 * found here, and the message is the catalogue's.
 */

export type JsonSyntaxError = { readonly kind: "empty" | "cut" } | { readonly kind: "at"; readonly line: number; readonly column: number };

const POSITION = / at position (\d+)/;
const END = "Unexpected end of JSON input";

/**
 * How JSON.parse fails on `prefix`: `null` when it parses or only ends too early (every prefix of a
 * valid text does, and V8 places an early end at the prefix's length), the offset when V8 gives one,
 * "unplaced" when it does not.
 */
function failureOf(prefix: string): number | "unplaced" | null {
  try {
    JSON.parse(prefix);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith(END)) return null;
    const position = POSITION.exec(message);
    if (position === null) return "unplaced";
    const at = Number(position[1]);
    return at >= prefix.length ? null : at;
  }
}

/** The offset of the error in `text`, or `null` when the text only ends too early. */
function errorOffset(text: string): number | null {
  const whole = failureOf(text);
  if (whole !== "unplaced") return whole;
  // The shortest prefix that already fails ends at the wrong character (about 26 parses of a 50 MB text).
  let low = 0;
  let high = text.length;
  while (low + 1 < high) {
    const middle = Math.floor((low + high) / 2);
    if (failureOf(text.slice(0, middle)) === null) low = middle;
    else high = middle;
  }
  const found = failureOf(text.slice(0, high));
  return found === "unplaced" ? high - 1 : found;
}

/** What is wrong with a text JSON.parse refused. */
export function jsonSyntaxError(text: string): JsonSyntaxError {
  if (text.trim() === "") return { kind: "empty" };
  const offset = errorOffset(text);
  if (offset === null) return { kind: "cut" };
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { kind: "at", line: before.split("\n").length, column: Array.from(before.slice(lineStart)).length + 1 };
}
