import type { ComponentChildren } from 'preact';
import { h } from 'preact';
import type { Settings } from '../../../../core/settings';
import type { Field, Issues } from './settings-issues';
import { t } from './state';
import type { StringKey } from './strings';

/**
 * The settings form's controls: each field's label, input, hint and the server's refusal, tied
 * together for screen readers (aria-describedby, aria-invalid). The screen (settings.ts) lays
 * them out in fieldsets and keeps the values.
 */
export function fieldControls(
  issues: Issues,
  set: <K extends Field>(k: K, value: Settings[K]) => void,
) {
  return { aria, errorOf, row, timeRow, numberRow, select };

  function aria(f: Field, hint: boolean) {
    const ids = [hint ? `h-${f}` : '', issues[f] ? `e-${f}` : ''].filter(Boolean);
    return {
      'aria-describedby': ids.length ? ids.join(' ') : undefined,
      'aria-invalid': issues[f] ? 'true' : undefined,
    };
  }

  function errorOf(f: Field) {
    const list = issues[f];
    return list ? h('p', { id: `e-${f}`, class: 'field-error' }, list.join(' ')) : null;
  }

  function row(f: Field, hint: StringKey | null, ...control: ComponentChildren[]) {
    return h(
      'div',
      { class: `field${issues[f] ? ' invalid' : ''}` },
      h('label', { for: `f-${f}` }, t(f as StringKey)),
      ...control,
      hint ? h('p', { id: `h-${f}`, class: 'hint' }, t(hint)) : null,
      errorOf(f),
    );
  }

  function timeRow(
    f: 'opensAt' | 'startsAt' | 'closesAt' | 'reportAt',
    value: string,
    hint?: StringKey,
  ) {
    return row(
      f,
      hint ?? null,
      // Text, not type=time: that one shows AM/PM in an English browser; settings are 24-hour.
      h('input', {
        id: `f-${f}`,
        type: 'text',
        inputMode: 'numeric',
        placeholder: 'HH:MM',
        maxLength: 5,
        value,
        ...aria(f, true),
        onInput: (e: Event) => set(f, inputValue(e)),
      }),
    );
  }

  function numberRow(
    f: 'maxAccuracyM' | 'edgeToleranceM' | 'maxClockSkewS',
    value: number,
    hint: StringKey,
  ) {
    return row(
      f,
      hint,
      h('input', {
        id: `f-${f}`,
        type: 'number',
        inputMode: 'numeric',
        value: String(value),
        ...aria(f, true),
        onInput: (e: Event) => {
          const raw = inputValue(e);
          // An empty or half-typed number is sent as it is; the server names what is wrong.
          set(f, raw === '' ? Number.NaN : Number(raw));
        },
      }),
    );
  }

  function select<K extends 'wallAccess' | 'language'>(
    f: K,
    value: Settings[K],
    options: [Settings[K], string][],
  ) {
    return h(
      'select',
      {
        id: `f-${f}`,
        value,
        ...aria(f, false),
        onChange: (e: Event) => set(f, (e.currentTarget as HTMLSelectElement).value as Settings[K]),
      },
      options.map(([v, label]) => h('option', { value: v, key: v }, label)),
    );
  }
}

export function inputValue(e: Event): string {
  return (e.currentTarget as HTMLInputElement).value;
}
