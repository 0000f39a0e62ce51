import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Employee } from '../../../../core/model';
import { api } from './api';
import { EmployeeForm, type Ground } from './roster-edit';
import { ImportPanel } from './roster-import';
import { rt } from './roster-strings';
import { isAdmin } from './state';
import { Alert, errorText, Screen } from './ui';

/** Employees a page shows; the server pages (cursor + limit), the console never holds more. */
const PAGE = 50;

interface Filter {
  readonly q: string;
  readonly unit: string;
}

/**
 * Pegawai: search by name or NIP (the word index), filter by unit, page with the server's
 * cursors (kept in a stack, so "Sebelumnya" goes back without re-reading from the start), edit,
 * deactivate, add, and import a file with its preview.
 */
export function Roster() {
  const q = useSignal('');
  const unit = useSignal('');
  const filter = useSignal<Filter>({ q: '', unit: '' });
  /** cursors[i] fetches page i; cursors[0] is the start. */
  const cursors = useSignal<(string | undefined)[]>([undefined]);
  const pageNo = useSignal(0);
  const items = useSignal<Employee[] | null>(null);
  const next = useSignal<string | undefined>(undefined);
  const units = useSignal<string[]>([]);
  const grounds = useSignal<Ground[]>([]);
  const editing = useSignal<Employee | 'new' | null>(null);
  const confirming = useSignal<string | null>(null);
  const importing = useSignal(false);
  const note = useSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function load() {
    const f = filter.value;
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (f.q.trim()) params.set('q', f.q.trim());
    if (f.unit.trim()) params.set('unit', f.unit.trim());
    const cursor = cursors.value[pageNo.value];
    if (cursor) params.set('cursor', cursor);
    const r = await api<{ items: Employee[]; cursor?: string }>('GET', `/v1/employees?${params}`);
    if (!r.ok) {
      items.value = [];
      next.value = undefined;
      note.value = { tone: 'error', text: issueText(r.error) };
      return;
    }
    items.value = r.body.items;
    next.value = r.body.cursor;
    const seen = new Set(units.value);
    for (const e of r.body.items) seen.add(e.unit);
    if (seen.size !== units.value.length)
      units.value = [...seen].sort((a, b) => a.localeCompare(b));
  }

  useEffect(() => {
    items.value = null;
    void load();
  }, [filter.value, pageNo.value]);

  useEffect(() => {
    void api<{ features: { id: string; properties: { name: string } }[] }>('GET', '/v1/sites').then(
      (r) => {
        if (r.ok)
          grounds.value = r.body.features.map((f) => ({ siteId: f.id, name: f.properties.name }));
      },
    );
  }, []);

  function search(e: Event) {
    e.preventDefault();
    note.value = null;
    cursors.value = [undefined];
    pageNo.value = 0;
    filter.value = { q: q.value, unit: unit.value };
  }

  function clear() {
    q.value = '';
    unit.value = '';
    note.value = null;
    cursors.value = [undefined];
    pageNo.value = 0;
    filter.value = { q: '', unit: '' };
  }

  function goNext() {
    if (!next.value) return;
    const c = [...cursors.value];
    c[pageNo.value + 1] = next.value;
    cursors.value = c;
    pageNo.value += 1;
  }

  async function deactivate(e: Employee) {
    const r = await api<Employee>('DELETE', `/v1/employees/${encodeURIComponent(e.employeeId)}`);
    confirming.value = null;
    if (!r.ok) {
      note.value = { tone: 'error', text: errorText(r.error) };
      return;
    }
    note.value = { tone: 'ok', text: rt('deactivated', { name: e.name }) };
    await load();
  }

  const groundName = (id: string) => grounds.value.find((g) => g.siteId === id)?.name ?? id;
  const list = items.value;
  return h(
    Screen,
    { title: rt('title'), lead: rt('lead') },
    h(
      'form',
      { class: 'card', role: 'search', onSubmit: search },
      h(
        'div',
        { class: 'row' },
        h(
          'div',
          { class: 'field grow' },
          h('label', { for: 'roster-q' }, rt('search')),
          h('input', {
            id: 'roster-q',
            type: 'search',
            maxLength: 200,
            value: q.value,
            'aria-describedby': 'roster-q-hint',
            onInput: (e: Event) => {
              q.value = (e.currentTarget as HTMLInputElement).value;
            },
          }),
          h('p', { class: 'hint', id: 'roster-q-hint' }, rt('searchHint')),
        ),
        h(
          'div',
          { class: 'field grow' },
          h('label', { for: 'roster-unit' }, rt('unitFilter')),
          h('input', {
            id: 'roster-unit',
            type: 'text',
            list: 'roster-units',
            maxLength: 200,
            value: unit.value,
            'aria-describedby': 'roster-unit-hint',
            onInput: (e: Event) => {
              unit.value = (e.currentTarget as HTMLInputElement).value;
            },
          }),
          h(
            'datalist',
            { id: 'roster-units' },
            units.value.map((u) => h('option', { key: u, value: u })),
          ),
          h('p', { class: 'hint', id: 'roster-unit-hint' }, rt('unitHint')),
        ),
        h('button', { type: 'submit', class: 'primary' }, rt('find')),
        h('button', { type: 'button', onClick: clear }, rt('clear')),
        // Operators read their units' roster; adding, editing and importing are the admins'.
        isAdmin() &&
          h(
            'button',
            {
              type: 'button',
              id: 'add-employee',
              onClick: () => {
                editing.value = 'new';
                requestAnimationFrame(() => document.getElementById('emp-employeeId')?.focus());
              },
            },
            rt('addEmployee'),
          ),
        isAdmin() &&
          h(
            'button',
            {
              type: 'button',
              id: 'open-import',
              'aria-expanded': importing.value ? 'true' : 'false',
              'aria-controls': 'import-panel',
              onClick: () => {
                importing.value = !importing.value;
              },
            },
            rt('importOpen'),
          ),
      ),
    ),
    note.value ? h(Alert, { tone: note.value.tone }, note.value.text) : null,
    editing.value
      ? h(EmployeeForm, {
          key: editing.value === 'new' ? 'new' : editing.value.employeeId,
          employee: editing.value === 'new' ? null : editing.value,
          grounds: grounds.value,
          onDone: (saved: Employee | null, created: boolean) => {
            editing.value = null;
            if (saved) {
              note.value = {
                tone: 'ok',
                text: rt(created ? 'added' : 'saved', { name: saved.name }),
              };
              void load();
            }
          },
        })
      : null,
    importing.value
      ? h(ImportPanel, {
          onApplied: () => {
            cursors.value = [undefined];
            pageNo.value = 0;
            void load();
          },
        })
      : null,
    list === null
      ? h('p', { class: 'muted' }, rt('title'), '…')
      : list.length === 0
        ? h('p', { class: 'muted' }, filter.value.q || filter.value.unit ? rt('none') : rt('empty'))
        : h(
            'div',
            { class: 'card table-wrap' },
            h(
              'table',
              { class: 'people', id: 'roster' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, rt('nip')),
                  h('th', { scope: 'col' }, rt('name')),
                  h('th', { scope: 'col' }, rt('unit')),
                  h('th', { scope: 'col' }, rt('grounds')),
                  h('th', { scope: 'col' }, rt('status')),
                  h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, rt('actions'))),
                ),
              ),
              h(
                'tbody',
                null,
                list.map((e) =>
                  h(
                    'tr',
                    { key: e.employeeId, 'data-id': e.employeeId },
                    h('td', null, e.employeeId),
                    h('th', { scope: 'row' }, e.name),
                    h('td', null, e.unit),
                    h('td', null, e.siteIds.map(groundName).join(', ')),
                    h(
                      'td',
                      null,
                      h(
                        'span',
                        { class: `badge ${e.active ? 'badge-active' : 'badge-inactive'}` },
                        e.active ? rt('active') : rt('inactive'),
                      ),
                    ),
                    h(
                      'td',
                      { class: 'row-actions' },
                      !isAdmin()
                        ? null
                        : confirming.value === e.employeeId
                          ? h(
                              'span',
                              {
                                class: 'confirm',
                                role: 'group',
                                'aria-label': rt('deactivateLabel', { name: e.name }),
                              },
                              h('span', null, rt('confirmDeactivate', { name: e.name })),
                              h(
                                'button',
                                {
                                  type: 'button',
                                  class: 'danger',
                                  onClick: () => void deactivate(e),
                                },
                                rt('yesDeactivate'),
                              ),
                              h(
                                'button',
                                { type: 'button', onClick: () => (confirming.value = null) },
                                rt('cancel'),
                              ),
                            )
                          : [
                              h(
                                'button',
                                {
                                  type: 'button',
                                  key: 'edit',
                                  'aria-label': rt('editLabel', { name: e.name }),
                                  onClick: () => {
                                    editing.value = e;
                                    requestAnimationFrame(() =>
                                      document.getElementById('emp-name')?.focus(),
                                    );
                                  },
                                },
                                rt('edit'),
                              ),
                              e.active
                                ? h(
                                    'button',
                                    {
                                      type: 'button',
                                      key: 'off',
                                      class: 'danger',
                                      'aria-label': rt('deactivateLabel', { name: e.name }),
                                      onClick: () => (confirming.value = e.employeeId),
                                    },
                                    rt('deactivate'),
                                  )
                                : null,
                            ],
                    ),
                  ),
                ),
              ),
            ),
          ),
    list && (pageNo.value > 0 || next.value)
      ? h(
          'nav',
          { class: 'pager', 'aria-label': rt('pageNav') },
          h(
            'button',
            { type: 'button', disabled: pageNo.value === 0, onClick: () => (pageNo.value -= 1) },
            rt('prev'),
          ),
          h(
            'span',
            { 'aria-live': 'polite' },
            rt('pageOf', { n: pageNo.value + 1, count: list.length }),
          ),
          h(
            'button',
            { type: 'button', id: 'next-page', disabled: !next.value, onClick: goNext },
            rt('next'),
          ),
        )
      : null,
  );
}

function issueText(e: Parameters<typeof errorText>[0]): string {
  const issues = e.details?.issues ?? [];
  return issues.length
    ? `${errorText(e)} ${issues.map((i) => `${i.path || '—'}: ${i.message}`).join('; ')}`
    : errorText(e);
}
