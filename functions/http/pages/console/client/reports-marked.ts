import { h } from 'preact';
import { clockOf } from './format';
import { statusWords } from './marking-strings';
import { rt } from './reports-strings';
import { lang, t } from './state';
import type { Report } from './today-data';

type Marked = NonNullable<Report['marked']>;

/**
 * The day's attendance marks, as the report carries them (`marked[]`): each person with how they
 * were counted ("ditandai petugas" or "sanggahan diterima"), by whom, why and when. A mark that
 * a later check-in overtook says so.
 */
export function MarkedList(p: { marked: Marked; tz: string }) {
  const l = lang.value;
  return h(
    'section',
    { class: 'card wide', 'aria-labelledby': 'marked-title' },
    h('h2', { id: 'marked-title' }, rt('markedTitle', { n: p.marked.length })),
    h('p', { class: 'hint' }, rt('markedLead')),
    p.marked.length === 0
      ? h('p', { class: 'muted', id: 'marked-none' }, rt('noMarked'))
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'people', id: 'marked' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, t('name')),
                h('th', { scope: 'col' }, t('unit')),
                h('th', { scope: 'col' }, rt('markedAs')),
                h('th', { scope: 'col' }, rt('markedHow')),
                h('th', { scope: 'col' }, rt('markedBy')),
                h('th', { scope: 'col' }, rt('markedWhy')),
                h('th', { scope: 'col' }, rt('markedWhen')),
              ),
            ),
            h(
              'tbody',
              null,
              p.marked.map((m) =>
                h(
                  'tr',
                  { key: m.employeeId, 'data-method': m.method },
                  h('th', { scope: 'row' }, m.name, h('span', { class: 'sub' }, m.employeeId)),
                  h('td', null, m.unit),
                  h(
                    'td',
                    null,
                    statusWords(m),
                    m.superseded ? h('span', { class: 'sub' }, rt('superseded')) : null,
                  ),
                  h(
                    'td',
                    null,
                    h(
                      'span',
                      { class: `badge method-${m.method}` },
                      rt(m.method === 'appeal' ? 'methodAppeal' : 'methodManual'),
                    ),
                  ),
                  h('td', null, m.by),
                  h('td', null, m.reason),
                  h('td', null, clockOf(m.markedAt, p.tz, l)),
                ),
              ),
            ),
          ),
        ),
  );
}
