import { useComputed, useSignal } from '@preact/signals';
import { h } from 'preact';
import { zoneName } from '../../../../core/render/labels';
import { clockOf, count, dateLabel, wallTime } from './format';
import { rollCallPicker } from './rollcall-picker';
import { rt } from './rollcalls-api';
import { PAGI } from './rollcalls-model';
import { config, lang, t } from './state';
import { REFRESH_MS, useToday } from './today-data';
import { board, missingList, PAGE_ROWS } from './today-tables';
import { Alert, errorText, Screen } from './ui';

/**
 * Hari ini: the report of one of today's roll calls (pagi first; a picker when there are more),
 * live until it is published, asked again every 20 s while the tab is visible. Totals, the
 * units, who is not in yet (searchable), and when that roll call's list publishes.
 */
export function Today() {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const { report, published, today, current, chosen, error, lastAt, load, pick } = useToday(tz);
  const query = useSignal('');
  const rows = useSignal(PAGE_ROWS);
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
  const s = current.value;
  return h(
    Screen,
    {
      title: !s || s.id === PAGI ? t('todayTitle') : rt('rcTodayOf', { name: s.name }),
    },
    today.value.length > 1 || (s && s.id !== PAGI)
      ? rollCallPicker(today.value, chosen.value, pick)
      : null,
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
