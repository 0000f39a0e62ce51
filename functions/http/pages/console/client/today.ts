import { useComputed, useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type * as v from 'valibot';
import { zoneName } from '../../../../core/render/labels';
import type { Settings } from '../../../../core/settings';
import type { ReportSchema } from '../../../admin-schemas';
import { type ApiError, api } from './api';
import { clockOf, count, dateLabel, todayIn, wallTime } from './format';
import { config, lang, t } from './state';
import { Alert, errorText, Screen } from './ui';

type Report = v.InferOutput<typeof ReportSchema>;

/** How often the board asks again while the day's list is live. */
export const REFRESH_MS = 20_000;
/** Rows of the missing list drawn at first, and added per "show more"; the search narrows it. */
const PAGE_ROWS = 50;

/**
 * Hari ini: today's `pagi` report, live until it is published, asked again every 20 s while the
 * tab is visible. Totals, the units, and who is not in yet (searchable).
 */
export function Today() {
  const report = useSignal<Report | null>(null);
  const published = useSignal(false);
  const settings = useSignal<Settings | null>(null);
  const error = useSignal<ApiError | null>(null);
  const lastAt = useSignal<number | null>(null);
  const query = useSignal('');
  const rows = useSignal(PAGE_ROWS);
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';

  async function load() {
    const date = todayIn(tz);
    const [r, s] = await Promise.all([
      api<Report>('GET', `/v1/reports/${date}?format=json`),
      settings.value ? null : api<Settings>('GET', '/v1/settings'),
    ]);
    if (s?.ok) settings.value = s.body;
    if (!r.ok) {
      error.value = r.error;
      return;
    }
    error.value = null;
    report.value = r.body;
    published.value = r.headers.get('x-apel-report') === 'published';
    lastAt.value = Date.now();
  }

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (!document.hidden && !published.value) void load();
    }, REFRESH_MS);
    const onVisible = () => {
      if (!document.hidden && !published.value) void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  const missing = useComputed(() => {
    const q = query.value.trim().toLowerCase();
    const all = report.value?.absent ?? [];
    return q
      ? all.filter((p) => p.name.toLowerCase().includes(q) || p.employeeId.toLowerCase() === q)
      : all;
  });

  const r = report.value;
  const l = lang.value;
  const zone = zoneName(tz, l, new Date());
  const s = settings.value;
  return h(
    Screen,
    { title: t('todayTitle') },
    h(
      'div',
      { class: 'meta' },
      r ? h('p', { class: 'date' }, dateLabel(r.date, l, true)) : null,
      s
        ? h(
            'p',
            null,
            t('windowInfo', {
              opens: wallTime(s.opensAt, l),
              starts: wallTime(s.startsAt, l),
              closes: wallTime(s.closesAt, l),
              zone,
            }),
            ' ',
            h('strong', null, t('publishAt', { time: wallTime(s.reportAt, l), zone })),
          )
        : null,
      r
        ? h(
            'p',
            { class: 'muted', id: 'freshness' },
            published.value
              ? t('publishedNote', { time: clockOf(r.generatedAt, tz, l), version: r.version })
              : t('liveNote', {
                  s: REFRESH_MS / 1000,
                  time: clockOf(lastAt.value ?? Date.now(), tz, l, true),
                }),
            ' ',
            h(
              'button',
              { type: 'button', class: 'link', onClick: () => void load() },
              t('refreshNow'),
            ),
          )
        : null,
    ),
    error.value ? h(Alert, { tone: 'error' }, errorText(error.value)) : null,
    !r && !error.value ? h('p', { class: 'muted' }, t('loading')) : null,
    r && !r.workday
      ? h(
          Alert,
          { tone: 'info' },
          r.holiday ? t('holidayToday', { name: r.holiday }) : t('notWorkday'),
        )
      : null,
    r?.workday ? board(r, published.value) : null,
    r?.workday
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'missing-title' },
          h(
            'h2',
            { id: 'missing-title' },
            t(published.value ? 'missingTitleFinal' : 'missingTitle', {
              n: count(r.totals.absent, l),
            }),
          ),
          h(
            'div',
            { class: 'field search' },
            h('label', { for: 'missing-q' }, t('searchName')),
            h('input', {
              id: 'missing-q',
              type: 'search',
              value: query.value,
              autocomplete: 'off',
              'aria-describedby': 'missing-q-hint',
              onInput: (e: Event) => {
                query.value = (e.currentTarget as HTMLInputElement).value;
                rows.value = PAGE_ROWS;
              },
            }),
            h('p', { id: 'missing-q-hint', class: 'hint' }, t('searchHint')),
          ),
          missingList(missing.value, r.absent.length, query.value, rows.value, () => {
            rows.value += PAGE_ROWS;
          }),
        )
      : null,
  );
}

function board(r: Report, final: boolean) {
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

function missingList(
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
