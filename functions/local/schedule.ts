import { localTime } from '../core/calendar';
import type { Clock, ReportPublisher, Stores } from '../core/ports';
import type { AppLogger } from '../core/ports/logger';
import { publishReport } from '../core/publish';
import { minutesOf } from '../core/settings';

/**
 * The local stand-in for EventBridge Scheduler: once a minute, on a workday at or after the
 * report time, publish today's report if it has not been published yet.
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
      const s = await deps.stores.settings.getSettings();
      const now = localTime(deps.clock.now(), s.timezone);
      if (!s.workdays.includes(now.isoWeekday) || now.minutes < minutesOf(s.reportAt)) return;
      if (await deps.stores.publications.newest(now.date)) return;
      const r = await publishReport(deps, now.date);
      logger.info('scheduled report published', { date: now.date, version: r.report.version });
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
