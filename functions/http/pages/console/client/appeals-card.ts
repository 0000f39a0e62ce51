import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { LABELS } from '../../../../core/render/labels';
import { api } from './api';
import { at } from './appeals-strings';
import { describedBy, FieldError, issuesByField } from './field-issues';
import { clockOf, dateLabel } from './format';
import { config, lang } from './state';
import { Alert, errorText } from './ui';

/** One appeal as GET /v1/appeals gives it. */
export interface Appeal {
  readonly appealId: string;
  readonly employeeId: string;
  readonly name: string;
  readonly unit: string;
  readonly date: string;
  readonly rollCallId: string;
  readonly claim: 'present' | 'excused';
  readonly kind?: keyof (typeof LABELS)['id']['kinds'];
  readonly reason: string;
  readonly status: 'open' | 'accepted' | 'rejected';
  readonly createdAt: string;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly note?: string;
}

const MAX_NOTE = 500;

function stamp(iso: string): string {
  const tz = config.value?.rules.timezone ?? 'Asia/Jakarta';
  const day = new Date(iso).toLocaleDateString('en-CA', { timeZone: tz });
  return `${dateLabel(day, lang.value)} ${clockOf(iso, tz, lang.value)}`;
}

/**
 * One appeal: who, which day and roll call, the claim and the reason; an open one takes a note
 * and Terima / Tolak (POST /v1/appeals/{id}/decision), its refusal shown under the note.
 */
export function AppealCard(p: { appeal: Appeal; onDecided: (a: Appeal, done: string) => void }) {
  const a = p.appeal;
  const note = useSignal('');
  const busy = useSignal(false);
  const noteError = useSignal<string[] | undefined>(undefined);
  const error = useSignal<string | null>(null);
  const l = lang.value;
  const base = `ap-${a.appealId.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const when = dateLabel(a.date, l, true);

  async function decide(decision: 'accept' | 'reject') {
    if (busy.value) return;
    error.value = null;
    noteError.value = undefined;
    if (!note.value.trim()) {
      noteError.value = [at('noteMissing')];
      document.getElementById(`${base}-note`)?.focus();
      return;
    }
    busy.value = true;
    const r = await api<{ appeal: Appeal }>(
      'POST',
      `/v1/appeals/${encodeURIComponent(a.appealId)}/decision`,
      { decision, note: note.value.trim() },
    );
    busy.value = false;
    if (r.ok) {
      const done = at(decision === 'accept' ? 'acceptedDone' : 'rejectedDone', { name: a.name });
      return p.onDecided(r.body.appeal, done);
    }
    const issues = issuesByField(r.error, ['note'] as const);
    if (issues.note) noteError.value = issues.note;
    else error.value = errorText(r.error);
    document.getElementById(`${base}-note`)?.focus();
  }

  const claim =
    a.claim === 'present'
      ? at('claimPresent')
      : at('claimExcused', { kind: LABELS[l].kinds[a.kind ?? 'other'] });
  return h(
    'li',
    { class: `card appeal appeal-${a.status}`, 'data-appeal': a.appealId },
    h(
      'h2',
      { class: 'appeal-who' },
      `${a.name} · ${a.employeeId}`,
      h('span', { class: `badge appeal-badge-${a.status}` }, at(a.status)),
    ),
    h('p', { class: 'appeal-meta' }, `${a.unit} · ${when} · ${at('rollCall')} ${a.rollCallId}`),
    h('p', { class: 'appeal-claim' }, h('strong', null, claim)),
    h('p', { class: 'appeal-reason' }, `${at('reason')}: ${a.reason}`),
    h('p', { class: 'hint' }, at('filed', { at: stamp(a.createdAt) })),
    a.status === 'open'
      ? h(
          'div',
          { class: 'appeal-decide' },
          h(
            'div',
            { class: `field${noteError.value ? ' invalid' : ''}` },
            h('label', { for: `${base}-note` }, at('noteLabel')),
            h('textarea', {
              id: `${base}-note`,
              rows: 2,
              maxLength: MAX_NOTE,
              value: note.value,
              onInput: (e: Event) => {
                note.value = (e.currentTarget as HTMLTextAreaElement).value;
              },
              ...describedBy(`${base}-note`, Boolean(noteError.value)),
            }),
            h(FieldError, { id: `${base}-note`, messages: noteError.value }),
          ),
          error.value ? h(Alert, { tone: 'error' }, error.value) : null,
          h(
            'div',
            { class: 'row-actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'primary',
                disabled: busy.value,
                'aria-label': at('acceptLabel', { name: a.name, date: when }),
                onClick: () => void decide('accept'),
              },
              busy.value ? at('deciding') : at('accept'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                disabled: busy.value,
                'aria-label': at('rejectLabel', { name: a.name, date: when }),
                onClick: () => void decide('reject'),
              },
              at('reject'),
            ),
          ),
        )
      : h(
          'div',
          { class: 'appeal-decision' },
          h(
            'p',
            null,
            at('decided', {
              status: at(a.status),
              by: a.decidedBy ?? '',
              at: a.decidedAt ? stamp(a.decidedAt) : '',
            }),
          ),
          a.note ? h('p', null, at('noteOf', { note: a.note })) : null,
        ),
  );
}
