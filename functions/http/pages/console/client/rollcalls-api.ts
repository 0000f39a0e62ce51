import { api } from './api';
import { type RollCall, sortRollCalls } from './rollcalls-model';
import { type RcKey, rcText } from './rollcalls-strings';
import { lang } from './state';

/** GET /v1/rollcalls: every roll call, `pagi` first, then by name. */
export async function listRollCalls() {
  const r = await api<{ items: RollCall[] } | RollCall[]>('GET', '/v1/rollcalls');
  if (!r.ok) return r;
  const items = Array.isArray(r.body) ? r.body : r.body.items;
  return { ...r, body: sortRollCalls(items) };
}

/** A roll-call word in the console's current language (a screen re-renders when it changes). */
export function rt(key: RcKey, vars?: Record<string, string | number>): string {
  return rcText(lang.value, key, vars);
}
