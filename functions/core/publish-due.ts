import { addDays, isoWeekdayOf, localTime } from './calendar';
import type { PublishDeps, PublishResult } from './publish';
import { publishReport } from './publish';
import { happensOn } from './rollcall-schedule';
import { PAGI, type RollCall } from './rollcalls';
import { minutesOf } from './settings';

export interface DuePublication {
  readonly date: string;
  readonly rollCallId: string;
  readonly result: PublishResult | null;
  readonly error?: Error;
}

/**
 * Publishing as data (DESIGN.md, "Roll calls: scheduling"): one frequent tick publishes every roll
 * call whose `reportAt` has passed and that is not published yet — today's, and yesterday's for a
 * tick that came too late. Idempotent: a published one (its notice sent) is skipped, and
 * publishing twice makes the same version. `pagi` is published on every workday of its settings (a holiday's report
 * says so, as before); another roll call on the days it is held. A failure of one does not stop
 * the others; it is returned (and retried by the next tick).
 */
export async function publishDue(deps: PublishDeps): Promise<DuePublication[]> {
  const { stores } = deps;
  const rules = await stores.settings.getRules();
  const now = localTime(deps.clock.now(), rules.settings.timezone);
  const out: DuePublication[] = [];
  for (const date of [addDays(now.date, -1), now.date]) {
    const onDate = await stores.settings.settingsOn(date);
    if (onDate.settings === null) continue;
    const holiday = (await stores.holidays.get(date)) !== null;
    const due = onDate.rollCalls.filter(
      (rc) =>
        isDueOn(rc, date, onDate.settings.workdays, holiday) &&
        (date < now.date || now.minutes >= minutesOf(rc.reportAt)),
    );
    for (const rc of due) {
      // Done once a version's notice went out (the files are written before it). A version
      // recorded by a run that failed after (notified: false) is finished by the next tick.
      const newest = await stores.publications.newest(date, rc.id);
      if (newest && newest.notified !== false) continue;
      try {
        out.push({ date, rollCallId: rc.id, result: await publishReport(deps, date, rc.id) });
      } catch (err) {
        out.push({ date, rollCallId: rc.id, result: null, error: err as Error });
      }
    }
  }
  return out;
}

function isDueOn(rc: RollCall, date: string, workdays: readonly number[], holiday: boolean) {
  if (rc.id === PAGI) return workdays.includes(isoWeekdayOf(date));
  return rc.active && happensOn(rc.schedule, date, { workdays: [...workdays] }, holiday);
}
