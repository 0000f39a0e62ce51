import { localTime } from './calendar';
import { ClockSkew, MockLocation, NoGroundAssigned, NotOnRoster } from './checkin-errors';
import { DomainError, RateLimited } from './errors';
import { judgeLocation } from './geo/location';
import { ATTEMPTS_PER_MINUTE, type IntegrityFlag, traceFlags } from './integrity';
import { type Attempt, type Checkin, isExpectedOn } from './model';
import type { CheckinContext, CheckinStores, Clock } from './ports';
import { beginProofs, type PresenceDeps, type PresenceInput } from './presence/proofs';
import { chooseRollCall, type RollCallChoice } from './rollcall-choice';
import { windowState } from './window';

export interface CheckinInput extends PresenceInput {
  readonly lat: number;
  readonly lon: number;
  readonly accuracy: number;
  /** When the device took the fix, ISO 8601 with an offset. */
  readonly capturedAt: string;
  readonly mock?: boolean | undefined;
  readonly deviceId?: string | undefined;
  /** The roll call to check in to; without it, the one open now for this employee. */
  readonly rollCallId?: string | undefined;
}

export interface CheckinResult {
  readonly checkin: Checkin;
  /** True when an earlier check-in for the day already stood; it is returned unchanged. */
  readonly duplicate: boolean;
}

export interface CheckinDeps {
  /** A deployment's Stores will do; a test may hand just these. */
  readonly stores: CheckinStores;
  readonly clock: Clock;
  /** The proofs of presence (ground code, passkey); without them neither can be proved. */
  readonly presence?: PresenceDeps | undefined;
}

/**
 * Decide and record one check-in. The first accepted check-in of the apel date stands: a repeat,
 * a retry or a concurrent duplicate returns it (duplicate: true), even when the repeat itself
 * would now be rejected (window closed, drifted outside). Every evaluated submission is kept as
 * an attempt for audit, with its raw fix until the retention period ends. Integrity signals
 * become flags on the check-in. Throws a DomainError for a rejection.
 */
export async function checkIn(
  deps: CheckinDeps,
  employeeId: string,
  input: CheckinInput,
): Promise<CheckinResult> {
  const { stores } = deps;
  const receivedAt = deps.clock.now();
  const epochS = Math.floor(receivedAt.getTime() / 1000);
  const proofs = beginProofs(deps.presence, employeeId, input);
  const [count, ctx] = await Promise.all([
    stores.rates.count(employeeId, receivedAt.toISOString().slice(0, 16), epochS + 120),
    stores.checkinContext.load(employeeId, { passkeys: proofs.wantsPasskeys }),
  ]);
  if (count > ATTEMPTS_PER_MINUTE) {
    throw new RateLimited(60 - receivedAt.getUTCSeconds(), ATTEMPTS_PER_MINUTE);
  }
  const local = localTime(receivedAt, ctx.settings.timezone);
  const date = local.date;
  // Only someone the report expects today may check in: the phone must never say "hadir" for a
  // check-in the report will not count (an active employee whose `since` is tomorrow, or whose
  // `until` has passed). Someone deactivated after check-in opened is still expected today.
  const employee = ctx.employee;
  if (!employee || !isExpectedOn(employee, date)) {
    throw new NotOnRoster(employeeId);
  }
  const expiresAt = epochS + ctx.settings.attemptRetentionDays * 86_400;
  // Which roll call (core/rollcall-choice.ts): the rules came with the settings, in the same read.
  const choice = chooseRollCall(
    { settings: ctx.settings, rollCalls: ctx.rollCalls },
    employee,
    local,
    await ctx.holiday(date),
    input.rollCallId,
    capturedMinutes(input.capturedAt, ctx.settings.timezone, date),
  );
  const rollCallId = choice.rollCall?.id;

  let verdict: Checkin | DomainError;
  try {
    verdict = await evaluate(ctx, employeeId, input, receivedAt, choice);
    verdict = await proofs.prove(verdict, ctx, receivedAt, rollCallId);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    verdict = e;
  }
  const attempt = attemptOf(employeeId, date, receivedAt, input, verdict, expiresAt, rollCallId);
  // Every fix goes into the employee's trace, refused ones too (an honest fix from far away, then
  // a spoofed one on the ground, is impossible travel); a mock fix says nothing true about where
  // the employee is. A device becomes one of the employee's own only with a check-in that
  // stands: a refused attempt or a repeat on someone else's phone must not hide the flags of the
  // next check-in made on it.
  const recordTrace = (ownDevice: boolean) =>
    input.mock === true ? null : stores.traces.record(employeeId, input, expiresAt, ownDevice);

  if (verdict instanceof DomainError) {
    const [existing] = await Promise.all([
      rollCallId === undefined ? null : stores.checkins.getCheckin(employeeId, date, rollCallId),
      stores.attempts.put(attempt),
      recordTrace(false),
    ]);
    if (existing) return { checkin: existing, duplicate: true };
    throw verdict;
  }
  // Shared signals are decided before the check-in is stored, so that every answer for this
  // check-in — the first and every repeat — carries the same flags.
  const shared = await sharedSignals(stores, verdict, input, expiresAt);
  const checkin =
    shared.length > 0 ? { ...verdict, flags: [...verdict.flags, ...shared] } : verdict;
  // The check-in first, then its attempt, so that an attempt saying "accepted" always has its
  // check-in. Should a later write fail, the check-in stands, the API answers 503, and the
  // client's retry gets the check-in back (200) and records the attempt. The trace moves only
  // after the check-in stood, so a retry after a failed check-in write is judged as the first was.
  const put = await stores.checkins.putFirstCheckin(checkin);
  await Promise.all([stores.attempts.put(attempt), recordTrace(put.created)]);
  return { checkin: put.checkin, duplicate: !put.created };
}

/**
 * Signals that need other employees' data: the same exact coordinates, the same device. The
 * employee who was there first gets a review flag on their stored check-in (not on its answer).
 */
async function sharedSignals(
  stores: CheckinStores,
  checkin: Checkin,
  input: CheckinInput,
  expiresAt: number,
): Promise<IntegrityFlag[]> {
  const { employeeId, date, rollCallId } = checkin;
  // The device is registered on every accepted check-in, known or not: that keeps its record
  // from expiring while it is in use, and the registry, not the employee's own trace, says who
  // else has used it.
  const [firstAtSpot, deviceSharers] = await Promise.all([
    stores.coordinates.claim(date, input.lat, input.lon, employeeId, expiresAt),
    input.deviceId
      ? stores.devices.register(input.deviceId, employeeId, expiresAt)
      : Promise.resolve([]),
  ]);
  const flags: IntegrityFlag[] = [];
  if (firstAtSpot) {
    await stores.checkins.addReviewFlag(firstAtSpot, date, 'shared_coordinates', rollCallId);
    flags.push('shared_coordinates');
  }
  if (deviceSharers.length > 0) flags.push('shared_device');
  return flags;
}

function attemptOf(
  employeeId: string,
  date: string,
  receivedAt: Date,
  input: CheckinInput,
  verdict: Checkin | DomainError,
  expiresAt: number,
  rollCallId: string | undefined,
): Attempt {
  return {
    employeeId,
    date,
    ...(rollCallId === undefined ? {} : { rollCallId }),
    receivedAt: receivedAt.toISOString(),
    capturedAt: input.capturedAt,
    lat: input.lat,
    lon: input.lon,
    accuracyM: input.accuracy,
    mock: input.mock === true,
    ...(input.deviceId === undefined ? {} : { deviceId: input.deviceId }),
    ...(verdict instanceof DomainError
      ? {
          outcome: verdict.code,
          ...(typeof verdict.details.distanceM === 'number'
            ? { distanceToEdgeM: verdict.details.distanceM }
            : {}),
          ...(typeof verdict.details.siteId === 'string' ? { siteId: verdict.details.siteId } : {}),
        }
      : { outcome: 'accepted', siteId: verdict.siteId, distanceToEdgeM: verdict.distanceToEdgeM }),
    expiresAt,
  };
}

async function evaluate(
  ctx: CheckinContext,
  employeeId: string,
  input: CheckinInput,
  receivedAt: Date,
  choice: RollCallChoice,
): Promise<Checkin> {
  const s = ctx.settings;
  if (input.mock === true) throw new MockLocation();

  const skewS = Math.round(Math.abs(receivedAt.getTime() - Date.parse(input.capturedAt)) / 1000);
  // Written so that NaN (a device time Date cannot read) is refused too, never waved through.
  if (!(skewS <= s.maxClockSkewS)) throw new ClockSkew(skewS, s.maxClockSkewS);

  const local = localTime(receivedAt, s.timezone);
  const rc = choice.rollCall;
  if (choice.refusal) throw choice.refusal;
  if (!rc) throw new Error('no roll call chosen and no refusal');
  const state = windowState(local.minutes, rc);
  if (state !== 'on_time' && state !== 'late') throw new Error(`roll call ${rc.id} is not open`);

  // A ceremony held elsewhere checks the fix against its grounds, not the employee's own.
  const siteIds = rc.siteIds ?? ctx.employee?.siteIds ?? [];
  const fence = siteIds.length > 0 ? await ctx.geofence(siteIds) : null;
  const where =
    fence && judgeLocation(fence, { lat: input.lat, lon: input.lon, accuracyM: input.accuracy }, s);
  if (!where) throw new NoGroundAssigned(employeeId);

  return {
    employeeId,
    date: local.date,
    rollCallId: rc.id,
    status: state,
    siteId: where.siteId,
    distanceToEdgeM: where.distanceToEdgeM,
    accuracyM: input.accuracy,
    flags: [...where.flags, ...traceFlags(ctx.trace, input)],
    capturedAt: input.capturedAt,
    receivedAt: receivedAt.toISOString(),
  };
}

/** The local minute of the device's own time, on the check-in's date; null otherwise. */
function capturedMinutes(capturedAt: string, timeZone: string, date: string): number | null {
  const t = Date.parse(capturedAt);
  if (!Number.isFinite(t)) return null;
  const l = localTime(new Date(t), timeZone);
  return l.date === date ? l.minutes : null;
}
