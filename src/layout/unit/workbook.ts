import { DEFAULT_CATALOGUE, DEFAULT_COMMON_CRITERIA, presetForYear, ruleSet, type Catalogue, type Disqualifier, type ExcellenceQuestion, type Level, type PresetId, type RuleSet, type UnitKind } from "../../domain";
import { catalogueSheet } from "./catalogueSheet";
import { criteriaSheet, criteriaSheetNames, type CriterionRow } from "./criteriaSheet";
import { rulesSheet, rulesSheetNames } from "./rulesSheet";
import { printSheet } from "../print";
import { followUpSheet, type FollowUpCadence } from "./followUpSheet";
import { DEFAULT_HEADER } from "../print";
import { SHEETS, tableTitle, type DocumentHeader } from "../schema";
import type { SheetLayout, WorkbookLayout } from "../types";
import type { UnitPlace } from "../units";
import { DEFAULT_LETTERS, unitSheet, unitSheetNames, unitSheetPositions, type UnitRow } from "./unitSheet";
import type { Scalar } from "../types";
import { keptOrBuilt, type KeptSheets } from "../keptSheets";

/** Values to fill in, by indicator code (from the `evaluate` JSON document, for example). */
export interface UnitValues {
  readonly target?: Scalar;
  readonly actual?: Scalar;
  readonly late?: Scalar;
  /** A milestone's due date and the day it was done, as serial days. */
  readonly due?: Scalar;
  readonly done?: Scalar;
  /** The competent level's results score for the indicator (blank keeps the product default). */
  readonly score?: Scalar;
  readonly note?: string;
}

export interface UnitWorkbookParams {
  readonly unitName: string;
  readonly unitKind?: UnitKind | null;
  /** The province's group of subjects the unit is assigned in (`assign`): written beside the kind, read by consolidation. */
  readonly groupName?: string;
  readonly head: string;
  readonly year: number;
  /** Default: the preset of the texts that applied in `year` (presetForYear). */
  readonly preset?: PresetId;
  readonly rules?: Partial<RuleSet>;
  readonly catalogue?: Catalogue;
  readonly values?: ReadonlyMap<string, UnitValues>;
  readonly commonScore?: Scalar;
  readonly unitLevel?: Level | null;
  readonly civilServantLevel?: Level | null;
  readonly finalLevel?: Level | null;
  readonly disqualifying?: Readonly<Partial<Record<Disqualifier, Scalar>>>;
  readonly excellence?: Readonly<Partial<Record<ExcellenceQuestion, Scalar>>>;
  readonly header?: Partial<DocumentHeader>;
  /** The common criteria and any scores (default: the current guidance's criteria, unscored). */
  readonly criteria?: readonly CriterionRow[];
  /**
   * Add "Bản in", the signed document, to a file written once (CLI); the add-in builds it when
   * the user prints instead, from the table as it is then.
   */
  readonly withPrintSheet?: boolean;
  /** Add "Theo dõi", the actuals as of each quarter (true, "quarter") or month against what was due by then (issue 16 §2). */
  readonly withFollowUp?: boolean | FollowUpCadence;
  /**
   * Sheets laid out once for all the workbooks built with it (assign's units of a group): every
   * sheet but the unit's own is then the same object in each, which the light writer renders once.
   */
  readonly kept?: KeptSheets;
}

export { DEFAULT_HEADER };

/** The whole unit workbook: catalogue, rules, and the unit's indicator sheet for one year. */
export function unitWorkbook(params: UnitWorkbookParams): WorkbookLayout {
  const catalogue = params.catalogue ?? DEFAULT_CATALOGUE;
  const rows: UnitRow[] = catalogue.indicators.map((indicator) => {
    const values = params.values?.get(indicator.code);
    return { ...indicator, target: values?.target ?? null, actual: values?.actual ?? null, late: values?.late ?? null, due: values?.due ?? null, done: values?.done ?? null, score: values?.score ?? null, note: values?.note };
  });
  return workbookFromRows(rows, catalogue, ruleSet(params.preset ?? presetForYear(params.year), params.rules), params);
}

/** The unit's "Theo dõi" when `withFollowUp` asks for it (none otherwise), over unit `place`'s sheet in its default layout. */
export function followUpSheets(
  params: Pick<UnitWorkbookParams, "year" | "withFollowUp" | "kept">,
  indicators: readonly Pick<UnitRow, "direction" | "unit">[],
  place?: UnitPlace,
): SheetLayout[] {
  if (!params.withFollowUp) return [];
  const cadence = params.withFollowUp === "month" ? "month" : "quarter";
  return [followUpSheet({ year: params.year, indicators, unitLetters: DEFAULT_LETTERS, unitFirstRow: unitSheetPositions(indicators.length).firstRow, cadence, ...(place ? { place } : {}) }, params.kept)];
}

/** The workbook for rows given one by one (rows may share a code: the sheet reports it). */
export function workbookFromRows(
  rows: readonly UnitRow[],
  catalogue: Catalogue,
  rules: RuleSet,
  params: Omit<UnitWorkbookParams, "catalogue" | "values" | "preset" | "rules">,
): WorkbookLayout {
  const { firstRow, lastRow } = unitSheetPositions(rows.length);
  const criteria = params.criteria ?? DEFAULT_COMMON_CRITERIA;
  const header = { ...DEFAULT_HEADER, ...params.header };
  const names = [
    ...unitSheetNames(lastRow, Boolean(params.groupName)).map((n) => ({ ...n, sheet: SHEETS.unit })),
    ...rulesSheetNames().map((n) => ({ ...n, sheet: SHEETS.rules })),
    ...criteriaSheetNames(criteria.length).map((n) => ({ ...n, sheet: SHEETS.criteria })),
  ];
  const printed = params.withPrintSheet
    ? printSheet({
        unitSheet: SHEETS.unit,
        letters: DEFAULT_LETTERS,
        firstRow,
        lastRow,
        rows,
        groups: catalogue.groups,
        header,
        title: tableTitle(params.year, params.unitName),
      }, params.kept)
    : null;
  return {
    sheets: [
      unitSheet({
        unitName: params.unitName,
        unitKind: params.unitKind,
        groupName: params.groupName,
        head: params.head,
        year: params.year,
        rows,
        commonScore: params.commonScore,
        unitLevel: params.unitLevel,
        civilServantLevel: params.civilServantLevel,
        finalLevel: params.finalLevel,
        disqualifying: params.disqualifying,
        excellence: params.excellence,
        header,
      }, params.kept),
      ...followUpSheets(params, rows),
      ...(printed ? [printed.sheet] : []),
      keptOrBuilt(params.kept, catalogueSheet, catalogue),
      keptOrBuilt(params.kept, rulesSheet, rules),
      keptOrBuilt(params.kept, criteriaSheet, criteria),
    ],
    names: [...names, ...(printed?.names ?? []).map((n) => ({ ...n, sheet: SHEETS.print }))],
  };
}
