import type * as v from 'valibot';
import { wallTime } from '../../../core/time-labels';
import type { Lang } from '../../env';
import type { HistorySchema } from '../../routes/history';
import { HISTORY_TEXT, type HistoryKey } from './history-strings';
import { fill } from './strings';

/**
 * A person's month (GET /v1/me/history, GET /v1/employees/{id}/history) in words, for the
 * check-in page and the console alike: each entry's status and method, a day without roll
 * calls, the month's totals, the months to pick from. Nothing here touches the DOM.
 */

export type History = v.InferOutput<typeof HistorySchema>;
export type HistoryDay = History['days'][number];
export type HistoryEntry = HistoryDay['rollCalls'][number];
export type HistoryStatus = HistoryEntry['status'];

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export function historyText(lang: Lang, key: HistoryKey, vars?: Record<string, string | number>) {
  return fill(HISTORY_TEXT[lang][key], vars);
}

const EXCUSE_KINDS = new Set(['leave', 'sick', 'duty', 'permit', 'other']);

/** "Hadir tepat waktu", "Terlambat 15 menit, tiba 07.45", "Sakit", "Tidak hadir", "Belum diterbitkan". */
export function statusText(e: HistoryEntry, lang: Lang): string {
  switch (e.status) {
    case 'late':
      if (!e.at) return historyText(lang, 'late');
      return e.lateMinutes
        ? historyText(lang, 'lateByAt', {
            minutes: String(e.lateMinutes),
            at: wallTime(e.at, lang),
          })
        : historyText(lang, 'lateAt', { at: wallTime(e.at, lang) });
    case 'excused':
      return historyText(
        lang,
        e.kind && EXCUSE_KINDS.has(e.kind) ? (e.kind as HistoryKey) : 'excused',
      );
    default:
      return historyText(lang, e.status);
  }
}

/** How the status was reached: "GPS", "Ditandai petugas", "Sanggahan diterima"; '' if none. */
export function methodText(e: HistoryEntry, lang: Lang): string {
  return e.method ? historyText(lang, e.method) : '';
}

/** What a day without an entry for the person is: a named holiday, a day off, or no roll call. */
export function quietDayText(day: HistoryDay, lang: Lang): string {
  if (day.holiday) return historyText(lang, 'holiday', { name: day.holiday });
  return historyText(lang, day.workday ? 'noRollCall' : 'dayOff');
}

/** "Sen, 2 Nov" / "Mon, 2 Nov". */
export function shortDay(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "November 2026". */
export function monthLabel(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** The months a picker offers: this one first, then `count − 1` before it. */
export function recentMonths(current: string, count = 12): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(current, -i));
}

export interface Totals {
  readonly rollCalls: number;
  readonly on_time: number;
  readonly late: number;
  readonly excused: number;
  readonly absent: number;
  readonly pending: number;
  /** Entries an officer marked, and those an accepted appeal decided. */
  readonly manual: number;
  readonly appeal: number;
}

export const TOTAL_KEYS = ['on_time', 'late', 'excused', 'absent', 'pending'] as const;

/** The month's counts, one per roll call of each day, as the recap counts them. */
export function totalsOf(h: History): Totals {
  const t = { rollCalls: 0, on_time: 0, late: 0, excused: 0, absent: 0, pending: 0 };
  let manual = 0;
  let appeal = 0;
  for (const e of h.days.flatMap((d) => d.rollCalls)) {
    t.rollCalls++;
    t[e.status]++;
    if (e.method === 'manual') manual++;
    if (e.method === 'appeal') appeal++;
  }
  return { ...t, manual, appeal };
}

/** Whether the month has more than the one morning roll call: then each entry says its name. */
export function namesRollCalls(h: History): boolean {
  const ids = new Set(h.days.flatMap((d) => d.rollCalls.map((e) => e.rollCallId)));
  return ids.size > 1 || (ids.size === 1 && !ids.has('pagi'));
}
