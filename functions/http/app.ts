import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { openAPIRouteHandler } from 'hono-openapi';
import type { Verifier } from '../adapters/jwt';
import { NotFound, PayloadTooLarge } from '../core/errors';
import type { CheckinStore, Clock, SettingsStore } from '../core/ports';
import { authenticate, requireAdmin } from './auth';
import type { AppEnv, AppLogger } from './env';
import { errorHandler } from './errors';
import { checkinRoutes } from './routes/checkins';
import { pageRoutes } from './routes/pages';
import { settingsRoutes } from './routes/settings';
import type { SignInConfig } from './schemas';

export interface AppDeps {
  readonly store: CheckinStore & SettingsStore;
  readonly clock: Clock;
  readonly verify: Verifier;
  readonly logger: AppLogger;
  readonly version?: string;
  /** The check-in page's sign-in (OIDC authorization code + PKCE); without it the page says so. */
  readonly web?: SignInConfig;
}

/** Largest JSON body the API reads; a check-in is ~200 bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

/** The whole HTTP API, the same in Lambda, on the local server and in tests. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const auth = authenticate(deps.verify);

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
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLarge(MAX_BODY_BYTES);
      },
    }),
  );

  app.get('/v1/health', (c) =>
    c.json({ status: 'ok', version: deps.version ?? 'dev', time: deps.clock.now().toISOString() }),
  );

  app.use('/v1/checkins/*', auth);
  app.route('/v1/checkins', checkinRoutes(deps));
  app.use('/v1/settings/*', auth, requireAdmin);
  app.route('/v1/settings', settingsRoutes(deps));
  app.route('/', pageRoutes(deps));

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
