import { type Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  type Access,
  isOfficer,
  isOperator,
  mayOfficiate,
  mayOperateUnit,
} from '../../core/access';
import { Forbidden, type Json, NotFound } from '../../core/errors';
import { assertMarkable, attendeesOn, markDay } from '../../core/mark-day';
import { type AttendanceMark, putMark } from '../../core/marks';
import { assertMonthOpen } from '../../core/month-lock';
import { callerAccess, requireAccess } from '../access';
import { audit } from '../audit';
import { corrected } from '../corrections';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import {
  AttendanceQuery,
  AttendanceSchema,
  MarkBody,
  MarkDayParam,
  MarkParam,
  MarkSchema,
} from '../mark-schemas';
import { ADMIN, bearer, errorResponses, jsonResponse } from '../openapi-docs';
import { valid } from '../validate';

const TAG = 'staff: attendance marks';

function staffRoute(
  summary: string,
  ok: Readonly<Record<number, readonly [string, Parameters<typeof jsonResponse>[1]]>>,
  errors: Parameters<typeof errorResponses>[0],
  description: string,
) {
  return describeRoute({
    tags: [TAG],
    summary,
    description,
    security: bearer,
    responses: {
      ...Object.fromEntries(
        Object.entries(ok).map(([s, [t, schema]]) => [s, jsonResponse(t, schema)]),
      ),
      ...errorResponses([...ADMIN, ...errors]),
    },
  });
}

const WHO =
  'Admins; an operator for employees of their units; an officer for their roll calls, on the day, `on_time` and `late` only.';

const subject = (m: Pick<AttendanceMark, 'date' | 'rollCallId' | 'employeeId'>) =>
  `mark:${m.date}/${m.rollCallId}/${m.employeeId}`;

/** Whether the caller may place or withdraw a mark of this status for this employee, that day. */
function mayMark(
  a: Access,
  o: { unit: string; rollCallId: string; date: string; today: string; status: string },
): boolean {
  if (a.admin || mayOperateUnit(a, o.unit)) return true;
  return (
    mayOfficiate(a, o.rollCallId) &&
    o.date === o.today &&
    (o.status === 'on_time' || o.status === 'late')
  );
}

/**
 * Attendance marks (DESIGN.md, "Corrections"): the officer at the ground marks the colleague
 * whose phone died, the operator marks someone on duty after the fact. A mark never replaces a
 * check-in (409 ALREADY_CHECKED_IN); a change to a published day republishes it.
 */
export function attendanceRoutes(deps: AppDeps) {
  const { stores } = deps;
  const staffOnly = requireAccess(
    deps,
    (a) => isOperator(a) || isOfficer(a),
    'operator or officer',
  );
  const forbid = () => new Forbidden('operator of the employee’s unit or officer of the roll call');

  async function checked(
    c: Context<AppEnv>,
    p: { date: string; rollCallId: string; employeeId: string },
    status: string,
  ) {
    const day = await assertMarkable(stores, deps.clock.now(), p.date, p.rollCallId, p.employeeId);
    const a = await callerAccess(c, deps);
    if (!mayMark(a, { ...p, unit: day.employee.unit, today: day.today, status })) throw forbid();
    return day;
  }

  return new Hono<AppEnv>()
    .use('*', staffOnly)
    .get(
      '/:date/:rollCallId',
      staffRoute(
        'Who is due at a roll call on a date, and how each counts now',
        {
          200: ['the attendees (filtered to the caller’s units for an operator)', AttendanceSchema],
        },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'BEFORE_DEPLOYMENT'],
        `The marking screen's list: each attendee with their check-in, mark or excuse. ${WHO}`,
      ),
      valid('param', MarkDayParam),
      valid('query', AttendanceQuery),
      async (c) => {
        const { date, rollCallId } = c.req.valid('param');
        const q = c.req.valid('query');
        const day = await markDay(stores, deps.clock.now(), date, rollCallId);
        const a = await callerAccess(c, deps);
        const officiates = mayOfficiate(a, rollCallId) && date === day.today;
        // An officer of the roll call sees everyone due there; an operator their units.
        const inScope =
          a.admin || officiates ? undefined : (e: { unit: string }) => mayOperateUnit(a, e.unit);
        if (inScope && a.units.length === 0) throw forbid();
        const { items, total } = await attendeesOn(stores, day, date, {
          ...(q.q ? { q: q.q } : {}),
          ...(inScope ? { inScope } : {}),
        });
        return c.json({
          date,
          rollCallId,
          rollCallName: day.rollCall.name,
          held: day.held,
          items: items.slice(0, q.limit ?? 200),
          total,
        });
      },
    )
    .put(
      '/:date/:rollCallId/:employeeId',
      staffRoute(
        'Mark an employee present, late or excused at a roll call',
        {
          201: ['marked', MarkSchema],
          200: ['the mark stood already and was replaced (or repeated unchanged)', MarkSchema],
        },
        [
          'VALIDATION_FAILED',
          'NOT_FOUND',
          'BEFORE_DEPLOYMENT',
          'ALREADY_CHECKED_IN',
          'MONTH_LOCKED',
          'PAYLOAD_TOO_LARGE',
        ],
        `Stored with method \`manual\`, who and when. Never over a check-in that stands. ${WHO}`,
      ),
      valid('param', MarkParam),
      valid('json', MarkBody),
      async (c) => {
        const p = c.req.valid('param');
        const body = c.req.valid('json');
        await checked(c, p, body.status);
        await assertMonthOpen(stores, p.date);
        const mark: AttendanceMark = {
          ...p,
          status: body.status,
          ...(body.kind ? { kind: body.kind } : {}),
          ...(body.at ? { at: body.at } : {}),
          reason: body.reason,
          method: 'manual',
          by: c.var.principal.employeeId,
          markedAt: deps.clock.now().toISOString(),
        };
        const r = await putMark(stores, mark);
        if (r.changed) {
          await audit(c, deps, {
            action: 'mark.put',
            subject: subject(mark),
            ...(r.before ? { before: r.before as unknown as Json } : {}),
            after: r.mark as unknown as Json,
          });
          deps.logger.info('attendance marked', {
            requestId: c.var.requestId,
            ...p,
            status: mark.status,
            by: mark.by,
          });
          await corrected(c, deps, p.date, p.rollCallId);
        }
        return c.json(r.mark, r.created ? 201 : 200);
      },
    )
    .delete(
      '/:date/:rollCallId/:employeeId',
      staffRoute(
        'Withdraw an attendance mark',
        { 200: ['withdrawn: the mark as it stood', MarkSchema] },
        [
          'VALIDATION_FAILED',
          'NOT_FOUND',
          'BEFORE_DEPLOYMENT',
          'MONTH_LOCKED',
          'PAYLOAD_TOO_LARGE',
        ],
        `The mark is kept for audit and no longer counts. ${WHO}`,
      ),
      valid('param', MarkParam),
      async (c) => {
        const p = c.req.valid('param');
        const standing = await stores.marks.get(p.date, p.rollCallId, p.employeeId);
        if (!standing) {
          // Unknown roll call or date first, then the mark itself.
          await markDay(stores, deps.clock.now(), p.date, p.rollCallId);
          throw new NotFound('mark', `${p.date}/${p.rollCallId}/${p.employeeId}`);
        }
        const employee = await stores.roster.get(p.employeeId);
        const day = await markDay(stores, deps.clock.now(), p.date, p.rollCallId);
        const a = await callerAccess(c, deps);
        const unit = employee?.unit ?? '';
        if (!mayMark(a, { ...p, unit, today: day.today, status: standing.status })) throw forbid();
        await assertMonthOpen(stores, p.date);
        const gone = await stores.marks.remove(p.date, p.rollCallId, p.employeeId, {
          by: c.var.principal.employeeId,
          at: deps.clock.now().toISOString(),
        });
        if (!gone) throw new NotFound('mark', `${p.date}/${p.rollCallId}/${p.employeeId}`);
        await audit(c, deps, {
          action: 'mark.delete',
          subject: subject(gone),
          before: gone as unknown as Json,
        });
        deps.logger.info('attendance mark withdrawn', {
          requestId: c.var.requestId,
          ...p,
          by: c.var.principal.employeeId,
        });
        await corrected(c, deps, p.date, p.rollCallId);
        return c.json(gone);
      },
    );
}
