// React side of the catalogue: the current language lives in one context so every component reads
// its text through useStrings() and switches together.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { render, translate, type Message } from "../domain/messages/localize";
import { loadStrings, stringsFor, stringsLoaded, type Language, type Strings } from "./strings";

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider(props: { initialLanguage?: Language; children: ReactNode }) {
  const [language, setShown] = useState<Language>(props.initialLanguage ?? "vi");
  // A language whose catalogue is still loading shows in Vietnamese until it arrives.
  const [, setLoaded] = useState<Language | null>(null);
  useEffect(() => {
    if (!stringsLoaded(language)) void loadStrings(language).then(() => setLoaded(language));
  }, [language]);
  // The switch changes language once its catalogue is there, so the pane never shows a mix.
  const setLanguage = useCallback((next: Language) => {
    if (stringsLoaded(next)) setShown(next);
    else void loadStrings(next).then(() => setShown(next));
  }, []);

  // Screen readers pick pronunciation from the document language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{props.children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage() needs a <LanguageProvider> above it");
  return state;
}

/** The catalogue for the current language. */
export function useStrings(): Strings {
  return stringsFor(useLanguage().language);
}

/**
 * A fixed text of the catalogue (a level's or a rule set's name) in the current language; any other
 * text, the workbook's own data, as it is. What the workbook service hands over is data: useRender.
 */
export function useTranslate(): (text: string) => string {
  const { language } = useLanguage();
  return useCallback((text: string) => translate(text, language), [language]);
}

/** A message given as data (a Problem's `id` and `params`) in the current language. */
export function useRender(): (m: Message) => string {
  const { language } = useLanguage();
  return useCallback((m: Message) => render({ id: m.id, params: m.params }, language), [language]);
}
