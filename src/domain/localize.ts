/**
 * The catalogue of messages: every sentence the engine and the workbook reader produce has an id,
 * positional parameters, a Vietnamese and an English wording, and an example of its parameters.
 *
 * The engine stays a producer of plain Vietnamese strings (the CLI, the JSON output, the sheets and
 * the tests read them as before). Each message made through the catalogue is also remembered as
 * `{ id, params }` under its Vietnamese text, so a screen in another language can render the same
 * message again with `translate(text, language)` however the text travelled (a Problem, a reason, a
 * setup change). Texts the catalogue did not make (the workbook's own data) come back unchanged;
 * a text parameter that the catalogue made (a reason inside a reason) is translated with its message.
 * That memory is the only state here, bounded to the last RECENT_LIMIT texts, and it never changes
 * what the engine returns.
 *
 * Adding a message: in its section's `defineMessages(...)` call, add
 *   name: message((code: string, n: number) => `Vietnamese … ${code} …`, (code, n) => `English … ${code} …`, ["1.1", 2]),
 * or, without parameters, name: text("Vietnamese.", "English."), and use it as before
 * (`section.name(code, n)` or `section.name`): both give the Vietnamese string.
 */

export type Language = "vi" | "en";

/** One message as data: its id and its parameters, in the order its wordings take them. */
export interface Message {
  readonly id: string;
  readonly params: readonly unknown[];
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own parameter types
type AnyEntry = TextEntry | MessageEntry<any[]>;

export type Messages<S extends Record<string, AnyEntry>> = {
  readonly [K in keyof S]: S[K] extends MessageEntry<infer A> ? (...params: A) => string : string;
};

const entries = new Map<string, AnyEntry>();
/** Vietnamese text of each parameterless message → its id (a fixed set). */
const texts = new Map<string, string>();
/** Vietnamese text of recently made messages with parameters → the message (bounded). */
const recent = new Map<string, Message>();
const RECENT_LIMIT = 5000;

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
      const maker = (...params: unknown[]) => say({ id, params });
      makerFunctions.add(maker);
      makers[name] = maker;
    }
  }
  return makers as Messages<S>;
}

/** The Vietnamese text of a message, remembered so that `translate` can find the message again. */
export function say(m: Message): string {
  const vi = render(m, "vi");
  const entry = entries.get(m.id);
  if (entry && !isText(entry)) {
    recent.delete(vi);
    recent.set(vi, m);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  }
  return vi;
}

/** The message a Vietnamese text was made from, or null for a text the catalogue did not make. */
export function messageOf(vi: string): Message | null {
  const id = texts.get(vi);
  return id !== undefined ? { id, params: [] } : (recent.get(vi) ?? null);
}

/** A parameter as the other language shows it: texts made by the catalogue are translated too. */
function translateParam(param: unknown, language: Language): unknown {
  if (typeof param === "string") return translate(param, language);
  if (Array.isArray(param)) return param.map((p: unknown) => translateParam(p, language));
  return param;
}

export function render(m: Message, language: Language): string {
  const entry = entries.get(m.id);
  if (!entry) throw new Error(`no message ${m.id}`);
  if (isText(entry)) return entry[language];
  if (language === "vi") return entry.vi(...m.params);
  return entry.en(...m.params.map((p) => translateParam(p, language)));
}

/**
 * A text as the given language shows it: a message of the catalogue in that language, sentences
 * of the catalogue joined by spaces each translated, anything else (data) unchanged.
 */
export function translate(vi: string, language: Language): string {
  if (language === "vi") return vi;
  const m = messageOf(vi);
  if (m) return render(m, language);
  for (let at = vi.indexOf(". "); at > 0; at = vi.indexOf(". ", at + 1)) {
    const head = messageOf(vi.slice(0, at + 1));
    if (head) return `${render(head, language)} ${translate(vi.slice(at + 2), language)}`;
  }
  return vi;
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
