/** The workbook layout as data, shared by the Office.js adapter and the .xlsx writer. */
export * from "./addresses";
export * from "./cells";
export * from "./formulas";
export * from "./rulesSheet";
export * from "./schema";
export * from "./styles";
export * from "./types";
export * from "./unitSheet";
export * from "./workbook";
export { catalogueSheet } from "./catalogueSheet";
export * from "./problems";
export * from "./readUnitTable";
export { ROWS_BELOW } from "./rowsBelow";
export * from "./repairs";
export * from "./readCatalogue";
export * from "./messages";
