/**
 * The catalogue of messages: every sentence the engine and the workbook reader produce has an id,
 * positional parameters, a Vietnamese and an English wording, and an example of its parameters.
 *
 * What the engine and the readers hand over (reasons, set-up changes, rejections, problems, errors)
 * carries messages as data (`section.name.of(…)`), rendered where they are shown (`render`). A
 * message with parameters called as a function (`section.name(…)`) gives only its Vietnamese text,
 * for the workbook and the Vietnamese outputs: nothing remembers it, so English can only come from
 * the data. A message without parameters is a fixed text (`CatalogueText`), which `translate` and
 * `asMessage` find again (a cell that holds a level's name, a reason carried as its text); any other
 * text is data, the same in every language (`verbatim`). Where a message is handed over, the types
 * take a fixed text but not a made one. This module keeps no state beyond the catalogue itself.
 *
 * Where sections go: each in its own file of this folder, src/domain/messages/<section>.ts, whatever
 * layer uses it (the engine, the readers, the adapter, the command line); `npm run lint` refuses a
 * `defineMessages(` anywhere else. The folder is the domain's, so a section imports only from
 * src/domain: a name of a higher layer it would quote (a sheet, a table, a named cell) is a
 * parameter the caller passes. No module re-exports every section: code imports the file it needs
 * (the pane's bundle must not carry the command line's words), and a section registers when that
 * file loads.
 *
 * Adding a message: in its section's `defineMessages(...)` call, add
 *   name: message((code: string, n: number) => `Vietnamese … ${code} …`, (code, n) => `English … ${code} …`, ["1.1", 2]),
 * or, without parameters, name: text("Vietnamese.", "English."), and use it as before
 * (`section.name.of(code, n)` to hand it over, `section.name(code, n)` or `section.name` for the Vietnamese text).
 */

export type Language = "vi" | "en";

/**
 * One message as data: its id and its parameters, in the order its wordings take them. A parameter
 * may itself be a message (a reason inside a reason): it is rendered in the same language.
 */
export interface Message {
  readonly id: string;
  readonly params: readonly unknown[];
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).id === "string" && Array.isArray((value as Message).params);
}

/** A message with parameters: both wordings take the same parameters; `example` is one set of them. */
export interface MessageEntry<A extends unknown[]> {
  readonly vi: (...params: A) => string;
  readonly en: (...params: A) => string;
  readonly example: A;
}

/** A message without parameters. */
export interface TextEntry {
  readonly vi: string;
  readonly en: string;
}

export function message<A extends unknown[]>(
  vi: (...params: A) => string,
  en: (...params: NoInfer<A>) => string,
  example: NoInfer<A>,
): MessageEntry<A> {
  return { vi, en, example };
}

export function text(vi: string, en: string): TextEntry {
  return { vi, en };
}

/** A message without parameters that travels as data (`section.name.of()`), where `text` is a plain string. */
export function sentence(vi: string, en: string): MessageEntry<[]> {
  return message(() => vi, () => en, []);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own parameter types
type AnyEntry = TextEntry | MessageEntry<any[]>;

/**
 * A message with parameters as its section offers it: called, the Vietnamese string; `.of`, the
 * same message as data, for what carries messages to another language (a Problem, an error).
 * Parameters of `.of` may be messages as data themselves, where the Vietnamese call takes their text.
 */
export interface Maker<A extends unknown[]> {
  (...params: A): string;
  readonly id: string;
  readonly of: (...params: Nested<A>) => Message;
}

/** Parameters where a string may also be given as a message (rendered in the message's language). */
export type Nested<A extends unknown[]> = {
  [I in keyof A]: A[I] extends string ? string | Message : A[I] extends readonly string[] ? readonly (string | Message)[] : A[I];
};

declare const catalogueText: unique symbol;
/**
 * A parameterless message's Vietnamese text as its section gives it: a string the catalogue can find
 * again. A text made by a message with parameters is a plain string, so it cannot pass for one.
 */
export type CatalogueText = string & { readonly [catalogueText]: true };

export type Messages<S extends Record<string, AnyEntry>> = {
  readonly [K in keyof S]: S[K] extends MessageEntry<infer A> ? Maker<A> : CatalogueText;
};

const entries = new Map<string, AnyEntry>();
/** The id of a text given as it is (the workbook's own data): the same in every language. */
export const VERBATIM = "verbatim";

/** The workbook's own text (a group's name, a value as typed) as a message: shown as it is in every language. */
export function verbatim(text: string): Message {
  return { id: VERBATIM, params: [text] };
}

/** Vietnamese text of each parameterless message → its id (a fixed set). */
const texts = new Map<string, string>();

/** The functions defineMessages made, so a test can tell a section's makers from stray functions. */
const makerFunctions = new WeakSet<object>();

const isText = (entry: AnyEntry): entry is TextEntry => typeof entry.vi === "string";

/**
 * Registers a section of the catalogue under ids `section.name` and returns its makers: a string for
 * a message without parameters, a function to the Vietnamese string otherwise.
 */
export function defineMessages<S extends Record<string, AnyEntry>>(section: string, defined: S): Messages<S> {
  const makers: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(defined)) {
    const id = `${section}.${name}`;
    if (entries.has(id)) throw new Error(`message ${id} is defined twice`);
    entries.set(id, entry);
    if (isText(entry)) {
      const other = texts.get(entry.vi);
      if (other !== undefined && (entries.get(other) as TextEntry).en !== entry.en) {
        throw new Error(`messages ${other} and ${id} share their Vietnamese text but not their English one`);
      }
      if (other === undefined) texts.set(entry.vi, id);
      makers[name] = entry.vi;
    } else {
      const maker = Object.assign((...params: unknown[]) => render({ id, params }, "vi"), {
        id,
        // A message given as a parameter keeps only its data (an error object carries more).
        of: (...params: unknown[]): Message => ({ id, params: params.map((p) => (isMessage(p) ? { id: p.id, params: p.params } : p)) }),
      });
      makerFunctions.add(maker);
      makers[name] = maker;
    }
  }
  return makers as Messages<S>;
}

/**
 * A message carried both ways: `message` is its Vietnamese text (what the CLI, the JSON and the
 * sheets read), `id` and `params` the message as data (what another language renders).
 */
export interface Said extends Message {
  readonly message: string;
}

/**
 * An error whose message is a message of the catalogue: `message` its Vietnamese text, `said` the
 * message as data, which whoever reports the error renders in its language.
 */
export class SaidError extends Error {
  constructor(readonly said: Message) {
    super(render(said, "vi"));
  }
}

/** Why something failed, as data: the message of an error the catalogue worded, else the error's own text as it is. */
export function reasonOf(error: unknown): Message {
  return error instanceof SaidError ? error.said : verbatim(String((error as Error | undefined)?.message ?? error));
}

export function said(value: CatalogueText | Message): Said {
  const m = asMessage(value);
  return { message: render(m, "vi"), id: m.id, params: m.params };
}

/** A text as data: a parameterless message's text its message, any other text (data) the `verbatim` message. */
function fromText(value: string): Message {
  const id = texts.get(value);
  return id !== undefined ? { id, params: [] } : verbatim(value);
}

/** A parameterless message's text or a message as data, as data. */
export function asMessage(value: CatalogueText | Message): Message {
  return typeof value === "string" ? fromText(value) : value;
}

/** A parameter as the language shows it: messages given as data rendered, parameterless messages' texts translated. */
function translateParam(param: unknown, language: Language): unknown {
  if (isMessage(param)) return render(param, language);
  if (typeof param === "string") return language === "vi" ? param : translate(param, language);
  if (Array.isArray(param)) return param.map((p: unknown) => translateParam(p, language));
  return param;
}

export function render(m: Message, language: Language): string {
  if (m.id === VERBATIM) return String(m.params[0]);
  const entry = entries.get(m.id);
  if (!entry) throw new Error(`no message ${m.id}`);
  if (isText(entry)) return entry[language];
  const params = m.params.map((p) => translateParam(p, language));
  return language === "vi" ? entry.vi(...params) : entry.en(...params);
}

/**
 * A text as the given language shows it: a parameterless message's text in that language, anything
 * else (data, or a text made by a message with parameters) unchanged.
 */
export function translate(vi: string, language: Language): string {
  return language === "vi" ? vi : render(fromText(vi), language);
}

/**
 * Whether a value is one of the catalogue's makers or a parameterless message's text: every
 * member of a messages object (msg, sheetMsg, …) must be, or it would stay Vietnamese on an
 * English screen.
 */
export function madeByCatalogue(value: unknown): boolean {
  if (typeof value === "function") return makerFunctions.has(value);
  return typeof value === "string" && texts.has(value);
}

export interface CatalogueEntry {
  readonly id: string;
  /** The parameters' example (empty for a message without parameters). */
  readonly example: readonly unknown[];
  readonly hasParams: boolean;
}

/** Every message defined so far (each section registers when its module loads). */
export function catalogueEntries(): CatalogueEntry[] {
  return [...entries].map(([id, entry]) => ({ id, example: isText(entry) ? [] : entry.example, hasParams: !isText(entry) }));
}
