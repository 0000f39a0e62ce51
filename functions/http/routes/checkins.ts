import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { localTime } from '../../core/calendar';
import { checkIn } from '../../core/checkin';
import { noMetrics, recordCheckin } from '../../core/metrics';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { bearer, errorResponses, jsonResponse, SIGNED_IN } from '../openapi-docs';
import { PRESENCE_CODES, presenceOf } from '../presence';
import { CheckinBody, CheckinResponse, DateQuery, EmployeeDayResponse } from '../schemas';
import { valid } from '../validate';

export function checkinRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post(
      '/',
      describeRoute({
        tags: ['check-in'],
        summary: 'Check in to today’s apel with a GPS fix',
        description:
          'The employee comes from the token. The first accepted check-in of the day stands; ' +
          'a repeat returns it with 200 and duplicate: true.',
        security: bearer,
        responses: {
          201: jsonResponse('checked in', CheckinResponse),
          200: jsonResponse('already checked in today: the standing check-in', CheckinResponse),
          ...errorResponses([
            ...SIGNED_IN,
            'VALIDATION_FAILED',
            'NOT_ON_ROSTER',
            'PAYLOAD_TOO_LARGE',
            'NO_GROUND_ASSIGNED',
            'MOCK_LOCATION',
            'CLOCK_SKEW',
            'NOT_A_WORKDAY',
            'WINDOW_NOT_OPEN',
            'WINDOW_CLOSED',
            'NO_ROLL_CALL_OPEN',
            'ACCURACY_TOO_LOW',
            'OUTSIDE_GEOFENCE',
            ...PRESENCE_CODES,
            'RATE_LIMITED',
            'STORE_UNAVAILABLE',
          ]),
        },
      }),
      valid('json', CheckinBody),
      async (c) => {
        const result = await recordCheckin(
          deps.metrics ?? noMetrics,
          checkIn(
            { stores: deps.stores, clock: deps.clock, presence: presenceOf(deps, c) },
            c.var.principal.employeeId,
            c.req.valid('json'),
          ),
        );
        deps.logger.info('check-in', {
          requestId: c.var.requestId,
          employeeId: result.checkin.employeeId,
          date: result.checkin.date,
          status: result.checkin.status,
          duplicate: result.duplicate,
        });
        return c.json(result, result.duplicate ? 200 : 201);
      },
    )
    .get(
      '/me',
      describeRoute({
        tags: ['check-in'],
        summary: 'My check-in and attempts on a date (today by default)',
        security: bearer,
        responses: {
          200: jsonResponse('the day', EmployeeDayResponse),
          ...errorResponses([...SIGNED_IN, 'VALIDATION_FAILED', 'STORE_UNAVAILABLE']),
        },
      }),
      valid('query', DateQuery),
      async (c) => {
        const employeeId = c.var.principal.employeeId;
        const date =
          c.req.valid('query').date ??
          localTime(deps.clock.now(), (await deps.stores.settings.getSettings()).timezone).date;
        const day = await deps.stores.checkins.employeeDay(employeeId, date);
        return c.json({
          employeeId,
          date,
          checkin: day.checkin,
          checkins: day.checkins,
          attempts: day.attempts.map(({ employeeId: _e, date: _d, expiresAt: _x, ...a }) => a),
        });
      },
    );
}
