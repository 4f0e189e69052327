/**
 * The final level, checked against the caps before the write and again inside it.
 */
import { checkFinalLevel, type Level } from "../domain";
import { LEVEL_NAMES } from "../domain";
import { NAMES, readLevels } from "../layout";
import type { FinalLevelResult } from "../contract/workbook";
import { sheetMsg } from "../domain/messages/sheet";
import { placedMessage } from "../layout/problems";
import { render, type Message } from "../domain/messages/localize";
import { analyse, readWorkbook, lookup, noTable } from "./readProtocol";
import { writeProtected, step } from "./writeProtocol";

const levelText = (level: Level | null) => (level ? LEVEL_NAMES[level] : "");

const refused = (said: Message): FinalLevelResult => ({ ok: false, reason: render(said, "vi"), said });

/**
 * Set the final level (and, when given, the caps typed with it). The caps are checked before
 * writing and again in the write round trip itself, from the cells as Excel holds them then,
 * so a cap lowered by a colleague in between is caught and the final level put back.
 */
export async function setFinalLevelAction(
  context: Excel.RequestContext,
  level: Level | null,
  unitLevel: Level | null | undefined,
  civilServantLevel: Level | null | undefined,
): Promise<FinalLevelResult> {
  const snapshot = await readWorkbook(context);
  const { contents } = snapshot;
  const final = contents.named.get(NAMES.finalLevel);
  const unit = contents.named.get(NAMES.unitLevel);
  const civil = contents.named.get(NAMES.civilServantLevel);
  if (!final || !unit || !snapshot.chosen) return refused(placedMessage(noTable(snapshot)));
  const current = readLevels(lookup(contents));
  const caps = {
    unit: unitLevel === undefined ? current.unitLevel : unitLevel,
    civilServant: civilServantLevel === undefined ? current.civilServantLevel : civilServantLevel,
  };
  // A disqualified unit or head is "incomplete" whatever the points: nothing above it is set (docs/rules.md §2).
  const disqualified = analyse(snapshot, false)?.evaluated.evaluation.summary.disqualified ?? [];
  const refusal = (caps: { unit: Level | null; civilServant: Level | null }): Message | null => {
    if (level === null) return null;
    const reasons = [
      ...checkFinalLevel(level, caps).map((b) => b.message),
      ...(level !== "incomplete" && disqualified.length > 0 ? [sheetMsg.disqualifiedFinal.of(level, disqualified)] : []),
    ];
    return reasons.length <= 1 ? (reasons[0] ?? null) : sheetMsg.sentences.of(reasons);
  };
  const before = refusal(caps);
  if (before !== null) return refused(before);
  const range = (cell: { sheet: string; address: string }) => context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
  // Filled when the write is queued: the caps as Excel holds them in the write's own round trip.
  const loaded = new Map<string, Excel.Range>();
  const failed = await writeProtected(context, [final.sheet], contents, [
    step(() => {
      range(final).formulas = [[levelText(level)]];
      if (unitLevel !== undefined) range(unit).formulas = [[levelText(unitLevel)]];
      if (civil && civilServantLevel !== undefined) range(civil).formulas = [[levelText(civilServantLevel)]];
      loaded.set(NAMES.unitLevel, range(unit).load("values"));
      if (civil) loaded.set(NAMES.civilServantLevel, range(civil).load("values"));
    }),
  ]);
  if (failed.length > 0) return refused(placedMessage(failed[0]));
  const after = readLevels((name) => {
    const cell = contents.named.get(name);
    const proxy = loaded.get(name);
    return cell && proxy ? { ...cell, value: proxy.values[0][0] } : undefined;
  });
  const late = refusal({ unit: after.unitLevel, civilServant: after.civilServantLevel });
  if (late === null) return { ok: true };
  // A colleague changed a cap between our read and our write: put the old final level back.
  await writeProtected(context, [final.sheet], contents, [step(() => (range(final).formulas = [[String(final.formula ?? "")]]))]);
  return refused(sheetMsg.capChangedMeanwhile.of(late));
}
