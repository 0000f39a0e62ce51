import type { Hono } from 'hono';

export interface Endpoint {
  readonly method: string;
  /** As Hono writes it, with :params. */
  readonly path: string;
  /** "METHOD /path/:param" */
  readonly key: string;
  readonly params: readonly string[];
}

/**
 * The endpoints an app serves, read from its own route table (middleware, registered for ALL
 * methods, left out), so that a route added later cannot escape the suites built on this list.
 */
export function endpointsOf(app: Hono<any>): Endpoint[] {
  const found = new Map<string, Endpoint>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    if (!found.has(key)) {
      const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      found.set(key, { method: r.method, path: r.path, key, params });
    }
  }
  return [...found.values()];
}

/** The path with each :param replaced by its (already encoded) value. */
export function fillPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return value;
  });
}
