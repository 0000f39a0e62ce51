import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../../../../core/settings';
import { api } from './api';
import type { Employee } from './employee-picker';
import { ExcuseForm } from './excuses-form';
import { ExcuseList } from './excuses-list';
import { xt } from './excuses-strings';
import { todayIn } from './format';
import { config } from './state';
import { Screen } from './ui';

/**
 * Keterangan: enter an excuse (employee by name, dates, kind, note), see who is excused on a
 * date, revoke one. The list follows the form: a saved excuse shows on its first day.
 */
export function Excuses() {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const today = todayIn(tz);
  const date = useSignal(today);
  const reload = useSignal(0);
  const workdays = useSignal<readonly number[]>([1, 2, 3, 4, 5]);
  const known = useSignal<ReadonlyMap<string, Employee>>(new Map());

  useEffect(() => {
    void api<Settings>('GET', '/v1/settings').then((r) => {
      if (r.ok) workdays.value = r.body.workdays;
    });
  }, []);

  return h(
    Screen,
    { title: xt('title'), lead: xt('lead') },
    h(
      'div',
      { class: 'excuses' },
      h(ExcuseForm, {
        today,
        workdays: workdays.value,
        onSaved: (x, who) => {
          known.value = new Map([...known.value, [who.employeeId, who]]);
          if (date.value < x.from || date.value > x.to) date.value = x.from;
          reload.value++;
        },
      }),
      h(ExcuseList, {
        date: date.value,
        setDate: (d) => {
          date.value = d;
        },
        reload: reload.value,
        known: known.value,
      }),
    ),
  );
}
