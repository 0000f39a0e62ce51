import type { Context } from 'hono';
import { lobbyWall } from '../core/render/html';
import type { Lang } from '../core/render/labels';
import { CONTENT_TYPES, reportFolder, servedKey } from '../core/report-files';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';
import { PAGE_HEADERS } from './report-response';

/**
 * A lobby page this large is not answered through the API (Lambda answers at most 6 MB, the
 * body JSON-escaped inside its envelope): the stored file is handed out from the bucket instead.
 */
export const WALL_INLINE_MAX = 5 * 1024 * 1024;

/**
 * A published version's wall as the lobby page, from the file the publication stored in the
 * reader's language (`…/v{n}/{lang}/wall.html`, 1.5–2.1 MB at 250,000): the report's JSON
 * (9.5 MB) is neither read nor parsed. Answered here, under the pages' CSP and the wall's own
 * access and caching, which a presigned address on the bucket's origin would not keep; past
 * WALL_INLINE_MAX (over ~150,000 absent), a 302 to the stored file itself, without the pager.
 * Null when the version has no such file (published before files were kept per language) or
 * the file is not one lobbyWall can turn into the lobby page.
 */
export async function storedWall(
  c: Context<AppEnv>,
  deps: AppDeps,
  o: { date: string; rollCallId: string; version: number; lang: Lang; refreshS: number },
): Promise<Response | null> {
  const key = servedKey(`${reportFolder(o.date, o.rollCallId)}v${o.version}/`, 'html', o.lang);
  const file = await deps.publisher.read(key);
  if (file === null) return null;
  const page = lobbyWall(file, o.lang, o.refreshS);
  if (page === null) return null;
  if (Buffer.byteLength(page) > WALL_INLINE_MAX && deps.publisher.link) {
    const url = await deps.publisher.link(key, { contentType: CONTENT_TYPES.html });
    if (url) return c.body('', 302, { location: url, 'content-type': 'text/plain; charset=utf-8' });
  }
  return c.body(page, 200, { 'content-type': CONTENT_TYPES.html, ...PAGE_HEADERS });
}
