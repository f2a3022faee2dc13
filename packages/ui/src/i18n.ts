import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import cs from './locales/cs.json';
import en from './locales/en.json';
import hu from './locales/hu.json';
import tr from './locales/tr.json';

/** The catalogs every MFE bundles; `en` is the reference the others must match key for key. */
export const catalogs = { en, hu, cs, tr } as const;
export type Language = keyof typeof catalogs;
export const supportedLanguages: readonly Language[] = ['hu', 'cs', 'tr', 'en'];
export const LANGUAGE_STORAGE_KEY = 'caremap.lang';
/** Fired on window after the UI language changed; `detail.language` is the new language. */
export const LANGUAGE_EVENT = 'caremap:language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The network screens' strings (`providers.*`, `needs.*`, `coverage.*`, `territories.*`, `territoryReport.*`, `providerCreate.*`, `sheetImport.*`, and the conferences MFE's `series.*`, `caseTimeline.*` and `familyPhases.*`) are left out of the key
    // type: with them the union of every key path grew past what the compiler can instantiate
    // (TS2589 in other MFEs). apps/network/src/translate.ts looks them up as plain strings; the
    // catalog test still holds every language to every key. Likewise `availability.*` (the
    // conferences MFE's availability screen, apps/conferences/src/availability/translate.ts).
    resources: {
      translation: Omit<
        typeof en,
        | 'providers'
        | 'needs'
        | 'coverage'
        | 'territories'
        | 'territoryReport'
        | 'providerCreate'
        | 'sheetImport'
        | 'series'
        | 'caseTimeline'
        | 'familyPhases'
        | 'availability'
      >;
    };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

function storedLanguage(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    // Storage can be blocked (privacy settings); the browser language is a fine fallback.
    return undefined;
  }
}

/** localStorage choice, else the first browser language we ship, else English. */
export function detectLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  const browser = globalThis.navigator?.languages ?? [globalThis.navigator?.language];
  for (const tag of browser) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function setDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Initialises the ONE i18next instance of the page. i18next is shared through the import map, so
 * the shell and every MFE call this and get the same instance: the first call initialises it, later
 * calls only add their own bundled catalogs (without overwriting), so an MFE deployed with new
 * strings works under an older shell.
 */
export function initI18n(): i18n {
  if (i18next.isInitialized) {
    for (const [language, resources] of Object.entries(catalogs)) {
      i18next.addResourceBundle(language, 'translation', resources, true, false);
    }
    return i18next;
  }
  i18next.use(initReactI18next).init({
    resources: Object.fromEntries(
      Object.entries(catalogs).map(([lng, translation]) => [lng, { translation }]),
    ),
    lng: detectLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...supportedLanguages],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // A missing key is a bug; the end-to-end tests fail on any console error.
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => {
      console.error(`i18n: missing key "${namespace}:${key}" for ${languages.join(', ')}`);
    },
  });
  i18next.on('languageChanged', setDocumentLanguage);
  setDocumentLanguage(i18next.resolvedLanguage ?? i18next.language);
  return i18next;
}

/** Switches every part of the page, remembers the choice and tells whoever listens. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits when storage is blocked; the switch itself still works.
  }
  setDocumentLanguage(language);
  globalThis.dispatchEvent?.(new CustomEvent(LANGUAGE_EVENT, { detail: { language } }));
}

/** The current UI language as one of ours (i18next may hold a longer tag like `en-GB`). */
export function currentLanguage(): Language {
  const resolved = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(resolved) ? resolved : 'en';
}
