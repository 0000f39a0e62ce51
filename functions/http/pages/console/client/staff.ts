import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { StaffRecord } from '../../../../core/staff';
import { api } from './api';
import { ConfirmButton } from './confirm';
import { listRollCalls } from './rollcalls-api';
import type { RollCall } from './rollcalls-model';
import { st } from './staff-strings';
import { Alert, errorText, Screen } from './ui';

type Note = { tone: 'ok' | 'error'; text: string } | null;

/** Every unit the roster names, read a page at a time (1,000 to a page). */
async function rosterUnits(): Promise<string[]> {
  const units = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const q = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
    const r = await api<{ items: { unit: string }[]; cursor?: string }>(
      'GET',
      `/v1/employees?${q}`,
    );
    if (!r.ok) break;
    for (const e of r.body.items) units.add(e.unit);
    cursor = r.body.cursor;
    if (!cursor) break;
  }
  return [...units].sort((a, b) => a.localeCompare(b, 'id'));
}

const toggle = (xs: readonly string[], x: string) =>
  xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];

/**
 * Staf: who operates which units and who officiates which roll calls. Units come from the roster
 * (GET /v1/employees), roll calls from GET /v1/rollcalls; a grant is PUT /v1/staff/{userId},
 * a revocation DELETE.
 */
export function Staff() {
  const items = useSignal<StaffRecord[] | null>(null);
  const units = useSignal<string[] | null>(null);
  const rollCalls = useSignal<RollCall[]>([]);
  const note = useSignal<Note>(null);
  const editing = useSignal<string | null>(null);
  const userId = useSignal('');
  const name = useSignal('');
  const operator = useSignal(false);
  const officer = useSignal(false);
  const chosenUnits = useSignal<string[]>([]);
  const chosenRollCalls = useSignal<string[]>([]);

  async function load() {
    const r = await api<{ items: StaffRecord[] }>('GET', '/v1/staff');
    if (r.ok) items.value = r.body.items;
    else note.value = { tone: 'error', text: errorText(r.error) };
  }

  useEffect(() => {
    void load();
    void rosterUnits().then((u) => {
      units.value = u;
    });
    void listRollCalls().then((r) => {
      if (r.ok) rollCalls.value = r.body;
    });
  }, []);

  function edit(r: StaffRecord) {
    editing.value = r.userId;
    userId.value = r.userId;
    name.value = r.name ?? '';
    operator.value = r.roles.includes('operator');
    officer.value = r.roles.includes('officer');
    chosenUnits.value = [...r.units];
    chosenRollCalls.value = [...r.rollCallIds];
    note.value = null;
    requestAnimationFrame(() => document.getElementById('staff-name')?.focus());
  }

  function reset() {
    editing.value = null;
    userId.value = '';
    name.value = '';
    operator.value = false;
    officer.value = false;
    chosenUnits.value = [];
    chosenRollCalls.value = [];
  }

  async function save(e: Event) {
    e.preventDefault();
    const roles = [...(operator.value ? ['operator'] : []), ...(officer.value ? ['officer'] : [])];
    const body = {
      roles,
      units: operator.value ? chosenUnits.value : [],
      rollCallIds: officer.value ? chosenRollCalls.value : [],
      ...(name.value.trim() ? { name: name.value.trim() } : {}),
    };
    if (roles.length === 0) {
      note.value = { tone: 'error', text: st('pickRole') };
      return;
    }
    const who = userId.value.trim();
    const r = await api<StaffRecord>('PUT', `/v1/staff/${encodeURIComponent(who)}`, body);
    if (!r.ok) {
      const issues = r.error.details?.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
      note.value = {
        tone: 'error',
        text: issues ? `${errorText(r.error)} ${issues}` : errorText(r.error),
      };
      return;
    }
    note.value = { tone: 'ok', text: st('saved', { who }) };
    reset();
    await load();
  }

  async function revoke(r: StaffRecord) {
    const a = await api<StaffRecord>('DELETE', `/v1/staff/${encodeURIComponent(r.userId)}`);
    note.value = a.ok
      ? { tone: 'ok', text: st('revoked', { who: r.name ?? r.userId }) }
      : { tone: 'error', text: errorText(a.error) };
    if (editing.value === r.userId) reset();
    await load();
  }

  const rcName = (id: string) => rollCalls.value.find((rc) => rc.id === id)?.name ?? id;
  const list = items.value;
  return h(
    Screen,
    { title: st('title'), lead: st('lead') },
    note.value ? h(Alert, { tone: note.value.tone }, note.value.text) : null,
    h(
      'form',
      { class: 'card', id: 'staff-form', onSubmit: save, 'aria-labelledby': 'staff-form-title' },
      h(
        'h2',
        { id: 'staff-form-title' },
        editing.value ? st('formEditTitle', { who: editing.value }) : st('formTitle'),
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'staff-user' }, st('userId')),
          h('input', {
            id: 'staff-user',
            required: true,
            value: userId.value,
            readOnly: editing.value !== null,
            'aria-describedby': 'staff-user-hint',
            onInput: (e: Event) => {
              userId.value = (e.target as HTMLInputElement).value;
            },
          }),
          h('p', { class: 'hint', id: 'staff-user-hint' }, st('userHint')),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'staff-name' }, st('name')),
          h('input', {
            id: 'staff-name',
            value: name.value,
            onInput: (e: Event) => {
              name.value = (e.target as HTMLInputElement).value;
            },
          }),
        ),
      ),
      h(
        'fieldset',
        null,
        h(
          'legend',
          null,
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              id: 'staff-operator',
              checked: operator.value,
              onChange: () => {
                operator.value = !operator.value;
              },
            }),
            st('asOperator'),
          ),
        ),
        units.value === null
          ? h('p', { class: 'muted' }, st('unitsLoading'))
          : h(
              'div',
              { class: 'days' },
              units.value.map((u) =>
                h(
                  'label',
                  { class: 'check', key: u },
                  h('input', {
                    type: 'checkbox',
                    name: 'unit',
                    value: u,
                    disabled: !operator.value,
                    checked: chosenUnits.value.some((x) => x.toLowerCase() === u.toLowerCase()),
                    onChange: () => {
                      chosenUnits.value = toggle(chosenUnits.value, u);
                    },
                  }),
                  u,
                ),
              ),
            ),
      ),
      h(
        'fieldset',
        null,
        h(
          'legend',
          null,
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              id: 'staff-officer',
              checked: officer.value,
              onChange: () => {
                officer.value = !officer.value;
              },
            }),
            st('asOfficer'),
          ),
        ),
        h(
          'div',
          { class: 'days' },
          rollCalls.value.map((rc) =>
            h(
              'label',
              { class: 'check', key: rc.id },
              h('input', {
                type: 'checkbox',
                name: 'rollCall',
                value: rc.id,
                disabled: !officer.value,
                checked: chosenRollCalls.value.includes(rc.id),
                onChange: () => {
                  chosenRollCalls.value = toggle(chosenRollCalls.value, rc.id);
                },
              }),
              rc.name,
            ),
          ),
        ),
      ),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary', id: 'staff-save' }, st('save')),
        editing.value ? h('button', { type: 'button', onClick: reset }, st('cancel')) : null,
      ),
    ),
    h(
      'section',
      { class: 'card table-wrap', 'aria-labelledby': 'staff-list-title' },
      h('h2', { id: 'staff-list-title' }, st('listTitle')),
      list === null
        ? null
        : list.length === 0
          ? h('p', { class: 'muted' }, st('none'))
          : h(
              'table',
              { class: 'people', id: 'staff-table' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  ['colUser', 'colName', 'colRoles', 'colScope', 'colActions'].map((k) =>
                    h('th', { scope: 'col', key: k }, st(k as 'colUser')),
                  ),
                ),
              ),
              h(
                'tbody',
                null,
                list.map((r) =>
                  h(
                    'tr',
                    { key: r.userId },
                    h('td', null, r.userId),
                    h('td', null, r.name ?? ''),
                    h('td', null, r.roles.map((role) => st(role)).join(', ')),
                    h('td', null, [...r.units, ...r.rollCallIds.map(rcName)].join(', ')),
                    h(
                      'td',
                      { class: 'row-actions' },
                      h(
                        'button',
                        {
                          type: 'button',
                          'aria-label': st('editLabel', { who: r.name ?? r.userId }),
                          onClick: () => edit(r),
                        },
                        st('edit'),
                      ),
                      h(ConfirmButton, {
                        label: st('revoke'),
                        ariaLabel: st('revokeLabel', { who: r.name ?? r.userId }),
                        question: st('revokeQuestion', { who: r.name ?? r.userId }),
                        yes: st('yesRevoke'),
                        no: st('cancel'),
                        onConfirm: () => revoke(r),
                      }),
                    ),
                  ),
                ),
              ),
            ),
    ),
  );
}
