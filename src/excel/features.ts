import type { FeatureSupport } from "../contract/workbook";

/** Requirement sets each optional feature needs; the core needs only the manifest's ExcelApi 1.4. */
export const FEATURE_SETS = {
  dataValidation: "1.8",
  conditionalFormats: "1.6",
  pageLayout: "1.9",
  changeEvents: "1.7",
  copyFormulas: "1.9",
  insertWorksheets: "1.13",
} as const;

export function detectFeatures(isSetSupported: (name: string, version: string) => boolean): FeatureSupport {
  const has = (version: string) => isSetSupported("ExcelApi", version);
  return {
    dataValidation: has(FEATURE_SETS.dataValidation),
    conditionalFormats: has(FEATURE_SETS.conditionalFormats),
    pageLayout: has(FEATURE_SETS.pageLayout),
    changeEvents: has(FEATURE_SETS.changeEvents),
    copyFormulas: has(FEATURE_SETS.copyFormulas),
    insertWorksheets: has(FEATURE_SETS.insertWorksheets),
  };
}

export const ALL_FEATURES: FeatureSupport = {
  dataValidation: true,
  conditionalFormats: true,
  pageLayout: true,
  changeEvents: true,
  copyFormulas: true,
  insertWorksheets: true,
};
