import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { isOperator, mayOfficiate } from '../../core/access';
import { asJson } from '../../core/audit';
import { localTime } from '../../core/calendar';
import { NotOnRoster } from '../../core/checkin-errors';
import { Forbidden, NotFound, ValidationFailed } from '../../core/errors';
import { isExpectedOn } from '../../core/model';
import { rollCallIssues } from '../../core/rollcall-rules';
import { rollCallsFor } from '../../core/rollcall-schedule';
import {
  findRollCall,
  PAGI,
  type RollCall,
  RollCallSchema,
  type Rules,
  withoutRollCall,
  withRollCall,
} from '../../core/rollcalls';
import { windowState } from '../../core/window';
import { callerAccess } from '../access';
import { audit } from '../audit';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute, bearer, errorResponses, jsonResponse, SIGNED_IN } from '../openapi-docs';
import {
  RollCallBody,
  RollCallIdParam,
  RollCallList,
  RollCallRemoved,
  TodayResponse,
} from '../rollcall-schemas';
import { rollCallWorld } from '../rollcall-world';
import { valid } from '../validate';

const TAG = 'admin: roll calls';

/**
 * Roll calls (DESIGN.md, "Roll calls"): the admins' list and the caller's day. They are stored in
 * the versioned rules with the settings (core/rollcalls.ts), so a change is a new version,
 * written only if no other change came in between.
 */
export function rollCallRoutes(deps: AppDeps) {
  const { stores } = deps;
  const world = (rules: Rules) => rollCallWorld(stores, deps.clock.now(), rules);

  return new Hono<AppEnv>()
    .get(
      '/today',
      describeRoute({
        tags: ['check-in'],
        summary: 'My roll calls today: each with its window, its state now and my check-in',
        description:
          'Any employee on the roster. The roll calls the caller must attend today (their unit ' +
          'among its `units`, or no `units`), those a holiday cancels left out.',
        security: bearer,
        responses: {
          200: jsonResponse('the day', TodayResponse),
          ...errorResponses([...SIGNED_IN, 'NOT_ON_ROSTER', 'STORE_UNAVAILABLE']),
        },
      }),
      async (c) => {
        const employeeId = c.var.principal.employeeId;
        const [employee, rules] = await Promise.all([
          stores.roster.get(employeeId),
          stores.settings.getRules(),
        ]);
        const now = localTime(deps.clock.now(), rules.settings.timezone);
        if (!employee || !isExpectedOn(employee, now.date)) throw new NotOnRoster(employeeId);
        const [holiday, day] = await Promise.all([
          stores.holidays.get(now.date),
          stores.checkins.employeeDay(employeeId, now.date),
        ]);
        const standing = new Map((day.checkins ?? []).map((ci) => [ci.rollCallId ?? PAGI, ci]));
        const items = rollCallsFor(rules, employee, now.date, holiday !== null).map((rc) => {
          const w = windowState(now.minutes, rc);
          const checkin = standing.get(rc.id) ?? null;
          return {
            ...rc,
            state: w === 'not_open' ? 'not_open' : w === 'closed' ? 'closed' : 'open',
            status: checkin?.status ?? null,
            checkin,
          };
        });
        return c.json({
          date: now.date,
          timezone: rules.settings.timezone,
          ...(holiday ? { holiday: holiday.name } : {}),
          rollCalls: items,
        });
      },
    )
    .get(
      '/',
      adminRoute(
        TAG,
        'Every roll call (`pagi` first)',
        { 200: ['the roll calls', RollCallList] },
        [],
        { description: 'Operators read them all; an officer only the roll calls they officiate.' },
      ),
      async (c) => {
        const [rules, access] = await Promise.all([
          stores.settings.getRules(),
          callerAccess(c, deps),
        ]);
        const all = isOperator(access);
        return c.json({
          items: rules.rollCalls.filter((rc) => all || mayOfficiate(access, rc.id)),
        });
      },
    )
    .get(
      '/:id',
      adminRoute(TAG, 'One roll call', { 200: ['the roll call', RollCallSchema] }, [
        'VALIDATION_FAILED',
        'NOT_FOUND',
      ]),
      valid('param', RollCallIdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        const [rules, access] = await Promise.all([
          stores.settings.getRules(),
          callerAccess(c, deps),
        ]);
        const rc = findRollCall(rules, id);
        if (!rc) throw new NotFound('roll call', id);
        if (!isOperator(access) && !mayOfficiate(access, id)) {
          throw new Forbidden('officer of that roll call');
        }
        return c.json(rc);
      },
    )
    .put(
      '/:id',
      adminRoute(
        TAG,
        'Create or replace a roll call',
        { 201: ['created', RollCallSchema], 200: ['replaced', RollCallSchema] },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
        {
          description:
            'A new version of the rules, in force from now (the rest of today too); past dates ' +
            "keep theirs. `pagi`'s times are the settings' `opensAt`, `startsAt`, `closesAt`, " +
            '`reportAt`: changing either changes both. Refused with 400 VALIDATION_FAILED naming ' +
            'the field, nothing stored: a window out of order, a `once` date in the past, a ' +
            'ground that does not exist, a unit nobody is in, a window that overlaps another ' +
            'roll call for some of the same people on the same day.',
        },
      ),
      valid('param', RollCallIdParam),
      valid('json', RollCallBody),
      async (c) => {
        const { id } = c.req.valid('param');
        const { id: bodyId, ...body } = c.req.valid('json');
        if (bodyId !== undefined && bodyId !== id) {
          throw new ValidationFailed('the body names another roll call', [
            {
              path: 'id',
              message: {
                id: `harus sama dengan id di alamat (${id})`,
                en: `must be the id in the path (${id})`,
              },
            },
          ]);
        }
        const rc = dropUndefined({ id, ...body });
        let before: RollCall | undefined;
        await stores.settings.changeRules(async (rules) => {
          before = findRollCall(rules, id);
          const issues = await rollCallIssues(rc, rules, world(rules));
          if (issues.length > 0)
            throw new ValidationFailed('the roll call cannot be stored', issues);
          return withRollCall(rules, rc);
        });
        await audit(c, deps, {
          action: 'rollcall.put',
          subject: `rollcall:${id}`,
          before: asJson(before),
          after: asJson(rc),
        });
        deps.logger.info('roll call saved', {
          requestId: c.var.requestId,
          rollCallId: id,
          by: c.var.principal.employeeId,
        });
        return c.json(rc, before !== undefined ? 200 : 201);
      },
    )
    .delete(
      '/:id',
      adminRoute(
        TAG,
        'Remove a roll call from today on (`pagi` cannot be removed)',
        { 200: ['removed', RollCallRemoved] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
        {
          description:
            'A new version of the rules without it; past dates keep it, with their reports. ' +
            'Deactivating (`active: false`) keeps it in the list.',
        },
      ),
      valid('param', RollCallIdParam),
      async (c) => {
        const { id } = c.req.valid('param');
        if (id === PAGI) {
          throw new ValidationFailed('pagi cannot be removed', [
            {
              path: 'id',
              message: {
                id: 'apel pagi tidak dapat dihapus',
                en: 'pagi cannot be removed',
              },
            },
          ]);
        }
        let before: RollCall | undefined;
        await stores.settings.changeRules((rules) => {
          before = findRollCall(rules, id);
          if (!before) throw new NotFound('roll call', id);
          return withoutRollCall(rules, id);
        });
        await audit(c, deps, {
          action: 'rollcall.delete',
          subject: `rollcall:${id}`,
          before: asJson(before),
          after: null,
        });
        deps.logger.info('roll call removed', {
          requestId: c.var.requestId,
          rollCallId: id,
          by: c.var.principal.employeeId,
        });
        return c.json({ id, removed: true as const });
      },
    );
}

/** Optional fields left out stay out of the stored document. */
function dropUndefined(rc: RollCall): RollCall {
  return Object.fromEntries(Object.entries(rc).filter(([, x]) => x !== undefined)) as RollCall;
}
