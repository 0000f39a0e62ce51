import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { decideAppeal, fileAppeal } from '../../core/appeal-flow';
import { appealableDays } from '../../core/appealable-days';
import { type AppealStatus, LIST_ORDER } from '../../core/appeals';
import { Forbidden, ValidationFailed } from '../../core/errors';
import { appealScope } from '../appeal-access';
import { appealCorrected, applyAcceptedAppeal, json } from '../appeal-consequence';
import {
  AppealBody,
  AppealIdParam,
  AppealListQuery,
  AppealPageResponse,
  AppealResponse,
  DecisionBody,
  MyAppealsResponse,
} from '../appeal-schemas';
import { audit } from '../audit';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { ADMIN, bearer, errorResponses, jsonResponse, SIGNED_IN } from '../openapi-docs';
import { valid } from '../validate';

/** Appeals an employee sees on the page: plenty for a year of them. */
const MY_APPEALS = 100;
const PAGE = 50;

/** Appeals (sanggahan): employees file their own; admins and unit operators decide them. */
export function appealRoutes(deps: AppDeps) {
  const appealDeps = { stores: deps.stores, clock: deps.clock };
  return new Hono<AppEnv>()
    .post(
      '/',
      describeRoute({
        tags: ['appeals'],
        summary: 'Appeal my absence from a roll call (sanggahan)',
        description:
          'The employee comes from the token, never the body. Open from the minute after the ' +
          "roll call's `closesAt` until the end of the `appealDays`-th workday after the date. " +
          'Posting again while the appeal is open updates it (200).',
        security: bearer,
        responses: {
          201: jsonResponse('appealed', AppealResponse),
          200: jsonResponse('the open appeal, updated', AppealResponse),
          ...errorResponses([
            ...SIGNED_IN,
            'VALIDATION_FAILED',
            'PAYLOAD_TOO_LARGE',
            'NOT_ON_ROSTER',
            'NOT_FOUND',
            'NOT_A_WORKDAY',
            'BEFORE_DEPLOYMENT',
            'APPEAL_CLOSED',
            'ALREADY_CHECKED_IN',
            'NOT_ABSENT',
            'APPEAL_DECIDED',
            'STORE_UNAVAILABLE',
          ]),
        },
      }),
      valid('json', AppealBody),
      async (c) => {
        const employeeId = c.var.principal.employeeId;
        const { created, appeal, before } = await fileAppeal(
          appealDeps,
          employeeId,
          c.req.valid('json'),
        );
        await audit(c, deps, {
          action: created ? 'appeal.create' : 'appeal.update',
          subject: `appeal:${appeal.appealId}`,
          ...(before ? { before: json(before) } : {}),
          after: json(appeal),
        });
        deps.logger.info('appeal saved', {
          requestId: c.var.requestId,
          appealId: appeal.appealId,
          created,
        });
        return c.json({ appeal }, created ? 201 : 200);
      },
    )
    .get(
      '/me',
      describeRoute({
        tags: ['appeals'],
        summary: 'My appeals with their decisions, and the days I may still appeal',
        security: bearer,
        responses: {
          200: jsonResponse('my appeals', MyAppealsResponse),
          ...errorResponses([...SIGNED_IN, 'STORE_UNAVAILABLE']),
        },
      }),
      async (c) => {
        const employeeId = c.var.principal.employeeId;
        const items = await deps.stores.appeals.mine(employeeId, MY_APPEALS);
        const open = await appealableDays(
          appealDeps,
          employeeId,
          new Set(items.map((a) => a.appealId)),
        );
        return c.json({ items, open });
      },
    )
    .get(
      '/',
      describeRoute({
        tags: ['appeals'],
        summary: 'The appeals inbox: open first, oldest first',
        description:
          'Admins see every unit; an operator sees the units of their staff record only ' +
          '(`unit` outside them: 403).',
        security: bearer,
        responses: {
          200: jsonResponse('a page of appeals', AppealPageResponse),
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED']),
        },
      }),
      valid('query', AppealListQuery),
      async (c) => {
        const q = c.req.valid('query');
        const scope = await appealScope(c, deps);
        if (!scope.admin && scope.units.length === 0) throw new Forbidden('admin or operator');
        if (q.unit !== undefined && !scope.mayOperateUnit(q.unit)) {
          throw new Forbidden(`operator of ${q.unit}`);
        }
        const units = q.unit !== undefined ? [q.unit] : scope.admin ? undefined : scope.units;
        const statuses: readonly AppealStatus[] = q.status ? [q.status] : LIST_ORDER;
        const page = await deps.stores.appeals.list({
          statuses,
          ...(units ? { units } : {}),
          ...(q.date ? { date: q.date } : {}),
          ...(q.cursor ? { cursor: q.cursor } : {}),
          limit: q.limit ?? PAGE,
        });
        if (!page) {
          throw new ValidationFailed('the cursor is not one this API gave out', [
            { path: 'cursor', message: { id: 'kursor tidak dikenal', en: 'unknown cursor' } },
          ]);
        }
        return c.json(page);
      },
    )
    .post(
      '/:id/decision',
      describeRoute({
        tags: ['appeals'],
        summary: 'Accept or reject an appeal, with a note the employee reads',
        description:
          'Admins, and operators of the appeal’s unit. Accepting a `present` claim records an ' +
          'attendance mark (method `appeal`); an `excused` claim, an excuse of its kind for ' +
          'that day. A decided appeal is never decided again (409 `APPEAL_DECIDED`).',
        security: bearer,
        responses: {
          200: jsonResponse('decided', AppealResponse),
          ...errorResponses([
            ...ADMIN,
            'VALIDATION_FAILED',
            'PAYLOAD_TOO_LARGE',
            'NOT_FOUND',
            'APPEAL_DECIDED',
            'ALREADY_CHECKED_IN',
            'MONTH_LOCKED',
          ]),
        },
      }),
      valid('param', AppealIdParam),
      valid('json', DecisionBody),
      async (c) => {
        const { id } = c.req.valid('param');
        const scope = await appealScope(c, deps);
        if (!scope.admin && scope.units.length === 0) throw new Forbidden('admin or operator');
        const { appeal, before, applied } = await decideAppeal(
          appealDeps,
          scope,
          id,
          c.req.valid('json'),
          (a) => applyAcceptedAppeal(deps, a, scope.userId),
        );
        await audit(c, deps, {
          action: 'appeal.decide',
          subject: `appeal:${id}`,
          before: json(before),
          after: json(appeal),
        });
        if (applied) await audit(c, deps, applied);
        // The decision stands whatever the republish does: a failed one is the tick's to retry.
        const republished =
          appeal.status === 'accepted'
            ? await appealCorrected(deps, appeal).catch((err: Error) => {
                deps.logger.error('republish after a correction failed: the tick retries', {
                  requestId: c.var.requestId,
                  error: err.message,
                });
                return [];
              })
            : [];
        deps.logger.info('appeal decided', {
          requestId: c.var.requestId,
          appealId: id,
          status: appeal.status,
          by: scope.userId,
          republished: republished.length,
        });
        return c.json({ appeal });
      },
    );
}
