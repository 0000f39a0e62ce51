import { useComputed, useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { api } from './api';
import { addDays } from './dates';
import { dateLabel, todayIn } from './format';
import type { Listed } from './reports-calendar';
import { config, lang, t } from './state';
import { PALETTE, TrendChart } from './trends-chart';
import { defaultShown, trend, type UnitTrend } from './trends-data';
import { tt } from './trends-strings';
import { Alert, errorText, Screen } from './ui';

const RANGES = [30, 90] as const;

export function rateText(v: number | null): string {
  if (v === null) return '–';
  return new Intl.NumberFormat(lang.value === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(v);
}

/**
 * Tren: the attendance rate per unit over the last 30 or 90 days, from the listing's per-unit
 * totals (GET /v1/reports?from=&to=, one request), as a chart and, for everyone who does not see
 * it, as tables: each unit's average and lowest day, and the chart's numbers day by day.
 */
export function Trends() {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const today = todayIn(tz);
  const days = useSignal<(typeof RANGES)[number]>(30);
  const items = useSignal<Listed[] | null>(null);
  const error = useSignal<string | null>(null);
  const shown = useSignal<string[] | null>(null);
  const from = addDays(today, -(days.value - 1));

  useEffect(() => {
    items.value = null;
    void api<{ items: Listed[] }>('GET', `/v1/reports?from=${from}&to=${today}`).then((r) => {
      if (r.ok) {
        error.value = null;
        items.value = r.body.items;
      } else {
        error.value = errorText(r.error);
        items.value = [];
      }
    });
  }, [days.value]);

  const data = useComputed(() => (items.value ? trend(items.value) : null));
  const picked = shown.value ?? (data.value ? defaultShown(data.value.units) : []);
  // The same lines keep the same identity, so the chart is redrawn only when they change.
  const pickedKey = picked.join('\n');
  const lines = useMemo(
    () =>
      (data.value?.units ?? [])
        .map((u, i) => ({ trend: u, colour: PALETTE[i % PALETTE.length] ?? '#555' }))
        .filter((x) => picked.includes(x.trend.unit)),
    [data.value, pickedKey],
  );
  const l = lang.value;
  const d = data.value;

  return h(
    Screen,
    { title: tt('title'), lead: tt('lead') },
    h(
      'div',
      { class: 'spans', role: 'group', 'aria-label': tt('range') },
      h('span', { class: 'spans-label', 'aria-hidden': 'true' }, tt('range')),
      RANGES.map((n) =>
        h(
          'button',
          {
            key: n,
            type: 'button',
            class: 'chip',
            'aria-pressed': days.value === n ? 'true' : 'false',
            onClick: () => {
              days.value = n;
            },
          },
          tt('days', { n }),
        ),
      ),
    ),
    error.value ? h(Alert, { tone: 'error' }, error.value) : null,
    !d
      ? h('p', { class: 'muted' }, t('loading'))
      : d.dates.length === 0
        ? h('p', { class: 'card muted' }, tt('noData'))
        : [
            h(
              'section',
              { key: 'chart', class: 'card' },
              h(TrendChart, {
                dates: d.dates,
                overall: d.overall,
                lines,
                overallLabel: tt('overall'),
                label: tt('chartLabel', { from: dateLabel(from, l), to: dateLabel(today, l) }),
              }),
              h(
                'fieldset',
                { class: 'unit-picks' },
                h('legend', null, tt('units')),
                d.units.map((u, i) =>
                  h(
                    'label',
                    { key: u.unit, class: 'check' },
                    h('input', {
                      type: 'checkbox',
                      checked: picked.includes(u.unit),
                      onChange: (e: Event) => {
                        const on = (e.currentTarget as HTMLInputElement).checked;
                        shown.value = on ? [...picked, u.unit] : picked.filter((x) => x !== u.unit);
                      },
                    }),
                    h('span', {
                      class: `swatch swatch-${i % PALETTE.length}`,
                      'aria-hidden': 'true',
                    }),
                    u.unit,
                  ),
                ),
              ),
            ),
            h(Summary, { key: 'summary', overall: d.overall, units: d.units }),
            h(ByDay, { key: 'by-day', dates: d.dates, overall: d.overall, lines }),
          ],
  );
}

function Summary(p: { overall: UnitTrend; units: readonly UnitTrend[] }) {
  const l = lang.value;
  const row = (u: UnitTrend, name: string) =>
    h(
      'tr',
      { key: name },
      h('th', { scope: 'row' }, name),
      h('td', { class: 'n' }, rateText(u.average)),
      h('td', null, u.lowest ? `${rateText(u.lowest.rate)} (${dateLabel(u.lowest.date, l)})` : '–'),
      h('td', { class: 'n' }, String(u.days)),
    );
  return h(
    'section',
    { class: 'card table-wrap', 'aria-labelledby': 'trend-summary' },
    h('h2', { id: 'trend-summary' }, tt('summaryTitle')),
    h(
      'table',
      { class: 'people', id: 'trend-summary-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('unit')),
          h('th', { scope: 'col', class: 'n' }, `${tt('average')} (%)`),
          h('th', { scope: 'col' }, `${tt('lowest')} (%)`),
          h('th', { scope: 'col', class: 'n' }, tt('daysCounted')),
        ),
      ),
      h(
        'tbody',
        null,
        row(p.overall, tt('overall')),
        p.units.map((u) => row(u, u.unit)),
      ),
    ),
  );
}

function ByDay(p: {
  dates: readonly string[];
  overall: UnitTrend;
  lines: readonly { trend: UnitTrend }[];
}) {
  const l = lang.value;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'trend-table' },
    h('h2', { id: 'trend-table' }, tt('tableTitle')),
    h('p', { class: 'hint' }, tt('tableLead')),
    h(
      'div',
      {
        class: 'table-wrap scroll',
        tabIndex: 0,
        role: 'region',
        'aria-labelledby': 'trend-table',
      },
      h(
        'table',
        { class: 'people', id: 'trend-by-day' },
        h('caption', { class: 'sr-only' }, `${tt('tableTitle')}: ${tt('rate')}`),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, tt('date')),
            h('th', { scope: 'col', class: 'n' }, tt('overall')),
            p.lines.map(({ trend }) =>
              h('th', { key: trend.unit, scope: 'col', class: 'n' }, trend.unit),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          p.dates.map((date, i) =>
            h(
              'tr',
              { key: date, 'data-date': date },
              h('th', { scope: 'row' }, dateLabel(date, l, true)),
              h('td', { class: 'n' }, rateText(p.overall.rates[i] ?? null)),
              p.lines.map(({ trend }) =>
                h('td', { key: trend.unit, class: 'n' }, rateText(trend.rates[i] ?? null)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
