import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { actionText, ta } from './audit-strings';
import { addDays } from './dates';
import { clockOf, dateLabel, todayIn } from './format';
import { config, lang } from './state';
import { Alert, errorText, Screen } from './ui';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Entry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly before?: Json;
  readonly after?: Json;
}

interface Page {
  readonly from: string;
  readonly to: string;
  readonly items: Entry[];
  readonly cursor?: string;
}

const PAGE = 50;

/** Jejak audit: the changes, searched by person, subject and dates; before → after in words. */
export function Audit() {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const today = todayIn(tz);
  const from = useSignal(addDays(today, -29));
  const to = useSignal(today);
  const actor = useSignal('');
  const subject = useSignal('');
  const items = useSignal<Entry[] | null>(null);
  const range = useSignal<{ from: string; to: string } | null>(null);
  const cursor = useSignal<string | undefined>(undefined);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

  function query(next?: string) {
    const q = new URLSearchParams({ from: from.value, to: to.value, limit: String(PAGE) });
    if (actor.value.trim()) q.set('actor', actor.value.trim());
    if (subject.value.trim()) q.set('subject', subject.value.trim());
    if (next) q.set('cursor', next);
    return `/v1/audit?${q}`;
  }

  async function load(more = false) {
    if (busy.value) return;
    busy.value = true;
    const r = await api<Page>('GET', query(more ? cursor.value : undefined));
    busy.value = false;
    if (!r.ok) {
      error.value = r.error.details?.issues?.map((i) => i.message).join(' ') || errorText(r.error);
      return;
    }
    error.value = null;
    items.value = more ? [...(items.value ?? []), ...r.body.items] : r.body.items;
    range.value = { from: r.body.from, to: r.body.to };
    cursor.value = r.body.cursor;
  }
  useEffect(() => {
    void load();
  }, []);

  const l = lang.value;
  const field = (
    key: 'actor' | 'subject' | 'from' | 'to',
    value: { value: string },
    type: string,
    hint?: string,
  ) =>
    h(
      'div',
      { class: key === 'subject' ? 'field grow' : 'field' },
      h('label', { for: `audit-${key}` }, ta(key)),
      h('input', {
        id: `audit-${key}`,
        type,
        value: value.value,
        ...(hint ? { 'aria-describedby': `audit-${key}-hint` } : {}),
        onInput: (e: Event) => {
          value.value = (e.currentTarget as HTMLInputElement).value;
        },
      }),
      hint ? h('p', { class: 'hint', id: `audit-${key}-hint` }, hint) : null,
    );

  return h(
    Screen,
    { title: ta('title'), lead: ta('lead') },
    h(
      'form',
      {
        class: 'card inline-form',
        'aria-labelledby': 'audit-search-title',
        onSubmit: (e: Event) => {
          e.preventDefault();
          void load();
        },
      },
      h('h2', { id: 'audit-search-title' }, ta('searchTitle')),
      h(
        'div',
        { class: 'row' },
        field('actor', actor, 'text'),
        field('subject', subject, 'text', ta('subjectHint')),
      ),
      h(
        'div',
        { class: 'row' },
        field('from', from, 'date'),
        field('to', to, 'date'),
        h('button', { type: 'submit', class: 'primary', disabled: busy.value }, ta('search')),
      ),
    ),
    error.value ? h(Alert, { tone: 'error' }, error.value) : null,
    items.value && range.value
      ? h(
          'p',
          { class: 'muted', role: 'status' },
          items.value.length === 0
            ? ta('none')
            : ta('shown', {
                n: items.value.length,
                from: dateLabel(range.value.from, l),
                to: dateLabel(range.value.to, l),
              }),
        )
      : null,
    items.value && items.value.length > 0
      ? h(
          'div',
          { class: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': ta('title') },
          h(
            'table',
            { id: 'audit' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, ta('when')),
                h('th', { scope: 'col' }, ta('who')),
                h('th', { scope: 'col' }, ta('what')),
                h('th', { scope: 'col' }, ta('change')),
              ),
            ),
            h(
              'tbody',
              null,
              items.value.map((e) =>
                h(
                  'tr',
                  { key: e.id },
                  h(
                    'td',
                    { class: 'audit-when' },
                    `${dateLabel(localDate(e.at, tz), l)} ${clockOf(e.at, tz, l, true)}`,
                  ),
                  h('td', null, e.actor === 'system' ? ta('system') : e.actor),
                  h(
                    'th',
                    { scope: 'row' },
                    actionText(e.action),
                    h('br', null),
                    h('code', { class: 'audit-subject' }, e.subject),
                  ),
                  h('td', null, h(Change, { entry: e })),
                ),
              ),
            ),
          ),
        )
      : null,
    cursor.value
      ? h(
          'p',
          { class: 'pager' },
          h(
            'button',
            { type: 'button', disabled: busy.value, onClick: () => void load(true) },
            ta('more'),
          ),
        )
      : null,
  );
}

function localDate(iso: string, tz: string): string {
  return todayIn(tz, new Date(iso));
}

/** One field of a record in a line: scalars as they are, lists joined, the rest as JSON. */
function show(x: Json | undefined): string {
  if (x === undefined || x === null) return '—';
  if (typeof x === 'object' && !Array.isArray(x) && typeof x.omitted === 'string') {
    return ta('omitted', { bytes: String(x.bytes ?? '?') });
  }
  if (Array.isArray(x) && x.every((v) => typeof v !== 'object' || v === null)) {
    return x.length === 0 ? '—' : x.join(', ');
  }
  const s = typeof x === 'object' ? JSON.stringify(x) : String(x);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

const isRecord = (x: Json | undefined): x is { [k: string]: Json } =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Before → after, one line a field that differs; a record made or removed says so. */
function Change(p: { entry: Entry }) {
  const { before, after } = p.entry;
  const b = isRecord(before) && typeof before.omitted !== 'string' ? before : null;
  const a = isRecord(after) && typeof after.omitted !== 'string' ? after : null;
  if (!b && !a) {
    return h(
      'ul',
      { class: 'diff' },
      h('li', null, h('del', null, show(before)), ' → ', h('ins', null, show(after))),
    );
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter(
    (k) => JSON.stringify(b?.[k]) !== JSON.stringify(a?.[k]),
  );
  const head = !b && before !== undefined && before !== null ? show(before) : null;
  return h(
    'div',
    null,
    before === null ? h('p', { class: 'audit-tag' }, ta('created')) : null,
    after === null ? h('p', { class: 'audit-tag' }, ta('removed')) : null,
    head ? h('p', null, h('del', null, head)) : null,
    keys.length === 0 && b && a ? h('p', { class: 'muted' }, ta('same')) : null,
    h(
      'ul',
      { class: 'diff' },
      keys.map((k) =>
        h(
          'li',
          { key: k },
          `${k}: `,
          b ? h('del', null, show(b[k])) : null,
          b ? ' → ' : null,
          h('ins', null, a ? show(a[k]) : '—'),
        ),
      ),
    ),
  );
}
