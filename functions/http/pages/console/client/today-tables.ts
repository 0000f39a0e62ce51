import { h } from 'preact';
import { count } from './format';
import { lang, t } from './state';
import type { Report } from './today-data';

/**
 * The board's two tables: the totals (as tiles and per unit), and who is not in yet, drawn
 * PAGE_ROWS at a time. Pure views of a report; the screen (today.ts) holds the state.
 */

/** Rows of the missing list drawn at first, and added per "show more"; the search narrows it. */
export const PAGE_ROWS = 50;

export function board(r: Report, final: boolean) {
  const l = lang.value;
  const tiles: [string, string, number][] = [
    ['expected', t('expected'), r.totals.expected],
    ['on-time', t('onTime'), r.totals.present],
    ['late', t('late'), r.totals.late],
    ['excused', t('excused'), r.totals.excused],
    ['absent', t(final ? 'absentFinal' : 'notYetIn'), r.totals.absent],
  ];
  return [
    h(
      'ul',
      { class: 'tiles', 'aria-label': t('todayTitle') },
      tiles.map(([key, label, n]) =>
        h(
          'li',
          { class: `tile tile-${key}`, 'data-total': key },
          h('span', { class: 'num' }, count(n, l)),
          h('span', { class: 'label' }, label),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'units-title' },
      h('h2', { id: 'units-title' }, t('byUnit')),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'units' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, t('unit')),
              tiles.map(([key, label]) => h('th', { scope: 'col', class: 'n', key }, label)),
            ),
          ),
          h(
            'tbody',
            null,
            r.units.map((u) =>
              h(
                'tr',
                { key: u.unit },
                h('th', { scope: 'row' }, u.unit),
                [u.expected, u.present, u.late, u.excused, u.absent].map((n, i) =>
                  h('td', { class: 'n', key: i }, count(n, l)),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  ];
}

export function missingList(
  rows: Report['absent'],
  total: number,
  q: string,
  limit: number,
  more: () => void,
) {
  if (total === 0) return h('p', { class: 'muted' }, t('noneMissing'));
  if (rows.length === 0) return h('p', { class: 'muted' }, t('noMatch', { q }));
  const shown = rows.slice(0, limit);
  const left = Math.min(PAGE_ROWS, rows.length - shown.length);
  return [
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'people', id: 'missing' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, t('name')),
            h('th', { scope: 'col' }, t('employeeId')),
            h('th', { scope: 'col' }, t('unit')),
          ),
        ),
        h(
          'tbody',
          null,
          shown.map((p) =>
            h(
              'tr',
              { key: p.employeeId },
              h('td', null, p.name),
              h('td', null, p.employeeId),
              h('td', null, p.unit),
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted', role: 'status' },
      t('showing', {
        shown: count(shown.length, lang.value),
        total: count(rows.length, lang.value),
      }),
    ),
    left > 0
      ? h(
          'button',
          { type: 'button', onClick: more },
          t('showMore', { n: count(left, lang.value) }),
        )
      : null,
  ];
}
