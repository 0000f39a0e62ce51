/**
 * Dates, clock times and zone names as people read them: one copy for the published reports
 * and the check-in page (whose script bundles this module), so the two always agree. Pure:
 * Intl only.
 */

export type Lang = 'id' | 'en';

/**
 * The locale of each language. English is written the British way (day before month, 24-hour
 * clock): "Friday 27 November 2026", as Indonesians write dates, not "November 27".
 */
export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** Indonesia's zones by their everyday names. */
const ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** "WIB", "WITA" or "WIT"; any other zone by Intl's short name at that instant ("GMT+1"). */
export function zoneName(timeZone: string, lang: Lang, at: Date | number = Date.now()): string {
  const known = ZONE_NAMES[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat(LOCALES[lang], { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** An apel date "YYYY-MM-DD" in full: "Jumat, 27 November 2026" / "Friday 27 November 2026". */
export function longDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "07.12" in Indonesian, "07:12" in English, in the deployment's zone (not the reader's). */
export function clockTime(instant: string | number | Date, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
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

/**
 * A timestamp as the deployment's wall clock shows it, with its zone:
 * "27 November 2026 pukul 08.30 WIB" / "27 November 2026, 08:30 WIB".
 */
export function localStamp(iso: string, timeZone: string, lang: Lang): string {
  const at = new Date(iso);
  const day = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(at);
  const time = clockTime(at, timeZone, lang);
  const zone = zoneName(timeZone, lang, at);
  return lang === 'id' ? `${day} pukul ${time} ${zone}` : `${day}, ${time} ${zone}`;
}

/** Whole numbers as the reader writes them: "1.250" / "1,250". */
export function wholeNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(n);
}
