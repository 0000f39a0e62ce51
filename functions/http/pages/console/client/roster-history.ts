import { useSignal } from '@preact/signals';
import { type ComponentChildren, h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Employee } from '../../../../core/model';
import {
  type History,
  historyText,
  methodText,
  monthLabel,
  namesRollCalls,
  quietDayText,
  recentMonths,
  shortDay,
  statusText,
  TOTAL_KEYS,
  totalsOf,
} from '../../shared/history-model';
import type { HistoryKey } from '../../shared/history-strings';
import { api } from './api';
import { todayIn } from './format';
import { listRollCalls } from './rollcalls-api';
import { config, lang } from './state';
import { Alert, errorText } from './ui';

/**
 * An employee's month from the roster (GET /v1/employees/{id}/history): the same month view as
 * the check-in page's Riwayat (totals, then each day's roll calls with status and method), with
 * a month picker. The server decides who may see whom (an operator their units' employees).
 */

const ht = (key: HistoryKey, vars?: Record<string, string | number>) =>
  historyText(lang.value, key, vars);

export function RosterHistory(p: { employee: Employee; onClose: () => void }) {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const current = todayIn(tz).slice(0, 7);
  const month = useSignal(current);
  const data = useSignal<History | null>(null);
  const error = useSignal<string | null>(null);
  const names = useSignal<ReadonlyMap<string, string>>(new Map());
  const id = p.employee.employeeId;

  useEffect(() => {
    let live = true;
    data.value = null;
    error.value = null;
    const path = `/v1/employees/${encodeURIComponent(id)}/history?month=${month.value}`;
    void api<History>('GET', path).then((r) => {
      if (!live) return;
      if (r.ok) data.value = r.body;
      else error.value = errorText(r.error);
    });
    return () => {
      live = false;
    };
  }, [id, month.value]);

  useEffect(() => {
    void listRollCalls().then((r) => {
      if (r.ok) names.value = new Map(r.body.map((rc) => [rc.id, rc.name]));
    });
  }, []);

  const h0 = data.value;
  return h(
    'section',
    { class: 'card roster-history', id: 'roster-history', 'aria-labelledby': 'history-title' },
    h(
      'div',
      { class: 'history-head' },
      h('h2', { id: 'history-title', tabIndex: -1 }, ht('of', { name: p.employee.name })),
      h('button', { type: 'button', onClick: p.onClose }, ht('close')),
    ),
    h('p', { class: 'muted' }, `${p.employee.employeeId} · ${p.employee.unit}`),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'history-month' }, ht('month')),
      h(
        'select',
        {
          id: 'history-month',
          value: month.value,
          onChange: (e: Event) => {
            month.value = (e.currentTarget as HTMLSelectElement).value;
          },
        },
        recentMonths(current).map((m) =>
          h('option', { key: m, value: m }, monthLabel(m, lang.value)),
        ),
      ),
    ),
    error.value ? h(Alert, { tone: 'error' }, ht('failed', { why: error.value })) : null,
    !h0 && !error.value ? h('p', { class: 'muted', role: 'status' }, ht('loading')) : null,
    h0 ? h(MonthView, { history: h0, nameOf: (rc: string) => names.value.get(rc) ?? rc }) : null,
  );
}

function MonthView(p: { history: History; nameOf: (rollCallId: string) => string }) {
  const l = lang.value;
  const t = totalsOf(p.history);
  const named = namesRollCalls(p.history);
  return h(
    'div',
    null,
    h(
      'ul',
      {
        class: 'history-totals',
        id: 'history-totals',
        'aria-label': ht('totals', { month: monthLabel(p.history.month, l) }),
      },
      TOTAL_KEYS.filter((k) => k !== 'pending' || t.pending > 0).map((k) =>
        h(
          'li',
          { key: k, class: `htotal hs-${k}`, 'data-count': k },
          h('span', { class: 'num' }, String(t[k])),
          h('span', null, ht(k)),
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      ht('ofRollCalls', { n: t.rollCalls, marked: t.manual, appealed: t.appeal }),
    ),
    t.pending > 0 ? h('p', { class: 'muted' }, ht('pendingHintStaff')) : null,
    p.history.days.length === 0
      ? h('p', { class: 'muted' }, ht('empty'))
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'history-days', class: 'history-days' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, ht('date')),
                named ? h('th', { scope: 'col' }, ht('rollCall')) : null,
                h('th', { scope: 'col' }, ht('status')),
                h('th', { scope: 'col' }, ht('method')),
              ),
            ),
            h(
              'tbody',
              null,
              p.history.days.map(
                (d): ComponentChildren =>
                  d.rollCalls.length === 0
                    ? [
                        h(
                          'tr',
                          { key: d.date, 'data-date': d.date, class: 'hday-quiet' },
                          h('th', { scope: 'row' }, shortDay(d.date, l)),
                          h('td', { colSpan: named ? 3 : 2 }, quietDayText(d, l)),
                        ),
                      ]
                    : d.rollCalls.map((e) =>
                        h(
                          'tr',
                          {
                            key: `${d.date}.${e.rollCallId}`,
                            'data-date': d.date,
                            'data-status': e.status,
                            class: `hs-${e.status}`,
                          },
                          h('th', { scope: 'row' }, shortDay(d.date, l)),
                          named ? h('td', null, p.nameOf(e.rollCallId)) : null,
                          h('td', null, h('strong', { class: 'hs' }, statusText(e, l))),
                          h('td', null, methodText(e, l)),
                        ),
                      ),
              ),
            ),
          ),
        ),
  );
}
