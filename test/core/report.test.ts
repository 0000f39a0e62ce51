import { describe, expect, it } from 'vitest';
import type { Excuse } from '../../functions/core/model';
import type { ReportInput } from '../../functions/core/report';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { came, emp, FRIDAY, fridayReport } from '../support/report-input';

function excuse(id: string, from: string, to: string, over: Partial<Excuse> = {}): Excuse {
  return {
    excuseId: `x-${id}-${from}`,
    employeeId: id,
    from,
    to,
    kind: 'sick',
    createdAt: '2026-11-20T00:00:00Z',
    createdBy: 'bkd',
    ...over,
  };
}

const roster = [
  emp('e1', 'Dinas Kesehatan', 'Siti Lubis'),
  emp('e2', 'Dinas Kesehatan', 'ahmad Siregar'),
  emp('e3', 'Badan Pendapatan Daerah', 'Budi Nasution'),
  emp('e4', 'Badan Pendapatan Daerah', 'Dewi Harahap'),
  emp('e5', 'Sekretariat Daerah', 'Éka Tarigan'),
];

function report(over: Partial<ReportInput> = {}) {
  return fridayReport(roster, over);
}

describe('buildReport', () => {
  it('counts everyone absent on a workday with no check-ins, sorted by unit then name', () => {
    const r = report();
    expect(r.workday).toBe(true);
    expect(r.totals).toEqual({ expected: 5, present: 0, late: 0, excused: 0, absent: 5 });
    expect(r.absent.map((p) => p.employeeId)).toEqual(['e3', 'e4', 'e2', 'e1', 'e5']);
    expect(r.units.map((u) => [u.unit, u.expected])).toEqual([
      ['Badan Pendapatan Daerah', 2],
      ['Dinas Kesehatan', 2],
      ['Sekretariat Daerah', 1],
    ]);
  });

  it('splits present, late, excused and absent; absent = expected − the rest', () => {
    const r = report({
      checkins: [came('e1', 'on_time'), came('e3', 'late', '2026-11-27T00:47:00Z')],
      excuses: [excuse('e4', '2026-11-26', '2026-11-28', { kind: 'duty' })],
    });
    expect(r.totals).toEqual({ expected: 5, present: 1, late: 1, excused: 1, absent: 2 });
    expect(r.late).toEqual([
      { employeeId: 'e3', name: 'Budi Nasution', unit: 'Badan Pendapatan Daerah', at: '07:47' },
    ]);
    expect(r.excused).toEqual([
      { employeeId: 'e4', name: 'Dewi Harahap', unit: 'Badan Pendapatan Daerah', kind: 'duty' },
    ]);
    expect(r.absent.map((p) => p.employeeId)).toEqual(['e2', 'e5']);
    const health = r.units.find((u) => u.unit === 'Dinas Kesehatan');
    expect(health).toEqual({
      unit: 'Dinas Kesehatan',
      expected: 2,
      present: 1,
      late: 0,
      excused: 0,
      absent: 1,
    });
  });

  it('counts an excused employee who checked in anyway as present or late', () => {
    const r = report({
      checkins: [came('e1', 'on_time'), came('e2', 'late')],
      excuses: [excuse('e1', FRIDAY, FRIDAY), excuse('e2', FRIDAY, FRIDAY)],
    });
    expect(r.totals).toMatchObject({ present: 1, late: 1, excused: 0 });
  });

  it.each([
    ['ends the day before', '2026-11-20', '2026-11-26', false],
    ['starts the day after', '2026-11-28', '2026-12-05', false],
    ['starts that day', FRIDAY, '2026-12-05', true],
    ['ends that day', '2026-11-23', FRIDAY, true],
    ['covers it in the middle', '2026-11-23', '2026-12-05', true],
  ])('uses an excuse only when its range covers the date (%s)', (_, from, to, covers) => {
    const r = report({ excuses: [excuse('e1', from, to)] });
    expect(r.totals.excused).toBe(covers ? 1 : 0);
  });

  it('ignores a revoked excuse', () => {
    expect(
      report({ excuses: [excuse('e1', FRIDAY, FRIDAY, { revoked: true })] }).totals.excused,
    ).toBe(0);
  });

  it('never counts a check-in of another date, or of someone not expected', () => {
    const other = { ...came('e1', 'on_time'), date: '2026-11-26' };
    const r = report({ checkins: [other, came('stranger', 'on_time')] });
    expect(r.totals).toMatchObject({ expected: 5, present: 0, absent: 5 });
  });

  it('expects an employee from `since` and up to `until`, and not once deactivated', () => {
    const r = report({
      roster: [
        emp('new', 'U', 'Added today', { since: FRIDAY }),
        emp('future', 'U', 'Starts Monday', { since: '2026-11-30' }),
        emp('leaving', 'U', 'Leaves today', { active: false, until: FRIDAY }),
        emp('left', 'U', 'Left yesterday', { active: false, until: '2026-11-26' }),
        emp('off', 'U', 'Inactive, no date', { active: false }),
      ],
    });
    expect(r.absent.map((p) => p.employeeId).sort()).toEqual(['leaving', 'new']);
    expect(r.totals.expected).toBe(2);
  });

  it('counts an employee with several grounds once, whichever ground they used', () => {
    const multi = emp('m', 'U', 'Two grounds', { siteIds: ['a', 'b'] });
    const r = report({ roster: [multi], checkins: [{ ...came('m', 'on_time'), siteId: 'b' }] });
    expect(r.totals).toEqual({ expected: 1, present: 1, late: 0, excused: 0, absent: 0 });
  });

  it('lists nobody on a weekend', () => {
    const r = report({ date: '2026-11-28' });
    expect(r).toMatchObject({ workday: false, totals: { expected: 0, absent: 0 }, absent: [] });
    expect(r.holiday).toBeUndefined();
  });

  it('lists nobody on a holiday and names it', () => {
    const r = report({
      date: '2026-12-25',
      holiday: { date: '2026-12-25', name: 'Hari Raya Natal' },
    });
    expect(r).toMatchObject({ workday: false, holiday: 'Hari Raya Natal', absent: [], units: [] });
  });

  it('reports the late time in the deployment zone', () => {
    const r = report({
      settings: { ...DEFAULT_SETTINGS, timezone: 'Asia/Jayapura' },
      checkins: [came('e1', 'late', '2026-11-26T22:35:00Z')],
    });
    expect(r.late[0]?.at).toBe('07:35');
  });
});
