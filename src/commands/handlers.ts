// Ribbon command handlers, one exported function per manifest <FunctionName>. Kept free of
// registration side effects so tests can import them without Office.js.

/**
 * "Đánh giá" button. Placeholder until the evaluation is wired: it must still signal completion,
 * or Office keeps the button busy and eventually shows an error.
 */
export function evaluateActiveSheet(event: Office.AddinCommands.Event): void {
  event.completed();
}

/** Every ExecuteFunction the manifest names, by that name (the manifest test checks both ways). */
export const commandHandlers: Readonly<Record<string, (event: Office.AddinCommands.Event) => void>> = {
  evaluateActiveSheet,
};
