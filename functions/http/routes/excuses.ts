import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import * as v from 'valibot';
import { NotFound, ValidationFailed } from '../../core/errors';
import { type Employee, type Excuse, isExpectedOn } from '../../core/model';
import { assertRangeOpen } from '../../core/month-lock';
import { DateQueryRequired, ExcuseBody, ExcuseIdParam, ExcuseSchema } from '../admin-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { valid } from '../validate';

/**
 * The same employee, range and kind always give the same id, so a retried POST writes the same
 * excuse instead of a second one. A revoked excuse keeps its id and its record; posting it again
 * makes a new excuse under the next generation's id (…|1, …|2), so no record is overwritten.
 */
export function excuseIdOf(
  x: Pick<Excuse, 'employeeId' | 'from' | 'to' | 'kind'>,
  generation = 0,
): string {
  const base = `${x.employeeId}|${x.from}|${x.to}|${x.kind}`;
  return createHash('sha256')
    .update(generation === 0 ? base : `${base}|${generation}`)
    .digest('hex')
    .slice(0, 20);
}

/** Revoke-and-post cycles one range may go through; far beyond what an office does. */
const MAX_GENERATIONS = 100;

/** The employee must be expected on every day the excuse covers, or the report would ignore it. */
function checkExpected(e: Employee, from: string, to: string): void {
  if (isExpectedOn(e, from) && isExpectedOn(e, to)) return;
  const range = e.since || e.until ? `${e.since ?? '…'} – ${e.until ?? '…'}` : null;
  throw new ValidationFailed('the employee is not on the roster on every day of the excuse', [
    {
      path: isExpectedOn(e, from) ? 'to' : 'from',
      message: {
        id: range
          ? `${e.employeeId} wajib hadir apel hanya pada ${range}`
          : `${e.employeeId} tidak wajib hadir apel pada hari apa pun`,
        en: `${e.employeeId} is expected at the apel on ${range ?? 'no day'} only`,
      },
    },
  ]);
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
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'MONTH_LOCKED'],
      ),
      valid('json', ExcuseBody),
      async (c) => {
        const body = c.req.valid('json');
        const employee = await roster.get(body.employeeId);
        if (!employee) {
          throw new ValidationFailed('unknown employee', [
            {
              path: 'employeeId',
              message: {
                id: `${body.employeeId} tidak ada di daftar pegawai`,
                en: `${body.employeeId} is not on the roster`,
              },
            },
          ]);
        }
        checkExpected(employee, body.from, body.to);
        // A locked month's recap is the allowance office's: no excuse reaches into it.
        await assertRangeOpen(deps.stores, body.from, body.to);
        for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
          const excuseId = excuseIdOf(body, generation);
          const before = await excuses.get(excuseId);
          if (before?.revoked) continue;
          // A repeat of a standing excuse returns it as it was stored (create keeps it, and
          // completes its day copies should an earlier attempt have failed between writes).
          const put = await excuses.create({
            excuseId,
            employeeId: body.employeeId,
            from: body.from,
            to: body.to,
            kind: body.kind,
            ...(body.note ? { note: body.note } : {}),
            createdAt: deps.clock.now().toISOString(),
            createdBy: c.var.principal.employeeId,
          });
          // Lost a race to a concurrent revocation: the next generation.
          if (put.excuse.revoked) continue;
          deps.logger.info('excuse saved', {
            requestId: c.var.requestId,
            excuseId,
            created: put.created,
            by: c.var.principal.employeeId,
          });
          return c.json(put.excuse, put.created ? 201 : 200);
        }
        throw new ValidationFailed('this excuse was revoked too many times', [
          { path: '', message: `more than ${MAX_GENERATIONS} revocations of the same range` },
        ]);
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
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'MONTH_LOCKED'],
      ),
      valid('param', ExcuseIdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        const standing = await excuses.get(id);
        if (!standing) throw new NotFound('excuse', id);
        await assertRangeOpen(deps.stores, standing.from, standing.to);
        const revoked = await excuses.revoke(id, {
          by: c.var.principal.employeeId,
          at: deps.clock.now().toISOString(),
        });
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
