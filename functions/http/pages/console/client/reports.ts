import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { monthOf, monthRange } from './dates';
import { todayIn } from './format';
import { type Listed, ReportCalendar } from './reports-calendar';
import { ReportDay } from './reports-day';
import { rt } from './reports-strings';
import { rollCallPicker } from './rollcall-picker';
import { listRollCalls } from './rollcalls-api';
import { PAGI, type RollCall } from './rollcalls-model';
import { config } from './state';
import { Alert, errorText, Screen } from './ui';

/**
 * Laporan: a month's calendar of published days (GET /v1/reports?from=&to=) beside the chosen
 * day's report (reports-day.ts). Today is chosen first.
 */
export function Reports() {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const today = todayIn(tz);
  const month = useSignal(monthOf(today));
  const selected = useSignal(today);
  const listed = useSignal<Listed[] | null>(null);
  const error = useSignal<string | null>(null);
  const rollCalls = useSignal<RollCall[]>([]);
  const rollCall = useSignal(PAGI);

  async function load() {
    const { from, to } = monthRange(month.value);
    const r = await api<{ items: Listed[] }>('GET', `/v1/reports?from=${from}&to=${to}`);
    if (!r.ok) {
      error.value = errorText(r.error);
      listed.value = [];
      return;
    }
    error.value = null;
    listed.value = r.body.items;
  }

  useEffect(() => {
    listed.value = null;
    void load();
  }, [month.value]);

  useEffect(() => {
    void listRollCalls().then((list) => {
      if (list.ok) rollCalls.value = list.body;
    });
  }, []);

  return h(
    Screen,
    { title: rt('title'), lead: rt('lead') },
    error.value ? h(Alert, { tone: 'error' }, error.value) : null,
    rollCalls.value.length > 1
      ? rollCallPicker(rollCalls.value, rollCall.value, (id) => {
          rollCall.value = id;
        })
      : null,
    h(
      'div',
      { class: 'reports' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'cal-title' },
        h(ReportCalendar, {
          month: month.value,
          setMonth: (m) => {
            month.value = m;
          },
          listed: listed.value,
          rollCallId: rollCall.value,
          today,
          selected: selected.value,
          select: (d) => {
            selected.value = d;
          },
        }),
      ),
      h(ReportDay, {
        date: selected.value,
        rollCallId: rollCall.value,
        tz,
        onPublished: () => void load(),
      }),
    ),
  );
}
