import type { Language } from '../../i18n/i18n';

/** A thread timestamp in the UI language's date style (shown inside <Ltr>, so digits stay in order). */
export function formatThreadTime(at: string, lang: Language): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(lang === 'he' ? 'he-IL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}
