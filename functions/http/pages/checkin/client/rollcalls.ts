import { localTime } from '../../../../core/calendar';
import { clockTime, wallTime } from '../../../../core/time-labels';
import type { Lang } from '../../../env';
import type { CheckinResult } from '../../../schemas';
import { fill } from '../../shared/strings';
import type { Capture } from './capture';

/**
 * Today's roll calls on the check-in page (GET /v1/rollcalls/today): a list with each one's
 * state ("Apel pagi — tercatat 07.12", "Upacara 17 Agustus — dibuka 07.00"), the one open now
 * that the Hadir button checks in to (its id goes in the body as `rollCallId`), and what the
 * page says when none is open. The controller (main.ts) calls in here; nothing here drives it.
 */

type Checkin = CheckinResult['checkin'];

export interface TodayRollCall {
  readonly id: string;
  readonly name: string;
  readonly opensAt: string;
  readonly startsAt: string;
  readonly closesAt: string;
  readonly state: 'upcoming' | 'open' | 'closed';
  readonly checkin: Checkin | null;
}

const WORDS = {
  id: {
    title: 'Apel hari ini',
    recorded: '{name} — tercatat {time}',
    recordedLate: '{name} — tercatat {time} (terlambat)',
    open: '{name} — dibuka sekarang, s.d. {closes}',
    upcoming: '{name} — dibuka {opens}',
    closed: '{name} — ditutup {closes}, tidak tercatat',
    target: 'Tombol Hadir mencatat Anda di {name}.',
    noneToday: 'Tidak ada apel untuk Anda hari ini.',
    nextOpens: 'Belum ada apel yang dibuka. Berikutnya: {name}, dibuka {opens}.',
    allDone: 'Apel hari ini sudah selesai.',
  },
  en: {
    title: 'Today’s roll calls',
    recorded: '{name} — recorded {time}',
    recordedLate: '{name} — recorded {time} (late)',
    open: '{name} — open now, until {closes}',
    upcoming: '{name} — opens {opens}',
    closed: '{name} — closed {closes}, not recorded',
    target: 'The Present button checks you in to {name}.',
    noneToday: 'You have no roll call today.',
    nextOpens: 'No roll call is open yet. Next: {name}, opens {opens}.',
    allDone: 'Today’s roll calls are over.',
  },
} as const;
type Word = keyof (typeof WORDS)['id'];
const say = (l: Lang, w: Word, vars?: Record<string, string>) => fill(WORDS[l][w], vars);

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

type Loose = Record<string, unknown>;
const str = (x: unknown) => (typeof x === 'string' ? x : '');

/** One item of the server's answer, in the page's terms; the state from the clock if unsaid. */
function itemOf(raw: Loose, nowMin: number): TodayRollCall | null {
  // The roll call's fields flat, or under `rollCall`; its times flat, or under `window`.
  const rc = (raw.rollCall as Loose | undefined) ?? raw;
  const w = (raw.window as Loose | undefined) ?? rc;
  const id = str(rc.id);
  const opensAt = str(w.opensAt);
  const closesAt = str(w.closesAt);
  if (!id || !opensAt || !closesAt) return null;
  // The server says `not_open`, `open` or `closed`; without it, the clock decides.
  const said = str(raw.state).replace('not_open', 'upcoming');
  const state: TodayRollCall['state'] =
    said === 'open' || said === 'upcoming' || said === 'closed'
      ? said
      : nowMin < minutes(opensAt)
        ? 'upcoming'
        : nowMin > minutes(closesAt)
          ? 'closed'
          : 'open';
  const c = (raw.checkin ?? null) as Checkin | null;
  return {
    id,
    name: str(rc.name) || id,
    opensAt,
    startsAt: str(w.startsAt),
    closesAt,
    state,
    checkin: c && typeof c.receivedAt === 'string' ? c : null,
  };
}

/**
 * Today's roll calls for the signed-in employee; null when the server has no such route or
 * did not answer (the page then keeps to the one morning roll call it always had).
 */
export async function todaysRollCalls(
  token: string,
  lang: Lang,
  timeZone: string,
): Promise<TodayRollCall[] | 'unauthorized' | null> {
  try {
    const url = new URL('/v1/rollcalls/today', location.href);
    url.searchParams.set('lang', lang);
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (res.status === 401) return 'unauthorized';
    if (!res.ok) return null;
    return parseToday(await res.json(), localTime(new Date(), timeZone).minutes);
  } catch {
    return null;
  }
}

/** The answer of GET /v1/rollcalls/today as the page's list, by opening time; `nowMin`: local. */
export function parseToday(body: unknown, nowMin: number): TodayRollCall[] {
  const list = Array.isArray(body)
    ? body
    : ((body as { items?: unknown[] } | null)?.items ??
      (body as { rollCalls?: unknown[] } | null)?.rollCalls ??
      []);
  return list
    .map((x) => itemOf(x as Loose, nowMin))
    .filter((x): x is TodayRollCall => x !== null)
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt));
}

/** The roll call the Hadir button checks in to: open, not yet recorded, the earliest started. */
export function openTarget(list: readonly TodayRollCall[] | null): TodayRollCall | null {
  return list?.find((rc) => rc.state === 'open' && !rc.checkin) ?? null;
}

/** The capture with the roll call it is for; a capture already naming one keeps it. */
export function forRollCall(c: Capture, target: TodayRollCall | null): Capture {
  if (!target || 'rollCallId' in c.body) return c;
  return { ...c, body: { ...c.body, rollCallId: target.id } as Capture['body'] };
}

/**
 * What the page shows under the list when nothing is to be checked in to: the standing
 * check-in of an open roll call, the next one's opening, or that the day is over.
 */
export type Standing =
  | { readonly k: 'ready' }
  | { readonly k: 'recorded'; readonly checkin: Checkin }
  | { readonly k: 'note'; readonly lines: readonly string[] };

export function standingOf(list: readonly TodayRollCall[], lang: Lang): Standing {
  if (openTarget(list)) return { k: 'ready' };
  const openDone = list.find((rc) => rc.state === 'open' && rc.checkin);
  if (openDone?.checkin) return { k: 'recorded', checkin: openDone.checkin };
  if (list.length === 0) return { k: 'note', lines: [say(lang, 'noneToday')] };
  const next = list.find((rc) => rc.state === 'upcoming');
  if (next) {
    return {
      k: 'note',
      lines: [say(lang, 'nextOpens', { name: next.name, opens: wallTime(next.opensAt, lang) })],
    };
  }
  return { k: 'note', lines: [say(lang, 'allDone')] };
}

function lineOf(rc: TodayRollCall, lang: Lang, timeZone: string): string {
  const vars = {
    name: rc.name,
    opens: wallTime(rc.opensAt, lang),
    closes: wallTime(rc.closesAt, lang),
  };
  if (rc.checkin) {
    const time = clockTime(rc.checkin.receivedAt, timeZone, lang);
    return say(lang, rc.checkin.status === 'late' ? 'recordedLate' : 'recorded', {
      ...vars,
      time,
    });
  }
  return say(lang, rc.state, vars);
}

/** The list's place on the page, made once, above the Hadir button. */
function box(): HTMLElement {
  const known = document.getElementById('rollcalls');
  if (known) return known;
  const section = document.createElement('section');
  section.id = 'rollcalls';
  section.className = 'rollcalls';
  section.setAttribute('aria-labelledby', 'rollcalls-title');
  const h2 = document.createElement('h2');
  h2.id = 'rollcalls-title';
  const ul = document.createElement('ul');
  ul.id = 'rollcalls-list';
  const note = document.createElement('p');
  note.id = 'rollcalls-target';
  note.className = 'small';
  section.append(h2, ul, note);
  document.getElementById('primary')?.before(section);
  return section;
}

/** Paint the list (or hide it while there is none); the header's one window gives way to it. */
export function paintRollCalls(
  list: readonly TodayRollCall[] | null,
  lang: Lang,
  timeZone: string,
): void {
  const window = document.getElementById('window');
  if (!list) {
    document.getElementById('rollcalls')?.setAttribute('hidden', '');
    if (window) window.hidden = false;
    return;
  }
  const section = box();
  section.hidden = list.length === 0;
  if (window) window.hidden = true;
  (section.querySelector('h2') as HTMLElement).textContent = say(lang, 'title');
  const ul = section.querySelector('ul') as HTMLElement;
  const target = openTarget(list);
  const lines = list.map((rc) => ({ rc, text: lineOf(rc, lang, timeZone) }));
  if (
    [...ul.children].map((li) => li.textContent).join('\n') !== lines.map((l) => l.text).join('\n')
  ) {
    ul.replaceChildren(
      ...lines.map(({ rc, text }) => {
        const li = document.createElement('li');
        li.textContent = text;
        li.dataset.id = rc.id;
        li.className = `rc rc-${rc.checkin ? 'recorded' : rc.state}`;
        if (rc === target) li.setAttribute('aria-current', 'true');
        return li;
      }),
    );
  }
  const note = section.querySelector('#rollcalls-target') as HTMLElement;
  note.hidden = target === null;
  note.textContent = target ? say(lang, 'target', { name: target.name }) : '';
}
