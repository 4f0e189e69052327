/** The read room of the workbook layout: its public face (import the room, never its modules). */
export * from "./levelCell";
export * from "./readCatalogue";
export * from "./readCriteria";
export * from "./readFollowUp";
export * from "./readSummary";
export * from "./readUnitTable";
export * from "./repairs";
export * from "./parity";
