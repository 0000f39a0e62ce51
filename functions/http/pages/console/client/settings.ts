import { useSignal } from '@preact/signals';
import { type ComponentChildren, h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../../../../core/settings';
import { type ApiError, api } from './api';
import { weekdayNames } from './format';
import { lang, t } from './state';
import type { StringKey } from './strings';
import { Alert, errorText, Screen } from './ui';

type Field = keyof Settings;
type Issues = Partial<Record<Field | '', string[]>>;

const FIELDS: readonly Field[] = [
  'timezone',
  'opensAt',
  'startsAt',
  'closesAt',
  'reportAt',
  'workdays',
  'maxAccuracyM',
  'edgeToleranceM',
  'maxClockSkewS',
  'wallAccess',
  'language',
  'attemptRetentionDays',
];
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

/**
 * The server's issues by field. A rule across fields ("reportAt must be after closesAt") comes
 * with an empty path: it goes to the field its message begins with, else above the form.
 */
export function issuesByField(e: ApiError): Issues {
  const out: Issues = {};
  for (const i of e.details?.issues ?? []) {
    const head = i.path.split('.')[0] ?? '';
    const named = FIELDS.find((f) => i.message.startsWith(`${f} `));
    const field: Field | '' = (FIELDS as readonly string[]).includes(head)
      ? (head as Field)
      : (named ?? '');
    const list = out[field] ?? [];
    list.push(say(i.message));
    out[field] = list;
  }
  return out;
}

/** The server's usual wordings, said in Indonesian; anything else as the server put it. */
const SAID: readonly [RegExp, StringKey][] = [
  [/Expected <=(\d+)/, 'atMost'],
  [/Expected >=(\d+)/, 'atLeast'],
  [/24-hour time/, 'badTime'],
  [/IANA time zone/, 'badZone'],
  [/^reportAt must be after closesAt/, 'reportAfterClose'],
  [/^opensAt must not be after startsAt/, 'opensBeforeStarts'],
  [/^startsAt must not be after closesAt/, 'startsBeforeCloses'],
  [/at least one workday/, 'oneWorkday'],
  [/Expected number/, 'badNumber'],
];

function say(message: string): string {
  if (lang.value !== 'id') return message;
  for (const [re, key] of SAID) {
    const m = re.exec(message);
    if (m) return t(key, { n: m[1] ?? '' });
  }
  return message;
}

/** Pengaturan: GET and PUT /v1/settings, whole; what the server refuses shown at its field. */
export function SettingsScreen() {
  const form = useSignal<Settings | null>(null);
  const issues = useSignal<Issues>({});
  const outcome = useSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const saving = useSignal(false);

  useEffect(() => {
    void api<Settings>('GET', '/v1/settings').then((r) => {
      if (r.ok) form.value = r.body;
      else outcome.value = { tone: 'error', text: errorText(r.error) };
    });
  }, []);

  const set = <K extends Field>(k: K, value: Settings[K]) => {
    if (form.value) form.value = { ...form.value, [k]: value };
  };

  async function save(e: Event) {
    e.preventDefault();
    if (!form.value || saving.value) return;
    saving.value = true;
    outcome.value = null;
    const r = await api<Settings>('PUT', '/v1/settings', form.value);
    saving.value = false;
    if (r.ok) {
      form.value = r.body;
      issues.value = {};
      outcome.value = { tone: 'ok', text: t('saved') };
      return;
    }
    issues.value = r.error.code === 'VALIDATION_FAILED' ? issuesByField(r.error) : {};
    outcome.value = {
      tone: 'error',
      text: r.error.code === 'VALIDATION_FAILED' ? t('fixFields') : errorText(r.error),
    };
    // Take the keyboard to the first field the server refused.
    const first = FIELDS.find((f) => issues.value[f]);
    if (first) document.getElementById(`f-${first}`)?.focus();
  }

  const s = form.value;
  const general = issues.value[''];
  return h(
    Screen,
    { title: t('settingsTitle'), lead: t('settingsLead') },
    outcome.value ? h(Alert, { tone: outcome.value.tone }, outcome.value.text) : null,
    general ? h(Alert, { tone: 'error' }, general.join(' ')) : null,
    !s
      ? outcome.value
        ? null
        : h('p', { class: 'muted' }, t('loading'))
      : h(
          'form',
          { class: 'card settings', noValidate: true, onSubmit: save },
          h(
            'fieldset',
            null,
            h('legend', null, t('windowLegend')),
            row(
              'timezone',
              'timezoneHint',
              h('input', {
                id: 'f-timezone',
                list: 'zones',
                value: s.timezone,
                ...aria('timezone', true),
                onInput: (e: Event) => set('timezone', inputValue(e)),
              }),
              h(
                'datalist',
                { id: 'zones' },
                ZONES.map((z) => h('option', { value: z, key: z })),
              ),
            ),
            timeRow('opensAt', s.opensAt),
            timeRow('startsAt', s.startsAt),
            timeRow('closesAt', s.closesAt),
            timeRow('reportAt', s.reportAt, 'reportAtHint'),
          ),
          h(
            'fieldset',
            {
              id: 'f-workdays',
              tabIndex: -1,
              'aria-describedby': issues.value.workdays ? 'e-workdays' : undefined,
            },
            h('legend', null, t('workdays')),
            h(
              'div',
              { class: 'days' },
              weekdayNames(lang.value).map((name, i) => {
                const day = i + 1;
                return h(
                  'label',
                  { class: 'check', key: day },
                  h('input', {
                    type: 'checkbox',
                    checked: s.workdays.includes(day),
                    onChange: (e: Event) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      const rest = s.workdays.filter((d) => d !== day);
                      set('workdays', on ? [...rest, day].sort() : rest);
                    },
                  }),
                  ` ${name}`,
                );
              }),
            ),
            errorOf('workdays'),
          ),
          h(
            'fieldset',
            null,
            h('legend', null, t('gpsLegend')),
            numberRow('maxAccuracyM', s.maxAccuracyM, 'maxAccuracyHint'),
            numberRow('edgeToleranceM', s.edgeToleranceM, 'edgeToleranceHint'),
            numberRow('maxClockSkewS', s.maxClockSkewS, 'maxClockSkewHint'),
          ),
          h(
            'fieldset',
            null,
            h('legend', null, t('wallLegend')),
            row(
              'wallAccess',
              null,
              select('wallAccess', s.wallAccess, [
                ['authenticated', t('wallAuthenticated')],
                ['public', t('wallPublic')],
              ]),
            ),
            row(
              'language',
              null,
              select('language', s.language, [
                ['id', t('langId')],
                ['en', t('langEn')],
              ]),
            ),
          ),
          h(
            'div',
            { class: 'actions' },
            h(
              'button',
              { type: 'submit', class: 'primary', disabled: saving.value },
              saving.value ? t('saving') : t('save'),
            ),
          ),
        ),
  );

  function aria(f: Field, hint: boolean) {
    const ids = [hint ? `h-${f}` : '', issues.value[f] ? `e-${f}` : ''].filter(Boolean);
    return {
      'aria-describedby': ids.length ? ids.join(' ') : undefined,
      'aria-invalid': issues.value[f] ? 'true' : undefined,
    };
  }

  function errorOf(f: Field) {
    const list = issues.value[f];
    return list ? h('p', { id: `e-${f}`, class: 'field-error' }, list.join(' ')) : null;
  }

  function row(f: Field, hint: StringKey | null, ...control: ComponentChildren[]) {
    return h(
      'div',
      { class: `field${issues.value[f] ? ' invalid' : ''}` },
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

function inputValue(e: Event): string {
  return (e.currentTarget as HTMLInputElement).value;
}
