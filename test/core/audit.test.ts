import { describe, expect, it } from 'vitest';
import {
  appendAudit,
  auditEntry,
  fitted,
  MAX_ENTRY_BYTES,
  type StoredAuditEntry,
} from '../../functions/core/audit';
import { memoryAudit } from '../support/memory-audit';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-12-02T01:02:03.004Z'));

describe('audit entries', () => {
  it('are made now by the actor, with a fresh id, undefined sides left out', () => {
    const a = auditEntry(clock, 'bkd-admin', {
      action: 'site.delete',
      subject: 'site:yard',
      before: { name: 'Yard' },
    });
    const b = auditEntry(clock, 'bkd-admin', { action: 'site.delete', subject: 'site:yard' });
    expect(a).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      at: '2026-12-02T01:02:03.004Z',
      actor: 'bkd-admin',
      action: 'site.delete',
      subject: 'site:yard',
      before: { name: 'Yard' },
    });
    expect(Object.keys(b)).toEqual(['id', 'at', 'actor', 'action', 'subject']);
    expect(a.id).not.toBe(b.id);
  });

  it('keep what fits; the larger side of a too-large change becomes a note of its size', () => {
    const big = { coordinates: 'x'.repeat(MAX_ENTRY_BYTES * 1.1) };
    const half = { coordinates: 'x'.repeat(MAX_ENTRY_BYTES * 0.6) };
    const small = { name: 'Yard' };
    const fits = auditEntry(clock, 'a', {
      action: 'site.put',
      subject: 'site:yard',
      before: small,
      after: half,
    });
    expect(fits.after).toEqual(half);
    const e = auditEntry(clock, 'a', {
      action: 'site.put',
      subject: 'site:yard',
      before: small,
      after: big,
    });
    expect(e.before).toEqual(small);
    expect(e.after).toEqual({ omitted: 'too large to keep', bytes: JSON.stringify(big).length });
    const both = fitted({ ...e, before: big, after: { ...big, more: 1 } });
    expect(fitted({ ...e, before: half, after: { ...half, more: 1 } }).before).toEqual(half);
    expect(both.before).toMatchObject({ omitted: 'too large to keep' });
    expect(both.after).toMatchObject({ omitted: 'too large to keep' });
    expect(JSON.stringify(both).length).toBeLessThan(1_000);
    const fine = auditEntry(clock, 'a', { action: 'site.put', subject: 'site:yard', after: small });
    expect(fitted(fine)).toBe(fine);
  });

  it('that cannot be stored go to the error log whole, and the caller is told false', async () => {
    const errors: Record<string, unknown>[] = [];
    const logger = {
      info() {},
      warn() {},
      error: (_m: string, a?: Record<string, unknown>) => void errors.push(a ?? {}),
    };
    const e = auditEntry(clock, 'a', { action: 'holiday.put', subject: 'holiday:2026-12-25' });
    const down = {
      append: async () => Promise.reject(new Error('store down')),
      search: memoryAudit().search,
    };
    expect(await appendAudit(down, [e], logger)).toBe(false);
    expect(errors).toEqual([{ error: 'store down', entries: [e] }]);
    const log = memoryAudit();
    expect(await appendAudit(log, [e], logger)).toBe(true);
    expect(log.entries).toEqual([e] satisfies StoredAuditEntry[]);
    expect(await appendAudit(log, [], logger)).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
