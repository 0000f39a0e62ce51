import { type Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { consolePage } from '../pages/console/page';
import { OSM_TILES, tileSource } from '../pages/map-tiles';
import { pageSecurity } from '../pages/security';

/**
 * The staff console at /admin, and the same document at every /admin/… path (the screens are
 * routed in the browser). Under the check-in page's headers: no inline script or style.
 * The console is a client of the documented API only; it holds no data of its own.
 */
export function consoleRoutes(deps: AppDeps) {
  // The grounds screen's map: its tile host is the one image source added to the page's.
  const secure = pageSecurity(deps.web, {
    imageHosts: [tileSource((deps.tiles ?? OSM_TILES).url)],
    // Report downloads follow the API's redirect to the reports bucket (presigned addresses).
    connectHosts: deps.publisher.linkOrigin ? [deps.publisher.linkOrigin] : [],
  });
  const page = (c: Context<AppEnv>) => {
    c.header('cache-control', 'no-cache');
    return c.html(consolePage());
  };
  return new Hono<AppEnv>()
    .get('/', describeRoute({ hide: true }), secure, page)
    .get('/*', describeRoute({ hide: true }), secure, page);
}
