import type { Issue } from './errors';
import { happensOn, unitKey } from './rollcall-schedule';
import { PAGI, type RollCall, type Rules } from './rollcalls';
import { minutesOf, type Settings } from './settings';

/** What checking a roll call needs to know of the world beyond the rules. */
export interface RollCallWorld {
  /** Today's local date: a `once` roll call cannot be set before it. */
  readonly today: string;
  isHoliday(date: string): Promise<boolean>;
  /** The ids of these grounds that do not exist (or were retired). */
  missingSites(siteIds: readonly string[]): Promise<string[]>;
  /** The units of these that nobody on the roster is in. */
  emptyUnits(units: readonly string[]): Promise<string[]>;
}

const issue = (path: string, id: string, en: string): Issue => ({ path, message: { id, en } });

/**
 * Why a roll call cannot be stored among the rules, each issue naming its field; none: it can.
 * Beyond its schema: `pagi` stays daily and active; a `once` date is not in the past; every
 * ground exists and every unit has someone in it; and no two active roll calls that can fall on
 * the same day, for some of the same people, have windows that overlap (a check-in without a
 * roll call would not know which it is for).
 */
export async function rollCallIssues(
  rc: RollCall,
  rules: Rules,
  world: RollCallWorld,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (rc.id === PAGI && rc.schedule.kind !== 'daily') {
    issues.push(issue('schedule', 'apel pagi selalu harian', 'pagi is always daily'));
  }
  if (rc.id === PAGI && !rc.active) {
    issues.push(
      issue('active', 'apel pagi tidak dapat dinonaktifkan', 'pagi cannot be deactivated'),
    );
  }
  if (rc.schedule.kind === 'once' && rc.schedule.date < world.today) {
    issues.push(
      issue(
        'schedule.date',
        `tanggal sudah lewat (hari ini ${world.today})`,
        `the date has passed (today is ${world.today})`,
      ),
    );
  }
  const none: string[] = [];
  const [missing, empty] = await Promise.all([
    rc.siteIds ? world.missingSites(rc.siteIds) : none,
    rc.units ? world.emptyUnits(rc.units) : none,
  ]);
  rc.siteIds?.forEach((id, i) => {
    if (missing.includes(id)) {
      issues.push(issue(`siteIds.${i}`, `lapangan ${id} tidak ada`, `no ground ${id}`));
    }
  });
  rc.units?.forEach((u, i) => {
    if (empty.includes(u)) {
      issues.push(
        issue(`units.${i}`, `tidak ada pegawai di unit ${u}`, `nobody on the roster is in ${u}`),
      );
    }
  });
  if (rc.active) {
    for (const other of rules.rollCalls) {
      if (other.id === rc.id || !other.active) continue;
      if (!windowsOverlap(rc, other) || !attendeesMeet(rc, other)) continue;
      if (!(await mayCoincide(rc, other, rules.settings, world))) continue;
      const span = `${other.opensAt}–${other.closesAt}`;
      issues.push(
        issue(
          'opensAt',
          `jamnya bertumpang tindih dengan "${other.name}" (${other.id}, ${span}) untuk pegawai yang sama pada hari yang sama`,
          `the window overlaps "${other.name}" (${other.id}, ${span}) for some of the same people on the same day`,
        ),
      );
    }
  }
  return issues;
}

/** Windows share a minute (both ends count: a check-in at closesAt is still late). */
export function windowsOverlap(a: RollCall, b: RollCall): boolean {
  return (
    minutesOf(a.opensAt) <= minutesOf(b.closesAt) && minutesOf(b.opensAt) <= minutesOf(a.closesAt)
  );
}

function attendeesMeet(a: RollCall, b: RollCall): boolean {
  if (!a.units || !b.units) return true;
  const theirs = new Set(b.units.map(unitKey));
  return a.units.some((u) => theirs.has(unitKey(u)));
}

/** The ISO weekdays a recurring roll call can fall on. */
function weekdaysOf(rc: RollCall, workdays: readonly number[]): number[] {
  if (rc.schedule.kind === 'weekly') {
    const days = rc.schedule.weekdays;
    return workdays.filter((d) => days.includes(d));
  }
  return [...workdays];
}

/**
 * Whether two roll calls can happen on the same date. A `once` against a recurring one asks
 * whether the recurring one happens on that date — a holiday cancels it, so the 17 August
 * ceremony may take pagi's hours on a holiday.
 */
async function mayCoincide(
  a: RollCall,
  b: RollCall,
  settings: Pick<Settings, 'workdays'>,
  world: RollCallWorld,
): Promise<boolean> {
  const sa = a.schedule;
  const sb = b.schedule;
  if (sa.kind === 'once' && sb.kind === 'once') return sa.date === sb.date;
  if (sa.kind === 'once') {
    return happensOn(sb, sa.date, settings, await world.isHoliday(sa.date));
  }
  if (sb.kind === 'once') {
    return happensOn(sa, sb.date, settings, await world.isHoliday(sb.date));
  }
  if (sa.kind === 'monthly' && sb.kind === 'monthly') {
    return sa.day === sb.day && settings.workdays.length > 0;
  }
  const wb = weekdaysOf(b, settings.workdays);
  return weekdaysOf(a, settings.workdays).some((d) => wb.includes(d));
}
