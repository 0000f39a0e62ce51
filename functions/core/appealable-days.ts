import { type AppealDeps, holidaySet } from './appeal-flow';
import { appealIdOf, appealWindow, isWindowOpen, windowYears } from './appeals';
import { addDays, localTime } from './calendar';
import { excuseCovers, isExpectedOn } from './model';
import { attends, happensOn } from './rollcall-schedule';
import { PAGI, type RollCall } from './rollcalls';

/** A day an employee may still appeal: the roll call and when its window ends. */
export interface AppealableDay {
  readonly date: string;
  readonly rollCallId: string;
  readonly rollCallName: string;
  readonly appealClosesAt: string;
}

/** How far back the page looks for days still open: the longest window a calendar allows. */
const LOOKBACK_DAYS = 45;

/**
 * The roll calls an employee was absent from and may still appeal, newest first, leaving out
 * those already appealed. A guide for the page, read cheaply under today's rules: per date one
 * Query of the employee's day and one of its excuses, and a mark read per roll call. A POST is
 * then checked in full under that date's own rules (assertAppealable).
 */
export async function appealableDays(
  deps: AppealDeps,
  employeeId: string,
  appealed: ReadonlySet<string>,
): Promise<AppealableDay[]> {
  const { stores } = deps;
  const [rules, employee] = await Promise.all([
    stores.settings.getRules(),
    stores.roster.get(employeeId),
  ]);
  if (!employee) return [];
  const now = deps.clock.now();
  const today = localTime(now, rules.settings.timezone).date;
  const lookback = Math.min(LOOKBACK_DAYS, rules.settings.appealDays * 3 + 7);
  // The lookback's first year and the next: a window from these days ends by then.
  const holidays = await holidaySet(stores, addDays(today, -lookback));
  if (windowYears(addDays(today, -lookback))[1] !== Number(today.slice(0, 4)) + 1) {
    for (const h of await stores.holidays.year(Number(today.slice(0, 4)) + 1)) {
      holidays.add(h.date);
    }
  }
  const candidates: { date: string; rollCall: RollCall; closesAt: Date }[] = [];
  for (let i = 0; i <= lookback; i++) {
    const date = addDays(today, -i);
    if (!isExpectedOn(employee, date)) continue;
    for (const rc of rules.rollCalls) {
      if (!rc.active || !attends(rc, employee.unit)) continue;
      if (!happensOn(rc.schedule, date, rules.settings, holidays.has(date))) continue;
      if (appealed.has(appealIdOf(employeeId, date, rc.id))) continue;
      const w = appealWindow(date, rc.closesAt, rules.settings, holidays);
      if (isWindowOpen(w, now)) candidates.push({ date, rollCall: rc, closesAt: w.closesAt });
    }
  }
  const dates = [...new Set(candidates.map((c) => c.date))];
  const days = new Map(
    await Promise.all(
      dates.map(
        async (date) =>
          [
            date,
            await Promise.all([
              stores.checkins.employeeDay(employeeId, date),
              stores.excuses.on(date),
            ]),
          ] as const,
      ),
    ),
  );
  const open = await Promise.all(
    candidates.map(async ({ date, rollCall, closesAt }) => {
      const [day, excuses] = days.get(date) ?? [null, []];
      const checkedIn = day?.checkins.some((c) => (c.rollCallId ?? PAGI) === rollCall.id);
      const excused = excuses.some((x) => x.employeeId === employeeId && excuseCovers(x, date));
      if (checkedIn || excused) return null;
      if (await stores.marks.get(date, rollCall.id, employeeId)) return null;
      return {
        date,
        rollCallId: rollCall.id,
        rollCallName: rollCall.name,
        appealClosesAt: closesAt.toISOString(),
      };
    }),
  );
  return open.filter((d): d is AppealableDay => d !== null);
}
