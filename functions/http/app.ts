import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { openAPIRouteHandler } from 'hono-openapi';
import { NotFound, PayloadTooLarge } from '../core/errors';
import { authenticate } from './auth';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';
import { errorHandler } from './errors';
import { languages, noStore, requestIds } from './middleware';
import { documentation, healthRoute, openApiRoute } from './openapi-docs';
import { appealRoutes } from './routes/appeals';
import { attendanceRoutes } from './routes/attendance';
import { auditRoutes } from './routes/audit';
import { checkinRoutes } from './routes/checkins';
import { consoleRoutes } from './routes/console';
import { employeeRoutes, MAX_IMPORT_BYTES } from './routes/employees';
import { excuseRoutes } from './routes/excuses';
import { groundCodeRoutes } from './routes/ground-codes';
import { employeeHistoryRoutes, myHistoryRoutes } from './routes/history';
import { holidayRoutes } from './routes/holidays';
import { kioskRoutes } from './routes/kiosk';
import { meRoutes } from './routes/me';
import { pageRoutes } from './routes/pages';
import { employeePasskeyRoutes, pendingPasskeyRoutes } from './routes/passkey-admin';
import { challengeRoutes, myPasskeyRoutes } from './routes/passkeys';
import { recapRoutes } from './routes/recaps';
import { reportRoutes } from './routes/reports';
import { rollCallRoutes } from './routes/rollcalls';
import { settingsRoutes } from './routes/settings';
import { siteRoutes } from './routes/sites';
import { staffRoutes } from './routes/staff';
import { unitRoutes } from './routes/units';
import { wallRoutes } from './routes/wall';
import { staffOrAdmin } from './staff-gates';

export type { AppDeps } from './deps';

/** Largest JSON body the API reads; a check-in is ~200 bytes. */
export const MAX_BODY_BYTES = 16 * 1024;
/** A ground of 2,000 vertices is ~80 KB of GeoJSON. */
export const MAX_SITE_BYTES = 256 * 1024;

function limit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new PayloadTooLarge(maxSize);
    },
  });
}

/** The whole HTTP API, the same in Lambda, on the local server and in tests. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const auth = authenticate(deps.verify);
  // Admins, and staff on the routes staff-gates.ts lists (narrowed by each route to their scope).
  const admin = [auth, staffOrAdmin(deps)] as const;

  app.use('*', requestIds(), languages());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use('/v1/*', noStore);
  const small = limit(MAX_BODY_BYTES);
  const sites = limit(MAX_SITE_BYTES);
  const csv = limit(MAX_IMPORT_BYTES);
  // Every route, the pages' and the local issuer's forms included: none reads more than this.
  app.use('*', (c, next) => {
    if (c.req.path === '/v1/employees/import') return csv(c, next);
    if (c.req.path.startsWith('/v1/sites/')) return sites(c, next);
    return small(c, next);
  });

  app.get('/v1/health', healthRoute, (c) =>
    c.json({ status: 'ok', version: deps.version ?? 'dev', time: deps.clock.now().toISOString() }),
  );

  app.use('/v1/checkins/*', auth);
  app.route('/v1/checkins', checkinRoutes(deps));
  app.route('/v1/checkins', challengeRoutes(deps));
  app.use('/v1/me/*', auth);
  app.route('/v1/me', meRoutes(deps));
  app.route('/v1/me/passkeys', myPasskeyRoutes(deps));
  // Employees file their own appeals; who may list and decide is checked in the routes.
  app.use('/v1/appeals/*', auth);
  app.route('/v1/appeals', appealRoutes(deps));
  app.route('/v1/me/history', myHistoryRoutes(deps));
  // Today's roll calls are any employee's; the rest of /v1/rollcalls is the admins' (and staff's).
  const gate = staffOrAdmin(deps);
  app.use('/v1/rollcalls/*', auth, (c, next) =>
    c.req.path === '/v1/rollcalls/today' ? next() : gate(c, next),
  );
  app.route('/v1/rollcalls', rollCallRoutes(deps));
  // Attendance marks: admins, operators and officers; each route checks the caller's scope.
  app.use('/v1/attendance/*', auth);
  app.route('/v1/attendance', attendanceRoutes(deps));
  // Recaps: each route says who may (admins; operators within their units for the recap).
  app.use('/v1/recaps/*', auth);
  app.route('/v1/recaps', recapRoutes(deps));
  for (const [path, routes] of [
    ['/v1/settings', settingsRoutes(deps)],
    ['/v1/sites', siteRoutes(deps)],
    ['/v1/employees', employeeRoutes(deps)],
    ['/v1/units', unitRoutes(deps)],
    ['/v1/excuses', excuseRoutes(deps)],
    ['/v1/holidays', holidayRoutes(deps)],
    ['/v1/reports', reportRoutes(deps)],
    ['/v1/passkeys', pendingPasskeyRoutes(deps)],
    ['/v1/staff', staffRoutes(deps)],
    ['/v1/audit', auditRoutes(deps)],
  ] as const) {
    app.use(`${path}/*`, ...admin);
    app.route(path, routes);
  }
  // Proof of presence's admin routes, beside the grounds' and the roster's (same admin gate).
  app.route('/v1/sites', groundCodeRoutes(deps));
  app.route('/v1/employees', employeePasskeyRoutes(deps));
  app.route('/v1/employees', employeeHistoryRoutes(deps));
  app.route('/kiosk', kioskRoutes(deps));
  app.route('/wall', wallRoutes(deps));
  app.route('/', pageRoutes(deps));
  app.route('/admin', consoleRoutes(deps));

  app.get(
    '/v1/openapi.json',
    openApiRoute,
    openAPIRouteHandler(app, {
      documentation: documentation(deps.version ?? 'dev'),
      defaultValidationErrorResponse: false,
      excludeStaticFile: false,
    }),
  );

  const onError = errorHandler(deps.logger);
  app.notFound((c) => onError(new NotFound('route'), c));
  app.onError(onError);
  return app;
}
