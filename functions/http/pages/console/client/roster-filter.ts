import type { Signal } from '@preact/signals';
import { h } from 'preact';
import { rt } from './roster-strings';
import { isAdmin } from './state';

interface Props {
  readonly q: Signal<string>;
  readonly unit: Signal<string>;
  /** Units to suggest in the unit field. */
  readonly units: readonly string[];
  readonly importing: boolean;
  readonly onSearch: (e: Event) => void;
  readonly onClear: () => void;
  readonly onAdd: () => void;
  readonly onImport: () => void;
}

/** The roster's search bar: name or NIP, a unit (suggested), and the add and import buttons. */
export function RosterFilter(p: Props) {
  return h(
    'form',
    { class: 'card', role: 'search', onSubmit: p.onSearch },
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
          value: p.q.value,
          'aria-describedby': 'roster-q-hint',
          onInput: (e: Event) => {
            p.q.value = (e.currentTarget as HTMLInputElement).value;
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
          value: p.unit.value,
          'aria-describedby': 'roster-unit-hint',
          onInput: (e: Event) => {
            p.unit.value = (e.currentTarget as HTMLInputElement).value;
          },
        }),
        h(
          'datalist',
          { id: 'roster-units' },
          p.units.map((u) => h('option', { key: u, value: u })),
        ),
        h('p', { class: 'hint', id: 'roster-unit-hint' }, rt('unitHint')),
      ),
      h('button', { type: 'submit', class: 'primary' }, rt('find')),
      h('button', { type: 'button', onClick: p.onClear }, rt('clear')),
      // Operators read their units' roster; adding, editing and importing are the admins'.
      isAdmin() &&
        h(
          'button',
          {
            type: 'button',
            id: 'add-employee',
            onClick: p.onAdd,
          },
          rt('addEmployee'),
        ),
      isAdmin() &&
        h(
          'button',
          {
            type: 'button',
            id: 'open-import',
            'aria-expanded': p.importing ? 'true' : 'false',
            'aria-controls': 'import-panel',
            onClick: p.onImport,
          },
          rt('importOpen'),
        ),
    ),
  );
}
