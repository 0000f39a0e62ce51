import { Hono } from 'hono';
import { Forbidden, NotFound } from '../../core/errors';
import { currentCode } from '../../core/presence/ground-code';
import { STEP_S } from '../../core/presence/totp';
import { groundsShown } from '../access';
import { SiteIdParam } from '../admin-schemas';
import { audit } from '../audit';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { GroundCodeResponse, RotateResponse } from '../presence-schemas';
import { valid } from '../validate';

/**
 * A ground's code for its kiosk, and the rotation of its secret. Mounted under /v1/sites: the
 * code for admins and the officers of a roll call held at that ground, the rotation for admins.
 * The secret itself is never answered: only the code of the current step.
 */
export function groundCodeRoutes(deps: AppDeps) {
  const codes = deps.stores.presence.codes;
  return new Hono<AppEnv>()
    .get(
      '/:siteId/code',
      adminRoute(
        'admin: grounds',
        "The ground's current code (6 digits, 30 s) for its kiosk",
        { 200: ['the code of the current step', GroundCodeResponse] },
        ['VALIDATION_FAILED', 'NOT_FOUND'],
        {
          description:
            'The secret is made on first use and never leaves the server. Check-ins accept the ' +
            'current and the previous step; the ground’s `properties.presence.code` says whether ' +
            'they must carry it. An officer: the grounds of their roll calls only (403 otherwise).',
        },
      ),
      valid('param', SiteIdParam),
      async (c) => {
        const { siteId } = c.req.valid('param');
        const shown = await groundsShown(c, deps);
        if (!shown(siteId)) throw new Forbidden('officer of a roll call held there');
        const [secret, site] = await Promise.all([
          codes.secret(siteId),
          deps.stores.sites.get(siteId),
        ]);
        if (!secret || !site) throw new NotFound('ground', siteId);
        const now = deps.clock.now();
        return c.json({
          ...currentCode(secret, now),
          serverTime: now.toISOString(),
          stepS: STEP_S,
          mode: site.presence?.code ?? 'off',
        });
      },
    )
    .post(
      '/:siteId/code/rotate',
      adminRoute(
        'admin: grounds',
        "Rotate the ground's secret: every code shown so far stops working",
        { 200: ['rotated', RotateResponse] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', SiteIdParam),
      async (c) => {
        const { siteId } = c.req.valid('param');
        const at = deps.clock.now();
        if (!(await codes.rotate(siteId, at))) throw new NotFound('ground', siteId);
        // The secret itself never leaves the server, not even into the log.
        await audit(c, deps, {
          action: 'groundcode.rotate',
          subject: `site:${siteId}`,
          after: { rotatedAt: at.toISOString() },
        });
        deps.logger.info('ground code rotated', {
          requestId: c.var.requestId,
          siteId,
          by: c.var.principal.employeeId,
        });
        return c.json({ siteId, rotated: true });
      },
    );
}
