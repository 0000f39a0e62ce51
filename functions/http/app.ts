import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { openAPIRouteHandler } from 'hono-openapi';
import type { Verifier } from '../adapters/jwt';
import { NotFound, PayloadTooLarge } from '../core/errors';
import type { Clock, ReportPublisher, Stores } from '../core/ports';
import { authenticate, requireAdmin } from './auth';
import type { AppEnv, AppLogger } from './env';
import { errorHandler } from './errors';
import { checkinRoutes } from './routes/checkins';
import { consoleRoutes } from './routes/console';
import { employeeRoutes, MAX_IMPORT_BYTES } from './routes/employees';
import { excuseRoutes } from './routes/excuses';
import { holidayRoutes } from './routes/holidays';
import { meRoutes } from './routes/me';
import { pageRoutes } from './routes/pages';
import { reportRoutes } from './routes/reports';
import { settingsRoutes } from './routes/settings';
import { siteRoutes } from './routes/sites';
import { wallRoutes } from './routes/wall';
import type { SignInConfig } from './schemas';

export interface AppDeps {
  readonly stores: Stores;
  readonly publisher: ReportPublisher;
  readonly clock: Clock;
  readonly verify: Verifier;
  readonly logger: AppLogger;
  readonly version?: string;
  /** The check-in page's sign-in (OIDC authorization code + PKCE); without it the page says so. */
  readonly web?: SignInConfig;
  /**
   * The daily report's schedule when the deployment fixes it (EventBridge Scheduler on AWS):
   * settings must agree with it. Locally the schedule follows the settings, and this is absent.
   */
  readonly schedule?: DeployedSchedule;
}

export interface DeployedSchedule {
  readonly timezone: string;
  readonly reportAt: string;
  readonly workdays: readonly number[];
}

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
  const admin = [auth, requireAdmin] as const;

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID();
    c.set('requestId', requestId);
    await next();
    c.header('x-request-id', requestId);
    deps.logger.info('request', {
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  const small = limit(MAX_BODY_BYTES);
  const sites = limit(MAX_SITE_BYTES);
  const csv = limit(MAX_IMPORT_BYTES);
  app.use('/v1/*', (c, next) => {
    if (c.req.path === '/v1/employees/import') return csv(c, next);
    if (c.req.path.startsWith('/v1/sites/')) return sites(c, next);
    return small(c, next);
  });

  app.get('/v1/health', (c) =>
    c.json({ status: 'ok', version: deps.version ?? 'dev', time: deps.clock.now().toISOString() }),
  );

  app.use('/v1/checkins/*', auth);
  app.route('/v1/checkins', checkinRoutes(deps));
  app.use('/v1/me/*', auth);
  app.route('/v1/me', meRoutes(deps));
  for (const [path, routes] of [
    ['/v1/settings', settingsRoutes(deps)],
    ['/v1/sites', siteRoutes(deps)],
    ['/v1/employees', employeeRoutes(deps)],
    ['/v1/excuses', excuseRoutes(deps)],
    ['/v1/holidays', holidayRoutes(deps)],
    ['/v1/reports', reportRoutes(deps)],
  ] as const) {
    app.use(`${path}/*`, ...admin);
    app.route(path, routes);
  }
  app.route('/wall', wallRoutes(deps));
  app.route('/', pageRoutes(deps));
  app.route('/admin', consoleRoutes(deps));

  app.get(
    '/v1/openapi.json',
    openAPIRouteHandler(app, {
      documentation: {
        openapi: '3.1.0',
        info: {
          title: 'apel API',
          version: deps.version ?? 'dev',
          description:
            'Absen apel berbasis geofence. Geofenced roll-call (apel) check-in for civil servants.',
        },
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      defaultValidationErrorResponse: false,
      excludeStaticFile: false,
    }),
  );

  const onError = errorHandler(deps.logger);
  app.notFound((c) => onError(new NotFound('route'), c));
  app.onError(onError);
  return app;
}
