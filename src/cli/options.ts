import { parseArgs } from "node:util";
import type { Language } from "../domain/messages/localize";
import { UsageError } from "./io";
import { cliMsg } from "../domain/messages/cli";

/** A command's options by long name ("--unit"); `-o` is the short name of `--output`. */
export type OptionSpec = Readonly<Record<string, "string" | "boolean" | "strings">>;

export interface ParsedOptions {
  /** A string option's value (its first, when given twice: the second stays among the arguments). */
  value(name: string): string | undefined;
  /** Every value of a repeatable option ("strings"), in order. */
  values(name: string): string[];
  flag(name: string): boolean;
  /** `--lang vi|en`, which every command takes: the language of its messages and of what it prints. */
  readonly language: Language;
  /** Arguments that are not this command's options, in order: unknown options are kept here for the command's own message. */
  readonly positionals: string[];
}

/**
 * The command line parsed by node's parseArgs, not strictly, so that what is not an option of the
 * command stays an argument and the command says what it expects. A string option without a
 * value, or whose value is the next option (`--unit --year 2025`), is refused naming it as typed.
 */
export function parseOptions(args: readonly string[], commandSpec: OptionSpec): ParsedOptions {
  const spec: OptionSpec = { ...commandSpec, "--lang": "string" };
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, kind]) => [name.slice(2), { type: kind === "boolean" ? ("boolean" as const) : ("string" as const), ...(name === "--output" ? { short: "o" } : {}) }]),
  );
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const found = new Map<string, string[]>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    else if (token.kind === "option-terminator") positionals.push("--");
    else {
      const name = `--${token.name}`;
      const kind = spec[name];
      const given = args.slice(token.index, token.index + (token.value !== undefined && !token.inlineValue ? 2 : 1));
      if (kind === undefined || (kind !== "strings" && found.has(name))) positionals.push(...given);
      else if (kind === "boolean") found.set(name, []);
      else if (token.value === undefined || token.value.startsWith("--")) throw new UsageError(cliMsg.missingValue.of(token.rawName));
      else found.set(name, [...(found.get(name) ?? []), token.value]);
    }
  }
  const language = found.get("--lang")?.[0] ?? "vi";
  if (language !== "vi" && language !== "en") throw new UsageError(cliMsg.choice.of("--lang", ["vi", "en"], language));
  return {
    language,
    value: (name) => found.get(name)?.[0],
    values: (name) => found.get(name) ?? [],
    flag: (name) => found.has(name),
    positionals,
  };
}
