import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type * as v from 'valibot';
import type { EmployeeSchema } from '../../../admin-schemas';
import { api } from './api';
import { xt } from './excuses-strings';
import { describedBy, FieldError } from './field-issues';
import { errorText } from './ui';

export type Employee = v.InferOutput<typeof EmployeeSchema>;

/** Results a search shows; the server pages, this is one page. */
const LIMIT = 8;
/** Typing pauses this long before the server is asked. */
const DEBOUNCE_MS = 200;

/** The server's rule for `q`: at least two letters or digits in one word. */
function searchable(q: string): boolean {
  return q.split(/[^\p{L}\p{N}]+/u).some((w) => w.length >= 2);
}

/**
 * An employee picked by name: a combobox (ARIA 1.2, list autocomplete) over GET /v1/employees?q=.
 * Typing asks the server (debounced; an older answer never replaces a newer one); up/down move
 * through the options, Enter or a click picks one, Escape closes the list. What was found, and
 * who was picked, is said in a polite live region.
 */
export function EmployeePicker(p: {
  id: string;
  label: string;
  picked: Employee | null;
  onPick: (e: Employee | null) => void;
  errors?: readonly string[] | undefined;
}) {
  const text = useSignal(p.picked?.name ?? '');
  const options = useSignal<Employee[]>([]);
  const open = useSignal(false);
  const active = useSignal(-1);
  const status = useSignal('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const asked = useRef(0);
  const listId = `${p.id}-list`;
  const optionId = (i: number) => `${p.id}-opt-${i}`;

  // The form was reset (or a pick made elsewhere): the box shows it.
  useEffect(() => {
    text.value = p.picked?.name ?? '';
    if (!p.picked) status.value = '';
  }, [p.picked]);

  useEffect(() => {
    if (active.value >= 0) {
      document.getElementById(optionId(active.value))?.scrollIntoView({ block: 'nearest' });
    }
  }, [active.value]);

  async function search(q: string) {
    const n = ++asked.current;
    status.value = xt('searching');
    const r = await api<{ items: Employee[] }>(
      'GET',
      `/v1/employees?q=${encodeURIComponent(q)}&limit=${LIMIT}`,
    );
    if (n !== asked.current) return; // a newer search is under way
    if (!r.ok) {
      options.value = [];
      open.value = false;
      status.value = errorText(r.error);
      return;
    }
    options.value = r.body.items;
    active.value = -1;
    open.value = r.body.items.length > 0;
    const count = r.body.items.length;
    status.value =
      count === 0
        ? xt('noneFound', { q })
        : xt(count === LIMIT ? 'foundMore' : 'found', { n: count });
  }

  function onInput(e: Event) {
    const q = (e.currentTarget as HTMLInputElement).value;
    text.value = q;
    if (p.picked && q !== p.picked.name) p.onPick(null);
    if (timer.current) clearTimeout(timer.current);
    if (!searchable(q)) {
      asked.current++;
      options.value = [];
      open.value = false;
      status.value = q.trim() ? xt('typeMore') : '';
      return;
    }
    timer.current = setTimeout(() => void search(q.trim()), DEBOUNCE_MS);
  }

  function pick(e: Employee) {
    p.onPick(e);
    text.value = e.name;
    open.value = false;
    active.value = -1;
    status.value = xt('picked', { name: e.name, unit: e.unit, id: e.employeeId });
  }

  function onKeyDown(e: KeyboardEvent) {
    const n = options.value.length;
    if (e.key === 'ArrowDown' && n > 0) {
      e.preventDefault();
      open.value = true;
      active.value = (active.value + 1) % n;
    } else if (e.key === 'ArrowUp' && n > 0) {
      e.preventDefault();
      open.value = true;
      active.value = active.value <= 0 ? n - 1 : active.value - 1;
    } else if (e.key === 'Enter' && open.value && active.value >= 0) {
      e.preventDefault(); // picks; does not submit the form
      const chosen = options.value[active.value];
      if (chosen) pick(chosen);
    } else if (e.key === 'Escape' && open.value) {
      e.preventDefault();
      open.value = false;
      active.value = -1;
    }
  }

  const refused = Boolean(p.errors?.length);
  const aria = describedBy(p.id, refused, true);
  return h(
    'div',
    { class: `field picker${refused ? ' invalid' : ''}` },
    h('label', { for: p.id, id: `${p.id}-label` }, p.label),
    h('input', {
      id: p.id,
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: false,
      'aria-autocomplete': 'list',
      'aria-expanded': open.value ? 'true' : 'false',
      'aria-controls': listId,
      'aria-activedescendant': open.value && active.value >= 0 ? optionId(active.value) : undefined,
      ...aria,
      'aria-describedby': [aria['aria-describedby'], `${p.id}-status`].filter(Boolean).join(' '),
      value: text.value,
      onInput,
      onKeyDown,
      onBlur: () => {
        open.value = false;
      },
      onFocus: () => {
        if (!p.picked && options.value.length > 0) open.value = true;
      },
    }),
    h(
      'ul',
      {
        id: listId,
        role: 'listbox',
        class: 'listbox',
        'aria-labelledby': `${p.id}-label`,
        hidden: !open.value,
      },
      options.value.map((e, i) =>
        h(
          'li',
          {
            key: e.employeeId,
            id: optionId(i),
            role: 'option',
            'aria-selected': i === active.value ? 'true' : 'false',
            class: i === active.value ? 'active' : undefined,
            // Keeps the focus in the box, so the list is not closed by a blur before the click.
            onMouseDown: (ev: MouseEvent) => ev.preventDefault(),
            onClick: () => pick(e),
          },
          h('span', { class: 'opt-name' }, e.name),
          h('span', { class: 'opt-meta' }, `${e.unit} · ${e.employeeId}`),
        ),
      ),
    ),
    h('p', { id: `${p.id}-hint`, class: 'hint' }, xt('employeeHint')),
    h('p', { id: `${p.id}-status`, class: 'hint picker-status', role: 'status' }, status.value),
    h(FieldError, { id: p.id, messages: p.errors }),
  );
}
