import type {
  ChallengeKind,
  PasskeyRecord,
  PendingChallenge,
  StoredPasskey,
} from '../../../core/ports/presence';
import type { Item } from '../table-client';

/** Where each pending challenge and its expiry stand on the employee's PASSKEYS item. */
export const ATTR: Record<ChallengeKind, { value: string; exp: string }> = {
  auth: { value: 'authChallenge', exp: 'authChallengeExp' },
  reg: { value: 'regChallenge', exp: 'regChallengeExp' },
};

function challengeOf(i: Item, kind: ChallengeKind): PendingChallenge | null {
  const a = ATTR[kind];
  return typeof i[a.value] === 'string'
    ? { value: String(i[a.value]), expiresAt: Number(i[a.exp]) }
    : null;
}

/** The record from its item (none: no passkeys, no challenges). */
export function passkeyRecordOf(i: Item | null): PasskeyRecord {
  if (!i) return { passkeys: [], authChallenge: null, regChallenge: null };
  const creds = (i.creds ?? {}) as Record<string, Item>;
  const passkeys: StoredPasskey[] = Object.entries(creds)
    .map(([credentialId, c]) => ({
      credentialId,
      publicKey: String(c.publicKey),
      counter: Number(c.counter ?? 0),
      ...(Array.isArray(c.transports) ? { transports: c.transports.map(String) } : {}),
      status: c.status === 'active' ? ('active' as const) : ('pending' as const),
      createdAt: String(c.createdAt),
      ...(typeof c.lastUsedAt === 'string' ? { lastUsedAt: c.lastUsedAt } : {}),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { passkeys, authChallenge: challengeOf(i, 'auth'), regChallenge: challengeOf(i, 'reg') };
}
