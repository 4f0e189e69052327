import { SaidError } from "../domain/messages/localize";

/**
 * A file refused for a reason its owner can act on (its message says what to do: not an ordinary
 * file, too large, encrypted, .xls, ZIP64), not a damaged one. Browser-safe, so that the zip reader
 * (pane and CLI) and the Node-only file opener (src/xlsx/inputFile.ts) share it without either
 * loading the other.
 */
export class FileRefused extends SaidError {}
