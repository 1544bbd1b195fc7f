import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '@ecampus/contracts';

/**
 * The languages the interface is translated into. Adding one (say 'fr') makes the compiler list
 * every feature's messages.ts that needs its catalogue: nothing else changes.
 */
export const UI_LANGUAGES = ['es', 'en'] as const satisfies readonly Language[];
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** One catalogue per UI language, all with the same keys (plain strings or typed functions). */
export type Catalogues<M> = Record<UiLanguage, M>;

export function defineMessages<M>(catalogues: Catalogues<M>): Catalogues<M> {
  return catalogues;
}

const STORAGE_KEY = 'ecampus.lang';
/** The interface language, for the server: keep in step with apps/api/src/web-app/page-preloads.ts. */
const LANGUAGE_COOKIE = 'ecampus_lang';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): UiLanguage | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): UiLanguage {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  // Spanish first: the programme's main language.
  return 'es';
}

/** The language to start with: the saved choice, else the browser's, else Spanish. */
export function initialLanguage(): UiLanguage {
  return storedLanguage() ?? browserLanguage();
}

export function hasSavedLanguage(): boolean {
  return storedLanguage() !== null;
}

interface LanguageContextValue {
  lang: UiLanguage;
  setLang: (lang: UiLanguage) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLanguage>(initialLanguage);

  const setLang = useCallback((next: UiLanguage) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this visit only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    // The server reads it to fetch a page's first data in this language beside the page's code (page-preloads.ts).
    document.cookie = `${LANGUAGE_COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  }, [lang]);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageContextValue {
  const value = use(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}

/** The current language's catalogue of a feature's messages. */
export function useMessages<M>(catalogues: Catalogues<M>): M {
  const { lang } = useLanguage();
  return catalogues[lang];
}

export interface Formatters {
  number: (value: number) => string;
  percent: (value0to100: number) => string;
  date: (iso: string | Date) => string;
  languageName: (code: string) => string;
  countryName: (code: string) => string;
}

const formatterCache = new Map<UiLanguage, Formatters>();

function displayNames(lang: string, type: 'language' | 'region'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([lang], { type });
  } catch {
    return null;
  }
}

function capitalise(text: string, lang: string): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

export function formatters(lang: UiLanguage): Formatters {
  const cached = formatterCache.get(lang);
  if (cached) return cached;
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const languages = displayNames(lang, 'language');
  const regions = displayNames(lang, 'region');
  const value: Formatters = {
    number: (n) => number.format(n),
    percent: (n) => percent.format(n / 100),
    date: (iso) => {
      const d = typeof iso === 'string' ? new Date(iso) : iso;
      return Number.isNaN(d.getTime()) ? String(iso) : date.format(d);
    },
    languageName: (code) => {
      try {
        return capitalise(languages?.of(code) ?? code, lang);
      } catch {
        return code;
      }
    },
    countryName: (code) => {
      try {
        return regions?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
  };
  formatterCache.set(lang, value);
  return value;
}

export function useFormat(): Formatters {
  const { lang } = useLanguage();
  return formatters(lang);
}

/** A language's own name for itself ("Español", "English"): for language pickers. */
export function nativeLanguageName(code: string): string {
  const names = displayNames(code, 'language');
  try {
    return capitalise(names?.of(code) ?? code, code);
  } catch {
    return code;
  }
}
