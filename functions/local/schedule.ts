import { republishCorrected } from '../core/corrections';
import type { Clock, ReportPublisher, Stores } from '../core/ports';
import type { AppLogger } from '../core/ports/logger';
import { publishDue } from '../core/publish-due';

/**
 * The local tick: once a minute, publish every roll call whose report time has passed today (or
 * yesterday) and that is not published yet (core/publish-due.ts). Adding a roll call needs no
 * restart: its report time is data.
 */
export function startLocalSchedule(
  deps: { stores: Stores; publisher: ReportPublisher; clock: Clock },
  logger: AppLogger,
  everyMs = 60_000,
) {
  // Runs one after another: a slow publication is never started twice.
  let queue: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      for (const p of await publishDue({ ...deps, logger })) {
        if (p.error) {
          logger.error('scheduled report failed', {
            date: p.date,
            rollCallId: p.rollCallId,
            error: p.error.message,
          });
        } else {
          logger.info('scheduled report published', {
            date: p.date,
            rollCallId: p.rollCallId,
            version: p.result?.report.version,
          });
        }
      }
      // Corrections whose republish failed at the time (core/corrections.ts).
      for (const r of await republishCorrected(deps)) {
        if (r.error) {
          logger.error('republish failed', { ...r.target, error: r.error.message });
        } else if (r.version) {
          logger.info('corrected report published', { ...r.target, version: r.version });
        }
      }
    } catch (err) {
      logger.error('scheduled report failed', { error: (err as Error).message });
    }
  };
  const tick = () => {
    queue = queue.then(run);
    return queue;
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await queue;
    },
  };
}
