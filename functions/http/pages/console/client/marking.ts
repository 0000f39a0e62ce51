import { useComputed, useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { api } from './api';
import { describedBy, FieldError, issuesByField } from './field-issues';
import { clockOf, count, dateLabel, todayIn } from './format';
import {
  type AttendanceDay,
  defaultRollCall,
  filterAttendees,
  markable,
  markableRollCalls,
} from './marking-data';
import { PersonRow } from './marking-row';
import { mt } from './marking-strings';
import { rollCallPicker } from './rollcall-picker';
import { listRollCalls } from './rollcalls-api';
import type { RollCall } from './rollcalls-model';
import { config, lang, me } from './state';
import { Alert, errorText, Screen } from './ui';

/** Rows shown at a time: a phone scrolls a short list; the search finds the rest. */
const PAGE = 40;
/** The most attendees asked at once; a larger roll call is searched on the server. */
const LIMIT = 1000;

/**
 * Tandai hadir: the officer at the ground picks the roll call (today's open one first), finds a
 * person by typing part of the name, taps them and marks them present with a reason
 * (PUT /v1/attendance/{date}/{rollCallId}/{employeeId}), or withdraws a mark (DELETE). Operators
 * and admins also choose an earlier date and the status. What is allowed is the server's call.
 */
export function Marking() {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const today = todayIn(tz);
  const roles = me.value?.roles ?? [];
  const canChoose = roles.includes('admin') || roles.includes('operator');
  const rollCalls = useSignal<RollCall[] | null>(null);
  const chosen = useSignal('');
  const date = useSignal(today);
  const day = useSignal<AttendanceDay | null>(null);
  const error = useSignal<string | null>(null);
  const dateIssues = useSignal<string[] | undefined>(undefined);
  const query = useSignal('');
  const onlyAbsent = useSignal(false);
  const open = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  const rows = useSignal(PAGE);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const base = () => `/v1/attendance/${date.value}/${encodeURIComponent(chosen.value)}`;

  async function load(q = '') {
    if (!chosen.value) return;
    const asked = base();
    const search = q.trim() ? `&q=${encodeURIComponent(q.trim())}` : '';
    const r = await api<AttendanceDay>('GET', `${asked}?limit=${LIMIT}${search}`);
    if (asked !== base()) return; // another roll call or date was picked meanwhile
    if (r.ok) {
      day.value = r.body;
      error.value = null;
      return;
    }
    day.value = null;
    const by = issuesByField(r.error, ['date'] as const);
    if (by.date && canChoose) dateIssues.value = by.date;
    else error.value = errorText(r.error);
  }

  useEffect(() => {
    void listRollCalls().then((r) => {
      if (!r.ok) {
        error.value = errorText(r.error);
        rollCalls.value = [];
        return;
      }
      const mine = markableRollCalls(r.body, roles, me.value?.rollCallIds ?? []);
      rollCalls.value = mine;
      chosen.value = defaultRollCall(mine, today, clockOf(Date.now(), tz, 'en'));
    });
  }, []);

  useEffect(() => {
    day.value = null;
    open.value = null;
    error.value = null;
    dateIssues.value = undefined;
    rows.value = PAGE;
    void load();
  }, [chosen.value, date.value]);

  // The whole roll call is here: the filter is the browser's, as one types.
  const complete = day.value ? day.value.items.length >= day.value.total : true;
  const shown = useComputed(() =>
    filterAttendees(day.value?.items ?? [], query.value, onlyAbsent.value),
  );

  function typed(q: string) {
    query.value = q;
    rows.value = PAGE;
    if (complete) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(q), 250);
  }

  const l = lang.value;
  const d = day.value;
  const list = rollCalls.value;
  const absent = d ? d.items.filter(markable).length : 0;
  return h(
    Screen,
    { title: mt('title'), lead: mt('lead') },
    canChoose ? h('p', { class: 'hint mk-lead' }, mt('leadOperator')) : null,
    list && list.length === 0 && !error.value
      ? h(Alert, { tone: 'info' }, mt('noRollCalls'))
      : null,
    h(
      'div',
      { class: 'card mk-controls' },
      list && list.length > 0
        ? rollCallPicker(list, chosen.value, (id) => {
            chosen.value = id;
          })
        : null,
      canChoose
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: 'mk-date' }, mt('date')),
            h('input', {
              id: 'mk-date',
              type: 'date',
              value: date.value,
              max: today,
              onChange: (e: Event) => {
                const v = (e.currentTarget as HTMLInputElement).value;
                if (v) date.value = v;
              },
              ...describedBy('mk-date', Boolean(dateIssues.value), true),
            }),
            h('p', { id: 'mk-date-hint', class: 'hint' }, mt('dateHint')),
            h(FieldError, { id: 'mk-date', messages: dateIssues.value }),
          )
        : h('p', { class: 'mk-today' }, dateLabel(today, l, true)),
      h(
        'div',
        { class: 'field mk-search' },
        h('label', { for: 'mk-q' }, mt('search')),
        h('input', {
          id: 'mk-q',
          type: 'search',
          value: query.value,
          autocomplete: 'off',
          enterKeyHint: 'search',
          'aria-describedby': 'mk-q-hint',
          'aria-controls': 'mk-list',
          onInput: (e: Event) => typed((e.currentTarget as HTMLInputElement).value),
        }),
        h('p', { id: 'mk-q-hint', class: 'hint' }, mt('searchHint')),
      ),
      h(
        'label',
        { class: 'mk-only' },
        h('input', {
          type: 'checkbox',
          checked: onlyAbsent.value,
          onChange: (e: Event) => {
            onlyAbsent.value = (e.currentTarget as HTMLInputElement).checked;
            rows.value = PAGE;
          },
        }),
        mt('onlyAbsent'),
      ),
    ),
    error.value ? h(Alert, { tone: 'error' }, error.value) : null,
    done.value ? h(Alert, { tone: 'ok' }, done.value) : null,
    !d && !error.value && !dateIssues.value && chosen.value
      ? h('p', { class: 'muted' }, mt('loading'))
      : null,
    d && !d.held
      ? h(
          Alert,
          { tone: 'info' },
          mt('notHeld', { name: d.rollCallName, date: dateLabel(d.date, l) }),
        )
      : null,
    d?.held
      ? [
          h(
            'p',
            { key: 'count', class: 'hint', id: 'mk-count', role: 'status' },
            mt('count', {
              shown: count(shown.value.length, l),
              total: count(d.total, l),
              absent: count(absent, l),
            }),
          ),
          shown.value.length === 0
            ? h('p', { key: 'none', class: 'card muted' }, mt('none'))
            : h(
                'ul',
                { key: 'list', class: 'mk-list', id: 'mk-list', 'aria-label': mt('listLabel') },
                shown.value.slice(0, rows.value).map((a) =>
                  h(PersonRow, {
                    key: a.employeeId,
                    person: a,
                    open: open.value === a.employeeId,
                    toggle: () => {
                      open.value = open.value === a.employeeId ? null : a.employeeId;
                      done.value = null;
                    },
                    base: base(),
                    canChoose,
                    onChanged: (message) => {
                      done.value = message;
                      if (message) dateIssues.value = undefined;
                      void load(complete ? '' : query.value);
                    },
                    onDateRefused: (m) => {
                      dateIssues.value = m;
                      // The refusal sits at the date, above: the focus goes there.
                      if (m?.length) document.getElementById('mk-date')?.focus();
                    },
                  }),
                ),
              ),
          shown.value.length > rows.value
            ? h(
                'button',
                {
                  key: 'more',
                  type: 'button',
                  class: 'mk-more',
                  onClick: () => {
                    rows.value += PAGE;
                  },
                },
                mt('more', { n: Math.min(PAGE, shown.value.length - rows.value) }),
              )
            : null,
        ]
      : null,
  );
}
