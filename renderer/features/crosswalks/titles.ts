import type { Language } from '../../i18n/i18n';

/** The title in the UI language, falling back to the other one; `lang` tells which it is. */
export function pickTitle(
  lang: Language,
  he: string | null | undefined,
  en: string | null | undefined,
): { text: string; lang: Language } | null {
  if (lang === 'he') return he ? { text: he, lang: 'he' } : en ? { text: en, lang: 'en' } : null;
  return en ? { text: en, lang: 'en' } : he ? { text: he, lang: 'he' } : null;
}

export function uiLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'he';
}

export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return '';
  return Number.isInteger(share) ? String(share) : share.toFixed(3).replace(/0+$/, '');
}
