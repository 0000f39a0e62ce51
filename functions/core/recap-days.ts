/**
 * Reading a month for its recap: each day of a roll call counts as its newest published
 * version (what the wall said, corrections included), read from that version's own file; a
 * day not yet published is built live and listed as pending. One day is read, folded into the
 * counters and dropped before the next (core/recap.ts), so a month of 250,000 employees holds
 * the counters and one day's report, never the month's.
 *
 * A locked month's recap is built once, when it is locked, and kept beside the reports
 * (recaps/{month}/{rollCall}/locked-{instant}/recap.json): what the allowance office took never
 * changes, whatever later happens to the roster, the settings or the tiers.
 */
import { addDays, localTime } from './calendar';
import { MonthInFuture } from './correction-errors';
import { NotFound } from './errors';
import { isExpectedOn } from './model';
import { lastDayOf } from './month-lock';
import type { Clock, MonthLock, ReportPublisher, Stores } from './ports';
import { buildDayReport, type ReportSources } from './publish';
import { publishedReport } from './published-report';
import { DEFAULT_LATE_TIERS, type Recap, RecapBuilder, sameUnit, summarise } from './recap';
import type { Report, ReportContent } from './report';
import { attends, happensOn } from './rollcall-schedule';
import { findRollCall, PAGI } from './rollcalls';

export type RecapSources = ReportSources & Pick<Stores, 'monthLocks'>;

export interface RecapDeps {
  readonly stores: RecapSources;
  readonly publisher: ReportPublisher;
  readonly clock: Clock;
}

/** Today in the deployment's time zone. */
export async function todayOf(deps: Pick<RecapDeps, 'stores' | 'clock'>): Promise<string> {
  const { timezone } = await deps.stores.settings.getSettings();
  return localTime(deps.clock.now(), timezone).date;
}

/** The month's recap as the days stand now (not the kept one of a locked month). */
export async function buildMonthRecap(
  deps: RecapDeps,
  month: string,
  rollCallId: string = PAGI,
): Promise<Recap> {
  const { stores } = deps;
  const settings = await stores.settings.getSettings();
  const today = localTime(deps.clock.now(), settings.timezone).date;
  if (`${month}-01` > today) throw new MonthInFuture(month, today);
  const bounds = (settings.lateTiers ?? DEFAULT_LATE_TIERS) as readonly [number, number, number];
  const roster = await stores.roster.all();
  const builder = new RecapBuilder(bounds);
  builder.know(roster);
  const end = lastDayOf(month);
  const last = [end, today].sort()[0] as string; // the earlier date
  const published: string[] = [];
  const pending: string[] = [];
  let known = false;
  for (let date = `${month}-01`; date <= last; date = addDays(date, 1)) {
    const rules = await stores.settings.settingsOn(date);
    if (rules.settings === null) continue; // before the deployment: nothing to count
    const rollCall = findRollCall(
      { settings: rules.settings, rollCalls: rules.rollCalls },
      rollCallId,
    );
    const report: ReportContent | null = await publishedReport(deps, date, rollCallId);
    let day = report;
    if (day) {
      published.push(date);
    } else {
      if (!rollCall) continue; // the roll call did not exist that day
      // A day it is not held (a weekend, a holiday) counts nothing: building it would read the
      // whole roster and the day's check-ins for a report that lists nobody.
      const holiday = await stores.holidays.get(date);
      if (
        !rollCall.active ||
        !happensOn(rollCall.schedule, date, rules.settings, holiday !== null)
      ) {
        known = true;
        continue;
      }
      day = (await buildDayReport(stores, date, rollCallId)).content;
      if (day.workday) pending.push(date);
    }
    known ||= rollCall !== undefined || report !== null;
    const startsAt =
      (report as Report | null)?.rollCall?.startsAt ??
      rollCall?.startsAt ??
      rules.settings.startsAt;
    const expected = roster.filter(
      (e) => isExpectedOn(e, date) && (!rollCall || attends(rollCall, e.unit)),
    );
    builder.addDay(day, startsAt, expected);
  }
  if (!known && rollCallId !== PAGI) throw new NotFound('roll call', rollCallId);
  return {
    month,
    rollCallId,
    timezone: settings.timezone,
    generatedAt: deps.clock.now().toISOString(),
    lateTiers: [...bounds] as [number, number, number],
    published,
    pending,
    ...builder.finish(),
  };
}

/** Where a locked month's recap is kept: one file per lock, so an unlock and relock keeps both. */
export function lockedRecapKey(lock: MonthLock, rollCallId: string): string {
  return `recaps/${lock.month}/${rollCallId}/locked-${lock.lockedAt.replace(/[:.]/g, '')}/recap.json`;
}

/** Build and keep a locked month's recap of a roll call (the one the lock froze). */
export async function keepLockedRecap(
  deps: RecapDeps,
  lock: MonthLock,
  rollCallId: string,
): Promise<Recap> {
  const built = await buildMonthRecap(deps, lock.month, rollCallId);
  const recap: Recap = { ...built, generatedAt: lock.lockedAt, lock };
  await deps.publisher.write([
    {
      key: lockedRecapKey(lock, rollCallId),
      body: `${JSON.stringify(recap)}\n`,
      contentType: 'application/json',
    },
  ]);
  return recap;
}

/** The roll calls a month had: those in force at its end and any published in it. */
export async function rollCallsOfMonth(deps: RecapDeps, month: string): Promise<string[]> {
  const rules = await deps.stores.settings.settingsOn(lastDayOf(month));
  const ids = new Set<string>([PAGI, ...(rules.settings ? rules.rollCalls.map((r) => r.id) : [])]);
  for (const p of await deps.stores.publications.list(`${month}-01`, lastDayOf(month))) {
    ids.add(p.rollCallId);
  }
  return [...ids];
}

/** When a month is locked: its recap of every roll call it had is kept. */
export async function keepLockedMonth(deps: RecapDeps, lock: MonthLock): Promise<void> {
  for (const id of await rollCallsOfMonth(deps, lock.month)) {
    await keepLockedRecap(deps, lock, id).catch((err) => {
      // A roll call of the month's end that was never held in it has nothing to keep.
      if (!(err instanceof NotFound)) throw err;
    });
  }
}

/**
 * The recap the API answers: a locked month's kept one (built now if it is missing: a lock
 * made before recaps were kept), else the month as it stands; with `unit`, that unit's rows
 * and totals (404 for a unit with nobody in it).
 */
export async function monthRecap(
  deps: RecapDeps,
  month: string,
  rollCallId: string = PAGI,
  unit?: string,
): Promise<Recap> {
  const lock = await deps.stores.monthLocks.get(month);
  let recap: Recap;
  if (lock?.locked) {
    const kept = await deps.publisher.read(lockedRecapKey(lock, rollCallId));
    recap = kept ? (JSON.parse(kept) as Recap) : await keepLockedRecap(deps, lock, rollCallId);
  } else {
    recap = await buildMonthRecap(deps, month, rollCallId);
  }
  if (unit === undefined) return recap;
  const rows = recap.rows.filter((r) => sameUnit(r.unit, unit));
  if (rows.length === 0) {
    const someone = await deps.stores.roster.list({ unit, limit: 1 });
    if (someone.items.length === 0) throw new NotFound('unit', unit);
  }
  return { ...recap, ...summarise(rows) };
}
