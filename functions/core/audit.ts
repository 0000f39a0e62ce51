/**
 * The audit log (DESIGN.md, "Corrections"): every change, by whom, when, before and after.
 * Append-only: the repository has no way to change or remove an entry, and no entry expires.
 */
import { randomBytes } from 'node:crypto';
import type { Json } from './errors';
import type { AppLogger } from './ports/logger';

export interface AuditEntry {
  /** ISO instant the change was made (the server's clock). */
  readonly at: string;
  /** principal.employeeId; 'system' for the scheduled publisher. */
  readonly actor: string;
  /** '<thing>.<verb>': 'employee.put', 'site.delete', 'report.publish', … */
  readonly action: string;
  /** '<kind>:<id>': 'employee:demo-004', 'report:2026-12-01/pagi', … */
  readonly subject: string;
  readonly before?: Json;
  readonly after?: Json;
}

/** An entry as stored: with an id that orders entries of the same instant and names it. */
export interface StoredAuditEntry extends AuditEntry {
  readonly id: string;
}

/** The actor of what the scheduled tick does. */
export const SYSTEM_ACTOR = 'system';

/**
 * A search of the log: entries with `from <= at < to` (ISO instants), newest first, optionally
 * of one actor and/or one subject, strictly older than `after` (the key of the last entry of
 * the previous page, see auditKey).
 */
export interface AuditSearch {
  readonly from: string;
  readonly to: string;
  readonly actor?: string;
  readonly subject?: string;
  readonly after?: string;
  readonly limit: number;
}

export interface AuditPage {
  readonly items: StoredAuditEntry[];
  /** True when older entries in the range are left. */
  readonly more: boolean;
}

export interface AuditRepository {
  /** Store new entries; an entry whose key exists is never overwritten. */
  append(entries: readonly StoredAuditEntry[]): Promise<void>;
  search(q: AuditSearch): Promise<AuditPage>;
}

/** The sort key of an entry: time first, then its id; unique, and ordered as the log is. */
export function auditKey(e: Pick<StoredAuditEntry, 'at' | 'id'>): string {
  return `${e.at}#${e.id}`;
}

/**
 * The largest entry kept whole, in bytes of JSON. A DynamoDB item holds 400 KB, and a ground's
 * geometry may be 256 KB before and as much after; a larger entry keeps every field but the
 * largest of before/after, which is replaced by a note of its size (the change itself is still
 * named, by whom and when).
 */
export const MAX_ENTRY_BYTES = 300 * 1024;

function bytes(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x ?? null), 'utf8');
}

/** The entry, cut to fit MAX_ENTRY_BYTES (see there). */
export function fitted<E extends AuditEntry>(entry: E): E {
  let e: E = entry;
  for (let cut = 0; cut < 2 && bytes(e) > MAX_ENTRY_BYTES; cut++) {
    const side = bytes(e.before) >= bytes(e.after) ? 'before' : 'after';
    e = { ...e, [side]: { omitted: 'too large to keep', bytes: bytes(e[side]) } };
  }
  return e;
}

/** A new id: 16 hex digits, enough that two entries of the same millisecond never collide. */
export function newAuditId(): string {
  return randomBytes(8).toString('hex');
}

/** An entry made now by `actor`, ready to store. */
export function auditEntry(
  clock: { now(): Date },
  actor: string,
  entry: Omit<AuditEntry, 'at' | 'actor'>,
): StoredAuditEntry {
  const made: StoredAuditEntry = {
    id: newAuditId(),
    at: clock.now().toISOString(),
    actor,
    action: entry.action,
    subject: entry.subject,
    ...(entry.before === undefined ? {} : { before: entry.before }),
    ...(entry.after === undefined ? {} : { after: entry.after }),
  };
  return fitted(made);
}

/**
 * A record as an entry's before/after: plain JSON (undefined fields dropped), or null when the
 * thing did not exist.
 */
export function asJson(x: unknown): Json {
  if (x === undefined || x === null) return null;
  return JSON.parse(JSON.stringify(x)) as Json;
}

/**
 * Store entries after the change they record has been made. The change stands either way: when
 * the log cannot be written (after the SDK's own retries) the entries go to the structured log
 * at error level, whole, so that they can be appended by hand (RELIABILITY.md, "Audit"), and the
 * caller is answered as the change deserves. False when they were not stored.
 */
export async function appendAudit(
  repo: AuditRepository,
  entries: readonly StoredAuditEntry[],
  logger: AppLogger,
): Promise<boolean> {
  if (entries.length === 0) return true;
  try {
    await repo.append(entries);
    return true;
  } catch (err) {
    logger.error('audit entry not written', {
      error: err instanceof Error ? err.message : String(err),
      entries,
    });
    return false;
  }
}
