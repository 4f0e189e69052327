/** The engine's public surface: pure TypeScript, no Office.js, no React. */
export * from "./types";
export * from "./achievement";
export * from "./caps";
export * from "./catalogue";
export * from "./commonCriteria";
export * from "./direction";
export * from "./evaluate";
export * from "./format";
export * from "./levels";
export { DIRECTION_NAMES, DISQUALIFIER_NAMES, EXCELLENCE_QUESTION_NAMES, FIELD_NAMES, LEVEL_NAMES, STATUS_NAMES, UNIT_KIND_NAMES, YES_NO } from "./messages";
export * from "./numbers";
export * from "./presets";
export * from "./quota";
export * from "./rounding";
export * from "./text";
export * from "./document";
export * from "./consolidation";
