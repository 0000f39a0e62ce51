import { describe, expect, it } from 'vitest';
import {
  type Attendee,
  defaultRollCall,
  filterAttendees,
  markableRollCalls,
  reasonOf,
  refusalOf,
  stateOf,
} from '../../../../../functions/http/pages/console/client/marking-data';
import type { RollCall } from '../../../../../functions/http/pages/console/client/rollcalls-model';

/**
 * The marking screen decided without a browser: the roll call it opens on, who a caller may
 * mark at, the name filter as one types, a row's state, and where each refusal of the server goes.
 */

const rc = (id: string, opensAt: string, closesAt: string, over: Partial<RollCall> = {}) =>
  ({
    id,
    name: id,
    schedule: { kind: 'daily' },
    opensAt,
    startsAt: opensAt,
    closesAt,
    reportAt: closesAt,
    active: true,
    ...over,
  }) as RollCall;

const person = (employeeId: string, name: string, over: Partial<Attendee> = {}): Attendee => ({
  employeeId,
  name,
  unit: 'BKD',
  status: 'absent',
  source: 'none',
  ...over,
});

const words = (k: string) => `<${k}>`;

describe('the roll call the screen opens on', () => {
  const pagi = rc('pagi', '06:30', '08:00');
  const sore = rc('sore', '16:00', '17:30');
  const once = rc('upacara', '09:00', '10:00', { schedule: { kind: 'once', date: '2026-08-17' } });

  it('is the one open now, else the next to open, else the first held today', () => {
    expect(defaultRollCall([pagi, sore], '2026-12-02', '07:10')).toBe('pagi');
    expect(defaultRollCall([pagi, sore], '2026-12-02', '16:30')).toBe('sore');
    expect(defaultRollCall([pagi, sore], '2026-12-02', '12:00')).toBe('sore');
    expect(defaultRollCall([pagi, sore], '2026-12-02', '19:00')).toBe('pagi');
    // A one-off roll call of another day is not today's.
    expect(defaultRollCall([once, sore], '2026-12-02', '09:30')).toBe('sore');
    expect(defaultRollCall([once], '2026-12-02', '09:30')).toBe('upacara');
    expect(defaultRollCall([], '2026-12-02', '09:30')).toBe('');
  });

  it('an officer marks at their own roll calls; operators and admins at any active one', () => {
    const off = rc('off', '06:00', '07:00', { active: false });
    expect(markableRollCalls([pagi, sore], ['officer', 'employee'], ['sore'])).toEqual([sore]);
    expect(markableRollCalls([pagi, sore, off], ['operator'], [])).toEqual([pagi, sore]);
    expect(markableRollCalls([pagi, off], ['admin'], [])).toEqual([pagi]);
  });
});

describe('the list', () => {
  const items = [
    person('198001012005011001', 'Hendra S. Siregar'),
    person('demo-002', 'Siti Nur’aini', { source: 'checkin', status: 'on_time', at: '07:02' }),
    person('demo-003', 'Budi Sitompul', {
      source: 'mark',
      status: 'on_time',
      mark: {
        employeeId: 'demo-003',
        date: '2026-12-02',
        rollCallId: 'pagi',
        status: 'on_time',
        reason: 'x',
        method: 'appeal',
        by: 'a',
        markedAt: '2026-12-02T01:00:00Z',
      },
    }),
    person('demo-004', 'Rina Situmorang', { source: 'excuse', status: 'excused' }),
  ];

  it('filters as one types: each word starts a word of the name, or the id; any case, accents', () => {
    const names = (q: string, only = false) => filterAttendees(items, q, only).map((a) => a.name);
    expect(names('')).toHaveLength(4);
    expect(names('sit')).toEqual(['Siti Nur’aini', 'Budi Sitompul', 'Rina Situmorang']);
    expect(names('SIT bu')).toEqual(['Budi Sitompul']);
    expect(names('nuraini')).toEqual(['Siti Nur’aini']);
    expect(names('1980')).toEqual(['Hendra S. Siregar']);
    expect(names('regar')).toEqual([]);
    // Not yet present: nobody checked in or marked; an excuse may still be marked over.
    expect(names('', true)).toEqual(['Hendra S. Siregar', 'Rina Situmorang']);
  });

  it('says how each person stands', () => {
    expect(items.map(stateOf)).toEqual([
      'stateAbsent',
      'stateCheckin',
      'stateAppeal',
      'stateExcuse',
    ]);
    expect(stateOf(person('x', 'X', { source: 'checkin', status: 'late' }))).toBe(
      'stateCheckinLate',
    );
  });

  it('the reason sent: the choice, then the words typed', () => {
    expect(reasonOf('HP mati', '  dilihat Pak Andi ')).toBe('HP mati: dilihat Pak Andi');
    expect(reasonOf('HP mati', ' ')).toBe('HP mati');
    expect(reasonOf('', 'dilihat')).toBe('dilihat');
    expect(reasonOf('', '')).toBe('');
  });
});

describe('where a refusal is shown', () => {
  const operator = { status: 'excused' as const, canChoose: true, words };
  const officer = { status: 'on_time' as const, canChoose: false, words };

  it('a check-in that came first: in plain words above the form, and the list reloads', () => {
    const r = refusalOf({ code: 'ALREADY_CHECKED_IN', message: 'already' }, officer);
    expect(r).toEqual({ by: { '': ['<alreadyCheckedIn>'] }, reload: true });
  });

  it('a locked month at the date; for an officer (no date field) above the form', () => {
    expect(refusalOf({ code: 'MONTH_LOCKED', message: '' }, operator).by).toEqual({
      date: ['<monthLocked>'],
    });
    expect(refusalOf({ code: 'MONTH_LOCKED', message: '' }, officer).by).toEqual({
      '': ['<monthLocked>'],
    });
  });

  it('a status one may not give at the status; a person outside one’s scope above the form', () => {
    expect(refusalOf({ code: 'FORBIDDEN', message: '' }, operator).by).toEqual({
      status: ['<forbidden>'],
    });
    expect(
      refusalOf({ code: 'FORBIDDEN', message: '' }, { ...operator, status: 'on_time' }).by,
    ).toEqual({ '': ['<forbidden>'] });
  });

  it('the server’s own issues at their fields; an officer’s at the reason or above', () => {
    const e = {
      code: 'VALIDATION_FAILED',
      message: 'bad',
      details: {
        issues: [
          { path: 'at', message: 'jam wajib' },
          { path: 'reason', message: 'alasan wajib' },
          { path: 'date', message: 'belum tiba' },
        ],
      },
    };
    expect(refusalOf(e, operator).by).toEqual({
      at: ['jam wajib'],
      reason: ['alasan wajib'],
      date: ['belum tiba'],
    });
    expect(refusalOf(e, officer).by).toEqual({
      reason: ['alasan wajib'],
      '': ['belum tiba', 'jam wajib'],
    });
  });
});
