import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { NotFound } from '../../core/errors';
import type { Settings } from '../../core/settings';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { errorResponses, jsonResponse, open } from '../openapi-docs';
import { assetBody, assetByFile } from '../pages/assets';
import { checkinPage } from '../pages/checkin/page';
import { OSM_TILES } from '../pages/map-tiles';
import { pageSecurity } from '../pages/security';
import { type PageConfig, PageConfigResponse } from '../schemas';

/** The part of the settings the page shows and applies before it sends anything. */
export function pageRules(s: Settings): PageConfig['rules'] {
  return {
    timezone: s.timezone,
    opensAt: s.opensAt,
    startsAt: s.startsAt,
    closesAt: s.closesAt,
    maxAccuracyM: s.maxAccuracyM,
    maxClockSkewS: s.maxClockSkewS,
  };
}

/**
 * The browser side, served by the same app as the API: the check-in page, the configuration
 * it reads at start (sign-in endpoints and the rules it applies before sending), and its assets.
 * Every route carries its own middleware: a `use('*')` here would reach the API once mounted.
 */
export function pageRoutes(deps: AppDeps) {
  const secure = pageSecurity(deps.web);
  const tiles = deps.tiles ?? OSM_TILES;
  return new Hono<AppEnv>()
    .get('/', describeRoute({ hide: true }), pageSecurity(deps.web, { camera: true }), (c) => {
      c.header('cache-control', 'no-cache');
      return c.html(checkinPage());
    })
    .get(
      '/config.json',
      describeRoute({
        tags: ['page'],
        summary: 'What the pages need: sign-in endpoints, the rules checked first, the map tiles',
        description:
          'Public. `signIn` is null when the deployment has no web client configured. ' +
          'The page refuses a fix worse than `rules.maxAccuracyM` before sending it. ' +
          "`map`: the base tiles under the console's grounds map (TILE_URL; OpenStreetMap by default).",
        security: open,
        responses: {
          200: jsonResponse('the page configuration', PageConfigResponse),
          ...errorResponses(['STORE_UNAVAILABLE']),
        },
      }),
      secure,
      async (c) => {
        const body: PageConfig = {
          signIn: deps.web ?? null,
          rules: pageRules(await deps.stores.settings.getSettings()),
          map: { tileUrl: tiles.url, attribution: tiles.attribution },
        };
        // The same for everyone and rarely changed: a browser or CDN may keep it a minute, so a
        // flood of page loads does not reach the function (an edited rule shows within one).
        c.header('cache-control', 'public, max-age=60');
        return c.json(body);
      },
    )
    .get('/assets/:file', describeRoute({ hide: true }), secure, async (c) => {
      const asset = assetByFile(c.req.param('file'));
      if (!asset) throw new NotFound('asset', c.req.param('file'));
      const body = await assetBody(asset);
      c.header('content-type', asset.type);
      // The file name carries a hash of the content: a new build is a new URL.
      c.header('cache-control', 'public, max-age=31536000, immutable');
      return c.body(body);
    });
}
