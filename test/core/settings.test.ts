import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../functions/core/settings';

const parse = (x: unknown) => v.safeParse(SettingsSchema, x);

describe('SettingsSchema', () => {
  it('accepts the defaults and fills attemptRetentionDays when absent', () => {
    const { attemptRetentionDays: _, ...rest } = DEFAULT_SETTINGS;
    const r = parse(rest);
    expect(r.success).toBe(true);
    expect(r.output).toMatchObject({ attemptRetentionDays: 30 });
  });

  it.each([
    ['an unknown zone', { timezone: 'Asia/Medan' }],
    ['a bad time', { opensAt: '6:30' }],
    ['24:00', { closesAt: '24:00' }],
    ['opening after start', { opensAt: '07:45' }],
    ['start after close', { startsAt: '08:15' }],
    ['a report before close', { reportAt: '07:59' }],
    ['a repeated workday', { workdays: [1, 1, 2] }],
    ['weekday 8', { workdays: [8] }],
    ['no workdays', { workdays: [] }],
    ['a negative tolerance', { edgeToleranceM: -1 }],
    ['an unknown key', { openAt: '06:30' }],
    ['another language', { language: 'jv' }],
  ])('refuses %s', (_, patch) => {
    expect(parse({ ...DEFAULT_SETTINGS, ...patch }).success).toBe(false);
  });
});
