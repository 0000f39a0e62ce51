import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { asJson } from '../../core/audit';
import { ValidationFailed } from '../../core/errors';
import { rollCallIssues } from '../../core/rollcall-rules';
import { findRollCall, PAGI, withSettings } from '../../core/rollcalls';
import { SettingsSchema } from '../../core/settings';
import { audit } from '../audit';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { ADMIN, bearer, errorResponses, jsonResponse } from '../openapi-docs';
import { rollCallWorld } from '../rollcall-world';
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
          ...errorResponses(ADMIN),
        },
      }),
      async (c) => c.json(await deps.stores.settings.getSettings()),
    )
    .put(
      '/',
      describeRoute({
        tags: ['admin'],
        summary: 'Replace the settings whole',
        description:
          'Takes effect without a deploy: `reportAt` is when pagi’s report publishes (on AWS a ' +
          'tick every five minutes, locally one every minute, publishes whatever is due).',
        security: bearer,
        responses: {
          200: jsonResponse('the stored settings', SettingsSchema),
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']),
        },
      }),
      valid('json', SettingsSchema),
      async (c) => {
        const settings = c.req.valid('json');
        // The settings' window is pagi's: it must not come to overlap another roll call.
        let before: unknown = null;
        await deps.stores.settings.changeRules(async (rules) => {
          before = rules.settings;
          const next = withSettings(rules, settings);
          const pagi = findRollCall(next, PAGI);
          const issues = pagi
            ? await rollCallIssues(pagi, next, rollCallWorld(deps.stores, deps.clock.now(), next))
            : [];
          if (issues.length > 0) {
            throw new ValidationFailed('the settings cannot be stored', issues);
          }
          return next;
        });
        await audit(c, deps, {
          action: 'settings.put',
          subject: 'settings:deployment',
          before: asJson(before),
          after: asJson(settings),
        });
        deps.logger.info('settings replaced', {
          requestId: c.var.requestId,
          by: c.var.principal.employeeId,
        });
        return c.json(settings);
      },
    );
}
