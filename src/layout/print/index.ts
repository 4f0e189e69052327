/** The print room of the workbook layout: its public face (import the room, never its modules). */
export * from "./defaultHeader";
export * from "./officialDocument";
export * from "./printSheet";
export * from "./textMetrics";
