/**
 * The rules sheet's thresholds, read and written through their named cells.
 */
import type { RuleSet } from "../domain";
import { SaidError } from "../domain/messages/localize";
import { placedMessage, ruleValues, RULE_NAMES, SHEETS, type Problem, type RuleNameKey } from "../layout";
import { constantInput } from "./cellInput";
import { sheetMsg } from "../domain/messages/sheet";
import { readWorkbook, rulesOf } from "./readProtocol";
import { writeProtected, step } from "./writeProtocol";

export async function writeRulesAction(context: Excel.RequestContext, rules: RuleSet): Promise<void> {
  const { contents } = await readWorkbook(context);
  const values = ruleValues(rules);
  const missing = (Object.keys(RULE_NAMES) as RuleNameKey[]).filter((key) => !contents.named.has(RULE_NAMES[key]));
  // Said, not a string: the pane shows what went wrong in its language.
  if (missing.length > 0) throw new SaidError(sheetMsg.rulesCellsMissing.of(SHEETS.rules, missing.map((k) => RULE_NAMES[k])));
  const sheets = [...new Set((Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => (contents.named.get(RULE_NAMES[key]) as { sheet: string }).sheet))];
  const failed = await writeProtected(context, sheets, contents, [
    step(() => {
      for (const key of Object.keys(RULE_NAMES) as RuleNameKey[]) {
        const cell = contents.named.get(RULE_NAMES[key]) as { sheet: string; address: string };
        context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).formulas = [[constantInput(values[key])]];
      }
    }),
  ]);
  if (failed.length > 0) throw new SaidError(placedMessage(failed[0]));
}

export async function readRulesAction(context: Excel.RequestContext): Promise<{ rules: RuleSet; problems: Problem[] }> {
  const { contents } = await readWorkbook(context);
  return rulesOf(contents);
}
