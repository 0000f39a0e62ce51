import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../../../../core/settings';
import { api } from './api';
import { weekdayNames } from './format';
import { fieldControls, inputValue } from './settings-fields';
import { FIELDS, type Field, type Issues, issuesByField } from './settings-issues';
import { lang, t } from './state';
import { Alert, errorText, Screen } from './ui';

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

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

  const { aria, errorOf, row, timeRow, numberRow, select } = fieldControls(issues.value, set);
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
}
