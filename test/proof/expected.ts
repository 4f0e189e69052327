/**
 * What a unit sheet must show for a proof case, shared by the LibreOffice proof and the
 * emulator's formula test: the layout written for the case, the engine's evaluation of it,
 * and the sheet values that evaluation implies ("" on the sheet reads as null).
 */
import { checkFinalLevel, DEFAULT_CATALOGUE, DIRECTION_NAMES, evaluate, LEVEL_NAMES, STATUS_NAMES, type Evaluation } from "../../src/domain";
import { CAP_TEXTS, NAMES, PROVISIONAL_TEXT, workbookFromRows, type WorkbookLayout } from "../../src/layout";
import { caseRules, type ProofCase } from "./cases";

export type SheetScalar = string | number | boolean | null;

export interface SheetResult {
  readonly rows: { achievement: unknown; status: unknown }[];
  readonly names: Record<string, unknown>;
}

/** Summary cells compared in every case. */
export const SUMMARY_NAMES = [
  NAMES.count,
  NAMES.met,
  NAMES.exceeded,
  NAMES.notMet,
  NAMES.pending,
  NAMES.late,
  NAMES.resultPoints,
  NAMES.points,
  NAMES.suggestedLevel,
  NAMES.ceilingLevel,
  NAMES.provisional,
  NAMES.capCheck,
] as const;

export function layoutFor(c: ProofCase): WorkbookLayout {
  const rows = c.indicators.map((i) => ({ ...i, group: i.code.split(".")[0], name: `Chỉ tiêu ${i.code}`, unit: "" }));
  return workbookFromRows(rows, DEFAULT_CATALOGUE, caseRules(c), {
    unitName: "Đơn vị thử",
    head: "Người đứng đầu",
    year: 2025,
    commonScore: c.commonScore,
    disqualifying: c.disqualifying,
    excellence: c.excellence,
    unitLevel: c.levels?.unit,
    civilServantLevel: c.levels?.civilServant,
    finalLevel: c.levels?.final,
  });
}

/** The engine's evaluation of the case's cells, as the sheet holds them. */
export function engine(c: ProofCase): Evaluation {
  return evaluate({
    source: "sheet",
    preset: c.preset,
    rules: caseRules(c),
    commonScore: c.commonScore,
    disqualifying: c.disqualifying,
    excellence: c.excellence,
    indicators: c.indicators.map((i) => ({ ...i, direction: DIRECTION_NAMES[i.direction], key: i.key ? "x" : null })),
  });
}

export const blankAsNull = <T>(v: T): T | null => (v === "" ? null : v);

/** The cap check's text the sheet must show for the case's levels, as checkFinalLevel judges them. */
function capText(c: ProofCase, e: Evaluation): string | null {
  const final = c.levels?.final ?? null;
  if (final === null) return null;
  if (final !== "incomplete" && e.summary.disqualified.length > 0) return CAP_TEXTS.disqualified;
  const unit = c.levels?.unit ?? null;
  if (unit === null) return CAP_TEXTS.unitMissing;
  const broken = checkFinalLevel(final, { unit, civilServant: c.levels?.civilServant ?? null });
  if (broken.length === 0) return null;
  return broken[0].kind === "unit" ? CAP_TEXTS.aboveUnit : CAP_TEXTS.aboveCivilServant;
}

export function expected(e: Evaluation, c: ProofCase): SheetResult {
  const s = e.summary;
  return {
    rows: e.indicators.map((i) => ({ achievement: i.achievement, status: STATUS_NAMES[i.status] })),
    names: {
      [NAMES.count]: s.total,
      [NAMES.met]: s.met,
      [NAMES.exceeded]: s.exceeded,
      [NAMES.notMet]: s.notMet,
      [NAMES.pending]: s.pending,
      [NAMES.late]: s.late,
      [NAMES.resultPoints]: s.resultPoints,
      [NAMES.points]: s.points,
      [NAMES.suggestedLevel]: s.level === null ? null : LEVEL_NAMES[s.level],
      [NAMES.ceilingLevel]: s.ceilingLevel === null ? null : LEVEL_NAMES[s.ceilingLevel],
      [NAMES.provisional]: s.provisional ? PROVISIONAL_TEXT : null,
      [NAMES.capCheck]: capText(c, e),
    },
  };
}
