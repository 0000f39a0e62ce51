import { useSignal } from '@preact/signals';
import { type ComponentChildren, h } from 'preact';
import { rt } from './rollcalls-api';
import type { Draft } from './rollcalls-draft';
import { t } from './state';

/**
 * Where a roll call is held (each one's own grounds, or the grounds picked) and who must attend
 * (everyone, or the units picked, one not yet listed typed in): the roll-call form's two lists.
 */

export interface Site {
  readonly id: string;
  readonly name: string;
}

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

export const radio = (name: string, on: boolean, label: string, pick: () => void) =>
  h(
    'label',
    { class: 'check' },
    h('input', { type: 'radio', name, checked: on, onChange: pick }),
    ` ${label}`,
  );

const toggle = (list: readonly string[], item: string, on: boolean) =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

interface Props {
  readonly draft: Draft;
  readonly set: (patch: Partial<Draft>) => void;
  /** The server's refusal of this list, shown under it. */
  readonly error: ComponentChildren;
}

export function SitePicks(p: Props & { readonly sites: readonly Site[] | null }) {
  return h(
    'fieldset',
    {
      id: 'rf-siteIds',
      tabIndex: -1,
      'aria-describedby': p.error ? 're-siteIds' : undefined,
    },
    h('legend', null, rt('rcWhere')),
    radio('rc-where', !p.draft.sitesChosen, rt('rcWhereOwn'), () => p.set({ sitesChosen: false })),
    radio('rc-where', p.draft.sitesChosen, rt('rcWhereChosen'), () => p.set({ sitesChosen: true })),
    p.draft.sitesChosen
      ? h(
          'div',
          { class: 'days picks' },
          p.sites === null
            ? h('p', { class: 'muted' }, t('loading'))
            : p.sites.length === 0
              ? h('p', { class: 'muted' }, rt('rcNoSites'))
              : p.sites.map((s) =>
                  h(
                    'label',
                    { class: 'check', key: s.id },
                    h('input', {
                      type: 'checkbox',
                      checked: p.draft.siteIds.includes(s.id),
                      onChange: (e: Event) =>
                        p.set({ siteIds: toggle(p.draft.siteIds, s.id, checked(e)) }),
                    }),
                    ` ${s.name}`,
                  ),
                ),
        )
      : null,
    p.error,
  );
}

export function UnitPicks(p: Props & { readonly units: readonly string[] }) {
  const other = useSignal('');
  const unitList = [...new Set([...p.units, ...p.draft.units])].sort((a, b) =>
    a.localeCompare(b, 'id'),
  );
  return h(
    'fieldset',
    {
      id: 'rf-units',
      tabIndex: -1,
      'aria-describedby': p.error ? 're-units' : undefined,
    },
    h('legend', null, rt('rcWho')),
    radio('rc-who', !p.draft.unitsChosen, rt('rcWhoAll'), () => p.set({ unitsChosen: false })),
    radio('rc-who', p.draft.unitsChosen, rt('rcWhoUnits'), () => p.set({ unitsChosen: true })),
    p.draft.unitsChosen
      ? [
          h(
            'div',
            { class: 'days picks', key: 'units' },
            unitList.map((u) =>
              h(
                'label',
                { class: 'check', key: u },
                h('input', {
                  type: 'checkbox',
                  checked: p.draft.units.includes(u),
                  onChange: (e: Event) => p.set({ units: toggle(p.draft.units, u, checked(e)) }),
                }),
                ` ${u}`,
              ),
            ),
          ),
          h(
            'div',
            { class: 'row', key: 'other' },
            h(
              'div',
              { class: 'field grow' },
              h('label', { for: 'rf-other-unit' }, rt('rcOtherUnit')),
              h('input', {
                id: 'rf-other-unit',
                type: 'text',
                value: other.value,
                'aria-describedby': 'rh-other-unit',
                onInput: (e: Event) => {
                  other.value = value(e);
                },
              }),
              h('p', { id: 'rh-other-unit', class: 'hint' }, rt('rcOtherUnitHint')),
            ),
            h(
              'button',
              {
                type: 'button',
                onClick: () => {
                  const u = other.value.trim();
                  if (u) p.set({ units: toggle(p.draft.units, u, true) });
                  other.value = '';
                },
              },
              rt('rcAddUnit'),
            ),
          ),
        ]
      : null,
    p.error,
  );
}
