import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { ConfirmButton } from './confirm';
import { describedBy, FieldError } from './field-issues';
import { clockOf, dateLabel, wallTime } from './format';
import {
  type Attendee,
  type MarkField,
  type MarkStatus,
  REASONS,
  reasonOf,
  refusalOf,
} from './marking-data';
import { type Issues, StatusFields } from './marking-status';
import { type MarkingKey, mt, statusWords } from './marking-strings';
import { config, lang } from './state';
import { Alert, errorText } from './ui';

const REASON_MAX = 500;

export interface PersonProps {
  readonly person: Attendee;
  /** `/v1/attendance/{date}/{rollCallId}` */
  readonly base: string;
  /** Operators and admins choose the status; an officer marks present. */
  readonly canChoose: boolean;
  /** The list changed (`message` says how, or why it is out of date). */
  readonly onChanged: (message: string | null) => void;
  /** A refusal that belongs at the screen's date field. */
  readonly onDateRefused: (messages: string[] | undefined) => void;
}

function stamp(iso: string): string {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const day = new Date(iso).toLocaleDateString('en-CA', { timeZone: tz });
  return `${dateLabel(day, lang.value)} ${clockOf(iso, tz, lang.value)}`;
}

/**
 * One person opened from the list: who checked in (nothing to do), who is marked (the mark, and
 * its withdrawal after a question), or the form that marks them: a reason tapped or written and,
 * for operators, the status with its time or kind. The server's refusals are shown at the field.
 */
export function PersonPanel(p: PersonProps) {
  const a = p.person;
  const slug = `mk-${a.employeeId.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const status = useSignal<MarkStatus>('on_time');
  const at = useSignal('');
  const kind = useSignal<string>('sick');
  const choice = useSignal('');
  const free = useSignal('');
  const busy = useSignal(false);
  const issues = useSignal<Issues>({});
  useEffect(() => {
    document.getElementById(`${slug}-first`)?.focus();
  }, [a.employeeId, a.source]);

  /** A field's refusal goes once the field is changed: it no longer says what is there. */
  function settled(f: MarkField) {
    if (issues.value[f]) issues.value = { ...issues.value, [f]: undefined };
  }

  const words = (k: MarkingKey) => mt(k, { name: a.name });
  const path = `${p.base}/${encodeURIComponent(a.employeeId)}`;

  function refused(e: Parameters<typeof refusalOf>[0]) {
    const r = refusalOf(e, { status: status.value, canChoose: p.canChoose, words });
    const { date, ...here } = r.by;
    p.onDateRefused(date);
    const placed = Object.values(r.by).some((m) => m && m.length > 0);
    issues.value = placed ? here : { '': [errorText(e)] };
    if (r.reload) p.onChanged(null);
  }

  async function mark() {
    if (busy.value) return;
    const reason = reasonOf(choice.value, free.value);
    const local: Issues = {};
    if (!reason) local.reason = [mt('reasonMissing')];
    if (status.value === 'late' && !at.value) local.at = [mt('atMissing')];
    issues.value = local;
    p.onDateRefused(undefined);
    if (Object.keys(local).length) {
      document.getElementById(local.at ? `${slug}-at` : `${slug}-reason`)?.focus();
      return;
    }
    busy.value = true;
    const body = {
      status: status.value,
      ...(status.value === 'late' ? { at: at.value } : {}),
      ...(status.value === 'excused' ? { kind: kind.value } : {}),
      reason,
    };
    const r = await api<unknown>('PUT', path, body);
    busy.value = false;
    if (r.ok) return p.onChanged(mt('marked', { name: a.name, status: statusWords(body) }));
    refused(r.error);
  }

  async function undo() {
    issues.value = {};
    const r = await api<unknown>('DELETE', path);
    if (r.ok) return p.onChanged(mt('undone', { name: a.name }));
    refused(r.error);
  }

  const is = issues.value;
  const above = is['']?.length ? h(Alert, { tone: 'error' }, is[''].join(' ')) : null;

  if (a.source === 'checkin') {
    // A check-in that arrived while the form was open: the refusal stays above what it explains.
    return h(
      'div',
      { class: 'mk-panel', id: `${slug}-panel` },
      above,
      h(
        'p',
        { id: `${slug}-first`, tabIndex: -1, class: 'mk-checked' },
        mt('checkedIn', { name: a.name, at: wallTime(a.at ?? '', lang.value) }),
      ),
    );
  }
  if (a.source === 'mark' && a.mark) {
    const m = a.mark;
    const said = mt(m.method === 'appeal' ? 'appealBy' : 'markedBy', {
      status: statusWords(m),
      by: m.by,
      at: stamp(m.markedAt),
    });
    return h(
      'div',
      { class: 'mk-panel', id: `${slug}-panel` },
      h('p', { id: `${slug}-first`, tabIndex: -1 }, said),
      h('p', { class: 'mk-reason' }, mt('reasonOf', { reason: m.reason })),
      above,
      h(ConfirmButton, {
        label: mt('undo'),
        ariaLabel: mt('undoLabel', { name: a.name }),
        question: mt('undoConfirm', { name: a.name }),
        yes: mt('undoYes'),
        no: mt('cancel'),
        onConfirm: undo,
      }),
    );
  }

  const field = (f: MarkField) => `${slug}-${f}`;
  return h(
    'form',
    {
      class: 'mk-panel',
      id: `${slug}-panel`,
      noValidate: true,
      'aria-label': mt('markLabel', { name: a.name }),
      onSubmit: (e: Event) => {
        e.preventDefault();
        void mark();
      },
    },
    p.canChoose ? h(StatusFields, { slug, status, at, kind, issues: is, settled }) : null,
    h(
      'fieldset',
      { class: 'mk-reasons', ...describedBy(field('reason'), Boolean(is.reason)) },
      h('legend', null, mt('reasonLegend')),
      REASONS.map((k, i) =>
        h(
          'label',
          { key: k, class: `mk-chip${choice.value === mt(k) ? ' on' : ''}` },
          h('input', {
            type: 'radio',
            name: `${slug}-choice`,
            id: i === 0 ? `${slug}-first` : undefined,
            checked: choice.value === mt(k),
            onChange: () => {
              choice.value = mt(k);
              settled('reason');
            },
          }),
          mt(k),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: field('reason') }, mt('reasonText')),
        h('textarea', {
          id: field('reason'),
          rows: 2,
          maxLength: REASON_MAX,
          value: free.value,
          onInput: (e: Event) => {
            free.value = (e.currentTarget as HTMLTextAreaElement).value;
            settled('reason');
          },
          ...describedBy(field('reason'), Boolean(is.reason), true),
        }),
        h('p', { id: `${field('reason')}-hint`, class: 'hint' }, mt('reasonTextHint')),
        h(FieldError, { id: field('reason'), messages: is.reason }),
      ),
    ),
    above,
    h(
      'button',
      { type: 'submit', class: 'primary mk-go', disabled: busy.value },
      busy.value ? mt('saving') : mt(p.canChoose ? 'markStatus' : 'mark'),
    ),
  );
}
