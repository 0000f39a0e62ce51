import { Hono } from 'hono';
import { auditKey } from '../../core/audit';
import { auditRange, decodeAuditCursor, encodeAuditCursor } from '../../core/audit-query';
import { AuditPageSchema, AuditQuery } from '../audit-schemas';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { valid } from '../validate';

const DEFAULT_LIMIT = 50;

/** The audit log, searched by date range, actor and subject; newest first, paged. */
export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    '/',
    adminRoute(
      'admin: audit',
      'Search the audit log: every change, by whom and when, before and after; newest first',
      { 200: ['a page of entries', AuditPageSchema] },
      ['VALIDATION_FAILED'],
      {
        description:
          '`from`/`to` are local dates in the deployment’s time zone (default: the last 30 days); ' +
          'at most 366 dates, `from` not after `to` (else 400 VALIDATION_FAILED naming `to`). ' +
          'A cursor is good for the search that gave it out only (else 400 naming `cursor`).',
      },
    ),
    valid('query', AuditQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { timezone } = await deps.stores.settings.getSettings();
      const range = auditRange(q, deps.clock.now(), timezone);
      const filter = { from: range.from, to: range.to, actor: q.actor, subject: q.subject };
      const after = q.cursor === undefined ? undefined : decodeAuditCursor(q.cursor, filter);
      const page = await deps.stores.audit.search({
        from: range.from,
        to: range.to,
        ...(q.actor === undefined ? {} : { actor: q.actor }),
        ...(q.subject === undefined ? {} : { subject: q.subject }),
        ...(after === undefined ? {} : { after }),
        limit: q.limit ?? DEFAULT_LIMIT,
      });
      const last = page.items.at(-1);
      return c.json({
        from: range.fromDate,
        to: range.toDate,
        items: page.items,
        ...(page.more && last ? { cursor: encodeAuditCursor(auditKey(last), filter) } : {}),
      });
    },
  );
}
