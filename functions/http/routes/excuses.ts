import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import * as v from 'valibot';
import { NotFound, ValidationFailed } from '../../core/errors';
import type { Excuse } from '../../core/model';
import { DateQueryRequired, ExcuseBody, ExcuseIdParam, ExcuseSchema } from '../admin-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { valid } from '../validate';

/**
 * The same employee, range and kind always give the same id, so a retried POST writes the same
 * excuse instead of a second one.
 */
export function excuseIdOf(x: Pick<Excuse, 'employeeId' | 'from' | 'to' | 'kind'>): string {
  return createHash('sha256')
    .update(`${x.employeeId}|${x.from}|${x.to}|${x.kind}`)
    .digest('hex')
    .slice(0, 20);
}

/** Leave, sick, duty, permit and other excuses over date ranges. */
export function excuseRoutes(deps: AppDeps) {
  const { excuses, roster } = deps.stores;
  return new Hono<AppEnv>()
    .post(
      '/',
      adminRoute(
        'admin: excuses',
        'Excuse an employee for a range of dates',
        {
          201: ['excused', ExcuseSchema],
          200: ['the same excuse was already in force: it is returned, updated', ExcuseSchema],
        },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('json', ExcuseBody),
      async (c) => {
        const body = c.req.valid('json');
        if (!(await roster.get(body.employeeId))) {
          throw new ValidationFailed('unknown employee', [
            { path: 'employeeId', message: `${body.employeeId} is not on the roster` },
          ]);
        }
        const excuseId = excuseIdOf(body);
        const before = await excuses.get(excuseId);
        const excuse: Excuse = {
          excuseId,
          employeeId: body.employeeId,
          from: body.from,
          to: body.to,
          kind: body.kind,
          ...(body.note ? { note: body.note } : {}),
          createdAt: before?.createdAt ?? deps.clock.now().toISOString(),
          createdBy: c.var.principal.employeeId,
        };
        await excuses.put(excuse);
        deps.logger.info('excuse saved', {
          requestId: c.var.requestId,
          excuseId,
          by: c.var.principal.employeeId,
        });
        return c.json(excuse, before && !before.revoked ? 200 : 201);
      },
    )
    .get(
      '/',
      adminRoute(
        'admin: excuses',
        'Excuses covering a date',
        {
          200: [
            'the excuses in force',
            v.object({ date: v.string(), items: v.array(ExcuseSchema) }),
          ],
        },
        ['VALIDATION_FAILED'],
      ),
      valid('query', DateQueryRequired),
      async (c) => {
        const { date } = c.req.valid('query');
        const items = (await excuses.on(date)).filter((x) => !x.revoked);
        return c.json({ date, items });
      },
    )
    .delete(
      '/:id',
      adminRoute(
        'admin: excuses',
        'Revoke an excuse (kept for audit)',
        { 200: ['revoked', ExcuseSchema] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', ExcuseIdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        const revoked = await excuses.revoke(id);
        if (!revoked) throw new NotFound('excuse', id);
        deps.logger.info('excuse revoked', {
          requestId: c.var.requestId,
          excuseId: id,
          by: c.var.principal.employeeId,
        });
        return c.json(revoked);
      },
    );
}
