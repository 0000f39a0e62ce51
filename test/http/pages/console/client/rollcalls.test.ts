import { describe, expect, it } from 'vitest';
import {
  blankDraft,
  draftOf,
  rollCallOf,
} from '../../../../../functions/http/pages/console/client/rollcalls-draft';
import {
  happensOn,
  type RollCall,
  rcIssuesByField,
  scheduleText,
  sortRollCalls,
} from '../../../../../functions/http/pages/console/client/rollcalls-model';

/** The Roll calls screen's rules, without a browser: which day a roll call happens, the words
 * for its schedule, the form's round trip, and where each of the server's refusals goes. */

const base: RollCall = {
  id: 'apel-sore',
  name: 'Apel sore',
  schedule: { kind: 'daily' },
  opensAt: '15:00',
  startsAt: '15:30',
  closesAt: '16:00',
  reportAt: '16:30',
  active: true,
};

describe('roll calls in the console', () => {
  it('happens on: daily/weekly/monthly on workdays only, once on its date whatever the day', () => {
    // 2027-08-17 is a Tuesday.
    expect(happensOn(base, '2027-08-17', true)).toBe(true);
    expect(happensOn(base, '2027-08-17', false)).toBe(false);
    expect(happensOn({ ...base, active: false }, '2027-08-17', true)).toBe(false);
    const monday = { ...base, schedule: { kind: 'weekly', weekdays: [1] } } as const;
    expect(happensOn(monday, '2027-08-16', true)).toBe(true);
    expect(happensOn(monday, '2027-08-17', true)).toBe(false);
    const on17 = { ...base, schedule: { kind: 'monthly', day: 17 } } as const;
    expect(happensOn(on17, '2027-08-17', true)).toBe(true);
    expect(happensOn(on17, '2027-09-17', false)).toBe(false);
    expect(happensOn(on17, '2027-08-18', true)).toBe(false);
    const once = { ...base, schedule: { kind: 'once', date: '2027-08-17' } } as const;
    expect(happensOn(once, '2027-08-17', false)).toBe(true);
    expect(happensOn(once, '2027-08-18', true)).toBe(false);
  });

  it('says each schedule in Indonesian and English', () => {
    expect(scheduleText({ kind: 'weekly', weekdays: [5, 1] }, 'id')).toBe(
      'Setiap Senin, Jumat (hari kerja)',
    );
    expect(scheduleText({ kind: 'monthly', day: 17 }, 'en')).toBe(
      'On day 17 of every month (workdays)',
    );
    expect(scheduleText({ kind: 'once', date: '2027-08-17' }, 'id')).toBe(
      'Sekali: Selasa, 17 Agustus 2027',
    );
  });

  it('lists pagi first, then by name', () => {
    const pagi = { ...base, id: 'pagi', name: 'Apel pagi' };
    const list = sortRollCalls([{ ...base, name: 'Upacara' }, base, pagi]).map((r) => r.name);
    expect(list).toEqual(['Apel pagi', 'Apel sore', 'Upacara']);
  });

  it('the form sends only the schedule chosen, and lists only when picked', () => {
    const once = {
      ...base,
      schedule: { kind: 'once', date: '2027-08-17' },
      units: ['Dinas Kesehatan'],
    } as const;
    expect(rollCallOf(draftOf(once))).toEqual(once);
    const d = { ...draftOf(once), kind: 'weekly' as const, weekdays: [3, 1], unitsChosen: false };
    expect(rollCallOf(d)).toEqual({ ...base, schedule: { kind: 'weekly', weekdays: [1, 3] } });
    // Switching back keeps the date typed before.
    expect(rollCallOf({ ...d, kind: 'once' }).schedule).toEqual(once.schedule);
    // A half-typed day goes as it is: the server names it.
    expect(rollCallOf({ ...blankDraft(), kind: 'monthly', day: '' }).schedule).toEqual({
      kind: 'monthly',
      day: Number.NaN,
    });
  });

  it('puts each of the server’s issues at its field, the rest above the form', () => {
    const issues = rcIssuesByField({
      code: 'VALIDATION_FAILED',
      message: '',
      details: {
        issues: [
          { path: 'closesAt', message: 'startsAt tidak boleh sesudah closesAt' },
          { path: 'schedule.weekdays.0', message: 'paling besar 7' },
          { path: 'units.1', message: 'tidak ada pegawai di unit ini' },
          { path: '', message: 'reportAt harus sesudah closesAt' },
          { path: '', message: 'jam bertumpuk dengan Apel pagi' },
        ],
      },
    });
    expect(issues).toEqual({
      closesAt: ['startsAt tidak boleh sesudah closesAt'],
      schedule: ['paling besar 7'],
      units: ['tidak ada pegawai di unit ini'],
      reportAt: ['reportAt harus sesudah closesAt'],
      '': ['jam bertumpuk dengan Apel pagi'],
    });
  });
});
