import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { dateLabel, todayIn } from './format';
import { config, lang, t } from './state';
import { Alert, errorText, Screen } from './ui';

interface Holiday {
  readonly date: string;
  readonly name: string;
}

/** Hari libur: a year's holiday calendar; add one, withdraw one. */
export function Holidays() {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const year = useSignal(Number(todayIn(tz).slice(0, 4)));
  const items = useSignal<Holiday[] | null>(null);
  const note = useSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const date = useSignal('');
  const name = useSignal('');
  const busy = useSignal(false);

  async function load() {
    const r = await api<{ items: Holiday[] }>('GET', `/v1/holidays?year=${year.value}`);
    if (r.ok) items.value = [...r.body.items].sort((a, b) => a.date.localeCompare(b.date));
    else note.value = { tone: 'error', text: errorText(r.error) };
  }
  useEffect(() => {
    items.value = null;
    void load();
  }, [year.value]);

  async function add(e: Event) {
    e.preventDefault();
    if (busy.value) return;
    busy.value = true;
    const r = await api<Holiday>('PUT', `/v1/holidays/${encodeURIComponent(date.value)}`, {
      name: name.value,
    });
    busy.value = false;
    if (!r.ok) {
      note.value = { tone: 'error', text: issueText(r.error) };
      return;
    }
    note.value = { tone: 'ok', text: t('added', { name: r.body.name }) };
    date.value = '';
    name.value = '';
    const y = Number(r.body.date.slice(0, 4));
    if (y !== year.value) year.value = y;
    else await load();
  }

  async function remove(hd: Holiday) {
    const r = await api('DELETE', `/v1/holidays/${hd.date}`);
    if (!r.ok) {
      note.value = { tone: 'error', text: errorText(r.error) };
      return;
    }
    note.value = { tone: 'ok', text: t('removed', { name: hd.name }) };
    await load();
    document.getElementById('screen-title')?.focus();
  }

  const l = lang.value;
  return h(
    Screen,
    { title: t('holidaysTitle', { year: year.value }), lead: t('holidaysLead') },
    h(
      'div',
      { class: 'year-nav' },
      h(
        'button',
        { type: 'button', onClick: () => (year.value -= 1) },
        `← ${t('prevYear')} (${year.value - 1})`,
      ),
      h(
        'button',
        { type: 'button', onClick: () => (year.value += 1) },
        `${t('nextYear')} (${year.value + 1}) →`,
      ),
    ),
    note.value ? h(Alert, { tone: note.value.tone }, note.value.text) : null,
    h(
      'form',
      { class: 'card inline-form', onSubmit: add, 'aria-labelledby': 'add-title' },
      h('h2', { id: 'add-title' }, t('addHoliday')),
      h(
        'div',
        { class: 'row' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'h-date' }, t('date')),
          h('input', {
            id: 'h-date',
            type: 'date',
            required: true,
            value: date.value,
            onInput: (e: Event) => {
              date.value = (e.currentTarget as HTMLInputElement).value;
            },
          }),
        ),
        h(
          'div',
          { class: 'field grow' },
          h('label', { for: 'h-name' }, t('holidayName')),
          h('input', {
            id: 'h-name',
            type: 'text',
            required: true,
            maxLength: 200,
            value: name.value,
            onInput: (e: Event) => {
              name.value = (e.currentTarget as HTMLInputElement).value;
            },
          }),
        ),
        h('button', { type: 'submit', class: 'primary', disabled: busy.value }, t('add')),
      ),
    ),
    items.value === null
      ? h('p', { class: 'muted' }, t('loading'))
      : items.value.length === 0
        ? h('p', { class: 'muted' }, t('noHolidays'))
        : h(
            'div',
            { class: 'card table-wrap' },
            h(
              'table',
              { class: 'people', id: 'holidays' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, t('date')),
                  h('th', { scope: 'col' }, t('holidayName')),
                  h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('remove'))),
                ),
              ),
              h(
                'tbody',
                null,
                items.value.map((hd) =>
                  h(
                    'tr',
                    { key: hd.date },
                    h('td', null, dateLabel(hd.date, l, true)),
                    h('td', null, hd.name),
                    h(
                      'td',
                      { class: 'n' },
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'danger',
                          'aria-label': t('removeLabel', {
                            name: `${hd.name}, ${dateLabel(hd.date, l)}`,
                          }),
                          onClick: () => void remove(hd),
                        },
                        t('remove'),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
  );
}

function issueText(e: Parameters<typeof errorText>[0]): string {
  const issues = e.details?.issues ?? [];
  return issues.length
    ? `${errorText(e)} ${issues.map((i) => `${i.path || '—'}: ${i.message}`).join('; ')}`
    : errorText(e);
}
