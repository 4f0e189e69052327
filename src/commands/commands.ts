// Function file (manifest FunctionFile → commands.html): registers the ribbon handlers.
import { registerCommands } from "../excel/host";
import { commandHandlers } from "./handlers";

export { evaluateActiveSheet, printActiveSheet } from "./handlers";

registerCommands(commandHandlers);
