import { Hono, type MiddlewareHandler } from 'hono';
import { describeRoute } from 'hono-openapi';
import { NotFound } from '../../core/errors';
import type { Report } from '../../core/report';
import { DateParam, LangQuery } from '../admin-schemas';
import { authenticate } from '../auth';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { errorResponses, SIGNED_IN } from '../openapi-docs';
import { reportResponse } from '../report-response';
import { valid } from '../validate';
import { publishedReport } from './reports';

/** A lobby screen reloads the page this often (seconds). */
export const WALL_REFRESH_S = 300;
/** Cache-Control of a public wall. */
export const PUBLIC_WALL_CACHE = 'public, max-age=60';

/** The information wall: the newest published report, or one day's, as a page. */
export function wallRoutes(deps: AppDeps) {
  const auth = authenticate(deps.verify);
  // The wall is open to anyone, or to anyone signed in, as the settings say.
  const access: MiddlewareHandler<AppEnv> = async (c, next) => {
    const s = await deps.stores.settings.getSettings();
    if (s.wallAccess === 'public') return next();
    return auth(c, next);
  };
  const show = async (
    c: Parameters<MiddlewareHandler<AppEnv>>[0],
    report: Report | null,
    lang?: 'id' | 'en',
  ) => {
    if (!report) throw new NotFound('published report');
    const s = await deps.stores.settings.getSettings();
    // A public wall may sit in a CDN or a lobby browser for a minute (a correction republishes
    // within one); a wall for signed-in readers names people: never stored anywhere.
    c.header('cache-control', s.wallAccess === 'public' ? PUBLIC_WALL_CACHE : 'private, no-store');
    return reportResponse(c, report, 'html', lang ?? s.language, WALL_REFRESH_S);
  };
  const doc = (summary: string) =>
    describeRoute({
      tags: ['wall'],
      summary,
      description:
        'Open to anyone when the settings say `wallAccess: "public"`, else to anyone signed in.',
      // Either a bearer token or none, as the deployment's settings say.
      security: [{ bearerAuth: [] }, {}],
      responses: {
        200: {
          description: 'an HTML page, printable on A4',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        ...errorResponses([...SIGNED_IN, 'VALIDATION_FAILED', 'NOT_FOUND', 'STORE_UNAVAILABLE']),
      },
    });

  return new Hono<AppEnv>()
    .get(
      '/',
      doc('The newest published report as the information-wall page'),
      access,
      valid('query', LangQuery),
      async (c) => {
        const date = await deps.stores.publications.newestDate();
        return show(c, date ? await publishedReport(deps, date) : null, c.req.valid('query').lang);
      },
    )
    .get(
      '/:date',
      doc('A day’s published report as the information-wall page'),
      access,
      valid('param', DateParam),
      valid('query', LangQuery),
      async (c) =>
        show(c, await publishedReport(deps, c.req.valid('param').date), c.req.valid('query').lang),
    );
}
