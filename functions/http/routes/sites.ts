import { Hono } from 'hono';
import * as v from 'valibot';
import { asJson } from '../../core/audit';
import { Forbidden, NotFound } from '../../core/errors';
import { validateGround } from '../../core/geo/validate';
import type { Site } from '../../core/model';
import { ProofModeSchema } from '../../core/presence/modes';
import { groundsShown } from '../access';
import { SiteFeature, SiteIdParam } from '../admin-schemas';
import { audit } from '../audit';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { valid } from '../validate';

const FeatureOut = v.object({
  type: v.literal('Feature'),
  id: v.string(),
  geometry: v.looseObject({ type: v.string(), coordinates: v.array(v.unknown()) }),
  properties: v.object({
    name: v.string(),
    presence: v.object({ code: v.pipe(ProofModeSchema, v.description('the ground code')) }),
  }),
});

function toFeature(s: Site) {
  return {
    type: 'Feature' as const,
    id: s.siteId,
    geometry: s.geometry,
    properties: { name: s.name, presence: { code: s.presence?.code ?? 'off' } },
  };
}

/** Apel grounds as GeoJSON Features. */
export function siteRoutes(deps: AppDeps) {
  const sites = deps.stores.sites;
  return new Hono<AppEnv>()
    .get(
      '/',
      adminRoute(
        'admin: grounds',
        'All apel grounds',
        {
          200: [
            'every ground',
            v.object({ type: v.literal('FeatureCollection'), features: v.array(FeatureOut) }),
          ],
        },
        [],
        { description: 'An officer: the grounds of their roll calls only.' },
      ),
      async (c) => {
        const [all, shown] = await Promise.all([sites.list(), groundsShown(c, deps)]);
        return c.json({
          type: 'FeatureCollection',
          features: all.filter((s) => shown(s.siteId)).map(toFeature),
        });
      },
    )
    .get(
      '/:siteId',
      adminRoute(
        'admin: grounds',
        'One ground (an officer: of their roll calls only, 403 otherwise)',
        { 200: ['the ground', FeatureOut] },
        ['VALIDATION_FAILED', 'NOT_FOUND'],
      ),
      valid('param', SiteIdParam),
      async (c) => {
        const { siteId } = c.req.valid('param');
        const [site, shown] = await Promise.all([sites.get(siteId), groundsShown(c, deps)]);
        if (!site) throw new NotFound('ground', siteId);
        if (!shown(siteId)) throw new Forbidden('officer of a roll call held there');
        return c.json(toFeature(site));
      },
    )
    .put(
      '/:siteId',
      adminRoute(
        'admin: grounds',
        'Create or replace a ground (Polygon or MultiPolygon, holes allowed)',
        { 200: ['replaced', FeatureOut], 201: ['created', FeatureOut] },
        ['VALIDATION_FAILED', 'INVALID_GEOMETRY', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', SiteIdParam),
      valid('json', SiteFeature),
      async (c) => {
        const { siteId } = c.req.valid('param');
        const body = c.req.valid('json');
        const site: Site = {
          siteId,
          name: body.properties.name,
          geometry: validateGround(body.geometry),
          ...(body.properties.presence && body.properties.presence.code !== 'off'
            ? { presence: { code: body.properties.presence.code } }
            : {}),
        };
        const before = await sites.get(siteId);
        const existed = before !== null;
        await sites.put(site);
        await audit(c, deps, {
          action: 'site.put',
          subject: `site:${siteId}`,
          before: asJson(before),
          after: asJson(site),
        });
        deps.logger.info('ground saved', {
          requestId: c.var.requestId,
          siteId,
          by: c.var.principal.employeeId,
        });
        return c.json(toFeature(site), existed ? 200 : 201);
      },
    )
    .delete(
      '/:siteId',
      adminRoute(
        'admin: grounds',
        'Retire a ground',
        { 200: ['retired', v.object({ siteId: v.string(), removed: v.boolean() })] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', SiteIdParam),
      async (c) => {
        const { siteId } = c.req.valid('param');
        const before = await sites.get(siteId);
        if (!(await sites.remove(siteId))) throw new NotFound('ground', siteId);
        await audit(c, deps, {
          action: 'site.delete',
          subject: `site:${siteId}`,
          before: asJson(before),
          after: null,
        });
        deps.logger.info('ground retired', {
          requestId: c.var.requestId,
          siteId,
          by: c.var.principal.employeeId,
        });
        return c.json({ siteId, removed: true });
      },
    );
}
