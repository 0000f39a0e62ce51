import type { Lang } from '../../../env';
import {
  type History,
  type HistoryDay,
  type HistoryEntry,
  historyText,
  methodText,
  monthLabel,
  namesRollCalls,
  quietDayText,
  shortDay,
  statusText,
  TOTAL_KEYS,
  totalsOf,
} from '../../shared/history-model';
import { el } from './appeals-parts';

/**
 * The DOM of the check-in page's month (history.ts keeps the state): the totals, then each day
 * with each roll call's status and method; an absence still open to appeal gets its link.
 */

/** What an entry named absent may offer: the appeal's state, and how to start one. */
export interface AppealLinks {
  readonly standing: (e: { date: string; rollCallId: string }) => string | null;
  readonly appeal: (e: { date: string; rollCallId: string }) => void;
}

export function totalsView(h: History, lang: Lang): HTMLElement[] {
  const t = totalsOf(h);
  const list = el('ul', { id: 'history-totals', class: 'history-totals' });
  for (const key of TOTAL_KEYS) {
    if (key === 'pending' && t.pending === 0) continue;
    list.append(
      el(
        'li',
        { class: `htotal hs-${key}`, 'data-count': key },
        el('span', { class: 'num' }, String(t[key])),
        el('span', { class: 'what' }, historyText(lang, key)),
      ),
    );
  }
  const out: HTMLElement[] = [
    el(
      'h3',
      { id: 'history-totals-title' },
      historyText(lang, 'totals', { month: monthLabel(h.month, lang) }),
    ),
    list,
    el(
      'p',
      { id: 'history-of', class: 'small muted' },
      historyText(lang, 'ofRollCalls', { n: t.rollCalls, marked: t.manual, appealed: t.appeal }),
    ),
  ];
  if (t.pending > 0) out.push(el('p', { class: 'small' }, historyText(lang, 'pendingHint')));
  return out;
}

function entryView(
  day: HistoryDay,
  e: HistoryEntry,
  lang: Lang,
  name: string | null,
  links: AppealLinks,
): HTMLElement {
  const how = methodText(e, lang);
  const p = el(
    'p',
    { class: `hentry hs-${e.status}`, 'data-roll-call': e.rollCallId, 'data-status': e.status },
    name ? el('span', { class: 'hname' }, `${name}: `) : null,
    el('strong', { class: 'hs' }, statusText(e, lang)),
    how ? el('span', { class: 'hm' }, ` · ${how}`) : null,
  );
  if (e.status !== 'absent') return p;
  const key = { date: day.date, rollCallId: e.rollCallId };
  const standing = links.standing(key);
  if (standing === 'can-appeal') {
    const b = el(
      'button',
      { type: 'button', class: 'link happeal' },
      historyText(lang, 'appealIt'),
    );
    b.addEventListener('click', () => links.appeal(key));
    return el('div', { class: 'hentry-wrap' }, p, b);
  }
  if (standing === 'open' || standing === 'rejected') {
    const word = standing === 'rejected' ? 'appealRejected' : 'appealOpen';
    return el(
      'div',
      { class: 'hentry-wrap' },
      p,
      el('p', { class: 'small' }, historyText(lang, word)),
    );
  }
  return p;
}

export function daysView(
  h: History,
  lang: Lang,
  nameOf: (rollCallId: string) => string,
  links: AppealLinks,
): HTMLElement {
  const named = namesRollCalls(h);
  const list = el('ol', { id: 'history-days', class: 'history-days' });
  for (const day of h.days) {
    const quiet = day.rollCalls.length === 0;
    const li = el(
      'li',
      { class: `hday${quiet ? ' hday-quiet' : ''}`, 'data-date': day.date },
      el('span', { class: 'hday-date' }, shortDay(day.date, lang)),
    );
    const body = el('div', { class: 'hday-body' });
    if (quiet) body.append(el('p', { class: 'hentry hs-quiet' }, quietDayText(day, lang)));
    for (const e of day.rollCalls) {
      body.append(entryView(day, e, lang, named ? nameOf(e.rollCallId) : null, links));
    }
    li.append(body);
    list.append(li);
  }
  return list;
}
