import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { inForceAtEndOf, startOfLocalDate } from '../../functions/core/settings-history';

describe('startOfLocalDate', () => {
  it('is local midnight in the zone', () => {
    expect(startOfLocalDate('2026-11-25', 'Asia/Jakarta').toISOString()).toBe(
      '2026-11-24T17:00:00.000Z',
    );
    expect(startOfLocalDate('2026-11-25', 'Asia/Jayapura').toISOString()).toBe(
      '2026-11-24T15:00:00.000Z',
    );
    expect(startOfLocalDate('2026-11-25', 'Pacific/Kiritimati').toISOString()).toBe(
      '2026-11-24T10:00:00.000Z',
    );
    expect(startOfLocalDate('2026-11-25', 'Etc/GMT+12').toISOString()).toBe(
      '2026-11-25T12:00:00.000Z',
    );
  });

  it('takes the offset of the day itself across a daylight-saving change', () => {
    // Berlin moves to summer time at 02:00 on 29 March 2026: that midnight is still UTC+1.
    expect(startOfLocalDate('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });
});

describe('inForceAtEndOf', () => {
  const v = (effectiveFrom: string, timezone = 'Asia/Jakarta') => ({
    effectiveFrom,
    settings: { ...DEFAULT_SETTINGS, timezone },
  });

  it('takes the newest version saved before the next local midnight', () => {
    const versions = [
      v('2026-11-24T17:00:00.000Z'),
      v('2026-11-24T16:59:59.999Z'),
      v('2026-11-01T00:00:00.000Z'),
    ];
    expect(inForceAtEndOf('2026-11-24', versions)).toBe(versions[1]);
    expect(inForceAtEndOf('2026-11-25', versions)).toBe(versions[0]);
    expect(inForceAtEndOf('2026-10-31', versions)).toBeNull();
    // The last date there is: whatever is newest.
    expect(inForceAtEndOf('9999-12-31', versions)).toBe(versions[0]);
  });
});
