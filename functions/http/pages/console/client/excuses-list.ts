import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { LABELS } from '../../../../core/render/labels';
import { api } from './api';
import { ConfirmButton } from './confirm';
import { addDays } from './dates';
import type { Employee } from './employee-picker';
import { type Excuse, rangeText } from './excuses-form';
import { xt } from './excuses-strings';
import { count, dateLabel } from './format';
import { lang, t } from './state';
import { Alert, errorText } from './ui';

/** Rows the server sends at a time (limit + cursor); each row's name is one GET /v1/employees/{id}. */
const PAGE = 50;
/** Of those reads, how many are under way at once. */
const AT_ONCE = 6;

/** `f` over `all`, at most AT_ONCE at a time, the answers in the order of `all`. */
async function inTurns<T, R>(all: readonly T[], f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(all.length);
  let next = 0;
  async function worker() {
    while (next < all.length) {
      const i = next++;
      out[i] = await f(all[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, all.length) }, worker));
  return out;
}

/**
 * Who is excused on a date (GET /v1/excuses?date=&limit=, a page at a time, by NIP, the next
 * through the server's cursor), with a revoke (DELETE) that asks first. The excuse names the
 * employee by id: the names of the rows shown are read from the roster. `reload` changes when a
 * new excuse was saved.
 */
export function ExcuseList(p: {
  date: string;
  setDate: (d: string) => void;
  reload: number;
  known: ReadonlyMap<string, Employee>;
}) {
  const items = useSignal<Excuse[] | null>(null);
  const names = useSignal<ReadonlyMap<string, Employee | null>>(new Map());
  const next = useSignal<string | undefined>(undefined);
  const message = useSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);

  /** The first page, or (`more`) the next one after those shown. */
  async function load(more = false) {
    if (!p.date) return;
    const params = new URLSearchParams({ date: p.date, limit: String(PAGE) });
    if (more && next.value) params.set('cursor', next.value);
    const r = await api<{ items: Excuse[]; cursor?: string }>('GET', `/v1/excuses?${params}`);
    if (!r.ok) {
      message.value = { tone: 'error', text: errorText(r.error) };
      if (!more) items.value = [];
      return;
    }
    items.value = more ? [...(items.value ?? []), ...r.body.items] : r.body.items;
    next.value = r.body.cursor;
  }

  useEffect(() => {
    items.value = null;
    next.value = undefined;
    void load();
  }, [p.date, p.reload]);

  // The names of the rows on screen that are not known yet.
  useEffect(() => {
    const wanted = (items.value ?? [])
      .map((x) => x.employeeId)
      .filter((id) => !names.value.has(id) && !p.known.has(id));
    if (wanted.length === 0) return;
    void inTurns([...new Set(wanted)], async (id) => {
      const r = await api<Employee>('GET', `/v1/employees/${encodeURIComponent(id)}`);
      return [id, r.ok ? r.body : null] as const;
    }).then((found) => {
      names.value = new Map([...names.value, ...found]);
    });
  }, [items.value]);

  async function revoke(x: Excuse, name: string) {
    const r = await api<Excuse>('DELETE', `/v1/excuses/${x.excuseId}`);
    if (!r.ok) {
      message.value = { tone: 'error', text: errorText(r.error) };
      return;
    }
    message.value = { tone: 'ok', text: xt('revoked', { name }) };
    await load();
    document.getElementById('x-list-title')?.focus();
  }

  const l = lang.value;
  const list = items.value;
  const who = (id: string) => p.known.get(id) ?? names.value.get(id);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'x-list-title' },
    h(
      'h2',
      { id: 'x-list-title', tabIndex: -1 },
      xt('listTitle', { date: p.date ? dateLabel(p.date, l, true) : '—' }),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'x-list-date' }, xt('listDate')),
        h('input', {
          id: 'x-list-date',
          type: 'date',
          value: p.date,
          onInput: (e: Event) => {
            const d = (e.currentTarget as HTMLInputElement).value;
            if (d) p.setDate(d);
          },
        }),
      ),
      h(
        'button',
        { type: 'button', onClick: () => p.setDate(addDays(p.date, -1)) },
        `← ${xt('prevDay')}`,
      ),
      h(
        'button',
        { type: 'button', onClick: () => p.setDate(addDays(p.date, 1)) },
        `${xt('nextDay')} →`,
      ),
    ),
    message.value ? h(Alert, { tone: message.value.tone }, message.value.text) : null,
    list === null
      ? h('p', { class: 'muted' }, t('loading'))
      : list.length === 0
        ? h('p', { class: 'muted' }, xt('noneOnDate'))
        : [
            h(
              'p',
              { key: 'n', class: 'muted' },
              xt(next.value ? 'countSoFar' : 'countOnDate', { n: count(list.length, l) }),
            ),
            h(
              'div',
              { key: 't', class: 'table-wrap' },
              h(
                'table',
                { class: 'people', id: 'excused' },
                h(
                  'thead',
                  null,
                  h(
                    'tr',
                    null,
                    h('th', { scope: 'col' }, t('name')),
                    h('th', { scope: 'col' }, t('employeeId')),
                    h('th', { scope: 'col' }, t('unit')),
                    h('th', { scope: 'col' }, xt('kindCol')),
                    h('th', { scope: 'col' }, xt('dates')),
                    h('th', { scope: 'col' }, xt('noteCol')),
                    h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, xt('actions'))),
                  ),
                ),
                h(
                  'tbody',
                  null,
                  list.map((x) => {
                    const e = who(x.employeeId);
                    const name = e?.name ?? x.employeeId;
                    const range = rangeText(x.from, x.to);
                    return h(
                      'tr',
                      { key: x.excuseId },
                      h(
                        'th',
                        { scope: 'row' },
                        e === undefined ? '…' : e === null ? xt('unknownEmployee') : e.name,
                      ),
                      h('td', null, x.employeeId),
                      h('td', null, e?.unit ?? ''),
                      h('td', null, LABELS[l].kinds[x.kind]),
                      h('td', null, range),
                      h('td', { class: 'note-cell' }, x.note ?? ''),
                      h(
                        'td',
                        { class: 'n' },
                        h(ConfirmButton, {
                          label: xt('revoke'),
                          ariaLabel: xt('revokeLabel', { name, range }),
                          question: xt('revokeConfirm', { name }),
                          yes: xt('yesRevoke'),
                          no: xt('cancel'),
                          onConfirm: () => revoke(x, name),
                        }),
                      ),
                    );
                  }),
                ),
              ),
            ),
            next.value
              ? h(
                  'button',
                  { key: 'more', type: 'button', onClick: () => void load(true) },
                  xt('showMore'),
                )
              : null,
          ],
  );
}
