/**
 * GET /v1/audit's rules, apart from HTTP: the local dates asked for as a range of instants, and
 * the page cursor (the key of the last entry shown, bound to the search it came from).
 */
import { addDays, localTime } from './calendar';
import { ValidationFailed } from './errors';

/** The longest range searched, in dates (a year, a leap year's too); as GET /v1/reports lists. */
export const MAX_AUDIT_DAYS = 366;
/** Days searched when no `from` is given: the last 30, today included. */
export const DEFAULT_AUDIT_DAYS = 30;

/** The instant a local date begins in the zone. */
export function startOfDate(date: string, timeZone: string): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  // Two rounds settle the offset (none of Indonesia's zones has daylight saving).
  for (let i = 0; i < 2; i++) {
    const local = localTime(new Date(t), timeZone);
    const wall = Date.parse(`${local.date}T${local.time}:00Z`);
    t -= wall - Date.parse(`${date}T00:00:00Z`);
  }
  return new Date(t).toISOString();
}

function refuse(path: string, id: string, en: string): ValidationFailed {
  return new ValidationFailed(en, [{ path, message: { id, en } }]);
}

/**
 * The dates searched (`to` default today, `from` default 30 days before it), checked: from not
 * after to, at most MAX_AUDIT_DAYS dates. As instants: from the start of `from` to the start of
 * the day after `to`, neither later than the start of tomorrow.
 */
export function auditRange(
  q: { from?: string | undefined; to?: string | undefined },
  now: Date,
  timeZone: string,
): { fromDate: string; toDate: string; from: string; to: string } {
  const toDate = q.to ?? localTime(now, timeZone).date;
  const fromDate = q.from ?? addDays(toDate, 1 - DEFAULT_AUDIT_DAYS);
  if (fromDate > toDate) {
    throw refuse('to', 'from (dari) tidak boleh sesudah to (sampai)', 'from must not be after to');
  }
  if (Date.parse(toDate) - Date.parse(fromDate) >= MAX_AUDIT_DAYS * 86_400_000) {
    throw refuse(
      'to',
      `satu pencarian paling lama ${MAX_AUDIT_DAYS} hari`,
      `a search covers at most ${MAX_AUDIT_DAYS} days`,
    );
  }
  // Nothing is logged after today: the instants stop at the start of tomorrow, so that a `to` of
  // 9999-12-31 (whose next day no Date holds) searches up to now, and `from` never passes `to`.
  const today = localTime(now, timeZone).date;
  const ceiling = startOfDate(addDays(today, 1), timeZone);
  return {
    fromDate,
    toDate,
    from: fromDate > today ? ceiling : startOfDate(fromDate, timeZone),
    to: toDate >= today ? ceiling : startOfDate(addDays(toDate, 1), timeZone),
  };
}

/** What a cursor is bound to: the same range, actor and subject. */
export interface AuditFilter {
  readonly from: string;
  readonly to: string;
  readonly actor?: string | undefined;
  readonly subject?: string | undefined;
}

const KEY_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9A-Za-z]{1,64}$/;

function fingerprint(f: AuditFilter): string {
  return JSON.stringify([f.from, f.to, f.actor ?? null, f.subject ?? null]);
}

export function encodeAuditCursor(key: string, f: AuditFilter): string {
  return Buffer.from(JSON.stringify({ k: key, f: fingerprint(f) })).toString('base64url');
}

/** The key a cursor resumes after; 400 for one this search did not give out. */
export function decodeAuditCursor(cursor: string, f: AuditFilter): string {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      c !== null &&
      typeof c === 'object' &&
      typeof (c as { k?: unknown }).k === 'string' &&
      KEY_RE.test((c as { k: string }).k) &&
      (c as { f?: unknown }).f === fingerprint(f)
    ) {
      return (c as { k: string }).k;
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw new ValidationFailed('the cursor is not one this search gave out', [
    {
      path: 'cursor',
      message: {
        id: 'kursor tidak dikenal untuk pencarian ini',
        en: 'unknown cursor for this search',
      },
    },
  ]);
}
