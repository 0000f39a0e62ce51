import { useSignal } from '@preact/signals';
import { type ComponentChildren, h } from 'preact';
import { weekdayNames } from './format';
import { rt } from './rollcalls-api';
import type { Draft } from './rollcalls-draft';
import { PAGI, type RcField, type RcIssues } from './rollcalls-model';
import type { RcKey } from './rollcalls-strings';
import { lang, t } from './state';

/**
 * The roll-call form: name, schedule (daily / weekly with its days / monthly day / once date),
 * the four times, where (each one's own ground, or the grounds picked) and who (everyone, or
 * the units picked). Each field carries the server's refusal, tied in for screen readers.
 * The screen (rollcalls.ts) keeps the draft and saves it.
 */

export interface Site {
  readonly id: string;
  readonly name: string;
}

interface Props {
  readonly draft: Draft;
  readonly set: (patch: Partial<Draft>) => void;
  readonly issues: RcIssues;
  readonly sites: readonly Site[] | null;
  readonly units: readonly string[];
  readonly saving: boolean;
  readonly onSubmit: (e: Event) => void;
  readonly onCancel: () => void;
}

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

export function RollCallForm(p: Props) {
  const d = p.draft;
  const isPagi = !d.isNew && d.id === PAGI;
  const other = useSignal('');
  const aria = (f: RcField, hint: boolean) => {
    const ids = [hint ? `rh-${f}` : '', p.issues[f] ? `re-${f}` : ''].filter(Boolean);
    return {
      'aria-describedby': ids.length ? ids.join(' ') : undefined,
      'aria-invalid': p.issues[f] ? 'true' : undefined,
    };
  };
  const errorOf = (f: RcField) => {
    const list = p.issues[f];
    return list ? h('p', { id: `re-${f}`, class: 'field-error' }, list.join(' ')) : null;
  };
  const row = (f: RcField, label: RcKey, hint: RcKey | null, control: ComponentChildren) =>
    h(
      'div',
      { class: `field${p.issues[f] ? ' invalid' : ''}` },
      h('label', { for: `rf-${f}` }, rt(label)),
      control,
      hint ? h('p', { id: `rh-${f}`, class: 'hint' }, rt(hint)) : null,
      errorOf(f),
    );
  const text = (f: 'id' | 'name', label: RcKey, hint: RcKey) =>
    row(
      f,
      label,
      hint,
      h('input', {
        id: `rf-${f}`,
        type: 'text',
        value: d[f],
        maxLength: f === 'id' ? 40 : 120,
        autocomplete: 'off',
        ...aria(f, true),
        onInput: (e: Event) => p.set({ [f]: value(e) }),
      }),
    );
  const time = (f: 'opensAt' | 'startsAt' | 'closesAt' | 'reportAt', label: RcKey) =>
    row(
      f,
      label,
      'rcTimeHint',
      // Text, not type=time: that one shows AM/PM in an English browser; times are 24-hour.
      h('input', {
        id: `rf-${f}`,
        type: 'text',
        inputMode: 'numeric',
        placeholder: 'HH:MM',
        maxLength: 5,
        value: d[f],
        ...aria(f, true),
        onInput: (e: Event) => p.set({ [f]: value(e) }),
      }),
    );
  const radio = (name: string, on: boolean, label: string, pick: () => void) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'radio', name, checked: on, onChange: pick }),
      ` ${label}`,
    );
  const toggle = (list: readonly string[], item: string, on: boolean) =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  const kinds: [Draft['kind'], RcKey][] = [
    ['daily', 'rcKindDaily'],
    ['weekly', 'rcKindWeekly'],
    ['monthly', 'rcKindMonthly'],
    ['once', 'rcKindOnce'],
  ];
  const unitList = [...new Set([...p.units, ...d.units])].sort((a, b) => a.localeCompare(b, 'id'));

  return h(
    'form',
    { class: 'card settings rc-form', noValidate: true, onSubmit: p.onSubmit },
    h(
      'fieldset',
      null,
      h('legend', null, rt(d.isNew ? 'rcNewTitle' : 'rcEditTitle', { name: d.name })),
      d.isNew ? text('id', 'rcId', 'rcIdHint') : null,
      text('name', 'rcName', 'rcNameHint'),
    ),
    h(
      'fieldset',
      {
        id: 'rf-schedule',
        tabIndex: -1,
        'aria-describedby': p.issues.schedule ? 're-schedule' : undefined,
      },
      h('legend', null, rt('rcSchedule')),
      // pagi is every workday, always: its schedule is not the admin's to choose.
      isPagi ? h('p', null, rt('rcDaily')) : null,
      h(
        'div',
        { class: 'days', hidden: isPagi },
        kinds.map(([k, label]) =>
          h(
            'span',
            { key: k },
            radio('rc-kind', d.kind === k, rt(label), () => p.set({ kind: k })),
          ),
        ),
      ),
      d.kind === 'weekly'
        ? h(
            'fieldset',
            { class: 'sub' },
            h('legend', null, rt('rcWeekdays')),
            h(
              'div',
              { class: 'days' },
              weekdayNames(lang.value).map((name, i) =>
                h(
                  'label',
                  { class: 'check', key: name },
                  h('input', {
                    type: 'checkbox',
                    checked: d.weekdays.includes(i + 1),
                    onChange: (e: Event) => {
                      const rest = d.weekdays.filter((x) => x !== i + 1);
                      p.set({ weekdays: checked(e) ? [...rest, i + 1].sort() : rest });
                    },
                  }),
                  ` ${name}`,
                ),
              ),
            ),
          )
        : null,
      d.kind === 'monthly'
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: 'rf-day' }, rt('rcDay')),
            h('input', {
              id: 'rf-day',
              type: 'number',
              min: 1,
              max: 31,
              value: d.day,
              'aria-describedby': 'rh-day',
              onInput: (e: Event) => p.set({ day: value(e) }),
            }),
            h('p', { id: 'rh-day', class: 'hint' }, rt('rcDayHint')),
          )
        : null,
      d.kind === 'once'
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: 'rf-date' }, rt('rcDate')),
            h('input', {
              id: 'rf-date',
              type: 'date',
              value: d.date,
              'aria-describedby': 'rh-date',
              onInput: (e: Event) => p.set({ date: value(e) }),
            }),
            h('p', { id: 'rh-date', class: 'hint' }, rt('rcDateHint')),
          )
        : null,
      errorOf('schedule'),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, rt('rcTimes')),
      isPagi ? h('p', { class: 'hint' }, rt('rcPagiNote')) : null,
      h(
        'div',
        { class: 'times' },
        time('opensAt', 'rcOpensAt'),
        time('startsAt', 'rcStartsAt'),
        time('closesAt', 'rcClosesAt'),
        time('reportAt', 'rcReportAt'),
      ),
    ),
    h(
      'fieldset',
      {
        id: 'rf-siteIds',
        tabIndex: -1,
        'aria-describedby': p.issues.siteIds ? 're-siteIds' : undefined,
      },
      h('legend', null, rt('rcWhere')),
      radio('rc-where', !d.sitesChosen, rt('rcWhereOwn'), () => p.set({ sitesChosen: false })),
      radio('rc-where', d.sitesChosen, rt('rcWhereChosen'), () => p.set({ sitesChosen: true })),
      d.sitesChosen
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
                        checked: d.siteIds.includes(s.id),
                        onChange: (e: Event) =>
                          p.set({ siteIds: toggle(d.siteIds, s.id, checked(e)) }),
                      }),
                      ` ${s.name}`,
                    ),
                  ),
          )
        : null,
      errorOf('siteIds'),
    ),
    h(
      'fieldset',
      {
        id: 'rf-units',
        tabIndex: -1,
        'aria-describedby': p.issues.units ? 're-units' : undefined,
      },
      h('legend', null, rt('rcWho')),
      radio('rc-who', !d.unitsChosen, rt('rcWhoAll'), () => p.set({ unitsChosen: false })),
      radio('rc-who', d.unitsChosen, rt('rcWhoUnits'), () => p.set({ unitsChosen: true })),
      d.unitsChosen
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
                    checked: d.units.includes(u),
                    onChange: (e: Event) => p.set({ units: toggle(d.units, u, checked(e)) }),
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
                    if (u) p.set({ units: toggle(d.units, u, true) });
                    other.value = '';
                  },
                },
                rt('rcAddUnit'),
              ),
            ),
          ]
        : null,
      errorOf('units'),
    ),
    h(
      'div',
      { class: `field rc-active${p.issues.active ? ' invalid' : ''}`, hidden: isPagi },
      h(
        'label',
        { class: 'check' },
        h('input', {
          id: 'rf-active',
          type: 'checkbox',
          checked: d.active,
          onChange: (e: Event) => p.set({ active: checked(e) }),
        }),
        ` ${rt('rcActiveLabel')}`,
      ),
      errorOf('active'),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'submit', class: 'primary', disabled: p.saving },
        rt(p.saving ? 'rcSaving' : 'rcSave'),
      ),
      h('button', { type: 'button', onClick: p.onCancel }, rt('rcCancel')),
    ),
  );
}
