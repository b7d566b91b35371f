import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export type Language = 'he' | 'en';

// One JSON file per feature and language: locales/<lang>/<namespace>.json
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', {
  eager: true,
});
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, mod] of Object.entries(files)) {
  const match = /locales\/(\w+)\/(\w+)\.json$/.exec(file);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  (resources[lang] ??= {})[ns] = mod.default;
}

const stored = (() => {
  try {
    return localStorage.getItem('gesher.language');
  } catch {
    return null;
  }
})();

export const initialLanguage: Language = stored === 'en' ? 'en' : 'he';

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.he ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyDocumentLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'he' ? 'rtl' : 'ltr';
}

export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  applyDocumentLanguage(lang);
  try {
    localStorage.setItem('gesher.language', lang);
  } catch {
    // storage may be unavailable; the choice still applies to this window
  }
}

export default i18next;
