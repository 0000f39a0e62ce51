import type { Lang } from '../../../env';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** Today's date in the deployment's zone ("YYYY-MM-DD"), never the browser's own. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A clock time of an instant in the deployment's zone: "07.12" / "07:12". */
export function clockOf(iso: string | number, timeZone: string, lang: Lang, seconds = false) {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A settings time "06:30" as people write it: "06.30" in Indonesian. */
export function wallTime(hhmm: string, lang: Lang): string {
  return lang === 'id' ? hhmm.replace(':', '.') : hhmm;
}

export function count(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(n);
}

/** The weekday names, ISO order (1 = Monday). */
export function weekdayNames(lang: Lang): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + i)),
    ),
  );
}

/** "17 Agustus 2027" / "17 August 2027", with the weekday when asked. */
export function dateLabel(date: string, lang: Lang, weekday = false): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    ...(weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
