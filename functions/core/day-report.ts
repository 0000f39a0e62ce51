import { NotFound } from './errors';
import type { Stores } from './ports';
import { buildReport, type Report, type ReportContent } from './report';
import { attends, happensOn } from './rollcall-schedule';
import { findRollCall, PAGI, type RollCall } from './rollcalls';
import type { Settings } from './settings';
import { BeforeDeployment } from './settings-history';

export type ReportSources = Pick<
  Stores,
  'settings' | 'holidays' | 'roster' | 'checkins' | 'excuses' | 'publications' | 'marks'
>;

export interface DayReport {
  readonly content: ReportContent;
  readonly settings: Settings;
  /** The roll call as it stood at the end of that date (its window, name, attendees). */
  readonly rollCall: RollCall;
}

/**
 * A roll call's report of a day from the store, as it stands now, under the rules (settings and
 * roll calls) in force at the end of that date; a date before the deployment's first day has
 * none (BeforeDeployment), nor a roll call that did not exist then (NotFound). A day the roll
 * call is not held (a holiday for a recurring one, another date for a `once`) says so and lists
 * nobody; attendees are the roster's members of its units (all, without units).
 */
export async function buildDayReport(
  stores: ReportSources,
  date: string,
  rollCallId: string = PAGI,
): Promise<DayReport> {
  const [rules, holiday, roster, checkins, excuses, marks] = await Promise.all([
    // The rules of that date, not today's: a past Sunday stays a Sunday after a change.
    stores.settings.settingsOn(date),
    stores.holidays.get(date),
    stores.roster.all(),
    stores.checkins.checkinsOn(date, rollCallId),
    stores.excuses.on(date),
    stores.marks.on(date, rollCallId),
  ]);
  const { settings } = rules;
  if (settings === null) throw new BeforeDeployment(date, rules.firstDay);
  const rollCall = findRollCall({ settings, rollCalls: rules.rollCalls }, rollCallId);
  if (!rollCall) throw new NotFound('roll call', rollCallId);
  const held = rollCall.active && happensOn(rollCall.schedule, date, settings, holiday !== null);
  const content = buildReport({
    date,
    settings,
    holiday,
    roster: roster.filter((e) => attends(rollCall, e.unit)),
    checkins,
    excuses,
    marks,
    held,
  });
  return { content, settings, rollCall };
}

/**
 * The rules a day's report would be made under, or its refusal, without reading the day: the
 * settings and roll call in force at the end of that date (BeforeDeployment, NotFound).
 */
export async function reportRules(
  stores: Pick<ReportSources, 'settings'>,
  date: string,
  rollCallId: string = PAGI,
): Promise<{ settings: Settings; rollCall: RollCall }> {
  const rules = await stores.settings.settingsOn(date);
  if (rules.settings === null) throw new BeforeDeployment(date, rules.firstDay);
  const rollCall = findRollCall(
    { settings: rules.settings, rollCalls: rules.rollCalls },
    rollCallId,
  );
  if (!rollCall) throw new NotFound('roll call', rollCallId);
  return { settings: rules.settings, rollCall };
}

/** What a report says of its roll call, beside its content (not hashed: a rename is no change). */
export function rollCallHead(rc: RollCall) {
  return {
    rollCall: {
      id: rc.id,
      name: rc.name,
      opensAt: rc.opensAt,
      startsAt: rc.startsAt,
      closesAt: rc.closesAt,
    },
  };
}

/** A day's report as it stands now, not published: version 0, made at `now`. */
export async function liveReport(
  stores: ReportSources,
  date: string,
  rollCallId: string,
  now: Date,
): Promise<{ report: Report; settings: Settings }> {
  const live = await buildDayReport(stores, date, rollCallId);
  return {
    report: {
      ...live.content,
      ...rollCallHead(live.rollCall),
      generatedAt: now.toISOString(),
      version: 0,
    },
    settings: live.settings,
  };
}
