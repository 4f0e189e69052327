// Function file (manifest FunctionFile → commands.html): registers the ribbon handlers.
import { commandHandlers } from "./handlers";

export { evaluateActiveSheet } from "./handlers";

// Office is missing only when the page is opened outside Office with the CDN unreachable.
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to prepare: handlers read what they need when invoked.
  });
  for (const [name, handler] of Object.entries(commandHandlers)) {
    Office.actions.associate(name, handler);
  }
}
