import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { describeRoute } from 'hono-openapi';
import { localTime } from '../../core/calendar';
import { NotOnRoster } from '../../core/checkin-errors';
import { NotFound } from '../../core/errors';
import { isExpectedOn } from '../../core/model';
import type { Report } from '../../core/report';
import type { Settings } from '../../core/settings';
import { DateParam, LangQuery, WallQuery } from '../admin-schemas';
import { authenticate } from '../auth';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { errorResponses, SIGNED_IN } from '../openapi-docs';
import { reportResponse } from '../report-response';
import { valid } from '../validate';
import { storedWall } from '../wall-serve';
import { publishedReport } from './reports';

/** A lobby screen reloads the page this often (seconds). */
export const WALL_REFRESH_S = 300;
/** Cache-Control of a public wall. */
export const PUBLIC_WALL_CACHE = 'public, max-age=60';

/**
 * The information wall: the newest published report, or one day's, as a page.
 *
 * Who may read it with `wallAccess: "authenticated"`: admins, and employees on the roster on the
 * wall's date (expected at that day's apel: active, within their since/until). A valid token
 * alone is not enough: the identity provider may hold people who are not, or no longer, on the
 * roster (another agency's users, someone who has left), and the wall names colleagues.
 */
export function wallRoutes(deps: AppDeps) {
  const auth = authenticate(deps.verify);
  // Anyone, or only a valid token, as the settings say; the roster check needs the date.
  const access: MiddlewareHandler<AppEnv> = async (c, next) => {
    const s = await deps.stores.settings.getSettings();
    if (s.wallAccess === 'public') return next();
    return auth(c, next);
  };
  /** A signed-in reader must be an admin or on the roster on `date`; else 403 NOT_ON_ROSTER. */
  const allow = async (c: Context<AppEnv>, s: Settings, date: string) => {
    if (s.wallAccess === 'public') return;
    // The settings turned non-public after `access` let this request through without a token.
    if (!c.get('principal')) await auth(c, async () => {});
    const who = c.var.principal;
    if (who.admin) return;
    const employee = await deps.stores.roster.get(who.employeeId);
    if (!employee || !isExpectedOn(employee, date)) throw new NotOnRoster(who.employeeId);
  };
  const show = async (
    c: Context<AppEnv>,
    date: string | null,
    lang?: 'id' | 'en',
    rollCallId = 'pagi',
  ) => {
    const s = await deps.stores.settings.getSettings();
    // Nothing published yet: a reader is checked against today's roster.
    await allow(c, s, date ?? localTime(deps.clock.now(), s.timezone).date);
    // A public wall may sit in a CDN or a lobby browser for a minute (a correction republishes
    // within one); a wall for signed-in readers names people: never stored anywhere.
    c.header('cache-control', s.wallAccess === 'public' ? PUBLIC_WALL_CACHE : 'private, no-store');
    const newest = date ? await deps.stores.publications.newest(date, rollCallId) : null;
    if (!date || !newest) throw new NotFound('published report');
    const shown = lang ?? s.language;
    // The page the publication stored, not the report re-rendered (http/wall-serve.ts).
    const stored = await storedWall(c, deps, {
      date,
      rollCallId,
      version: newest.version,
      lang: shown,
      refreshS: WALL_REFRESH_S,
    });
    if (stored) return stored;
    const report: Report | null = await publishedReport(deps, date, rollCallId);
    if (!report) throw new NotFound('published report');
    return reportResponse(c, report, 'html', shown, WALL_REFRESH_S);
  };
  const doc = (summary: string) =>
    describeRoute({
      tags: ['wall'],
      summary,
      description:
        'Open to anyone when the settings say `wallAccess: "public"`, else to admins and to employees on the roster on the wall’s date (anyone else signed in: 403 NOT_ON_ROSTER).',
      // Either a bearer token or none, as the deployment's settings say.
      security: [{ bearerAuth: [] }, {}],
      responses: {
        200: {
          description: 'an HTML page, printable on A4',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        ...errorResponses([
          ...SIGNED_IN,
          'VALIDATION_FAILED',
          'NOT_ON_ROSTER',
          'NOT_FOUND',
          'STORE_UNAVAILABLE',
        ]),
      },
    });

  return new Hono<AppEnv>()
    .get(
      '/',
      doc('The newest published report as the information-wall page'),
      access,
      valid('query', LangQuery),
      async (c) => show(c, await deps.stores.publications.newestDate(), c.req.valid('query').lang),
    )
    .get(
      '/:date',
      doc('A day’s published report as the information-wall page'),
      access,
      valid('param', DateParam),
      valid('query', WallQuery),
      async (c) => {
        const q = c.req.valid('query');
        return show(c, c.req.valid('param').date, q.lang, q.rollCall);
      },
    );
}
