/** The province room of the workbook layout: its public face (import the room, never its modules). */
export * from "./assignmentSheet";
export * from "./provinceWorkbook";
export * from "./readAssignment";
export * from "./decisionSheet";
export * from "./unitFiles";
