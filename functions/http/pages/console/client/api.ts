import { currentSession } from './session';
import { lang } from './state';

/** The API's error shape; `issues` come with VALIDATION_FAILED. */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly details?: { readonly issues?: readonly { path: string; message: string }[] };
}

export type Answer<T> =
  | { readonly ok: true; readonly status: number; readonly body: T; readonly headers: Headers }
  | { readonly ok: false; readonly status: number; readonly error: ApiError };

/** Called when the API says the token is no good: the console signs in again. */
let onUnauthorized: () => void = () => {};
export function whenUnauthorized(f: () => void): void {
  onUnauthorized = f;
}

/** One call to the documented API with the session's bearer token, in the console's language. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const session = currentSession();
  if (!session) {
    onUnauthorized();
    return { ok: false, status: 401, error: { code: 'UNAUTHORIZED', message: '' } };
  }
  const url = new URL(path, location.href);
  url.searchParams.set('lang', lang.value);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'NETWORK', message: '' } };
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok) return { ok: true, status: res.status, body: json as T, headers: res.headers };
  if (res.status === 401) onUnauthorized();
  const error = json?.error as ApiError | undefined;
  return {
    ok: false,
    status: res.status,
    error: error?.code ? error : { code: `HTTP_${res.status}`, message: '' },
  };
}
