import { DEFAULT_CATALOGUE, defaultAdditive, textKey, type Catalogue, type RuleSet, type UnitKind } from "../../domain";
import { assignmentSheet } from "./assignmentSheet";
import { DECISION_NUMBER, decisionSheet, liveDecisionUnits } from "./decisionSheet";
import { DEFAULT_HEADER } from "../print";
import { rulesSheet, rulesSheetNames } from "../unit";
import { SHEETS } from "../schema";
import type { WorkbookLayout } from "../types";

/** One group of equivalent positions to assign: its name, units and catalogue (the default one unless given). */
export interface ProvinceGroup {
  readonly name: string;
  readonly units: readonly { readonly name: string; readonly head: string; readonly kind: UnitKind | null }[];
  readonly catalogue?: Catalogue;
}

/** "Huyện, thành phố: Tam Đảo; Sông Lô": a group's name, then its units separated by ";"; null without either. */
export function parseGroupLine(text: string): ProvinceGroup | null {
  const colon = text.indexOf(":");
  const name = (colon < 0 ? "" : text.slice(0, colon)).normalize("NFC").trim();
  const units = (colon < 0 ? "" : text.slice(colon + 1)).split(";").map((u) => u.normalize("NFC").trim()).filter((u) => u !== "");
  if (name === "" || units.length === 0) return null;
  return { name, units: units.map((u) => ({ name: u, head: "", kind: null })) };
}

/**
 * A unit named twice in the groups (case and composition aside), as first written; null when none
 * is. Each unit gets one file and one column: the assignment sheets would refuse the second anyway.
 */
export function repeatedUnit(groups: readonly Pick<ProvinceGroup, "units">[]): string | null {
  const seen = new Set<string>();
  for (const unit of groups.flatMap((g) => g.units)) {
    if (seen.has(textKey(unit.name))) return unit.name;
    seen.add(textKey(unit.name));
  }
  return null;
}

/**
 * The province's workbook (issue 16 §1): one "Giao chỉ tiêu N" sheet per group and the rules every
 * unit will be evaluated by (docs/rules.md §3 "Whose rules"): `assign` copies them into each unit's file.
 */
export function provinceWorkbook(year: number, groups: readonly ProvinceGroup[], rules: RuleSet): WorkbookLayout {
  const sheets = groups.map((g, i) => {
    const catalogue = g.catalogue ?? DEFAULT_CATALOGUE;
    return assignmentSheet({
      index: i + 1,
      group: g.name,
      year,
      catalogue,
      indicators: catalogue.indicators.map((ind) => ({ code: ind.code, additive: defaultAdditive(ind), scope: "all", provinceTarget: null })),
      units: g.units,
    });
  });
  // The decision the committee signs, printable from Excel: its annex follows the sheets as typed.
  const decision = decisionSheet({
    year,
    header: { ...DEFAULT_HEADER, number: DECISION_NUMBER },
    units: liveDecisionUnits(groups.map((g, i) => ({ index: i + 1, group: g.name, indicators: (g.catalogue ?? DEFAULT_CATALOGUE).indicators, units: g.units }))),
  });
  return {
    sheets: [...sheets, decision, rulesSheet(rules)],
    names: rulesSheetNames().map((n) => ({ ...n, sheet: SHEETS.rules })),
  };
}
