import type { Site } from '../../functions/core/model';
import type {
  GroundCodeState,
  PasskeyRecord,
  PresenceStores,
  StoredPasskey,
} from '../../functions/core/ports/presence';

/** What the memory fake of the presence stores holds; a test may seed it directly. */
export class MemoryPresence {
  readonly secrets = new Map<string, Uint8Array>();
  /** `employee|rollCall` → the newest claimed step (steps grow with time, so with the date). */
  readonly claims = new Map<string, number>();
  readonly records = new Map<string, PasskeyRecord>();
}

const empty: PasskeyRecord = { passkeys: [], authChallenge: null, regChallenge: null };

/**
 * The presence ports in memory, for the core's unit tests and the in-process benchmark. With
 * `steady` (the benchmark) nothing is spent: every claim and every challenge passes, so that
 * millions of calls take the same path.
 */
export function memoryPresence(
  sites: Map<string, Site>,
  o: { data?: MemoryPresence; steady?: boolean } = {},
): PresenceStores & { readonly data: MemoryPresence } {
  const data = o.data ?? new MemoryPresence();
  const steady = o.steady === true;
  const rec = (id: string) => data.records.get(id) ?? empty;
  return {
    data,
    codes: {
      async state(siteId): Promise<GroundCodeState | null> {
        const site = sites.get(siteId);
        if (!site) return null;
        return { mode: site.presence?.code ?? 'off', secret: data.secrets.get(siteId) ?? null };
      },
      async secret(siteId) {
        if (!sites.has(siteId)) return null;
        let s = data.secrets.get(siteId);
        if (!s) {
          s = crypto.getRandomValues(new Uint8Array(20));
          data.secrets.set(siteId, s);
        }
        return s;
      },
      async rotate(siteId) {
        if (!sites.has(siteId)) return false;
        data.secrets.set(siteId, crypto.getRandomValues(new Uint8Array(20)));
        return true;
      },
      async claim(key, _siteId, step) {
        if (steady) return true;
        const k = `${key.employeeId}|${key.rollCallId}`;
        const last = data.claims.get(k);
        if (last !== undefined && last >= step) return false;
        data.claims.set(k, step);
        return true;
      },
    },
    passkeys: {
      load: async (id) => rec(id),
      async setChallenge(id, kind, challenge) {
        const r = { ...rec(id), [kind === 'auth' ? 'authChallenge' : 'regChallenge']: challenge };
        data.records.set(id, r);
        return r;
      },
      async useCredential(id, challenge, credential, nowS, at) {
        if (steady) return true;
        const r = rec(id);
        const c = r.passkeys.find((p) => p.credentialId === credential.id);
        const ch = r.authChallenge;
        if (!ch || ch.value !== challenge || ch.expiresAt <= nowS || c?.status !== 'active') {
          return false;
        }
        data.records.set(id, {
          ...r,
          authChallenge: null,
          passkeys: r.passkeys.map((p) =>
            p === c ? { ...p, counter: credential.counter, lastUsedAt: at } : p,
          ),
        });
        return true;
      },
      async useCredentialAndClaim(id, challenge, credential, claim, nowS, at) {
        if (steady) return 'ok';
        const r = rec(id);
        const c = r.passkeys.find((p) => p.credentialId === credential.id);
        const ch = r.authChallenge;
        if (!ch || ch.value !== challenge || ch.expiresAt <= nowS || c?.status !== 'active') {
          return 'replayed';
        }
        const k = `${id}|${claim.rollCallId}`;
        const last = data.claims.get(k);
        if (last !== undefined && last >= claim.step) return 'reused';
        await this.useCredential(id, challenge, credential, nowS, at);
        data.claims.set(k, claim.step);
        return 'ok';
      },
      async addPasskey(id, challenge, passkey, nowS) {
        const r = rec(id);
        const ch = r.regChallenge;
        if (!ch || ch.value !== challenge || ch.expiresAt <= nowS) return null;
        if (r.passkeys.some((p) => p.credentialId === passkey.credentialId)) return null;
        const stored: StoredPasskey = {
          ...passkey,
          status: r.passkeys.length === 0 ? 'active' : 'pending',
        };
        data.records.set(id, { ...r, regChallenge: null, passkeys: [...r.passkeys, stored] });
        return stored;
      },
      async pending() {
        return [...data.records.entries()].flatMap(([employeeId, r]) =>
          r.passkeys
            .filter((p) => p.status === 'pending')
            .map((p) => ({ employeeId, credentialId: p.credentialId, createdAt: p.createdAt })),
        );
      },
      async approve(id, credentialId) {
        const r = rec(id);
        const c = r.passkeys.find((p) => p.credentialId === credentialId);
        if (!c) return null;
        const active: StoredPasskey = { ...c, status: 'active' };
        data.records.set(id, { ...r, passkeys: r.passkeys.map((p) => (p === c ? active : p)) });
        return active;
      },
      async reset(id) {
        const n = rec(id).passkeys.length;
        data.records.delete(id);
        return n;
      },
    },
  };
}
