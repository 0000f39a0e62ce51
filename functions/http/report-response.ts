import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { renderCsv } from '../core/render/csv';
import { renderWall } from '../core/render/html';
import type { Lang } from '../core/render/labels';
import { WALL_SCRIPT } from '../core/render/wall-pager';
import type { Report } from '../core/report';

const wallScriptHash = createHash('sha256').update(WALL_SCRIPT).digest('base64');

/**
 * Headers for the report pages: inline CSS, and no script but the wall's own pager (by its
 * hash); no framing, no leaking referrers.
 */
export const PAGE_HEADERS = {
  'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${wallScriptHash}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** A report in the format asked for. */
export function reportResponse(
  c: Context,
  report: Report,
  format: 'json' | 'csv' | 'html',
  lang: Lang,
  refreshS?: number,
): Response {
  if (format === 'csv') {
    return c.body(renderCsv(report, lang), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="apel-${report.date}.csv"`,
    });
  }
  if (format === 'html') {
    return c.body(renderWall(report, { lang, ...(refreshS ? { refreshS } : {}) }), 200, {
      'content-type': 'text/html; charset=utf-8',
      ...PAGE_HEADERS,
    });
  }
  return c.json(report);
}
