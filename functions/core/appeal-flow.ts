import { AppealDecided, NotAbsent } from './appeal-errors';
import {
  type Appeal,
  type AppealInput,
  type AppealWindow,
  appealIdOf,
  appealWindow,
  isWindowOpen,
  windowYears,
} from './appeals';
import { NotAWorkday, NotOnRoster } from './checkin-errors';
import { AlreadyCheckedIn, AppealClosed } from './correction-errors';
import { Forbidden, NotFound } from './errors';
import { type Employee, excuseCovers, isExpectedOn } from './model';
import { assertMonthOpen } from './month-lock';
import type { Clock, Stores } from './ports';
import { attends, happensOn } from './rollcall-schedule';
import { findRollCall, PAGI, type RollCall } from './rollcalls';
import { BeforeDeployment } from './settings-history';

export type AppealStores = Pick<
  Stores,
  'settings' | 'roster' | 'holidays' | 'checkins' | 'excuses' | 'appeals' | 'marks' | 'monthLocks'
>;

export interface AppealDeps {
  readonly stores: AppealStores;
  readonly clock: Clock;
}

/** The holidays of the years an appeal window from `date` may reach. */
export async function holidaySet(stores: AppealStores, date: string): Promise<Set<string>> {
  const years = await Promise.all(windowYears(date).map((y) => stores.holidays.year(y)));
  return new Set(years.flat().map((h) => h.date));
}

/**
 * Why the employee may appeal the roll call of that date, or the refusal: the rules of that date
 * (not today's), the roster of that date, the roll call held, the window open now, no check-in,
 * no excuse and no mark. What it finds, in that order, is what it says.
 */
export async function assertAppealable(
  deps: AppealDeps,
  employee: Employee | null,
  employeeId: string,
  date: string,
  rollCallId: string,
): Promise<{ employee: Employee; rollCall: RollCall; window: AppealWindow }> {
  const { stores } = deps;
  const rules = await stores.settings.settingsOn(date);
  if (rules.settings === null) throw new BeforeDeployment(date, rules.firstDay);
  const { settings } = rules;
  const rollCall = findRollCall({ settings, rollCalls: rules.rollCalls }, rollCallId);
  if (!rollCall) throw new NotFound('roll call', rollCallId);
  if (!employee || !isExpectedOn(employee, date) || !attends(rollCall, employee.unit)) {
    throw new NotOnRoster(employeeId);
  }
  const holidays = await holidaySet(stores, date);
  const held = rollCall.active && happensOn(rollCall.schedule, date, settings, holidays.has(date));
  if (!held) {
    const holiday = holidays.has(date) ? await stores.holidays.get(date) : null;
    throw new NotAWorkday(date, holiday?.name ?? null);
  }
  const window = appealWindow(date, rollCall.closesAt, settings, holidays);
  if (!isWindowOpen(window, deps.clock.now())) {
    throw new AppealClosed(
      date,
      { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() },
      rollCallId,
    );
  }
  const [checkin, excuses, mark] = await Promise.all([
    stores.checkins.getCheckin(employeeId, date, rollCallId),
    stores.excuses.on(date),
    stores.marks.get(date, rollCallId, employeeId),
  ]);
  if (checkin) throw new AlreadyCheckedIn(employeeId, date, rollCallId, checkin.receivedAt);
  const excused = excuses.some((x) => x.employeeId === employeeId && excuseCovers(x, date));
  if (excused) throw new NotAbsent(employeeId, date, rollCallId, 'excused');
  if (mark) throw new NotAbsent(employeeId, date, rollCallId, 'marked');
  return { employee, rollCall, window };
}

/**
 * POST /v1/appeals: the employee's own appeal (the id from the token), stored anew or, while it
 * is open, updated. A decided appeal stays as it was decided.
 */
export async function fileAppeal(
  deps: AppealDeps,
  employeeId: string,
  input: AppealInput,
): Promise<{ created: boolean; appeal: Appeal; before: Appeal | null }> {
  const rollCallId = input.rollCallId ?? PAGI;
  const appealId = appealIdOf(employeeId, input.date, rollCallId);
  const [employee, standing] = await Promise.all([
    deps.stores.roster.get(employeeId),
    deps.stores.appeals.get(appealId),
  ]);
  // A decided appeal says so before anything else: its own excuse would otherwise answer.
  if (standing && standing.status !== 'open') {
    throw new AppealDecided(appealId, standing.status, standing.decidedAt ?? '');
  }
  await assertAppealable(deps, employee, employeeId, input.date, rollCallId);
  const now = deps.clock.now().toISOString();
  const saved = await deps.stores.appeals.save({
    appealId,
    employeeId,
    name: employee?.name ?? employeeId,
    unit: employee?.unit ?? '',
    date: input.date,
    rollCallId,
    claim: input.claim,
    ...(input.kind ? { kind: input.kind } : {}),
    reason: input.reason,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  if (saved.outcome === 'decided') {
    const a = saved.appeal;
    throw new AppealDecided(a.appealId, a.status, a.decidedAt ?? '');
  }
  return {
    created: saved.outcome === 'created',
    appeal: saved.appeal,
    before: saved.outcome === 'created' ? null : standing,
  };
}

export interface Decider {
  readonly userId: string;
  /** Whether the decider may act on employees of this unit (admin: every unit). */
  mayOperateUnit(unit: string): boolean;
}

/**
 * POST /v1/appeals/{id}/decision: one decision per appeal, by an admin or an operator of the
 * appeal's unit. Accepting records its consequence (`apply`: a mark or an excuse) after the
 * decision has been claimed; if that fails, the decision is undone and the failure answered, so
 * that an accepted appeal always has its consequence.
 */
export async function decideAppeal<T>(
  deps: Pick<AppealDeps, 'stores' | 'clock'>,
  decider: Decider,
  appealId: string,
  body: { readonly decision: 'accept' | 'reject'; readonly note: string },
  apply: (appeal: Appeal) => Promise<T>,
): Promise<{ appeal: Appeal; before: Appeal; applied: T | null }> {
  const { appeals } = deps.stores;
  const appeal = await appeals.get(appealId);
  if (!appeal) throw new NotFound('appeal', appealId);
  if (!decider.mayOperateUnit(appeal.unit)) throw new Forbidden(`operator of ${appeal.unit}`);
  if (appeal.status !== 'open') {
    throw new AppealDecided(appealId, appeal.status, appeal.decidedAt ?? '');
  }
  // A decision corrects the day (accepted) or closes the appeal for good: not in a locked month.
  await assertMonthOpen(deps.stores, appeal.date);
  const decidedAt = deps.clock.now().toISOString();
  const decided = await appeals.decide(appealId, {
    status: body.decision === 'accept' ? 'accepted' : 'rejected',
    decidedBy: decider.userId,
    decidedAt,
    note: body.note,
  });
  if (!decided) {
    const now = await appeals.get(appealId);
    throw new AppealDecided(appealId, now?.status ?? 'decided', now?.decidedAt ?? '');
  }
  let applied: T | null = null;
  if (decided.status === 'accepted') {
    try {
      applied = await apply(decided);
    } catch (err) {
      await appeals.reopen(appealId, decidedAt);
      throw err;
    }
  }
  return { appeal: decided, before: appeal, applied };
}
