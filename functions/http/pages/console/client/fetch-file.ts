import type { ApiError } from './api';
import { currentSession } from './session';
import { lang } from './state';

/**
 * A file from the API as it is (a report's CSV, JSON or HTML), with the session's bearer token.
 * A plain link cannot carry the token, so a download is a fetch, then a blob link clicked.
 */
export type FileAnswer =
  | { readonly ok: true; readonly blob: Blob; readonly type: string; readonly name: string | null }
  | { readonly ok: false; readonly error: ApiError };

/** How often a 202 is asked again before giving up (at 5 s apart, five minutes). */
export const MAX_POLLS = 60;

/** Wait as long as a 202's Retry-After says (seconds; 5 when absent, at most 30). */
export function waitRetryAfter(res: Response): Promise<void> {
  const s = Number(res.headers.get('retry-after') ?? '5');
  const ms = Math.min(30, Number.isFinite(s) && s > 0 ? s : 5) * 1000;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function fetchFile(path: string): Promise<FileAnswer> {
  const session = currentSession();
  if (!session) return { ok: false, error: { code: 'UNAUTHORIZED', message: '' } };
  const url = new URL(path, location.href);
  if (!url.searchParams.has('lang')) url.searchParams.set('lang', lang.value);
  let res: Response;
  try {
    // A published file: the API redirects to the reports bucket, which fetch follows (the
    // browser drops the token on the way: the address carries its own signature). A large
    // roster's live report: 202 while it is built, asked again after Retry-After.
    for (let tries = 0; ; tries++) {
      res = await fetch(url, { headers: { authorization: `Bearer ${session.accessToken}` } });
      if (res.status !== 202 || tries >= MAX_POLLS) break;
      await waitRetryAfter(res);
    }
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: '' } };
  }
  if (res.status === 202) return { ok: false, error: { code: 'HTTP_202', message: '' } };
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as { error?: ApiError } | null;
    return {
      ok: false,
      error: json?.error?.code ? json.error : { code: `HTTP_${res.status}`, message: '' },
    };
  }
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  return { ok: true, blob: await res.blob(), type, name: name ?? null };
}

/** Save a blob under `name`, through a link the page clicks (and then forgets). */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.type = blob.type;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it started; the URL may go a moment later.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
