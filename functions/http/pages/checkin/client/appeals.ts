import { localTime } from '../../../../core/calendar';
import { clockTime, longDate } from '../../../../core/time-labels';
import type { Lang } from '../../../env';
import { fill } from '../../shared/strings';
import { APPEAL_TEXT, type AppealKey } from '../appeals-strings';
import {
  appealItem,
  appealsCall,
  el,
  KINDS,
  type Kind,
  MAX_REASON,
  type MyAppeal,
  type OpenDay,
} from './appeals-parts';
import { currentSession } from './oidc';
import { KEYS, load } from './storage';

/**
 * The check-in page's appeals (sanggahan): each roll call GET /v1/appeals/me lists as still open
 * to appeal gets an "Ajukan sanggahan" button and its form (claim present, or excused with its
 * kind, and a reason), then the employee's appeals with their status, decision and note.
 */

interface Draft {
  key: string;
  claim: 'present' | 'excused';
  kind: Kind;
  reason: string;
  error: string | null;
  sending: boolean;
}

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

const t = (key: AppealKey, vars?: Record<string, string>) =>
  fill(APPEAL_TEXT[deps?.lang() ?? 'id'][key], vars);
const keyOf = (d: { date: string; rollCallId: string }) => `${d.date}.${d.rollCallId}`;

const call = (path: string, init: RequestInit = {}) =>
  deps ? appealsCall(path, deps.token(), deps.lang(), init) : Promise.resolve(null);

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
    b.addEventListener('click', () => {
      draft = { key, claim: 'present', kind: 'sick', reason: '', error: null, sending: false };
      notice = null;
      paint();
      document.getElementById(`appeal-${key}-present`)?.focus();
    });
    li.append(b);
    return li;
  }
  li.append(form(day, draft));
  return li;
}

function form(day: OpenDay, d: Draft): HTMLFormElement {
  const id = `appeal-${d.key}`;
  const radio = (value: 'present' | 'excused', label: AppealKey) => {
    const input = el('input', { type: 'radio', name: `${id}-claim`, id: `${id}-${value}`, value });
    input.checked = d.claim === value;
    input.addEventListener('change', () => {
      d.claim = value;
      paint();
      document.getElementById(`${id}-${value}`)?.focus();
    });
    return el('label', { class: 'choice', for: `${id}-${value}` }, input, t(label));
  };
  const claim = el(
    'fieldset',
    { class: 'appeal-claim' },
    el('legend', {}, t('claim')),
    radio('present', 'claimPresent'),
    radio('excused', 'claimExcused'),
  );
  const select = el('select', { id: `${id}-kind` });
  for (const k of KINDS) {
    const o = el('option', { value: k }, t(k));
    o.selected = d.kind === k;
    select.append(o);
  }
  select.addEventListener('change', () => {
    d.kind = select.value as Kind;
  });
  const kind =
    d.claim === 'excused'
      ? el('div', { class: 'field' }, el('label', { for: `${id}-kind` }, t('kind')), select)
      : null;
  const errorId = `${id}-error`;
  const area = el('textarea', {
    id: `${id}-reason`,
    maxlength: String(MAX_REASON),
    rows: '3',
    ...(d.error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
  });
  area.value = d.reason;
  area.addEventListener('input', () => {
    d.reason = area.value;
  });
  const reason = el(
    'div',
    { class: 'field' },
    el('label', { for: `${id}-reason` }, t('reason')),
    area,
  );
  const error = d.error
    ? el('p', { id: errorId, class: 'appeal-error', role: 'alert' }, d.error)
    : null;
  const send = el(
    'button',
    { type: 'submit', class: 'primary-small' },
    t(d.sending ? 'sending' : 'send'),
  );
  send.disabled = d.sending;
  const cancel = el('button', { type: 'button', class: 'link' }, t('cancel'));
  cancel.addEventListener('click', () => {
    draft = null;
    paint();
  });
  const f = el(
    'form',
    { class: 'appeal-form', novalidate: '' },
    claim,
    kind,
    reason,
    error,
    el('div', { class: 'appeal-actions' }, send, cancel),
  );
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(day, d);
  });
  return f;
}

async function submit(day: OpenDay, d: Draft): Promise<void> {
  if (d.sending) return;
  const reason = d.reason.trim();
  if (!reason) {
    d.error = t('reasonMissing');
    paint();
    document.getElementById(`appeal-${d.key}-reason`)?.focus();
    return;
  }
  d.sending = true;
  d.error = null;
  paint();
  const body = {
    date: day.date,
    rollCallId: day.rollCallId,
    claim: d.claim,
    ...(d.claim === 'excused' ? { kind: d.kind } : {}),
    reason,
  };
  const res = await call('/v1/appeals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  d.sending = false;
  if (res?.ok) {
    draft = null;
    notice = t('sent');
    await refresh();
    return;
  }
  const answer = res
    ? ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)
    : null;
  d.error = res
    ? t('failed', { why: answer?.error?.message ?? `HTTP ${res.status}` })
    : t('unreachable');
  paint();
  document.getElementById(`appeal-${d.key}-reason`)?.focus();
}
