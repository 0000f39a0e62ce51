import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type * as v from 'valibot';
import { LABELS } from '../../../../core/render/labels';
import type { ExcuseSchema } from '../../../admin-schemas';
import { api } from './api';
import { spanOfWorkdays } from './dates';
import { type Employee, EmployeePicker } from './employee-picker';
import { xt } from './excuses-strings';
import { describedBy, FieldError, type FieldIssues, issuesByField } from './field-issues';
import { dateLabel } from './format';
import { lang } from './state';
import { Alert, errorText } from './ui';

export type Excuse = v.InferOutput<typeof ExcuseSchema>;
export type Kind = Excuse['kind'];

export const KINDS: readonly Kind[] = ['leave', 'sick', 'duty', 'permit', 'other'];
/** The form's fields, in its order: the first one refused takes the focus. */
const FIELDS = ['employeeId', 'from', 'to', 'kind', 'note'] as const;
type Field = (typeof FIELDS)[number];
const CONTROL: Record<Field, string> = {
  employeeId: 'x-employee',
  from: 'x-from',
  to: 'x-to',
  kind: 'x-kind-leave',
  note: 'x-note',
};
/** The lengths offered in one click, in workdays. */
const SPANS = [1, 2, 3, 5] as const;

export function rangeText(from: string, to: string): string {
  const l = lang.value;
  return from === to ? dateLabel(from, l, true) : `${dateLabel(from, l)} – ${dateLabel(to, l)}`;
}

/**
 * One excuse in a few clicks: the employee by name, the first day (today), a length in workdays
 * (or the last day), the kind, a note. What the server refuses is shown at its field.
 */
export function ExcuseForm(p: {
  today: string;
  workdays: readonly number[];
  onSaved: (x: Excuse, who: Employee) => void;
}) {
  const picked = useSignal<Employee | null>(null);
  const from = useSignal(p.today);
  const to = useSignal(p.today);
  const kind = useSignal<Kind>('leave');
  const note = useSignal('');
  const issues = useSignal<FieldIssues<Field>>({});
  const message = useSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const busy = useSignal(false);

  // Today in the deployment's zone arrives with the settings.
  useEffect(() => {
    from.value = p.today;
    to.value = p.today;
  }, [p.today]);

  function setFrom(value: string) {
    const span = SPANS.find((n) => spanOfWorkdays(from.value, n, p.workdays) === to.value) ?? 1;
    from.value = value;
    // The length stays what it was: moving the first day moves the last.
    if (value) to.value = spanOfWorkdays(value, span, p.workdays);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy.value) return;
    const who = picked.value;
    if (!who) {
      issues.value = { employeeId: [xt('pickFirst')] };
      message.value = { tone: 'error', text: xt('fixFields') };
      document.getElementById(CONTROL.employeeId)?.focus();
      return;
    }
    busy.value = true;
    const r = await api<Excuse>('POST', '/v1/excuses', {
      employeeId: who.employeeId,
      from: from.value,
      to: to.value,
      kind: kind.value,
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
    });
    busy.value = false;
    if (!r.ok) {
      const byField = r.error.code === 'VALIDATION_FAILED' ? issuesByField(r.error, FIELDS) : {};
      issues.value = byField;
      const first = FIELDS.find((f) => byField[f]);
      message.value = {
        tone: 'error',
        text: first ? xt('fixFields') : [errorText(r.error), ...(byField[''] ?? [])].join(' '),
      };
      if (first) document.getElementById(CONTROL[first])?.focus();
      return;
    }
    issues.value = {};
    const range = rangeText(r.body.from, r.body.to);
    message.value = {
      tone: 'ok',
      text:
        r.status === 201
          ? xt('saved', { kind: LABELS[lang.value].kinds[r.body.kind], name: who.name, range })
          : xt('already', { name: who.name, range }),
    };
    picked.value = null;
    note.value = '';
    p.onSaved(r.body, who);
  }

  const is = issues.value;
  const l = lang.value;
  return h(
    'form',
    {
      class: 'card excuse-form',
      onSubmit: submit,
      'aria-labelledby': 'x-add-title',
      noValidate: true,
    },
    h('h2', { id: 'x-add-title' }, xt('addTitle')),
    message.value ? h(Alert, { tone: message.value.tone }, message.value.text) : null,
    h(EmployeePicker, {
      id: 'x-employee',
      label: xt('employee'),
      picked: picked.value,
      onPick: (e) => {
        picked.value = e;
        if (e && is.employeeId) issues.value = { ...is, employeeId: undefined };
      },
      errors: is.employeeId,
    }),
    h(
      'div',
      { class: 'row dates' },
      dateField('x-from', xt('from'), from.value, setFrom, is.from),
      dateField(
        'x-to',
        xt('to'),
        to.value,
        (value) => {
          to.value = value;
        },
        is.to,
      ),
    ),
    h(
      'div',
      { class: 'spans', role: 'group', 'aria-label': xt('span') },
      h('span', { class: 'spans-label', 'aria-hidden': 'true' }, xt('span')),
      SPANS.map((n) => {
        const last = spanOfWorkdays(from.value, n, p.workdays);
        return h(
          'button',
          {
            key: n,
            type: 'button',
            class: 'chip',
            'aria-pressed': from.value && to.value === last ? 'true' : 'false',
            disabled: !from.value,
            onClick: () => {
              to.value = last;
            },
          },
          xt('spanDays', { n }),
        );
      }),
    ),
    h(
      'fieldset',
      { class: 'kinds', ...describedBy('x-kind', Boolean(is.kind)) },
      h('legend', null, xt('kind')),
      KINDS.map((k) =>
        h(
          'label',
          { key: k, class: 'check', for: `x-kind-${k}` },
          h('input', {
            id: `x-kind-${k}`,
            type: 'radio',
            name: 'kind',
            value: k,
            checked: kind.value === k,
            onChange: () => {
              kind.value = k;
            },
          }),
          LABELS[l].kinds[k],
        ),
      ),
      h(FieldError, { id: 'x-kind', messages: is.kind }),
    ),
    h(
      'div',
      { class: `field${is.note ? ' invalid' : ''}` },
      h('label', { for: 'x-note' }, xt('note')),
      h('input', {
        id: 'x-note',
        type: 'text',
        class: 'wide',
        maxLength: 500,
        value: note.value,
        ...describedBy('x-note', Boolean(is.note), true),
        onInput: (e: Event) => {
          note.value = (e.currentTarget as HTMLInputElement).value;
        },
      }),
      h('p', { id: 'x-note-hint', class: 'hint' }, xt('noteHint')),
      h(FieldError, { id: 'x-note', messages: is.note }),
    ),
    h(
      'button',
      { type: 'submit', class: 'primary', disabled: busy.value },
      busy.value ? xt('saving') : xt('save'),
    ),
  );
}

function dateField(
  id: string,
  label: string,
  value: string,
  set: (value: string) => void,
  errors: readonly string[] | undefined,
) {
  return h(
    'div',
    { class: `field${errors ? ' invalid' : ''}` },
    h('label', { for: id }, label),
    h('input', {
      id,
      type: 'date',
      required: true,
      value,
      ...describedBy(id, Boolean(errors)),
      onInput: (e: Event) => set((e.currentTarget as HTMLInputElement).value),
    }),
    h(FieldError, { id, messages: errors }),
  );
}
