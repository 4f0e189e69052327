// Function file (manifest FunctionFile → commands.html): registers the ribbon handlers. It stays
// small: no React, no Fluent, and the workbook service is loaded by the first click (handlers.ts).
import { registerCommands } from "../excel/officeUi";
import { commandHandlers } from "./handlers";

registerCommands(commandHandlers);
