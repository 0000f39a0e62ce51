import { h } from 'preact';
import { wallTime } from './format';
import { rt } from './rollcalls-api';
import type { RollCall } from './rollcalls-model';
import { lang } from './state';

/** Which roll call a screen shows ("Apel pagi (06.30–08.00)"): the board, the reports. */
export function rollCallPicker(
  list: readonly RollCall[],
  chosen: string,
  pick: (id: string) => void,
) {
  const l = lang.value;
  return h(
    'div',
    { class: 'rc-pick' },
    h('label', { for: 'rc-pick' }, rt('rcPick')),
    h(
      'select',
      {
        id: 'rc-pick',
        value: chosen,
        onChange: (e: Event) => pick((e.currentTarget as HTMLSelectElement).value),
      },
      list.map((rc) =>
        h(
          'option',
          { value: rc.id, key: rc.id },
          `${rc.name} (${wallTime(rc.opensAt, l)}–${wallTime(rc.closesAt, l)})`,
        ),
      ),
    ),
  );
}
