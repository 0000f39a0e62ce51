import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { type Issue, ValidationFailed } from '../../core/errors';
import { rollCallIssues } from '../../core/rollcall-rules';
import { findRollCall, PAGI, withSettings } from '../../core/rollcalls';
import { type Settings, SettingsSchema } from '../../core/settings';
import type { AppDeps, DeployedSchedule } from '../deps';
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
          'On AWS the daily report runs on a schedule set at deploy time: `timezone`, `reportAt` ' +
          'and `workdays` must equal it (400 VALIDATION_FAILED names the deployed value); ' +
          'change them with a deploy (`-c timezone=… -c reportAt=… -c workdays=…`).',
        security: bearer,
        responses: {
          200: jsonResponse('the stored settings', SettingsSchema),
          ...errorResponses([...ADMIN, 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']),
        },
      }),
      valid('json', SettingsSchema),
      async (c) => {
        const settings = c.req.valid('json');
        if (deps.schedule) assertMatchesSchedule(settings, deps.schedule);
        // The settings' window is pagi's: it must not come to overlap another roll call.
        await deps.stores.settings.changeRules(async (rules) => {
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
        deps.logger.info('settings replaced', {
          requestId: c.var.requestId,
          by: c.var.principal.employeeId,
        });
        return c.json(settings);
      },
    );
}

/**
 * The report's schedule changes only with a deploy: settings that disagreed with it would have the
 * report run before check-in closes (and fail every day) or not run on a workday at all.
 */
function assertMatchesSchedule(settings: Settings, schedule: DeployedSchedule): void {
  const issues: Issue[] = [];
  const fixed = (path: string, deployed: string, context: string) =>
    issues.push({
      path,
      message: {
        id: `ditetapkan oleh jadwal laporan yang terpasang (${deployed}); untuk mengubahnya, pasang ulang dengan -c ${context}`,
        en: `fixed by the deployed report schedule (${deployed}); redeploy with -c ${context} to change it`,
      },
    });
  if (settings.timezone !== schedule.timezone) {
    fixed('timezone', schedule.timezone, `timezone=${settings.timezone}`);
  }
  if (settings.reportAt !== schedule.reportAt) {
    fixed('reportAt', schedule.reportAt, `reportAt=${settings.reportAt}`);
  }
  const days = (d: readonly number[]) => [...new Set(d)].sort().join(',');
  if (days(settings.workdays) !== days(schedule.workdays)) {
    fixed('workdays', days(schedule.workdays), `workdays=${days(settings.workdays)}`);
  }
  if (issues.length > 0) {
    throw new ValidationFailed('the settings disagree with the deployed report schedule', issues);
  }
}
