import { describe, expect, it } from 'vitest';
import { markIssues, placeMark, putMark } from '../../functions/core/marks';
import { contentHash } from '../../functions/core/publish';
import { renderWall } from '../../functions/core/render/html';
import type { ReportInput } from '../../functions/core/report';
import { mark } from '../support/mark-contract';
import { memoryStores } from '../support/memory-store';
import { came, emp, FRIDAY, fridayReport } from '../support/report-input';

const roster = [
  emp('e1', 'Dinas Kesehatan', 'Siti Lubis'),
  emp('e2', 'Dinas Kesehatan', 'Ahmad Siregar'),
  emp('e3', 'Badan Pendapatan Daerah', 'Budi Nasution'),
  emp('e4', 'Badan Pendapatan Daerah', 'Dewi Harahap'),
];
const report = (over: Partial<ReportInput> = {}) => fridayReport(roster, over);

describe('a report with attendance marks', () => {
  it('counts a marked employee by the mark’s status, never absent, and lists the marks', () => {
    const r = report({
      marks: [
        mark('e1', { date: FRIDAY }),
        mark('e2', { date: FRIDAY, status: 'late', at: '07:45', method: 'appeal' }),
        mark('e3', { date: FRIDAY, status: 'excused', kind: 'duty', reason: 'Dinas luar' }),
      ],
    });
    expect(r.totals).toEqual({ expected: 4, present: 1, late: 1, excused: 1, absent: 1 });
    expect(r.absent.map((p) => p.employeeId)).toEqual(['e4']);
    expect(r.late).toEqual([
      {
        employeeId: 'e2',
        name: 'Ahmad Siregar',
        unit: 'Dinas Kesehatan',
        at: '07:45',
        method: 'appeal',
      },
    ]);
    expect(r.excused).toEqual([
      {
        employeeId: 'e3',
        name: 'Budi Nasution',
        unit: 'Badan Pendapatan Daerah',
        kind: 'duty',
        method: 'manual',
      },
    ]);
    expect(r.marked?.map((m) => [m.employeeId, m.status, m.method, m.reason])).toEqual([
      ['e3', 'excused', 'manual', 'Dinas luar'],
      ['e2', 'late', 'appeal', 'HP mati, hadir di lapangan'],
      ['e1', 'on_time', 'manual', 'HP mati, hadir di lapangan'],
    ]);
    expect(r.marked?.[0]).toMatchObject({
      by: 'officer-1',
      kind: 'duty',
      unit: 'Badan Pendapatan Daerah',
    });
  });

  it('lets a check-in that came after the mark stand, the mark shown superseded', () => {
    const r = report({ checkins: [came('e1', 'late')], marks: [mark('e1', { date: FRIDAY })] });
    expect(r.totals).toMatchObject({ present: 0, late: 1 });
    expect(r.late[0]).not.toHaveProperty('method');
    expect(r.marked).toEqual([expect.objectContaining({ employeeId: 'e1', superseded: true })]);
  });

  it('puts a mark before an excuse of the day, and ignores marks of other dates', () => {
    const r = report({
      excuses: [
        {
          excuseId: 'x',
          employeeId: 'e4',
          from: FRIDAY,
          to: FRIDAY,
          kind: 'sick',
          createdAt: '2026-11-20T00:00:00Z',
          createdBy: 'bkd',
        },
      ],
      marks: [mark('e4', { date: FRIDAY }), mark('e3', { date: '2026-11-26' })],
    });
    expect(r.totals).toMatchObject({ present: 1, excused: 0, absent: 3 });
    expect(r.absent.map((p) => p.employeeId).sort()).toEqual(['e1', 'e2', 'e3']);
  });

  it('hashes a day without marks as before marks existed', () => {
    const r = report();
    expect(r.marked).toEqual([]);
    const { marked: _, ...old } = r;
    expect(contentHash(r)).toBe(contentHash(old));
    expect(contentHash(report({ marks: [mark('e1', { date: FRIDAY })] }))).not.toBe(contentHash(r));
  });

  it('never names the marked on the wall, nor shows a reason; says a later version is corrected', () => {
    const content = report({
      marks: [
        mark('e1', { date: FRIDAY, reason: 'Rahasia sakit jantung' }),
        mark('e2', { date: FRIDAY, status: 'excused', kind: 'sick', reason: 'Opname RS' }),
      ],
    });
    const v1 = { ...content, generatedAt: '2026-11-27T01:30:00.000Z', version: 1 };
    const html = renderWall(v1, { lang: 'id' });
    for (const text of ['Siti Lubis', 'Ahmad Siregar', 'Rahasia', 'Opname', 'Sakit', 'HP mati']) {
      expect(html).not.toContain(text);
    }
    expect(html).toContain('Budi Nasution');
    expect(html).toContain('Diterbitkan');
    expect(html).not.toContain('Diperbarui');
    const v3 = { ...v1, generatedAt: '2026-11-27T02:05:00.000Z', version: 3 };
    expect(renderWall(v3, { lang: 'id' })).toMatch(/Diperbarui [^<]*09\.05[^<]*, versi 3/);
    expect(renderWall(v3, { lang: 'en' })).toMatch(/Corrected [^<]*, version 3/);
  });
});

describe('placing a mark', () => {
  it('refuses an empty or overlong reason, an excused mark without kind, a late one without time', () => {
    const paths = (m: Parameters<typeof markIssues>[0]) => markIssues(m).map((i) => i.path);
    expect(paths(mark('e1'))).toEqual([]);
    expect(paths(mark('e1', { reason: '   ' }))).toEqual(['reason']);
    expect(paths(mark('e1', { reason: 'x'.repeat(501) }))).toEqual(['reason']);
    expect(paths(mark('e1', { reason: 'x'.repeat(500) }))).toEqual([]);
    expect(paths(mark('e1', { status: 'excused' }))).toEqual(['kind']);
    expect(paths(mark('e1', { kind: 'sick' }))).toEqual(['kind']);
    expect(paths(mark('e1', { status: 'late' }))).toEqual(['at']);
    expect(paths(mark('e1', { status: 'late', at: '24:00' }))).toEqual(['at']);
  });

  it('stores nothing for a bad mark; a repeat PUT changes nothing, another statement replaces', async () => {
    const s = memoryStores();
    await expect(placeMark(s, mark('e1', { reason: '' }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await s.marks.get(FRIDAY.replace('27', '27'), 'pagi', 'e1')).toBeNull();
    const first = await putMark(s, mark('e1'));
    expect(first).toMatchObject({ created: true, changed: true, before: null });
    const again = await putMark(s, mark('e1', { by: 'someone-else', markedAt: 'later' }));
    expect(again).toMatchObject({ created: false, changed: false, mark: mark('e1') });
    const late = mark('e1', { status: 'late', at: '07:50', by: 'op' });
    const changed = await putMark(s, late);
    expect(changed).toMatchObject({ created: false, changed: true, before: mark('e1') });
    expect(await s.marks.get('2026-11-27', 'pagi', 'e1')).toEqual(late);
    // An appeal accepted over a standing mark leaves it.
    expect(await placeMark(s, mark('e1', { method: 'appeal' }))).toEqual(late);
  });
});
