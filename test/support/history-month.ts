import { addDays, isoWeekdayOf, localTime } from '../../functions/core/calendar';
import type { AttendanceMark } from '../../functions/core/mark-record';
import type { pageServer } from './page-server';
import { checkin } from './store-contract';

type Server = Awaited<ReturnType<typeof pageServer>>;
const ADMIN = { as: 'bkd-admin', admin: true } as const;

/** The instant a wall clock in `timeZone` reads `hhmm` on `date` (no DST in Indonesia). */
export function instantAt(date: string, hhmm: string, timeZone: string): string {
  const naive = Date.parse(`${date}T${hhmm}:00.000Z`);
  const seen = localTime(new Date(naive), timeZone);
  const drift = Date.parse(`${seen.date}T${seen.time}:00.000Z`) - naive;
  return new Date(naive - drift).toISOString();
}

const minus = (hhmm: string, by: number) => {
  const m = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + by;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export interface SeededMonth {
  readonly month: string;
  /** Each seeded workday of `month` and what it must show. */
  readonly onTime: string;
  readonly late: string;
  /** "HH:MM" of the late arrival, in the zone in force that day. */
  readonly lateAt: string;
  readonly sick: string;
  readonly absent: string;
  readonly marked: string;
  /** The workdays of `month` left unpublished (pending), none of the above. */
  readonly pending: readonly string[];
}

/**
 * Last month of one employee, through the stores and the API as the recap tests do: on the
 * first five workdays (as the rules in force then say) a check-in on time, one 15 minutes late,
 * a sick excuse, nothing (absent), an officer's mark (on time, manual); those five days'
 * reports published, the rest of the month left unpublished.
 */
export async function seedLastMonth(srv: Server, employeeId: string): Promise<SeededMonth> {
  const rules = (await srv.rt.call('GET', '/v1/settings', ADMIN)).json;
  const today = localTime(srv.clock.now(), rules.timezone).date;
  const first = `${today.slice(0, 7)}-01`;
  const month = addDays(first, -1).slice(0, 7);
  const workdays: string[] = [];
  for (let d = `${month}-01`; d < first; d = addDays(d, 1)) {
    const on = await srv.rt.stores.settings.settingsOn(d);
    if (on.settings?.workdays.includes(isoWeekdayOf(d))) workdays.push(d);
  }
  if (workdays.length < 5) throw new Error(`fewer than five workdays in ${month}`);
  const [onTime, late, sick, absent, marked] = workdays as [string, string, string, string, string];
  const rest = workdays.slice(5);
  const put = async (date: string, by: number, status: 'on_time' | 'late') => {
    const s = (await srv.rt.stores.settings.settingsOn(date)).settings;
    if (!s) throw new Error(`no settings on ${date}`);
    const at = minus(s.startsAt, by);
    const when = instantAt(date, at, s.timezone);
    await srv.rt.stores.checkins.putFirstCheckin(
      checkin(employeeId, { date, status, receivedAt: when, capturedAt: when }),
    );
    return at;
  };
  await put(onTime, -10, 'on_time');
  const lateAt = await put(late, 15, 'late');
  const excuse = await srv.rt.call('POST', '/v1/excuses', {
    ...ADMIN,
    body: { employeeId, from: sick, to: sick, kind: 'sick' },
  });
  if (excuse.status !== 201) throw new Error(`excuse: ${excuse.status} ${excuse.text}`);
  const mark: AttendanceMark = {
    employeeId,
    date: marked,
    rollCallId: 'pagi',
    status: 'on_time',
    reason: 'HP mati, hadir di lapangan',
    method: 'manual',
    by: 'bkd-admin',
    markedAt: instantAt(marked, '09:00', 'UTC'),
  };
  await srv.rt.stores.marks.create(mark);
  for (const date of [onTime, late, sick, absent, marked]) {
    const p = await srv.rt.call('POST', `/v1/reports/${date}/publish`, ADMIN);
    if (p.status !== 200) throw new Error(`publish ${date}: ${p.status} ${p.text}`);
  }
  return { month, onTime, late, lateAt, sick, absent, marked, pending: rest };
}
