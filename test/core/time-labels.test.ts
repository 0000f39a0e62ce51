import { describe, expect, it } from 'vitest';
import { LABELS } from '../../functions/core/render/labels';
import {
  clockTime,
  LOCALES,
  localStamp,
  longDate,
  wallTime,
  wholeNumber,
  zoneName,
} from '../../functions/core/time-labels';

/** The one copy of dates, times and zone names that the reports and the check-in page share. */

describe('time labels', () => {
  it('names Indonesia’s zones as people do, any other by Intl', () => {
    expect(zoneName('Asia/Jakarta', 'id')).toBe('WIB');
    expect(zoneName('Asia/Pontianak', 'en')).toBe('WIB');
    expect(zoneName('Asia/Makassar', 'en')).toBe('WITA');
    expect(zoneName('Asia/Jayapura', 'id')).toBe('WIT');
    expect(zoneName('UTC', 'en', new Date('2026-11-27T00:00:00Z'))).toBe('UTC');
  });

  it('writes English the British way, day before month, everywhere', () => {
    expect(LOCALES.en).toBe('en-GB');
    expect(LABELS.en.locale).toBe(LOCALES.en);
    expect(LABELS.id.locale).toBe(LOCALES.id);
    expect(longDate('2026-11-27', 'en')).toMatch(/^Friday,? 27 November 2026$/);
    expect(longDate('2026-11-27', 'id')).toBe('Jumat, 27 November 2026');
  });

  it('shows clock times in the deployment’s zone, with the reader’s separator', () => {
    const at = '2026-11-27T00:12:00Z';
    expect(clockTime(at, 'Asia/Jakarta', 'id')).toBe('07.12');
    expect(clockTime(at, 'Asia/Makassar', 'en')).toBe('08:12');
    expect(wallTime('06:30', 'id')).toBe('06.30');
    expect(wallTime('06:30', 'en')).toBe('06:30');
    expect(localStamp(at, 'Asia/Jakarta', 'id')).toBe('27 November 2026 pukul 07.12 WIB');
    expect(wholeNumber(1250.4, 'id')).toBe('1.250');
    expect(wholeNumber(1250.4, 'en')).toBe('1,250');
  });
});
