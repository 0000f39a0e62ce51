import type { Context } from 'hono';
import { type CorrectionTarget, correctionMade, correctionsMade } from '../core/corrections';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';

const WAIT_FOR_TICK = { republish: async () => {} };

/**
 * After a correction is stored: republish the published days it touched (core/corrections.ts).
 * Never fails the request, which has done its part: a failure is logged and the day stays in
 * the corrections log for the report tick.
 */
export async function corrected(
  c: Context<AppEnv>,
  deps: AppDeps,
  date: string,
  rollCallId?: string,
): Promise<void> {
  await run(c, deps, () =>
    correctionMade(deps.stores, deps.republisher ?? WAIT_FOR_TICK, date, rollCallId),
  );
}

/** `corrected` for several (date, roll call)s: a roster change spanning published days. */
export async function correctedMany(
  c: Context<AppEnv>,
  deps: AppDeps,
  targets: readonly CorrectionTarget[],
): Promise<void> {
  if (targets.length === 0) return;
  await run(c, deps, () =>
    correctionsMade(deps.stores, deps.republisher ?? WAIT_FOR_TICK, targets),
  );
}

async function run(c: Context<AppEnv>, deps: AppDeps, fn: () => Promise<CorrectionTarget[]>) {
  try {
    const touched = await fn();
    if (touched.length > 0) {
      deps.logger.info('correction republished', {
        requestId: c.var.requestId,
        days: touched.map((t) => `${t.date}/${t.rollCallId}`),
      });
    }
  } catch (err) {
    deps.logger.error('republish after a correction failed: the tick retries', {
      requestId: c.var.requestId,
      error: (err as Error).message,
    });
  }
}
