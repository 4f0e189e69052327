/** The tasks room of the workbook layout: its public face (import the room, never its modules). */
export * from "./readTaskRegister";
export * from "./taskPrintSheets";
export * from "./taskRegisterEntry";
export * from "./taskRegisterSchema";
export * from "./taskRegisterSheets";
export * from "./taskTotalsSheet";
export * from "./termSheet";
export * from "./unitTasksBlock";
