import type { RollCall, Schedule } from './rollcalls-model';

/**
 * The roll-call form's values as the admin types them: every schedule kind's value kept while
 * another kind is chosen, so switching back and forth loses nothing; `rollCallOf` sends only the
 * chosen one.
 */
export interface Draft {
  readonly isNew: boolean;
  readonly id: string;
  readonly name: string;
  readonly kind: Schedule['kind'];
  readonly weekdays: readonly number[];
  readonly day: string;
  readonly date: string;
  readonly opensAt: string;
  readonly startsAt: string;
  readonly closesAt: string;
  readonly reportAt: string;
  readonly sitesChosen: boolean;
  readonly siteIds: readonly string[];
  readonly unitsChosen: boolean;
  readonly units: readonly string[];
  readonly active: boolean;
}

export function blankDraft(): Draft {
  return {
    isNew: true,
    id: '',
    name: '',
    kind: 'daily',
    weekdays: [1],
    day: '17',
    date: '',
    opensAt: '',
    startsAt: '',
    closesAt: '',
    reportAt: '',
    sitesChosen: false,
    siteIds: [],
    unitsChosen: false,
    units: [],
    active: true,
  };
}

export function draftOf(rc: RollCall): Draft {
  const s = rc.schedule;
  return {
    ...blankDraft(),
    isNew: false,
    id: rc.id,
    name: rc.name,
    kind: s.kind,
    ...(s.kind === 'weekly' ? { weekdays: s.weekdays } : {}),
    ...(s.kind === 'monthly' ? { day: String(s.day) } : {}),
    ...(s.kind === 'once' ? { date: s.date } : {}),
    opensAt: rc.opensAt,
    startsAt: rc.startsAt,
    closesAt: rc.closesAt,
    reportAt: rc.reportAt,
    sitesChosen: rc.siteIds !== undefined,
    siteIds: rc.siteIds ?? [],
    unitsChosen: rc.units !== undefined,
    units: rc.units ?? [],
    active: rc.active,
  };
}

function scheduleOf(d: Draft): Schedule {
  switch (d.kind) {
    case 'daily':
      return { kind: 'daily' };
    case 'weekly':
      return { kind: 'weekly', weekdays: [...d.weekdays].sort() };
    case 'monthly':
      // A half-typed day is sent as it is (NaN becomes null): the server names what is wrong.
      return { kind: 'monthly', day: d.day.trim() === '' ? Number.NaN : Number(d.day) };
    case 'once':
      return { kind: 'once', date: d.date };
  }
}

/** What the form sends. Empty lists are sent as they are: the server says they are empty. */
export function rollCallOf(d: Draft): RollCall {
  return {
    id: d.id.trim(),
    name: d.name.trim(),
    schedule: scheduleOf(d),
    opensAt: d.opensAt.trim(),
    startsAt: d.startsAt.trim(),
    closesAt: d.closesAt.trim(),
    reportAt: d.reportAt.trim(),
    ...(d.sitesChosen ? { siteIds: d.siteIds } : {}),
    ...(d.unitsChosen ? { units: d.units } : {}),
    active: d.active,
  };
}
