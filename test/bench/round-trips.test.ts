import { describe, expect, it } from 'vitest';
import { roundTrips } from '../../bench/e2e/round-trips';

describe('roundTrips', () => {
  it('counts requests sent together as one step, and one sent after an answer as the next', () => {
    // A check-in with a device id, as the e2e server times it (ms).
    const r = roundTrips([
      { op: 'UpdateItem', startMs: 0, endMs: 2 },
      { op: 'BatchGetItem', startMs: 0.1, endMs: 3 },
      { op: 'PutItem', startMs: 3.5, endMs: 5 }, // coordinate claim
      { op: 'PutItem', startMs: 3.6, endMs: 4 }, // device …
      { op: 'Query', startMs: 4.2, endMs: 6 }, // … then who else used it
      { op: 'PutItem', startMs: 6.5, endMs: 8 }, // the check-in
      { op: 'UpdateItem', startMs: 8.5, endMs: 9 },
      { op: 'PutItem', startMs: 8.4, endMs: 9.5 },
    ]);
    expect(r.count).toBe(5);
    expect(r.steps).toEqual([
      ['UpdateItem', 'BatchGetItem'],
      ['PutItem', 'PutItem'],
      ['Query'],
      ['PutItem'],
      ['PutItem', 'UpdateItem'],
    ]);
  });

  it('does not count overlapping requests in a row, nor one whose answer never came', () => {
    expect(roundTrips([]).count).toBe(0);
    expect(
      roundTrips([
        { op: 'GetItem', startMs: 0 },
        { op: 'PutItem', startMs: 5, endMs: 6 },
      ]).count,
    ).toBe(1);
    expect(
      roundTrips([
        { op: 'A', startMs: 0, endMs: 10 },
        { op: 'B', startMs: 1, endMs: 2 },
        { op: 'C', startMs: 3, endMs: 4 },
      ]),
    ).toEqual({ count: 2, steps: [['A', 'B'], ['C']] });
  });
});
