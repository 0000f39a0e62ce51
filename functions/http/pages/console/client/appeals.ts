import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { type Appeal, AppealCard } from './appeals-card';
import { at } from './appeals-strings';
import { describedBy, FieldError, issuesByField } from './field-issues';
import { Alert, errorText, Screen } from './ui';

/**
 * The Sanggahan / Appeals inbox: GET /v1/appeals as the API orders it (open first, oldest first),
 * filtered by status, date and unit, a page at a time; each open appeal decided in its card.
 */

const FIELDS = ['status', 'date', 'unit'] as const;
type Filters = { status: string; date: string; unit: string };
const NONE: Filters = { status: '', date: '', unit: '' };

function query(f: Filters, cursor?: string): string {
  const q = new URLSearchParams();
  for (const k of FIELDS) if (f[k].trim()) q.set(k, f[k].trim());
  if (cursor) q.set('cursor', cursor);
  const s = q.toString();
  return `/v1/appeals${s ? `?${s}` : ''}`;
}

export function Appeals() {
  const draft = useSignal<Filters>(NONE);
  const applied = useSignal<Filters>(NONE);
  const items = useSignal<Appeal[] | null>(null);
  const cursor = useSignal<string | undefined>(undefined);
  const issues = useSignal<Partial<Record<(typeof FIELDS)[number] | '', string[]>>>({});
  const error = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);

  async function load(more = false) {
    const r = await api<{ items: Appeal[]; cursor?: string }>(
      'GET',
      query(applied.value, more ? cursor.value : undefined),
    );
    if (!r.ok) {
      const by = issuesByField(r.error, FIELDS);
      const placed = FIELDS.some((f) => by[f]);
      issues.value = by;
      // A unit the operator does not handle is the unit field's refusal.
      if (!placed && r.error.code === 'FORBIDDEN' && applied.value.unit) {
        issues.value = { unit: [errorText(r.error)] };
      } else if (!placed) error.value = errorText(r.error);
      if (!more) items.value = [];
      return;
    }
    items.value = more ? [...(items.value ?? []), ...r.body.items] : r.body.items;
    cursor.value = r.body.cursor;
  }

  useEffect(() => {
    items.value = null;
    issues.value = {};
    error.value = null;
    void load();
  }, [applied.value]);

  const set = (k: (typeof FIELDS)[number]) => (e: Event) => {
    draft.value = { ...draft.value, [k]: (e.currentTarget as HTMLInputElement).value };
  };
  const is = issues.value;
  const list = items.value;
  return h(
    Screen,
    { title: at('title'), lead: at('lead') },
    h(
      'form',
      {
        class: 'card appeal-filters',
        'aria-label': at('filters'),
        noValidate: true,
        onSubmit: (e: Event) => {
          e.preventDefault();
          done.value = null;
          applied.value = { ...draft.value };
        },
      },
      h(
        'div',
        { class: 'row' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'ap-status' }, at('status')),
          h(
            'select',
            {
              id: 'ap-status',
              value: draft.value.status,
              onChange: set('status'),
              ...describedBy('ap-status', Boolean(is.status)),
            },
            h('option', { value: '' }, at('anyStatus')),
            (['open', 'accepted', 'rejected'] as const).map((s) =>
              h('option', { key: s, value: s }, at(s)),
            ),
          ),
          h(FieldError, { id: 'ap-status', messages: is.status }),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'ap-date' }, at('date')),
          h('input', {
            id: 'ap-date',
            type: 'date',
            value: draft.value.date,
            onInput: set('date'),
            ...describedBy('ap-date', Boolean(is.date)),
          }),
          h(FieldError, { id: 'ap-date', messages: is.date }),
        ),
        h(
          'div',
          { class: 'field grow' },
          h('label', { for: 'ap-unit' }, at('unit')),
          h('input', {
            id: 'ap-unit',
            type: 'text',
            value: draft.value.unit,
            onInput: set('unit'),
            ...describedBy('ap-unit', Boolean(is.unit), true),
          }),
          h('p', { id: 'ap-unit-hint', class: 'hint' }, at('unitHint')),
          h(FieldError, { id: 'ap-unit', messages: is.unit }),
        ),
      ),
      h(
        'div',
        { class: 'row-actions' },
        h('button', { type: 'submit', class: 'primary' }, at('show')),
        h(
          'button',
          {
            type: 'button',
            onClick: () => {
              draft.value = NONE;
              applied.value = NONE;
            },
          },
          at('clear'),
        ),
      ),
    ),
    error.value ? h(Alert, { tone: 'error' }, error.value) : null,
    done.value ? h(Alert, { tone: 'ok' }, done.value) : null,
    list === null
      ? null
      : list.length === 0
        ? h('p', { class: 'card muted', id: 'appeals-none' }, at('none'))
        : [
            h(
              'p',
              { key: 'count', class: 'hint', role: 'status' },
              at('count', { n: list.length }),
            ),
            h(
              'ul',
              { key: 'list', class: 'appeals', id: 'appeals-inbox' },
              list.map((a) =>
                h(AppealCard, {
                  key: `${a.appealId}.${a.status}`,
                  appeal: a,
                  onDecided: (next, text) => {
                    items.value = (items.value ?? []).map((x) =>
                      x.appealId === next.appealId ? next : x,
                    );
                    done.value = text;
                  },
                }),
              ),
            ),
            cursor.value
              ? h(
                  'button',
                  { key: 'more', type: 'button', onClick: () => void load(true) },
                  at('more'),
                )
              : null,
          ],
  );
}
