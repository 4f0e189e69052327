import { evaluate, readEvaluationDocument, type Evaluation } from "../domain";
import { render, type Language } from "../domain/messages/localize";
import { formatTable } from "./table";
import { FileError, readJsonFile, type CommandResult } from "./io";
import { cliMsg } from "../domain/messages/cli";

/** The public JSON shape of an evaluation (the CLI contract of issue 2). */
export function toContractJson(evaluation: Evaluation, language: Language = "vi"): unknown {
  const s = evaluation.summary;
  return {
    indicators: evaluation.indicators,
    summary: {
      total: s.total,
      met: s.met,
      exceeded: s.exceeded,
      notMet: s.notMet,
      pending: s.pending,
      late: s.late,
      resultPoints: s.resultPoints,
      points: s.points,
      level: s.level,
      ceilingLevel: s.ceilingLevel,
      provisional: s.provisional,
      disqualified: s.disqualified,
      // The reasons stay an array of sentences; `reasonIds` names each one's message, index for index.
      reasons: s.reasons.map((r) => render(r, language)),
      reasonIds: s.reasons.map((r) => r.id),
    },
    // `message` in the chosen language, rendered from the error as data; `id` names it in the catalogue.
    errors: evaluation.errors.map(({ code, field, id, params }) => ({ code, field, message: render({ id, params }, language), id })),
  };
}

/** `language` words the table, or the JSON's reasons and error messages. */
export function runEvaluate(file: string, format: "json" | "table", language: Language = "vi"): CommandResult {
  const read = readEvaluationDocument(readJsonFile(file));
  if (!read.ok) throw new FileError(cliMsg.inFile.of(file, read.problem));
  const evaluation = evaluate(read.input);
  const stdout = format === "table" ? formatTable(evaluation, language) : JSON.stringify(toContractJson(evaluation, language), null, 2) + "\n";
  return { stdout, exitCode: evaluation.errors.length > 0 ? 1 : 0 };
}
