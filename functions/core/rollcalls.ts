import * as v from 'valibot';
import { HhMm, IsoDate, SiteId, Text } from './fields';
import { PAGI } from './rollcall-ids';
import { minutesOf, type Settings } from './settings';

export { PAGI };

/**
 * Roll calls (DESIGN.md, "Roll calls"): gatherings employees must check in to. `pagi` is the one
 * every deployment has, and its window is the settings' own; admins add others with their own
 * schedule, window, grounds and attendees. The roll calls are part of the deployment's rules
 * (`Rules`), versioned with the settings, so that a past date keeps the roll calls it had.
 */

const isoWeekday = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7));

/** A roll call's id: lower case, kept in keys and file paths (`reports/{date}/{id}/`). */
export const RollCallId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'a roll call id: lowercase letters, digits and -'),
  // reports/{date}/v{n}/ holds pagi's versions and reports/latest/ its newest day.
  v.check((id) => !/^v\d+$/.test(id) && id !== 'latest', 'this id is reserved'),
);

export const ScheduleSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('daily') }),
  v.strictObject({
    kind: v.literal('weekly'),
    weekdays: v.pipe(
      v.array(isoWeekday),
      v.minLength(1, 'at least one weekday'),
      v.check((d) => new Set(d).size === d.length, 'weekdays must not repeat'),
    ),
  }),
  v.strictObject({
    kind: v.literal('monthly'),
    day: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31)),
  }),
  v.strictObject({ kind: v.literal('once'), date: IsoDate }),
]);
export type Schedule = v.InferOutput<typeof ScheduleSchema>;

const fields = {
  name: Text(120),
  schedule: ScheduleSchema,
  opensAt: HhMm,
  startsAt: HhMm,
  closesAt: HhMm,
  reportAt: HhMm,
  /** Where it is held; absent: each employee's own grounds. */
  siteIds: v.optional(
    v.pipe(
      v.array(SiteId),
      v.minLength(1, 'at least one ground, or leave siteIds out'),
      v.maxLength(50, 'at most 50 grounds'),
    ),
  ),
  /** Who must attend (units, any case); absent: everyone on the roster. */
  units: v.optional(
    v.pipe(
      v.array(Text(200)),
      v.minLength(1, 'at least one unit, or leave units out'),
      v.maxLength(200, 'at most 200 units'),
    ),
  ),
  active: v.boolean(),
};

/** PUT /v1/rollcalls/{id}: the roll call whole; `id`, when given, must be the path's. */
export const RollCallBody = v.pipe(
  v.strictObject({ id: v.optional(RollCallId), ...fields }),
  v.forward(
    v.check(
      (r) => minutesOf(r.opensAt) <= minutesOf(r.startsAt),
      'opensAt must not be after startsAt',
    ),
    ['startsAt'],
  ),
  v.forward(
    v.check(
      (r) => minutesOf(r.startsAt) <= minutesOf(r.closesAt),
      'startsAt must not be after closesAt',
    ),
    ['closesAt'],
  ),
  v.forward(
    v.check(
      (r) => minutesOf(r.reportAt) > minutesOf(r.closesAt),
      'reportAt must be after closesAt, or late check-ins would be missed',
    ),
    ['reportAt'],
  ),
);

/** A stored roll call (the body with its id). */
export const RollCallSchema = v.object({ id: RollCallId, ...fields });
export type RollCall = v.InferOutput<typeof RollCallSchema>;

/** A deployment's rules: one versioned document, so that each version has both. */
export interface Rules {
  readonly settings: Settings;
  /** Every roll call, `pagi` first, whose times are always the settings' own. */
  readonly rollCalls: readonly RollCall[];
}

/** `pagi` as a deployment without roll calls of its own has it. */
export function defaultPagi(settings: Settings): RollCall {
  return {
    id: PAGI,
    name: 'Apel pagi',
    schedule: { kind: 'daily' },
    opensAt: settings.opensAt,
    startsAt: settings.startsAt,
    closesAt: settings.closesAt,
    reportAt: settings.reportAt,
    active: true,
  };
}

/**
 * The rules from what is stored: `pagi` first with the settings' times (the settings are pagi's
 * window: changing either changes both), then the others by id. Versions from before roll calls
 * have none stored: just `pagi`.
 */
export function rulesOf(settings: Settings, stored: readonly RollCall[] | undefined): Rules {
  const storedPagi = stored?.find((r) => r.id === PAGI);
  const pagi: RollCall = {
    ...(storedPagi ?? defaultPagi(settings)),
    schedule: { kind: 'daily' },
    opensAt: settings.opensAt,
    startsAt: settings.startsAt,
    closesAt: settings.closesAt,
    reportAt: settings.reportAt,
  };
  const others = (stored ?? []).filter((r) => r.id !== PAGI).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { settings, rollCalls: [pagi, ...others] };
}

/** The rules with new settings: pagi's window follows them. */
export function withSettings(rules: Rules, settings: Settings): Rules {
  return rulesOf(settings, rules.rollCalls);
}

/** The rules with a roll call added or replaced; `pagi`'s times become the settings' times. */
export function withRollCall(rules: Rules, rc: RollCall): Rules {
  const settings =
    rc.id === PAGI
      ? {
          ...rules.settings,
          opensAt: rc.opensAt,
          startsAt: rc.startsAt,
          closesAt: rc.closesAt,
          reportAt: rc.reportAt,
        }
      : rules.settings;
  return rulesOf(settings, [...rules.rollCalls.filter((r) => r.id !== rc.id), rc]);
}

/** The rules without a roll call (never `pagi`: the route refuses that first). */
export function withoutRollCall(rules: Rules, id: string): Rules {
  return rulesOf(
    rules.settings,
    rules.rollCalls.filter((r) => r.id !== id),
  );
}

export function findRollCall(rules: Rules, id: string): RollCall | undefined {
  return rules.rollCalls.find((r) => r.id === id);
}
