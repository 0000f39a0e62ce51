import type { CheckinBodyInput } from '../../../schemas';
import { KEYS, load, save } from './storage';

/**
 * A fix turned into a check-in body, kept until the server has answered it. A retry sends the
 * very same body (same capturedAt): the server's first-check-in-wins rule makes that safe.
 */
export interface Capture {
  readonly body: CheckinBodyInput & { readonly capturedAt: string; readonly accuracy: number };
  /** Whose capture it is (the id token's sub): never sent under another sign-in. */
  readonly owner: string;
}

/** An unsent capture older than this is dropped unseen: it could only ever be refused. */
const PENDING_MAX_AGE_MS = 12 * 3600_000;

/** A stable id for this browser, made once: it lets an admin tell a shared phone apart. */
export function deviceId(): string {
  const known = load<string>('local', KEYS.deviceId);
  if (known) return known;
  const id = crypto.randomUUID();
  save('local', KEYS.deviceId, id);
  return id;
}

export function captureOf(pos: GeolocationPosition, owner: string): Capture {
  // pos.timestamp is when the fix was taken; guard against browsers that report nonsense.
  const ts = Math.abs(pos.timestamp - Date.now()) < 86_400_000 ? pos.timestamp : Date.now();
  return {
    owner,
    body: {
      lat: pos.coords.latitude,
      lon: pos.coords.longitude,
      accuracy: Math.round(pos.coords.accuracy * 10) / 10,
      capturedAt: new Date(ts).toISOString(),
      deviceId: deviceId(),
    },
  };
}

export function pendingCapture(): Capture | null {
  const c = load<Capture>('local', KEYS.pending);
  if (!c || Date.now() - Date.parse(c.body.capturedAt) > PENDING_MAX_AGE_MS) {
    save('local', KEYS.pending, null);
    return null;
  }
  return c;
}

export function keepPending(c: Capture | null): void {
  save('local', KEYS.pending, c);
}
