import { type ComponentChildren, h } from 'preact';
import { weekdayNames } from './format';
import { rt } from './rollcalls-api';
import type { Draft } from './rollcalls-draft';
import { PAGI, type RcField, type RcIssues } from './rollcalls-model';
import { radio, type Site, SitePicks, UnitPicks } from './rollcalls-picks';
import type { RcKey } from './rollcalls-strings';
import { lang } from './state';

/**
 * The roll-call form: name, schedule (daily / weekly with its days / monthly day / once date),
 * the four times, where (each one's own ground, or the grounds picked) and who (everyone, or
 * the units picked). Each field carries the server's refusal, tied in for screen readers.
 * The screen (rollcalls.ts) keeps the draft and saves it.
 */

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
  const kinds: [Draft['kind'], RcKey][] = [
    ['daily', 'rcKindDaily'],
    ['weekly', 'rcKindWeekly'],
    ['monthly', 'rcKindMonthly'],
    ['once', 'rcKindOnce'],
  ];

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
    h(SitePicks, {
      draft: d,
      set: p.set,
      sites: p.sites,
      error: errorOf('siteIds'),
    }),
    h(UnitPicks, {
      draft: d,
      set: p.set,
      units: p.units,
      error: errorOf('units'),
    }),
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
