import type { AppealKey } from '../appeals-strings';
import { el, KINDS, type Kind, MAX_REASON, type OpenDay } from './appeals-parts';

/**
 * The form of one appeal on the check-in page (appeals.ts keeps the draft and the section): the
 * claim (present, or excused with its kind), the reason, and its submission to POST /v1/appeals.
 * A missing reason is refused here, before anything is sent.
 */

export interface Draft {
  key: string;
  claim: 'present' | 'excused';
  kind: Kind;
  reason: string;
  error: string | null;
  sending: boolean;
}

/** What the section lends the form: its words, its repaint, its call, and how to close. */
export interface FormContext {
  readonly t: (key: AppealKey, vars?: Record<string, string>) => string;
  readonly paint: () => void;
  readonly call: (path: string, init?: RequestInit) => Promise<Response | null>;
  /** Drop the draft; with a notice (the appeal was sent), read the appeals again. */
  readonly close: (notice: string | null) => Promise<void>;
}

export function appealForm(day: OpenDay, d: Draft, ctx: FormContext): HTMLFormElement {
  const { t, paint } = ctx;
  const id = `appeal-${d.key}`;
  const radio = (value: 'present' | 'excused', label: AppealKey) => {
    const input = el('input', { type: 'radio', name: `${id}-claim`, id: `${id}-${value}`, value });
    input.checked = d.claim === value;
    input.addEventListener('change', () => {
      d.claim = value;
      paint();
      document.getElementById(`${id}-${value}`)?.focus();
    });
    return el('label', { class: 'choice', for: `${id}-${value}` }, input, t(label));
  };
  const claim = el(
    'fieldset',
    { class: 'appeal-claim' },
    el('legend', {}, t('claim')),
    radio('present', 'claimPresent'),
    radio('excused', 'claimExcused'),
  );
  const select = el('select', { id: `${id}-kind` });
  for (const k of KINDS) {
    const o = el('option', { value: k }, t(k));
    o.selected = d.kind === k;
    select.append(o);
  }
  select.addEventListener('change', () => {
    d.kind = select.value as Kind;
  });
  const kind =
    d.claim === 'excused'
      ? el('div', { class: 'field' }, el('label', { for: `${id}-kind` }, t('kind')), select)
      : null;
  const errorId = `${id}-error`;
  const area = el('textarea', {
    id: `${id}-reason`,
    maxlength: String(MAX_REASON),
    rows: '3',
    ...(d.error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
  });
  area.value = d.reason;
  area.addEventListener('input', () => {
    d.reason = area.value;
  });
  const reason = el(
    'div',
    { class: 'field' },
    el('label', { for: `${id}-reason` }, t('reason')),
    area,
  );
  const error = d.error
    ? el('p', { id: errorId, class: 'appeal-error', role: 'alert' }, d.error)
    : null;
  const send = el(
    'button',
    { type: 'submit', class: 'primary-small' },
    t(d.sending ? 'sending' : 'send'),
  );
  send.disabled = d.sending;
  const cancel = el('button', { type: 'button', class: 'link' }, t('cancel'));
  cancel.addEventListener('click', () => ctx.close(null));
  const f = el(
    'form',
    { class: 'appeal-form', novalidate: '' },
    claim,
    kind,
    reason,
    error,
    el('div', { class: 'appeal-actions' }, send, cancel),
  );
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(day, d, ctx);
  });
  return f;
}

async function submit(day: OpenDay, d: Draft, ctx: FormContext): Promise<void> {
  const { t, paint } = ctx;
  if (d.sending) return;
  const reason = d.reason.trim();
  if (!reason) {
    d.error = t('reasonMissing');
    paint();
    document.getElementById(`appeal-${d.key}-reason`)?.focus();
    return;
  }
  d.sending = true;
  d.error = null;
  paint();
  const body = {
    date: day.date,
    rollCallId: day.rollCallId,
    claim: d.claim,
    ...(d.claim === 'excused' ? { kind: d.kind } : {}),
    reason,
  };
  const res = await ctx.call('/v1/appeals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  d.sending = false;
  if (res?.ok) {
    await ctx.close(t('sent'));
    return;
  }
  const answer = res
    ? ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)
    : null;
  d.error = res
    ? t('failed', { why: answer?.error?.message ?? `HTTP ${res.status}` })
    : t('unreachable');
  paint();
  document.getElementById(`appeal-${d.key}-reason`)?.focus();
}
