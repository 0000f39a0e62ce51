import type { Appeal } from '../core/appeals';
import type { AppDeps } from './deps';
import { excuseIdOf } from './routes/excuses';

/** Revoke-and-post cycles of one excused day an accepted appeal looks past. */
const MAX_GENERATIONS = 100;
/** The excuse record's note holds at most this much (core/records.ts). */
const MAX_NOTE = 500;

/**
 * What an accepted appeal records. An `excused` claim: an excuse of its kind for that day (an
 * excuse covers the whole day, every roll call), under the same id an admin's POST of that day
 * and kind would give, so the two never double up. A `present` claim: an attendance mark.
 */
export async function applyAcceptedAppeal(
  deps: AppDeps,
  appeal: Appeal,
  by: string,
): Promise<void> {
  if (appeal.claim === 'excused' && appeal.kind) {
    const base = { employeeId: appeal.employeeId, from: appeal.date, to: appeal.date };
    for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
      const excuseId = excuseIdOf({ ...base, kind: appeal.kind }, generation);
      const before = await deps.stores.excuses.get(excuseId);
      if (before?.revoked) continue;
      const put = await deps.stores.excuses.create({
        excuseId,
        ...base,
        kind: appeal.kind,
        note: `Sanggahan ${appeal.appealId}: ${appeal.reason}`.slice(0, MAX_NOTE),
        createdAt: deps.clock.now().toISOString(),
        createdBy: by,
      });
      if (!put.excuse.revoked) return;
    }
    throw new Error(`excuse for appeal ${appeal.appealId}: too many revocations`);
  }
  // TODO(marks-ready): placeMark with method 'appeal'.
}
