import type { Signal } from '@preact/signals';
import { h } from 'preact';
import { LABELS } from '../../../../core/render/labels';
import { describedBy, FieldError } from './field-issues';
import type { MarkField, MarkStatus } from './marking-data';
import { mt } from './marking-strings';
import { lang } from './state';

const KINDS = ['leave', 'sick', 'duty', 'permit', 'other'] as const;

export type Issues = Partial<Record<MarkField | '', string[]>>;

/**
 * The operator's and admin's part of the marking form: how the person is recorded (on time,
 * late with the time of arrival, excused with its kind), each with the server's refusal under it.
 */
export function StatusFields(p: {
  slug: string;
  status: Signal<MarkStatus>;
  at: Signal<string>;
  kind: Signal<string>;
  issues: Issues;
  settled: (f: MarkField) => void;
}) {
  const { status, at, kind, settled } = p;
  const is = p.issues;
  const field = (f: MarkField) => `${p.slug}-${f}`;
  return h(
    'div',
    { class: 'mk-row' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: field('status') }, mt('status')),
      h(
        'select',
        {
          id: field('status'),
          value: status.value,
          onChange: (e: Event) => {
            status.value = (e.currentTarget as HTMLSelectElement).value as MarkStatus;
          },
          ...describedBy(field('status'), Boolean(is.status)),
        },
        (['on_time', 'late', 'excused'] as const).map((s) =>
          h('option', { key: s, value: s }, mt(s)),
        ),
      ),
      h(FieldError, { id: field('status'), messages: is.status }),
    ),
    status.value === 'late'
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: field('at') }, mt('at')),
          h('input', {
            id: field('at'),
            type: 'time',
            value: at.value,
            onInput: (e: Event) => {
              at.value = (e.currentTarget as HTMLInputElement).value;
              settled('at');
            },
            ...describedBy(field('at'), Boolean(is.at), true),
          }),
          h('p', { id: `${field('at')}-hint`, class: 'hint' }, mt('atHint')),
          h(FieldError, { id: field('at'), messages: is.at }),
        )
      : null,
    status.value === 'excused'
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: field('kind') }, mt('kind')),
          h(
            'select',
            {
              id: field('kind'),
              value: kind.value,
              onChange: (e: Event) => {
                kind.value = (e.currentTarget as HTMLSelectElement).value;
              },
              ...describedBy(field('kind'), Boolean(is.kind)),
            },
            KINDS.map((k) => h('option', { key: k, value: k }, LABELS[lang.value].kinds[k])),
          ),
          h(FieldError, { id: field('kind'), messages: is.kind }),
        )
      : null,
  );
}
