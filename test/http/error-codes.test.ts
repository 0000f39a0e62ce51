import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../functions/core/errors';
import { STATUS } from '../../functions/http/errors';
import { messageFor } from '../../functions/http/messages';
import { ERROR_DOCS } from '../../functions/http/openapi-docs';
import { ERROR_STATUS } from '../support/fuzz/oracle';

/** Codes the fuzz oracle must never see: a fault, and a framework refusal no route gives today. */
const NEVER_EXPECTED = ['INTERNAL_ERROR', 'BAD_REQUEST'];

describe('error codes', () => {
  it('the fuzz oracle’s own status table agrees with the app’s', () => {
    const expected = ERROR_CODES.filter((c) => !NEVER_EXPECTED.includes(c));
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...expected].sort());
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(STATUS[code as keyof typeof STATUS], code).toBe(status);
    }
  });

  it('every code has a message in Indonesian and in English, and a line in the document', () => {
    const details = {
      skewS: 300,
      maxClockSkewS: 120,
      accuracyM: 80,
      maxAccuracyM: 50,
      distanceM: 40,
      opensAt: '06:30',
      closesAt: '08:00',
      date: '2026-11-27',
      holiday: null,
      host: 'rebind.example',
      firstDay: '2026-11-02',
      maxBytes: 16384,
      retryAfterS: 5,
      problem: 'x',
      appealOpensAt: '2026-11-27T08:00:00+07:00',
      appealClosesAt: '2026-12-02T08:00:00+07:00',
      checkedInAt: '2026-11-27T07:12:00+07:00',
      month: '2026-11',
      lockedAt: '2026-12-01T09:00:00+07:00',
      status: 'accepted',
      decidedAt: '2026-11-28T09:00:00+07:00',
      because: 'excused',
      today: '2026-12-02',
      endsOn: '2026-12-31',
    };
    for (const code of ERROR_CODES) {
      const id = messageFor(code, details, 'id', 'FALLBACK');
      const en = messageFor(code, details, 'en', 'FALLBACK');
      expect(id, code).not.toBe('FALLBACK');
      expect(en, code).not.toBe('FALLBACK');
      expect(id, `${code} is the same in both languages`).not.toBe(en);
      expect(id, code).not.toMatch(/undefined|\[object/);
      expect(ERROR_DOCS[code].length, code).toBeGreaterThan(5);
    }
  });

  it('says why an appeal has nothing to correct, for each reason', () => {
    const d = { date: '2026-11-27', status: 'rejected', decidedAt: '2026-11-28T09:00:00+07:00' };
    const excused = messageFor('NOT_ABSENT', { ...d, because: 'excused' }, 'id', '');
    const marked = messageFor('NOT_ABSENT', { ...d, because: 'marked' }, 'id', '');
    expect(excused).toMatch(/keterangan/);
    expect(marked).toMatch(/ditandai/);
    expect(messageFor('APPEAL_DECIDED', d, 'id', '')).toMatch(/ditolak/);
  });
});
