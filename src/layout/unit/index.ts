/** The unit room of the workbook layout: its public face (import the room, never its modules). */
export * from "./catalogueSheet";
export * from "./criteriaSheet";
export * from "./followUpSheet";
export * from "./rulesSheet";
export * from "./sharedWorkbook";
export * from "./unitSheet";
export * from "./workbook";
