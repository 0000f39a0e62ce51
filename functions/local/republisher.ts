import { type Republisher, republishCorrected } from '../core/corrections';
import type { Stores } from '../core/ports';
import type { AppLogger } from '../core/ports/logger';
import type { PublishDeps } from '../core/publish';

/**
 * `npm start`'s republisher: the corrected day is published at once, before the correction's
 * answer. A failure is logged and left pending in the corrections log for the local tick.
 */
export function inlineRepublisher(
  deps: PublishDeps & { readonly stores: Stores },
  logger: AppLogger,
): Republisher {
  return {
    async republish(targets) {
      for (const r of await republishCorrected(deps, targets)) {
        const where = { date: r.target.date, rollCallId: r.target.rollCallId };
        if (r.error) logger.error('republish failed', { ...where, error: r.error.message });
        else if (r.version)
          logger.info('corrected report published', { ...where, version: r.version });
      }
    },
  };
}
