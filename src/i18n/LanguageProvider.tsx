// React side of the catalogue: the current language lives in one context so every component reads
// its text through useStrings() and switches together.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { strings, type Language, type Strings } from "./strings";

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider(props: { initialLanguage?: Language; children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(props.initialLanguage ?? "vi");

  // Screen readers pick pronunciation from the document language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(() => ({ language, setLanguage }), [language]);
  return <LanguageContext.Provider value={value}>{props.children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage() needs a <LanguageProvider> above it");
  return state;
}

/** The catalogue for the current language. */
export function useStrings(): Strings {
  return strings[useLanguage().language];
}
