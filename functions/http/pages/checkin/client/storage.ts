/**
 * Web storage that never throws: private browsing, a full quota or storage turned off must not
 * stop a check-in, they only cost what the page would have remembered.
 * localStorage keeps what must survive closing the tab (language, device id, an unsent check-in);
 * sessionStorage keeps the sign-in, which ends with the tab.
 */
type Area = 'local' | 'session';

function area(which: Area): Storage | null {
  try {
    return which === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function load<T>(which: Area, key: string): T | null {
  try {
    const raw = area(which)?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Store `value` as JSON, or remove the key when it is null. */
export function save(which: Area, key: string, value: unknown): void {
  try {
    const s = area(which);
    if (value === null) s?.removeItem(key);
    else s?.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the page keeps working without memory.
  }
}

/** The storage keys, in one place (the browser tests read them too). */
export const KEYS = {
  lang: 'apel.lang',
  deviceId: 'apel.deviceId',
  pending: 'apel.pending',
  session: 'apel.session',
  signIn: 'apel.signin',
} as const;
