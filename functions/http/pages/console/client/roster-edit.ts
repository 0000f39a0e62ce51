import { useSignal } from '@preact/signals';
import { h } from 'preact';
import type { Employee } from '../../../../core/model';
import { api } from './api';
import { rt } from './roster-strings';
import { Alert, errorText } from './ui';

export interface Ground {
  readonly siteId: string;
  readonly name: string;
}

/**
 * One employee's form: edit (PATCH /v1/employees/{id}: name, unit, grounds, active) or add
 * (PUT /v1/employees/{id}, after checking the NIP is not already taken). The server's refusals
 * are shown by field.
 */
export function EmployeeForm(p: {
  employee: Employee | null;
  grounds: readonly Ground[];
  onDone: (saved: Employee | null, created: boolean) => void;
}) {
  const e = p.employee;
  const nip = useSignal(e?.employeeId ?? '');
  const name = useSignal(e?.name ?? '');
  const unit = useSignal(e?.unit ?? '');
  const siteIds = useSignal<string[]>(
    e ? [...e.siteIds] : p.grounds.length === 1 ? [p.grounds[0]?.siteId as string] : [],
  );
  const active = useSignal(e?.active ?? true);
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const issues = useSignal<Record<string, string>>({});

  async function submit(ev: Event) {
    ev.preventDefault();
    if (busy.value) return;
    if (siteIds.value.length === 0) {
      issues.value = { siteIds: rt('pickGround') };
      return;
    }
    busy.value = true;
    error.value = null;
    issues.value = {};
    const body = {
      name: name.value,
      unit: unit.value,
      siteIds: siteIds.value,
      active: active.value,
    };
    const id = encodeURIComponent(nip.value.trim());
    if (!e) {
      const taken = await api<Employee>('GET', `/v1/employees/${id}`);
      if (taken.ok) {
        busy.value = false;
        error.value = rt('exists', { id: taken.body.employeeId, name: taken.body.name });
        return;
      }
    }
    const r = e
      ? await api<Employee>('PATCH', `/v1/employees/${id}`, body)
      : await api<Employee>('PUT', `/v1/employees/${id}`, body);
    busy.value = false;
    if (!r.ok) {
      const byField: Record<string, string> = {};
      for (const i of r.error.details?.issues ?? []) byField[i.path || 'employeeId'] = i.message;
      issues.value = byField;
      error.value = errorText(r.error);
      return;
    }
    p.onDone(r.body, !e);
  }

  const fieldError = (key: string) =>
    issues.value[key]
      ? h('p', { class: 'field-error', id: `emp-${key}-error` }, issues.value[key])
      : null;
  const invalid = (key: string) =>
    issues.value[key] ? { 'aria-invalid': 'true', 'aria-describedby': `emp-${key}-error` } : {};
  const text = (key: 'employeeId' | 'name' | 'unit', label: string, value: typeof name) =>
    h(
      'div',
      { class: 'field grow' },
      h('label', { for: `emp-${key}` }, label),
      h('input', {
        id: `emp-${key}`,
        type: 'text',
        required: true,
        maxLength: 200,
        value: value.value,
        disabled: key === 'employeeId' && e !== null,
        onInput: (x: Event) => {
          value.value = (x.currentTarget as HTMLInputElement).value;
        },
        ...invalid(key),
      }),
      fieldError(key),
    );

  return h(
    'form',
    { class: 'card employee-form', onSubmit: submit, 'aria-labelledby': 'emp-title' },
    h('h2', { id: 'emp-title' }, e ? rt('editTitle', { name: e.name }) : rt('addTitle')),
    error.value ? h(Alert, { tone: 'error' }, error.value) : null,
    h(
      'div',
      { class: 'row' },
      text('employeeId', rt('nip'), nip),
      text('name', rt('name'), name),
      text('unit', rt('unit'), unit),
    ),
    h(
      'fieldset',
      { ...invalid('siteIds') },
      h('legend', null, rt('grounds')),
      p.grounds.length === 0
        ? h('p', { class: 'muted' }, rt('noGrounds'))
        : h(
            'div',
            { class: 'days' },
            p.grounds.map((g) =>
              h(
                'label',
                { class: 'check', key: g.siteId },
                h('input', {
                  type: 'checkbox',
                  checked: siteIds.value.includes(g.siteId),
                  onChange: (x: Event) => {
                    const on = (x.currentTarget as HTMLInputElement).checked;
                    siteIds.value = on
                      ? [...siteIds.value, g.siteId]
                      : siteIds.value.filter((s) => s !== g.siteId);
                  },
                }),
                g.name,
              ),
            ),
          ),
      fieldError('siteIds'),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        id: 'emp-active',
        type: 'checkbox',
        checked: active.value,
        onChange: (x: Event) => {
          active.value = (x.currentTarget as HTMLInputElement).checked;
        },
      }),
      rt('activeCheck'),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'submit', class: 'primary', disabled: busy.value },
        busy.value ? rt('saving') : rt('save'),
      ),
      h('button', { type: 'button', onClick: () => p.onDone(null, false) }, rt('cancel')),
    ),
  );
}
