import { describe, expect, it } from 'vitest';
import type { Capture } from '../../../../../functions/http/pages/checkin/client/capture';
import {
  forRollCall,
  openTarget,
  parseToday,
  standingOf,
} from '../../../../../functions/http/pages/checkin/client/rollcalls';

/** Today's roll calls on the check-in page, without a browser: the answer read, the roll call
 * Hadir goes to, and what the page says when there is none to check in to. */

const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const checkin = { status: 'on_time', receivedAt: '2027-08-17T00:12:00.000Z' };
const answer = {
  date: '2027-08-17',
  items: [
    {
      id: 'upacara',
      name: 'Upacara 17 Agustus',
      opensAt: '15:00',
      startsAt: '15:30',
      closesAt: '16:00',
      checkin: null,
    },
    {
      id: 'pagi',
      name: 'Apel pagi',
      opensAt: '06:30',
      startsAt: '07:30',
      closesAt: '08:00',
      checkin,
    },
    {
      id: 'apel-sore',
      name: 'Apel sore',
      opensAt: '11:00',
      startsAt: '13:30',
      closesAt: '14:00',
      checkin: null,
    },
  ],
};
const capture: Capture = {
  owner: 'demo-001',
  body: { lat: 3.59, lon: 98.67, accuracy: 8, capturedAt: '2027-08-17T05:00:00.000Z' },
};

describe('roll calls on the check-in page', () => {
  it('reads the answer by opening time, each in its state by the local clock', () => {
    const list = parseToday(answer, at('12:10'));
    expect(list.map((r) => [r.id, r.state, r.checkin !== null])).toEqual([
      ['pagi', 'closed', true],
      ['apel-sore', 'open', false],
      ['upacara', 'upcoming', false],
    ]);
    // A state the server says wins over the clock; an item without times is left out.
    const said = parseToday([{ ...answer.items[2], state: 'closed' }, { id: 'x' }], at('12:10'));
    expect(said.map((r) => r.state)).toEqual(['closed']);
    expect(parseToday(null, 0)).toEqual([]);
    // As the server words it: `rollCalls`, and `not_open` for one still to come.
    const served = parseToday(
      { rollCalls: [{ ...answer.items[0], state: 'not_open' }] },
      at('16:30'),
    );
    expect(served.map((r) => r.state)).toEqual(['upcoming']);
  });

  it('Hadir goes to the open one not yet recorded, and a capture keeps the one it was taken for', () => {
    const list = parseToday(answer, at('12:10'));
    expect(openTarget(list)?.id).toBe('apel-sore');
    const c = forRollCall(capture, openTarget(list));
    expect(c.body).toMatchObject({ rollCallId: 'apel-sore' });
    expect(forRollCall(c, list[2] ?? null).body).toMatchObject({ rollCallId: 'apel-sore' });
    expect(forRollCall(capture, null)).toBe(capture);
  });

  it('with none to check in to: the standing check-in, the next one, or the day is over', () => {
    expect(standingOf(parseToday(answer, at('12:10')), 'id')).toEqual({ k: 'ready' });
    expect(standingOf(parseToday(answer, at('07:00')), 'id')).toEqual({ k: 'recorded', checkin });
    expect(standingOf(parseToday(answer, at('09:00')), 'id')).toEqual({
      k: 'note',
      lines: ['Belum ada apel yang dibuka. Berikutnya: Apel sore, dibuka 11.00.'],
    });
    expect(standingOf(parseToday(answer, at('17:00')), 'en')).toEqual({
      k: 'note',
      lines: ['Today’s roll calls are over.'],
    });
    expect(standingOf([], 'id')).toEqual({
      k: 'note',
      lines: ['Tidak ada apel untuk Anda hari ini.'],
    });
  });
});
