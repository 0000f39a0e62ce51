import type { Lang } from '../../../env';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** Indonesia's zones by their everyday names; any other zone by Intl's short name. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneName(timeZone: string, lang: Lang): string {
  const known = ZONE_NAMES[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat(LOCALE[lang], { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "07.12" in Indonesian, "07:12" in English, in the deployment's zone (not the phone's). */
export function clockTime(instant: string | number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** A settings time "06:30" as people write it: "06.30" in Indonesian. */
export function wallTime(hhmm: string, lang: Lang): string {
  return lang === 'id' ? hhmm.replace(':', '.') : hhmm;
}

export function longDate(instant: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
}

export function metres(m: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(m);
}
