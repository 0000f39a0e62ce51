import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AppealBody,
  appealIdOf,
  appealWindow,
  decodeAppealCursor,
  encodeAppealCursor,
  instantAt,
  isWindowOpen,
  parseAppealId,
} from '../../functions/core/appeals';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../functions/core/settings';

const WIB = { ...DEFAULT_SETTINGS };
const none = new Set<string>();

describe('the appeal window', () => {
  it('opens the minute after closesAt and ends with the 3rd workday after a Friday (Wednesday)', () => {
    const w = appealWindow('2026-12-04', '08:00', WIB, none);
    expect(w.opensAt.toISOString()).toBe('2026-12-04T01:01:00.000Z'); // 08:01 WIB
    expect(w.lastDay).toBe('2026-12-09');
    expect(w.closesAt.toISOString()).toBe('2026-12-09T17:00:00.000Z'); // Thu 00:00 WIB
    expect(isWindowOpen(w, new Date('2026-12-04T01:00:59.000Z'))).toBe(false);
    expect(isWindowOpen(w, new Date('2026-12-04T01:01:00.000Z'))).toBe(true);
    expect(isWindowOpen(w, new Date('2026-12-09T16:59:59.999Z'))).toBe(true);
    expect(isWindowOpen(w, new Date('2026-12-09T17:00:00.000Z'))).toBe(false);
  });

  it('skips holidays and non-workdays, as the report does', () => {
    const w = appealWindow('2026-12-04', '08:00', WIB, new Set(['2026-12-08']));
    expect(w.lastDay).toBe('2026-12-10');
    const sixDays = appealWindow(
      '2026-12-04',
      '08:00',
      { ...WIB, workdays: [1, 2, 3, 4, 5, 6] },
      none,
    );
    expect(sixDays.lastDay).toBe('2026-12-08');
    const one = appealWindow('2026-12-04', '08:00', { ...WIB, appealDays: 1 }, none);
    expect(one.lastDay).toBe('2026-12-07');
  });

  it('ends with the calendar: a window of 9999-12-30 runs to the end of 9999-12-31', () => {
    const w = appealWindow('9999-12-30', '08:00', WIB, none);
    expect(w.lastDay).toBe('9999-12-31');
    expect(w.closesAt.toISOString()).toBe('9999-12-31T17:00:00.000Z');
    expect(appealWindow('9999-12-31', '08:00', WIB, none).lastDay).toBe('9999-12-31');
  });

  it('follows the deployment’s zone (WIT is two hours ahead of WIB)', () => {
    const wit = { ...WIB, timezone: 'Asia/Jayapura' };
    const w = appealWindow('2026-12-04', '16:30', wit, none);
    expect(w.opensAt.toISOString()).toBe('2026-12-04T07:31:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2026-12-09T15:00:00.000Z');
    expect(instantAt('2026-03-29', '03:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('has appealDays in the settings: 3 by default, 1 to 30', () => {
    const { appealDays: _, ...rest } = DEFAULT_SETTINGS;
    expect(v.parse(SettingsSchema, rest).appealDays).toBe(3);
    expect(v.safeParse(SettingsSchema, { ...rest, appealDays: 0 }).success).toBe(false);
    expect(v.safeParse(SettingsSchema, { ...rest, appealDays: 31 }).success).toBe(false);
    expect(v.safeParse(SettingsSchema, { ...rest, appealDays: 2.5 }).success).toBe(false);
  });
});

describe('appeal ids, bodies and cursors', () => {
  it('round-trips an id whose employee id has dots and @', () => {
    const id = appealIdOf('a.b@c-1', '2026-12-04', 'sore');
    expect(parseAppealId(id)).toEqual({
      date: '2026-12-04',
      rollCallId: 'sore',
      employeeId: 'a.b@c-1',
    });
    expect(parseAppealId('2026-12-04.pagi.')).toBeNull();
    expect(parseAppealId('2026-12-04.Pagi.x')).toBeNull();
    expect(parseAppealId('../etc')).toBeNull();
  });

  it('needs a kind exactly for an excused claim, and a reason of 1 to 500 characters', () => {
    const ok = { date: '2026-12-04', claim: 'present', reason: 'GPS error' };
    expect(v.safeParse(AppealBody, ok).success).toBe(true);
    expect(v.safeParse(AppealBody, { ...ok, kind: 'sick' }).success).toBe(false);
    expect(v.safeParse(AppealBody, { ...ok, claim: 'excused' }).success).toBe(false);
    expect(v.safeParse(AppealBody, { ...ok, claim: 'excused', kind: 'sick' }).success).toBe(true);
    expect(v.safeParse(AppealBody, { ...ok, reason: '   ' }).success).toBe(false);
    expect(v.safeParse(AppealBody, { ...ok, reason: 'x'.repeat(501) }).success).toBe(false);
    expect(v.safeParse(AppealBody, { ...ok, employeeId: 'demo-009' }).success).toBe(false);
  });

  it('decodes only cursors it gave out', () => {
    const c = encodeAppealCursor({ s: 1, a: '2026-12-04T01:05:00.000Z#x' });
    expect(decodeAppealCursor(c)).toEqual({ s: 1, a: '2026-12-04T01:05:00.000Z#x' });
    expect(decodeAppealCursor('!!')).toBeNull();
    expect(decodeAppealCursor(encodeAppealCursor({ s: 7, a: '' }))).toBeNull();
    expect(decodeAppealCursor(Buffer.from('{"s":0}').toString('base64url'))).toBeNull();
  });
});
