import { h } from 'preact';
import { wallTime } from './format';
import { type Attendee, stateOf } from './marking-data';
import { PersonPanel, type PersonProps } from './marking-person';
import { mt } from './marking-strings';
import { lang } from './state';

/**
 * One person in the marking list: a big button with the name, the unit and id, and how they
 * stand (Belum hadir, Sudah absen 07.12, Ditandai petugas…); tapped, their panel opens below it.
 */
export function PersonRow(
  p: PersonProps & { person: Attendee; open: boolean; toggle: () => void },
) {
  const { person: a, open, toggle, ...panel } = p;
  const state = mt(stateOf(a), { at: wallTime(a.at ?? '', lang.value) });
  const id = `mk-${a.employeeId.replace(/[^A-Za-z0-9-]/g, '-')}-panel`;
  return h(
    'li',
    {
      class: `mk-item${open ? ' open' : ''}`,
      'data-employee': a.employeeId,
      'data-state': a.source === 'mark' ? (a.mark?.method ?? 'mark') : a.source,
    },
    h(
      'button',
      {
        type: 'button',
        class: 'mk-person',
        'aria-expanded': open ? 'true' : 'false',
        'aria-controls': open ? id : undefined,
        onClick: toggle,
      },
      h(
        'span',
        { class: 'mk-who' },
        h('strong', null, a.name),
        h('span', { class: 'sub' }, `${a.unit} · ${a.employeeId}`),
      ),
      h('span', { class: `badge mk-state mk-${stateOf(a)}` }, state),
    ),
    open ? h(PersonPanel, { ...panel, person: a }) : null,
  );
}
