/** The workbook layout as data, shared by the Office.js adapter and the .xlsx writer. */
export * from "./addresses";
export * from "./cells";
export * from "./formulas";
export * from "./unit";
export * from "./schema";
export * from "./styles";
export * from "./types";
export * from "./print";
export * from "./vnNumberFormula";
export * from "./read";
export * from "./problems";
export { ROWS_BELOW } from "./rowsBelow";
export * from "./comparison";
export * from "./units";
export * from "./keptSheets";
