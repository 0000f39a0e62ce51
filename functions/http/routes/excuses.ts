import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { mayOperateUnit } from '../../core/access';
import { asJson } from '../../core/audit';
import { Forbidden, NotFound, ValidationFailed } from '../../core/errors';
import { type Employee, type Excuse, isExpectedOn } from '../../core/model';
import { assertRangeOpen } from '../../core/month-lock';
import { callerAccess } from '../access';
import { ExcuseBody, ExcuseIdParam, ExcuseListQuery, ExcuseSchema } from '../admin-schemas';
import { audit } from '../audit';
import { correctedMany } from '../corrections';
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

/** An excuse made or revoked changes every published day of its range (core/corrections.ts). */
async function excuseCorrected(c: Context<AppEnv>, deps: AppDeps, x: Excuse): Promise<void> {
  const published = await deps.stores.publications.list(x.from, x.to);
  await correctedMany(
    c,
    deps,
    published.map((p) => ({ date: p.date, rollCallId: p.rollCallId })),
  );
}

/**
 * Leave, sick, duty, permit and other excuses over date ranges. An operator enters, lists and
 * revokes those of their units' employees only (the employee's unit as the roster has it now).
 */
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
        { description: 'An operator: for an employee of their units only (403 otherwise).' },
      ),
      valid('json', ExcuseBody),
      async (c) => {
        const body = c.req.valid('json');
        const [employee, access] = await Promise.all([
          roster.get(body.employeeId),
          callerAccess(c, deps),
        ]);
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
        if (!mayOperateUnit(access, employee.unit)) throw new Forbidden('operator of that unit');
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
          // A repeat changed nothing: only the request that stored it is in the log.
          if (put.created) {
            await audit(c, deps, {
              action: 'excuse.create',
              subject: `excuse:${excuseId}`,
              before: null,
              after: asJson(put.excuse),
            });
          }
          deps.logger.info('excuse saved', {
            requestId: c.var.requestId,
            excuseId,
            created: put.created,
            by: c.var.principal.employeeId,
          });
          if (put.created) await excuseCorrected(c, deps, put.excuse);
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
        'Excuses covering a date: the whole day, or a page at a time (`limit`, `cursor`)',
        {
          200: [
            'the excuses in force; with `limit` or `cursor`, a page, and `cursor` fetches the next',
            v.object({
              date: v.string(),
              items: v.array(ExcuseSchema),
              cursor: v.optional(v.string()),
            }),
          ],
        },
        ['VALIDATION_FAILED'],
        { description: 'An operator sees their units’ employees’ excuses only.' },
      ),
      valid('query', ExcuseListQuery),
      async (c) => {
        const { date, limit, cursor } = c.req.valid('query');
        const access = await callerAccess(c, deps);
        const all =
          limit === undefined && cursor === undefined
            ? { items: (await excuses.on(date)).filter((x) => !x.revoked) }
            : await excuses.onPage(date, {
                limit: limit ?? 50,
                ...(cursor === undefined ? {} : { cursor }),
              });
        if (access.admin) return c.json({ date, ...all });
        // An operator's page keeps their units' excuses only, so it may hold fewer than `limit`.
        const people = await roster.getMany([...new Set(all.items.map((x) => x.employeeId))]);
        const unitOf = (id: string) => people.get(id)?.unit;
        return c.json({
          date,
          ...all,
          items: all.items.filter((x) => {
            const unit = unitOf(x.employeeId);
            return unit !== undefined && mayOperateUnit(access, unit);
          }),
        });
      },
    )
    .delete(
      '/:id',
      adminRoute(
        'admin: excuses',
        'Revoke an excuse (kept for audit)',
        { 200: ['revoked', ExcuseSchema] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'MONTH_LOCKED'],
        {
          description: 'An operator: an excuse of an employee of their units only (403 otherwise).',
        },
      ),
      valid('param', ExcuseIdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        const standing = await excuses.get(id);
        if (!standing) throw new NotFound('excuse', id);
        const access = await callerAccess(c, deps);
        if (!access.admin) {
          const e = await roster.get(standing.employeeId);
          if (!e || !mayOperateUnit(access, e.unit)) throw new Forbidden('operator of that unit');
        }
        await assertRangeOpen(deps.stores, standing.from, standing.to);
        const by = { by: c.var.principal.employeeId, at: deps.clock.now().toISOString() };
        const revoked = await excuses.revoke(id, by);
        if (!revoked) throw new NotFound('excuse', id);
        // The first revocation stands; a later one (or a lost race) changed nothing.
        if (revoked.revokedBy === by.by && revoked.revokedAt === by.at) {
          const { revoked: _, revokedAt: _at, revokedBy: _by, ...standing } = revoked;
          await audit(c, deps, {
            action: 'excuse.revoke',
            subject: `excuse:${id}`,
            before: asJson(standing),
            after: asJson(revoked),
          });
        }
        deps.logger.info('excuse revoked', {
          requestId: c.var.requestId,
          excuseId: id,
          by: c.var.principal.employeeId,
        });
        await excuseCorrected(c, deps, revoked);
        return c.json(revoked);
      },
    );
}
