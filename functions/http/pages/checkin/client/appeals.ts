import { localTime } from '../../../../core/calendar';
import { clockTime, longDate } from '../../../../core/time-labels';
import type { Lang } from '../../../env';
import { fill } from '../../shared/strings';
import { APPEAL_TEXT, type AppealKey } from '../appeals-strings';
import { appealForm, type Draft, type FormContext } from './appeals-form';
import { appealItem, appealsCall, el, type MyAppeal, type OpenDay } from './appeals-parts';
import { currentSession } from './oidc';
import { KEYS, load } from './storage';

/**
 * The check-in page's appeals (sanggahan): each roll call GET /v1/appeals/me lists as still open
 * to appeal gets an "Ajukan sanggahan" button and its form (claim present, or excused with its
 * kind, and a reason), then the employee's appeals with their status, decision and note.
 */

/** The page's session, language (as main.ts keeps it) and zone: read when needed. */
interface Deps {
  readonly token: () => string | null;
  readonly lang: () => Lang;
  readonly timezone: () => string;
}

let deps: Deps | null = null;
let mine: { items: MyAppeal[]; open: OpenDay[] } | null = null;
let draft: Draft | null = null;
let notice: string | null = null;
/** Roll calls' names as the open days gave them: an appeal names its roll call by id only. */
const names = new Map<string, string>();
const watchers: (() => void)[] = [];

const t = (key: AppealKey, vars?: Record<string, string>) =>
  fill(APPEAL_TEXT[deps?.lang() ?? 'id'][key], vars);
const keyOf = (d: { date: string; rollCallId: string }) => `${d.date}.${d.rollCallId}`;

const call = (path: string, init: RequestInit = {}) =>
  deps ? appealsCall(path, deps.token(), deps.lang(), init) : Promise.resolve(null);

const formContext: FormContext = {
  t,
  paint: () => paint(),
  call,
  close: async (sent) => {
    draft = null;
    if (sent === null) return paint();
    notice = sent;
    await refresh();
  },
};

/** Start the section: read the appeals once, and again when the language switches. */
export function startAppeals(timezone: string): void {
  deps = {
    token: () => currentSession()?.accessToken ?? null,
    lang: () => (load<Lang>('local', KEYS.lang) === 'en' ? 'en' : 'id'),
    timezone: () => timezone,
  };
  document.getElementById('lang')?.addEventListener('click', () => paint());
  void refresh();
}

async function refresh(): Promise<void> {
  const res = await call('/v1/appeals/me');
  if (!res?.ok) return;
  mine = (await res.json()) as { items: MyAppeal[]; open: OpenDay[] };
  for (const o of mine.open) names.set(o.rollCallId, o.rollCallName);
  if (draft && !mine.open.some((o) => keyOf(o) === draft?.key)) draft = null;
  paint();
  for (const f of watchers) f();
}

/**
 * Where a day named absent stands for appealing it (the history's link, history.ts): still open
 * to appeal ('can-appeal'), already appealed (the appeal's status), or neither (null; also before the first read).
 */
export function appealStanding(day: {
  date: string;
  rollCallId: string;
}): 'can-appeal' | MyAppeal['status'] | null {
  if (!mine) return null;
  const key = keyOf(day);
  if (mine.open.some((o) => keyOf(o) === key)) return 'can-appeal';
  return mine.items.find((a) => keyOf(a) === key)?.status ?? null;
}

/** Open the appeal form of a day still open to appeal, as its own button does. */
export function appealDay(day: { date: string; rollCallId: string }): void {
  if (appealStanding(day) === 'can-appeal') beginDraft(keyOf(day));
}

/** A roll call's name as the appeals' open days gave it, if they did. */
export function appealedRollCallName(id: string): string | undefined {
  return names.get(id);
}

/** Called after each read of the appeals (the history's links follow them). */
export function whenAppealsChange(f: () => void): void {
  watchers.push(f);
}

function dayLabel(date: string): string {
  return longDate(date, deps?.lang() ?? 'id');
}

function until(closesAt: string): string {
  const tz = deps?.timezone() ?? 'Asia/Jakarta';
  const last = new Date(Date.parse(closesAt) - 60_000);
  const lang = deps?.lang() ?? 'id';
  return `${longDate(localTime(last, tz).date, lang)} ${clockTime(last, tz, lang)}`;
}

function paint(): void {
  const section = document.getElementById('appeals');
  if (!section || !mine) return;
  const { items, open } = mine;
  section.hidden = items.length === 0 && open.length === 0 && notice === null;
  section.replaceChildren(el('h2', { id: 'appeals-title' }, t('heading')));
  if (open.length > 0) {
    section.append(el('p', { class: 'small' }, t('lead')));
    const list = el('ul', { id: 'appeals-open', class: 'appeal-days' });
    for (const day of open) list.append(openDay(day));
    section.append(list);
  }
  section.append(el('p', { id: 'appeals-notice', class: 'small', role: 'status' }, notice ?? ''));
  if (items.length > 0) {
    section.append(el('h3', {}, t('mine')));
    const list = el('ul', { id: 'appeals-mine', class: 'appeal-list' });
    for (const a of items) {
      list.append(appealItem(a, t, names.get(a.rollCallId) ?? a.rollCallId, dayLabel(a.date)));
    }
    section.append(list);
  }
}

function beginDraft(key: string): void {
  draft = { key, claim: 'present', kind: 'sick', reason: '', error: null, sending: false };
  notice = null;
  paint();
  document.getElementById(`appeal-${key}-present`)?.focus();
}

function openDay(day: OpenDay): HTMLLIElement {
  const key = keyOf(day);
  const li = el(
    'li',
    { class: 'appeal-day', 'data-day': key },
    el(
      'p',
      {},
      t('openDay', {
        rollCall: day.rollCallName,
        date: dayLabel(day.date),
        until: until(day.appealClosesAt),
      }),
    ),
  );
  if (draft?.key !== key) {
    const b = el('button', { type: 'button', class: 'secondary' }, t('appeal'));
    b.addEventListener('click', () => beginDraft(key));
    li.append(b);
    return li;
  }
  li.append(appealForm(day, draft, formContext));
  return li;
}
