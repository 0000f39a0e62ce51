import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { SettingsSchema } from '../../core/settings';
import type { AppDeps } from '../app';
import type { AppEnv } from '../env';
import { bearer, errorResponses, jsonResponse } from '../openapi-docs';
import { valid } from '../validate';

export function settingsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get(
      '/',
      describeRoute({
        tags: ['admin'],
        summary: 'The deployment’s rules: time zone, window, workdays, thresholds',
        security: bearer,
        responses: {
          200: jsonResponse('settings', SettingsSchema),
          ...errorResponses(401, 403, 503),
        },
      }),
      async (c) => c.json(await deps.stores.settings.getSettings()),
    )
    .put(
      '/',
      describeRoute({
        tags: ['admin'],
        summary: 'Replace the settings whole',
        security: bearer,
        responses: {
          200: jsonResponse('the stored settings', SettingsSchema),
          ...errorResponses(400, 401, 403, 503),
        },
      }),
      valid('json', SettingsSchema),
      async (c) => {
        const settings = c.req.valid('json');
        await deps.stores.settings.putSettings(settings);
        deps.logger.info('settings replaced', {
          requestId: c.var.requestId,
          by: c.var.principal.employeeId,
        });
        return c.json(settings);
      },
    );
}
