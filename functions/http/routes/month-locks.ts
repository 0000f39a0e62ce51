import { Hono } from 'hono';
import { localTime } from '../../core/calendar';
import { MonthNotOver } from '../../core/correction-errors';
import { NotFound } from '../../core/errors';
import { lastDayOf } from '../../core/month-lock';
import type { MonthLock } from '../../core/ports';
import { audit } from '../audit';
import { requireAdmin } from '../auth';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { MonthLockSchema, MonthParam, UnlockBody } from '../recap-schemas';
import { valid } from '../validate';

/**
 * What else happens when a month is locked (the recap's files are kept then): routes/recaps.ts
 * passes it, so that this file knows nothing of how a recap is built.
 */
export type OnLocked = (lock: MonthLock) => Promise<void>;

/**
 * Locking a month for the allowance office, and unlocking it with a reason (admins). A month is
 * locked once its last day is over in the deployment's time zone: a lock taken earlier would
 * freeze days still to come.
 */
export function monthLockRoutes(deps: AppDeps, onLocked: OnLocked = async () => {}) {
  const { monthLocks } = deps.stores;
  return new Hono<AppEnv>()
    .post(
      '/:month/lock',
      adminRoute(
        'admin: recaps',
        'Lock a month: corrections to its dates are refused (409 MONTH_LOCKED) until unlocked',
        {
          201: ['locked', MonthLockSchema],
          200: ['it was locked already: the lock that stands', MonthLockSchema],
        },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'MONTH_NOT_OVER'],
      ),
      requireAdmin,
      valid('param', MonthParam),
      async (c) => {
        const { month } = c.req.valid('param');
        const { timezone } = await deps.stores.settings.getSettings();
        const now = deps.clock.now();
        const endsOn = lastDayOf(month);
        if (localTime(now, timezone).date <= endsOn) throw new MonthNotOver(month, endsOn);
        const by = c.var.principal.employeeId;
        const put = await monthLocks.lock(month, { by, at: now.toISOString() });
        if (put.created) {
          await onLocked(put.lock);
          await audit(c, deps, {
            action: 'month.lock',
            subject: `month:${month}`,
            after: { ...put.lock },
          });
        }
        deps.logger.info('month locked', {
          requestId: c.var.requestId,
          month,
          created: put.created,
          by,
        });
        return c.json(put.lock, put.created ? 201 : 200);
      },
    )
    .delete(
      '/:month/lock',
      adminRoute(
        'admin: recaps',
        'Unlock a month, with the reason (audited): corrections are accepted again',
        { 200: ['unlocked', MonthLockSchema] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
        { description: 'A body `{"reason"}` is required. 404 when the month is not locked.' },
      ),
      requireAdmin,
      valid('param', MonthParam),
      valid('json', UnlockBody),
      async (c) => {
        const { month } = c.req.valid('param');
        const { reason } = c.req.valid('json');
        const by = c.var.principal.employeeId;
        const unlocked = await monthLocks.unlock(month, {
          by,
          at: deps.clock.now().toISOString(),
          reason,
        });
        if (!unlocked) throw new NotFound('month lock', month);
        await audit(c, deps, {
          action: 'month.unlock',
          subject: `month:${month}`,
          before: { month, locked: true, lockedAt: unlocked.lockedAt, lockedBy: unlocked.lockedBy },
          after: { ...unlocked },
        });
        deps.logger.info('month unlocked', { requestId: c.var.requestId, month, by, reason });
        return c.json(unlocked);
      },
    );
}
