import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { ConfirmButton } from './confirm';
import { monthOf } from './dates';
import { fetchFile, saveBlob } from './fetch-file';
import { clockOf, dateLabel, todayIn } from './format';
import { rct } from './recaps-strings';
import { type Recap, RecapTables } from './recaps-tables';
import { rollCallPicker } from './rollcall-picker';
import { listRollCalls } from './rollcalls-api';
import { PAGI, type RollCall } from './rollcalls-model';
import { config, lang } from './state';
import { Alert, errorText, Screen } from './ui';

/** The local date of an instant (en-CA formats as YYYY-MM-DD). */
const localDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));

/**
 * Rekap: a month's recap (GET /v1/recaps/{YYYY-MM}) of a roll call, one unit or all, as totals
 * per unit and per employee; its CSV and xlsx; the month's lock (POST/DELETE …/lock, the
 * unlock with a reason).
 */
export function Recaps() {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const month = useSignal(monthOf(todayIn(tz)));
  const rollCalls = useSignal<RollCall[]>([]);
  const rollCall = useSignal(PAGI);
  const unit = useSignal('');
  const units = useSignal<string[]>([]);
  const recap = useSignal<Recap | null>(null);
  const error = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  const reason = useSignal('');

  const query = (format?: string) => {
    const q = new URLSearchParams({ rollCall: rollCall.value });
    if (unit.value) q.set('unit', unit.value);
    if (format) q.set('format', format);
    return `/v1/recaps/${month.value}?${q}`;
  };

  async function load() {
    recap.value = null;
    const r = await api<Recap>('GET', query());
    if (!r.ok) {
      error.value = errorText(r.error);
      return;
    }
    error.value = null;
    recap.value = r.body;
    if (!unit.value) units.value = r.body.units.map((u) => u.unit);
  }

  useEffect(() => {
    void load();
  }, [month.value, rollCall.value, unit.value]);
  useEffect(() => {
    void listRollCalls().then((list) => {
      if (list.ok) rollCalls.value = list.body;
    });
  }, []);

  async function download(format: 'csv' | 'xlsx') {
    const f = await fetchFile(query(format));
    if (!f.ok) {
      error.value = errorText(f.error);
      return;
    }
    saveBlob(f.blob, f.name ?? `rekap-${month.value}.${format}`);
  }

  async function lockChange(method: 'POST' | 'DELETE') {
    done.value = null;
    if (method === 'DELETE' && !reason.value.trim()) {
      error.value = rct('reasonNeeded');
      return;
    }
    const body = method === 'DELETE' ? { reason: reason.value.trim() } : undefined;
    const r = await api(method, `/v1/recaps/${month.value}/lock`, body);
    if (!r.ok) {
      error.value = errorText(r.error);
      return;
    }
    reason.value = '';
    await load();
    done.value = rct(method === 'POST' ? 'lockedOk' : 'unlockedOk', { month: month.value });
  }

  const r = recap.value;
  const locked = r?.lock?.locked === true;
  return h(
    Screen,
    { title: rct('title'), lead: rct('lead') },
    h(
      'div',
      { class: 'row' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'recap-month' }, rct('month')),
        h('input', {
          id: 'recap-month',
          type: 'month',
          value: month.value,
          max: monthOf(todayIn(tz)),
          onChange: (e: Event) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            if (/^\d{4}-\d\d$/.test(v)) month.value = v;
          },
        }),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'recap-unit' }, rct('unit')),
        h(
          'select',
          {
            id: 'recap-unit',
            value: unit.value,
            onChange: (e: Event) => {
              unit.value = (e.currentTarget as HTMLSelectElement).value;
            },
          },
          h('option', { value: '' }, rct('allUnits')),
          units.value.map((u) => h('option', { value: u, key: u }, u)),
        ),
      ),
      rollCalls.value.length > 1
        ? rollCallPicker(rollCalls.value, rollCall.value, (id) => {
            rollCall.value = id;
          })
        : null,
    ),
    error.value ? h(Alert, { tone: 'error' }, error.value) : null,
    done.value ? h(Alert, { tone: 'ok' }, done.value) : null,
    r === null && !error.value ? h('p', { class: 'muted', role: 'status' }, rct('loading')) : null,
    r
      ? h(
          'div',
          { class: 'recap' },
          h(
            'p',
            { class: 'recap-state' },
            locked && r.lock
              ? rct('locked', {
                  at: `${dateLabel(localDate(r.lock.lockedAt, tz), lang.value)} ${clockOf(r.lock.lockedAt, tz, lang.value)}`,
                  by: r.lock.lockedBy,
                })
              : rct('open'),
            r.pending.length > 0 ? ` ${rct('pending', { n: r.pending.length })}` : '',
          ),
          h(
            'div',
            { class: 'row-actions' },
            h('button', { type: 'button', onClick: () => void download('csv') }, rct('csv')),
            h('button', { type: 'button', onClick: () => void download('xlsx') }, rct('xlsx')),
            locked
              ? null
              : h(ConfirmButton, {
                  label: rct('lock'),
                  question: rct('lockQ', { month: month.value }),
                  yes: rct('yes'),
                  no: rct('no'),
                  tone: 'primary',
                  onConfirm: () => lockChange('POST'),
                }),
          ),
          locked
            ? h(
                'div',
                { class: 'row' },
                h(
                  'div',
                  { class: 'field grow' },
                  h('label', { for: 'recap-reason' }, rct('reason')),
                  h('input', {
                    id: 'recap-reason',
                    value: reason.value,
                    maxLength: 500,
                    onInput: (e: Event) => {
                      reason.value = (e.currentTarget as HTMLInputElement).value;
                    },
                  }),
                ),
                h(ConfirmButton, {
                  label: rct('unlock'),
                  question: rct('unlockQ', { month: month.value }),
                  yes: rct('yes'),
                  no: rct('no'),
                  onConfirm: () => lockChange('DELETE'),
                }),
              )
            : null,
          h(RecapTables, { recap: r }),
        )
      : null,
  );
}
