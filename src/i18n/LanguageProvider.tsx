// React side of the catalogue: the current language lives in one context so every component reads
// its text through useStrings() and switches together.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { translate } from "../domain/localize";
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

/**
 * A text from the workbook service (a problem, a reason, a setup change) in the current language:
 * the engine's and the sheet reader's messages are translated, the workbook's own data is not.
 */
export function useTranslate(): (text: string) => string {
  const { language } = useLanguage();
  return useCallback((text: string) => translate(text, language), [language]);
}
