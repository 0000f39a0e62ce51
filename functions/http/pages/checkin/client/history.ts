import { localTime } from '../../../../core/calendar';
import type { Lang } from '../../../env';
import {
  addMonths,
  type History,
  historyText,
  monthLabel,
  recentMonths,
} from '../../shared/history-model';
import type { HistoryKey } from '../../shared/history-strings';
import { appealDay, appealedRollCallName, appealStanding, whenAppealsChange } from './appeals';
import { appealsCall, el } from './appeals-parts';
import { daysView, totalsView } from './history-view';
import { currentSession } from './oidc';
import { currentRollCalls } from './rollcalls-live';
import { KEYS, load } from './storage';

/**
 * Riwayat on the check-in page: the employee's own month (GET /v1/me/history), read when the
 * section is opened and again for each month picked (this month and the eleven before it). A
 * past month is kept once read; this month is read again each time, since today moves on.
 */

const MONTHS = 12;

let timezone = 'Asia/Jakarta';
let opened = false;
let month = '';
let shown: History | null = null;
/** What the body says instead of a month: loading, or why it failed. */
let note: { key: HistoryKey; why?: string } | null = null;
const kept = new Map<string, History>();

const lang = (): Lang => (load<Lang>('local', KEYS.lang) === 'en' ? 'en' : 'id');
const say = (key: HistoryKey, vars?: Record<string, string | number>) =>
  historyText(lang(), key, vars);
const thisMonth = () => localTime(new Date(), timezone).date.slice(0, 7);

/** Start the section (closed): it sits under the appeals, above the window's line. */
export function startHistory(zone: string): void {
  timezone = zone;
  month = thisMonth();
  document.getElementById('lang')?.addEventListener('click', () => paint());
  whenAppealsChange(() => paint());
  paint();
}

function section(): HTMLElement {
  const known = document.getElementById('history');
  if (known) return known;
  const s = el('section', { id: 'history', class: 'history', 'aria-labelledby': 'history-title' });
  const anchor = document.getElementById('appeals') ?? document.getElementById('window');
  anchor?.after(s);
  return s;
}

async function show(next: string): Promise<void> {
  month = next;
  const known = next === thisMonth() ? undefined : kept.get(next);
  if (known) {
    shown = known;
    note = null;
    return paint();
  }
  shown = null;
  note = { key: 'loading' };
  paint();
  const res = await appealsCall(
    `/v1/me/history?month=${encodeURIComponent(next)}`,
    currentSession()?.accessToken ?? null,
    lang(),
  );
  if (month !== next) return; // another month was picked meanwhile
  if (!res) {
    note = { key: 'unreachable' };
    return paint();
  }
  const body = (await res.json().catch(() => null)) as
    | (History & { error?: undefined })
    | { error?: { message?: string } }
    | null;
  if (!res.ok || !body || !('days' in body)) {
    note = { key: 'failed', why: body?.error?.message ?? `HTTP ${res.status}` };
    return paint();
  }
  kept.set(next, body);
  shown = body;
  note = null;
  paint();
}

function rollCallName(id: string): string {
  return (
    currentRollCalls()?.find((rc) => rc.id === id)?.name ??
    appealedRollCallName(id) ??
    (id === 'pagi' ? 'Apel pagi' : id)
  );
}

function picker(): HTMLElement {
  const current = thisMonth();
  const months = recentMonths(current, MONTHS);
  const select = el('select', { id: 'history-month' });
  for (const m of months) {
    const o = el('option', { value: m }, monthLabel(m, lang()));
    o.selected = m === month;
    select.append(o);
  }
  select.addEventListener('change', () => void show(select.value));
  const step = (id: string, label: HistoryKey, by: number, glyph: string) => {
    const target = addMonths(month, by);
    const b = el(
      'button',
      { type: 'button', id, class: 'month-step', 'aria-label': say(label) },
      glyph,
    );
    b.disabled = !months.includes(target);
    b.addEventListener('click', () => void show(target));
    return b;
  };
  return el(
    'div',
    { class: 'history-months' },
    el('label', { for: 'history-month' }, say('month')),
    el(
      'div',
      { class: 'history-step' },
      step('history-prev', 'prevMonth', -1, '‹'),
      select,
      step('history-next', 'nextMonth', 1, '›'),
    ),
  );
}

function paint(): void {
  const s = section();
  const focused = document.activeElement?.id;
  const toggle = el(
    'button',
    {
      type: 'button',
      id: 'history-toggle',
      class: 'secondary',
      'aria-expanded': String(opened),
      'aria-controls': 'history-body',
    },
    say(opened ? 'hide' : 'show'),
  );
  toggle.addEventListener('click', () => {
    opened = !opened;
    if (opened) void show(month || thisMonth());
    else paint();
  });
  const body = el('div', { id: 'history-body' });
  body.hidden = !opened;
  if (opened) {
    body.append(el('p', { class: 'small muted' }, say('lead')), picker());
    body.append(
      el(
        'p',
        { id: 'history-status', class: 'small', role: 'status' },
        note ? say(note.key, { why: note.why ?? '' }) : '',
      ),
    );
    if (note?.key === 'failed' || note?.key === 'unreachable') {
      const retry = el('button', { type: 'button', class: 'link' }, say('retry'));
      retry.addEventListener('click', () => void show(month));
      body.append(retry);
    }
    if (shown && !note) {
      body.append(...totalsView(shown, lang()));
      body.append(
        shown.days.length === 0
          ? el('p', { class: 'small muted' }, say('empty'))
          : daysView(shown, lang(), rollCallName, {
              standing: appealStanding,
              appeal: appealDay,
            }),
      );
    }
  }
  s.replaceChildren(el('h2', { id: 'history-title' }, say('heading')), toggle, body);
  if (focused) document.getElementById(focused)?.focus();
}
