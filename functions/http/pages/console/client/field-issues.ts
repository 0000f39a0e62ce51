import { h } from 'preact';
import type { ApiError } from './api';

/**
 * A 400 VALIDATION_FAILED's issues sorted by the form's fields, in the server's own words (it
 * words them in the language the console asks in). An issue whose path names no field of the
 * form goes under '' and is shown above the form.
 */
export type FieldIssues<F extends string> = Partial<Record<F | '', string[]>>;

export function issuesByField<F extends string>(e: ApiError, fields: readonly F[]): FieldIssues<F> {
  const out: FieldIssues<F> = {};
  for (const i of e.details?.issues ?? []) {
    const head = i.path.split('.')[0] ?? '';
    const field = (fields as readonly string[]).includes(head) ? (head as F) : '';
    const list = out[field] ?? [];
    list.push(i.message);
    out[field] = list;
  }
  return out;
}

/** The aria attributes that tie a control to its hint and its refusal. */
export function describedBy(id: string, refused: boolean, hint = false) {
  const ids = [hint ? `${id}-hint` : '', refused ? `${id}-error` : ''].filter(Boolean);
  return {
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
    'aria-invalid': refused ? 'true' : undefined,
  };
}

/** The server's refusal of one field, under it. */
export function FieldError(p: { id: string; messages: readonly string[] | undefined }) {
  return p.messages?.length
    ? h('p', { id: `${p.id}-error`, class: 'field-error' }, p.messages.join(' '))
    : null;
}
