import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Employee } from '../../../../core/model';
import { api } from './api';
import { EmployeeForm, type Ground } from './roster-edit';
import { RosterFilter } from './roster-filter';
import { RosterHistory } from './roster-history';
import { ImportPanel } from './roster-import';
import { rt } from './roster-strings';
import { RosterTable } from './roster-table';
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
  const viewing = useSignal<Employee | null>(null);
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
  }

  /** The unit field's suggestions: every unit of the roster (GET /v1/units). */
  async function loadUnits() {
    const r = await api<{ items: { unit: string }[] }>('GET', '/v1/units');
    if (r.ok) units.value = r.body.items.map((u) => u.unit);
  }

  useEffect(() => {
    items.value = null;
    void load();
  }, [filter.value, pageNo.value]);

  useEffect(() => {
    void loadUnits();
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
    h(RosterFilter, {
      q,
      unit,
      units: units.value,
      importing: importing.value,
      onSearch: search,
      onClear: clear,
      onAdd: () => {
        editing.value = 'new';
        requestAnimationFrame(() => document.getElementById('emp-employeeId')?.focus());
      },
      onImport: () => {
        importing.value = !importing.value;
      },
    }),
    note.value ? h(Alert, { tone: note.value.tone }, note.value.text) : null,
    viewing.value
      ? h(RosterHistory, {
          key: viewing.value.employeeId,
          employee: viewing.value,
          onClose: () => {
            viewing.value = null;
          },
        })
      : null,
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
              void loadUnits();
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
            void loadUnits();
          },
        })
      : null,
    list === null
      ? h('p', { class: 'muted' }, rt('title'), '…')
      : list.length === 0
        ? h('p', { class: 'muted' }, filter.value.q || filter.value.unit ? rt('none') : rt('empty'))
        : h(RosterTable, {
            items: list,
            groundName,
            confirming: confirming.value,
            onConfirm: (id: string | null) => {
              confirming.value = id;
            },
            onEdit: (e: Employee) => {
              editing.value = e;
              requestAnimationFrame(() => document.getElementById('emp-name')?.focus());
            },
            onDeactivate: (e: Employee) => void deactivate(e),
            onHistory: (e: Employee) => {
              viewing.value = e;
              requestAnimationFrame(() => document.getElementById('history-title')?.focus());
            },
          }),
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
