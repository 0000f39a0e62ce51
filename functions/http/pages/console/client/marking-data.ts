import type * as v from 'valibot';
import { searchTerms, searchTokens } from '../../../../core/roster-search';
import type { AttendanceSchema, AttendeeSchema } from '../../../mark-schemas';
import type { ApiError } from './api';
import { issuesByField } from './field-issues';
import type { MarkingKey } from './marking-strings';
import { happensOn, type RollCall } from './rollcalls-model';

/**
 * What the marking screen reads and decides without the DOM: the attendees as
 * GET /v1/attendance/{date}/{rollCallId} gives them, the roll call chosen first, a person's state
 * in words, the name filter, and where the server's refusal of a mark is shown.
 */

export type Attendee = v.InferOutput<typeof AttendeeSchema>;
export type AttendanceDay = v.InferOutput<typeof AttendanceSchema>;
export type MarkStatus = 'on_time' | 'late' | 'excused';

/** The reasons an officer taps most; free text may follow (or stand alone). */
export const REASONS: readonly MarkingKey[] = [
  'reasonPhone',
  'reasonGps',
  'reasonNoPhone',
  'reasonNetwork',
  'reasonDuty',
];

/** The reason sent: the quick choice, then the free text after a colon. */
export function reasonOf(choice: string, free: string): string {
  const more = free.trim();
  if (choice && more) return `${choice}: ${more}`;
  return choice || more;
}

/**
 * The roll call the screen opens on: of those held today, the one whose window is open now, else
 * the next to open, else the first held today, else the first the caller may mark.
 */
export function defaultRollCall(list: readonly RollCall[], today: string, now: string): string {
  const held = list.filter((rc) => happensOn(rc, today, true));
  const open = held.find((rc) => rc.opensAt <= now && now < rc.closesAt);
  const next = held
    .filter((rc) => rc.opensAt > now)
    .sort((a, b) => (a.opensAt < b.opensAt ? -1 : 1));
  return (open ?? next[0] ?? held[0] ?? list[0])?.id ?? '';
}

/** The roll calls a caller may mark: an officer only their own; admins and operators any. */
export function markableRollCalls(
  list: readonly RollCall[],
  roles: readonly string[],
  own: readonly string[],
): RollCall[] {
  if (roles.includes('admin') || roles.includes('operator')) return list.filter((rc) => rc.active);
  return list.filter((rc) => own.includes(rc.id));
}

export type StateKey =
  | 'stateAbsent'
  | 'stateCheckin'
  | 'stateCheckinLate'
  | 'stateManual'
  | 'stateAppeal'
  | 'stateExcuse';

/** What a person's row says about them, as a key of marking-strings.ts. */
export function stateOf(a: Attendee): StateKey {
  switch (a.source) {
    case 'checkin':
      return a.status === 'late' ? 'stateCheckinLate' : 'stateCheckin';
    case 'mark':
      return a.mark?.method === 'appeal' ? 'stateAppeal' : 'stateManual';
    case 'excuse':
      return 'stateExcuse';
    default:
      return 'stateAbsent';
  }
}

/** Whether a mark may be placed on this person now (no check-in stands, no mark yet). */
export const markable = (a: Attendee) => a.source === 'none' || a.source === 'excuse';

/** The attendees the name filter keeps: every word typed starts a word of the name, or the id. */
export function filterAttendees(items: readonly Attendee[], q: string, onlyAbsent: boolean) {
  const terms = searchTerms(q);
  return items.filter((a) => {
    if (onlyAbsent && !markable(a)) return false;
    if (terms.length === 0) return true;
    const tokens = searchTokens(a);
    return terms.every((t) => tokens.some((w) => w.startsWith(t)));
  });
}

export const MARK_FIELDS = ['date', 'status', 'at', 'kind', 'reason'] as const;
export type MarkField = (typeof MARK_FIELDS)[number];

/**
 * Where a refused mark is shown, and in which words: a field's own issue under that field; the
 * month lock at the date; a forbidden status at the status; a check-in that came first in plain
 * words above the form (`reload`: the list is out of date).
 */
export function refusalOf(
  e: ApiError,
  o: { status: MarkStatus; canChoose: boolean; words: (k: MarkingKey) => string },
): { by: Partial<Record<MarkField | '', string[]>>; reload: boolean } {
  const only = (field: MarkField | '', text: string) => ({ [field]: [text] });
  switch (e.code) {
    case 'ALREADY_CHECKED_IN':
      return { by: only('', o.words('alreadyCheckedIn')), reload: true };
    case 'MONTH_LOCKED':
      return { by: only(o.canChoose ? 'date' : '', o.words('monthLocked')), reload: false };
    case 'FORBIDDEN':
      return {
        by: only(o.canChoose && o.status !== 'on_time' ? 'status' : '', o.words('forbidden')),
        reload: false,
      };
    case 'NOT_FOUND':
      return { by: only('', o.words('notFound')), reload: true };
  }
  const by = issuesByField(e, MARK_FIELDS);
  // Another refusal of the date (before the deployment, a day to come, not held) sits at the date.
  if (!MARK_FIELDS.some((f) => by[f]) && e.message && o.canChoose && /DATE|DEPLOYMENT/.test(e.code))
    return { by: only('date', e.message), reload: false };
  if (!o.canChoose) {
    // An officer's form has the reason alone: any other field's refusal goes above it.
    const above = MARK_FIELDS.filter((f) => f !== 'reason').flatMap((f) => by[f] ?? []);
    return {
      by: { ...(by.reason ? { reason: by.reason } : {}), '': [...(by[''] ?? []), ...above] },
      reload: false,
    };
  }
  return { by, reload: false };
}
