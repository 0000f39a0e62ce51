import { localTime } from './calendar';
import {
  ClockSkew,
  DomainError,
  MockLocation,
  NoGroundAssigned,
  NotAWorkday,
  NotOnRoster,
  WindowClosed,
  WindowNotOpen,
} from './errors';
import { judgeLocation } from './geo/location';
import type { Attempt, Checkin } from './model';
import type { CheckinContext, CheckinStore, Clock } from './ports';
import { isWorkday, windowState } from './window';

export interface CheckinInput {
  readonly lat: number;
  readonly lon: number;
  readonly accuracy: number;
  /** When the device took the fix, ISO 8601 with an offset. */
  readonly capturedAt: string;
  readonly mock?: boolean;
  readonly deviceId?: string;
}

export interface CheckinResult {
  readonly checkin: Checkin;
  /** True when an earlier check-in for the day already stood; it is returned unchanged. */
  readonly duplicate: boolean;
}

export interface CheckinDeps {
  readonly store: CheckinStore;
  readonly clock: Clock;
}

/**
 * Decide and record one check-in. The first accepted check-in of the apel date stands: a repeat,
 * a retry or a concurrent duplicate returns it (duplicate: true), even when the repeat itself
 * would now be rejected (window closed, drifted outside). Every evaluated submission is kept as
 * an attempt for audit. Throws a DomainError for a rejection.
 */
export async function checkIn(
  deps: CheckinDeps,
  employeeId: string,
  input: CheckinInput,
): Promise<CheckinResult> {
  const receivedAt = deps.clock.now();
  const ctx = await deps.store.checkinContext(employeeId);
  if (!ctx.employee?.active) throw new NotOnRoster(employeeId);
  const date = localTime(receivedAt, ctx.settings.timezone).date;

  let verdict: Checkin | DomainError;
  try {
    verdict = await evaluate(ctx, employeeId, input, receivedAt);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    verdict = e;
  }
  const attempt: Attempt = {
    employeeId,
    date,
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
    expiresAt: Math.floor(receivedAt.getTime() / 1000) + ctx.settings.attemptRetentionDays * 86_400,
  };

  if (verdict instanceof DomainError) {
    const [existing] = await Promise.all([
      deps.store.getCheckin(employeeId, date),
      deps.store.putAttempt(attempt),
    ]);
    if (existing) return { checkin: existing, duplicate: true };
    throw verdict;
  }
  // The check-in first, then its attempt, so that an attempt saying "accepted" always has its
  // check-in. Should the attempt's write fail, the check-in stands, the API answers 503, and
  // the client's retry gets the check-in back (200) and records the attempt.
  const put = await deps.store.putFirstCheckin(verdict);
  await deps.store.putAttempt(attempt);
  return { checkin: put.checkin, duplicate: !put.created };
}

async function evaluate(
  ctx: CheckinContext,
  employeeId: string,
  input: CheckinInput,
  receivedAt: Date,
): Promise<Checkin> {
  const s = ctx.settings;
  if (input.mock === true) throw new MockLocation();

  const skewS = Math.round(Math.abs(receivedAt.getTime() - Date.parse(input.capturedAt)) / 1000);
  // Written so that NaN (a device time Date cannot read) is refused too, never waved through.
  if (!(skewS <= s.maxClockSkewS)) throw new ClockSkew(skewS, s.maxClockSkewS);

  const local = localTime(receivedAt, s.timezone);
  const holiday = await ctx.holiday(local.date);
  if (!isWorkday(local.isoWeekday, holiday !== null, s)) {
    throw new NotAWorkday(local.date, holiday?.name ?? null);
  }
  const state = windowState(local.minutes, s);
  if (state === 'not_open') throw new WindowNotOpen(local.date, s.opensAt);
  if (state === 'closed') throw new WindowClosed(local.date, s.closesAt);

  const siteIds = ctx.employee?.siteIds ?? [];
  const fence = siteIds.length > 0 ? await ctx.geofence(siteIds) : null;
  const where =
    fence && judgeLocation(fence, { lat: input.lat, lon: input.lon, accuracyM: input.accuracy }, s);
  if (!where) throw new NoGroundAssigned(employeeId);

  return {
    employeeId,
    date: local.date,
    status: state,
    siteId: where.siteId,
    distanceToEdgeM: where.distanceToEdgeM,
    accuracyM: input.accuracy,
    flags: where.flags,
    capturedAt: input.capturedAt,
    receivedAt: receivedAt.toISOString(),
  };
}
