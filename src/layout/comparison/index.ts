/** The comparison room of the workbook layout: its public face (import the room, never its modules). */
export * from "./chartSheet";
export * from "./comparisonPrint";
export * from "./comparisonSheet";
export * from "./levelCounts";
export * from "./liveComparison";
export * from "./livePublicTable";
export * from "./previousYearSheet";
export * from "./publicTable";
export * from "./totalsSheet";
