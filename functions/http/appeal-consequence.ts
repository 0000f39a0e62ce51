import type { Appeal } from '../core/appeals';
import type { AuditEntry } from '../core/audit';
import { type CorrectionTarget, correctionMade, type Republisher } from '../core/corrections';
import type { Json } from '../core/errors';
import { placeMark } from '../core/marks';
import type { AppDeps } from './deps';
import { excuseIdOf } from './routes/excuses';

export type Change = Omit<AuditEntry, 'at' | 'actor'>;

export const json = (x: object): Json => JSON.parse(JSON.stringify(x)) as Json;

/** Revoke-and-post cycles of one excused day an accepted appeal looks past. */
const MAX_GENERATIONS = 100;
/** The excuse record's note holds at most this much (core/records.ts). */
const MAX_NOTE = 500;

/**
 * What an accepted appeal records. A `present` claim: an attendance mark, on time, method
 * `appeal`, with the employee's reason (placeMark refuses it over a standing check-in). An
 * `excused` claim: an excuse of its kind for that day (an excuse covers the whole day, every
 * roll call), under the id an admin's POST of that day and kind would give, so the two never
 * double up.
 */
export async function applyAcceptedAppeal(
  deps: AppDeps,
  appeal: Appeal,
  by: string,
): Promise<Change | null> {
  const at = deps.clock.now().toISOString();
  if (appeal.claim === 'present') {
    const mark = await placeMark(deps.stores, {
      employeeId: appeal.employeeId,
      date: appeal.date,
      rollCallId: appeal.rollCallId,
      status: 'on_time',
      reason: appeal.reason,
      method: 'appeal',
      by,
      markedAt: at,
    });
    // An appeal accepted over a standing mark leaves that mark: nothing new to record.
    if (mark.method !== 'appeal' || mark.markedAt !== at) return null;
    return {
      action: 'mark.put',
      subject: `mark:${mark.date}/${mark.rollCallId}/${mark.employeeId}`,
      after: json(mark),
    };
  }
  const kind = appeal.kind ?? 'other';
  const base = { employeeId: appeal.employeeId, from: appeal.date, to: appeal.date, kind };
  for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
    const excuseId = excuseIdOf(base, generation);
    const before = await deps.stores.excuses.get(excuseId);
    if (before?.revoked) continue;
    const put = await deps.stores.excuses.create({
      excuseId,
      ...base,
      note: `Sanggahan ${appeal.appealId}: ${appeal.reason}`.slice(0, MAX_NOTE),
      createdAt: at,
      createdBy: by,
    });
    if (put.excuse.revoked) continue;
    return put.created
      ? { action: 'excuse.create', subject: `excuse:${excuseId}`, after: json(put.excuse) }
      : null;
  }
  throw new Error(`excuse for appeal ${appeal.appealId}: too many revocations`);
}

/**
 * The accepted appeal corrected a day: a published one republishes as its next version. An
 * excuse touches every roll call of the day, a mark only its own.
 */
export async function appealCorrected(deps: AppDeps, appeal: Appeal): Promise<CorrectionTarget[]> {
  // Without a republisher (none wired) the day stays in the corrections log for the report tick.
  const republisher: Republisher = deps.republisher ?? { republish: async () => {} };
  return correctionMade(
    deps.stores,
    republisher,
    appeal.date,
    appeal.claim === 'present' ? appeal.rollCallId : undefined,
  );
}
