import { h } from 'preact';
import type * as v from 'valibot';
import type { ReportListSchema } from '../../../admin-schemas';
import { addMonths, isoWeekday, monthRange } from './dates';
import { count, dateLabel } from './format';
import { rt } from './reports-strings';
import { lang } from './state';

export type Listed = v.InferOutput<typeof ReportListSchema>['items'][number];

const LOCALE = { id: 'id-ID', en: 'en-GB' } as const;

export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang.value], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

function weekdayShort(i: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(LOCALE[lang.value], { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + i)),
  );
}

/** The weeks of a month, Monday first, null where the day belongs to the month before or after. */
function weeks(month: string): (string | null)[][] {
  const { from, to } = monthRange(month);
  const days: (string | null)[] = Array.from({ length: isoWeekday(from) - 1 }, () => null);
  const last = Number(to.slice(8));
  for (let d = 1; d <= last; d++) days.push(`${month}-${String(d).padStart(2, '0')}`);
  while (days.length % 7) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
}

/**
 * A month of days, each a button: a published day shows its version and how many were absent
 * (the listing's newest version of the roll call the screen shows). The selected day is pressed,
 * today is the current date.
 */
export function ReportCalendar(p: {
  month: string;
  setMonth: (m: string) => void;
  listed: readonly Listed[] | null;
  /** The roll call whose publications the days show (pagi unless the screen's picker says). */
  rollCallId: string;
  today: string;
  selected: string;
  select: (date: string) => void;
}) {
  const l = lang.value;
  const byDate = new Map<string, Listed[]>();
  for (const item of p.listed ?? [])
    byDate.set(item.date, [...(byDate.get(item.date) ?? []), item]);
  const title = monthLabel(p.month);
  return h(
    'div',
    { class: 'calendar' },
    h(
      'div',
      { class: 'month-nav' },
      h(
        'button',
        {
          type: 'button',
          'aria-label': rt('prevMonth'),
          onClick: () => p.setMonth(addMonths(p.month, -1)),
        },
        '←',
      ),
      h('h2', { id: 'cal-title', 'aria-live': 'polite' }, title),
      h(
        'button',
        {
          type: 'button',
          'aria-label': rt('nextMonth'),
          onClick: () => p.setMonth(addMonths(p.month, 1)),
        },
        '→',
      ),
    ),
    h(
      'table',
      { class: 'month', 'aria-label': rt('calendarLabel', { month: title }) },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          Array.from({ length: 7 }, (_, i) => h('th', { key: i, scope: 'col' }, weekdayShort(i))),
        ),
      ),
      h(
        'tbody',
        null,
        weeks(p.month).map((week, w) =>
          h(
            'tr',
            { key: w },
            week.map((date, i) => {
              if (!date) return h('td', { key: i, class: 'out' });
              const items = byDate.get(date) ?? [];
              const shown = items.find((x) => x.rollCallId === p.rollCallId);
              const label = shown
                ? rt('dayPublished', {
                    date: dateLabel(date, l, true),
                    version: shown.version,
                    absent: count(shown.totals.absent, l),
                  })
                : rt('dayNotPublished', { date: dateLabel(date, l, true) });
              return h(
                'td',
                { key: date },
                h(
                  'button',
                  {
                    type: 'button',
                    class: `day${shown ? ' published' : ''}${date === p.today ? ' today' : ''}`,
                    'aria-pressed': date === p.selected ? 'true' : 'false',
                    'aria-current': date === p.today ? 'date' : undefined,
                    'data-date': date,
                    onClick: () => p.select(date),
                  },
                  // The name says it in full; the cell shows it in short, hidden from the name.
                  h('span', { class: 'sr-only' }, label),
                  h('span', { class: 'num', 'aria-hidden': 'true' }, String(Number(date.slice(8)))),
                  shown
                    ? h('span', { class: 'ver', 'aria-hidden': 'true' }, `v${shown.version}`)
                    : null,
                  shown
                    ? h(
                        'span',
                        { class: 'abs', 'aria-hidden': 'true' },
                        count(shown.totals.absent, l),
                      )
                    : null,
                ),
              );
            }),
          ),
        ),
      ),
    ),
    h('p', { class: 'hint' }, rt('legendPublished')),
  );
}
