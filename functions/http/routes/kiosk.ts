import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { kioskPage } from '../pages/kiosk/page';
import { pageSecurity } from '../pages/security';

/**
 * The kiosk at /kiosk/{siteId}: a tablet or TV at the ground showing the ground's code. The
 * page is the same for every ground and every visitor (it holds no data); its script signs in
 * like the console and reads GET /v1/sites/{siteId}/code, which an admin or an officer of a roll
 * call held at that ground may.
 */
export function kioskRoutes(deps: AppDeps) {
  const secure = pageSecurity(deps.web);
  return new Hono<AppEnv>().get('/:siteId', describeRoute({ hide: true }), secure, (c) => {
    c.header('cache-control', 'no-cache');
    return c.html(kioskPage());
  });
}
