import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../functions/adapters/logger';
import { checkIn } from '../functions/core/checkin';
import { relyingParty, verifyRegistration } from '../functions/core/presence/device-binding';
import { totp } from '../functions/core/presence/totp';
import { createApp } from '../functions/http/app';
import { DEMO_POINT, DEMO_SITE } from '../functions/local/demo';
import { localIssuer, localVerifier } from '../functions/local/issuer';
import { FakeClock } from '../test/support/memory-store';
import { SoftAuthenticator } from '../test/support/soft-authenticator';
import { benchStores } from './bench-stores';
import { measure } from './harness';
import { duration, type Section, verdict } from './output';

const FRIDAY_0712 = '2026-11-27T00:12:00.000Z';

/**
 * A check-in with both proofs of presence (a ground code and a passkey assertion, both set to
 * `require`) beside today's check-in without them, in the same interleaved rounds: the core
 * alone and the whole request in process. The store is the memory fake kept steady, so this is
 * the proofs' own CPU (HMAC-SHA1 of the code, the ECDSA P-256 verification of the assertion),
 * without DynamoDB; what they cost there is counted in the notes.
 */
export async function presenceBench(): Promise<Section[]> {
  const keysDir = await mkdtemp(join(tmpdir(), 'apel-bench-keys-'));
  try {
    const issuer = await localIssuer(keysDir);
    const token = await issuer.sign({ employeeId: 'demo-001', ttlS: 86_400 });
    const verify = localVerifier(issuer.jwks);
    const clock = new FakeClock(new Date(FRIDAY_0712));

    const plain = { ...benchStores(), clock, verify };
    const proved = { ...benchStores(), clock, verify };
    const data = proved.stores.data;
    data.settings = { ...data.settings, deviceBinding: 'require' };
    data.sites.set(DEMO_SITE.siteId, { ...DEMO_SITE, presence: { code: 'require' } });
    const secret = new Uint8Array(20).fill(7);
    proved.stores.presence.data.secrets.set(DEMO_SITE.siteId, secret);
    // app.request() without a host is http://localhost: the relying party of this bench.
    const rp = relyingParty('http://localhost');
    const phone = new SoftAuthenticator(rp.id, rp.origin, false);
    const passkeys = proved.stores.presence.passkeys;
    const nowS = Math.floor(clock.now().getTime() / 1000);
    const reg = await passkeys.setChallenge('demo-001', 'reg', {
      value: 'cmVnaXN0ZXI',
      expiresAt: nowS + 3600,
    });
    const { challenge, passkey } = await verifyRegistration(
      rp,
      reg,
      phone.register('cmVnaXN0ZXI') as never,
      nowS,
      FRIDAY_0712,
    );
    await passkeys.addPasskey('demo-001', challenge, passkey, nowS);
    // Steady: the challenge is never spent, so one assertion serves every round.
    await passkeys.setChallenge('demo-001', 'auth', {
      value: 'Y2hlY2staW4',
      expiresAt: nowS + 3600,
    });
    const fix = { lat: DEMO_POINT.lat, lon: DEMO_POINT.lon, accuracy: 8, capturedAt: FRIDAY_0712 };
    const withProofs = {
      ...fix,
      groundCode: totp(secret, clock.now().getTime()),
      assertion: phone.assert('Y2hlY2staW4'),
    };
    const presence = { stores: proved.stores.presence, rp };

    const app = createApp({ ...plain, logger: silentLogger });
    const appProved = createApp({ ...proved, logger: silentLogger });
    const post = (a: typeof app, b: unknown) => {
      const text = JSON.stringify(b);
      return a.request('/v1/checkins', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(text)),
        },
        body: text,
      });
    };
    // Each case checks its own answer once, so that a broken setup cannot pass as fast.
    const a = await checkIn({ stores: proved.stores, clock, presence }, 'demo-001', withProofs);
    if (a.checkin.flags.includes('no_code') || a.checkin.flags.includes('unbound_device')) {
      throw new Error(`proofs not accepted: ${a.checkin.flags}`);
    }
    for (const [what, res] of [
      ['full', await post(app, fix)],
      ['full with proofs', await post(appProved, withProofs)],
    ] as const) {
      if (res.status !== 201) throw new Error(`${what}: ${res.status} ${await res.text()}`);
    }
    const bare = await post(appProved, fix);
    if (bare.status !== 422) throw new Error(`without proofs under require: ${bare.status}`);

    const r = await measure({
      core: () => checkIn({ stores: plain.stores, clock }, 'demo-001', fix),
      coreProofs: () => checkIn({ stores: proved.stores, clock, presence }, 'demo-001', withProofs),
      full: () => post(app, fix),
      fullProofs: () => post(appProved, withProofs),
    });
    const ns = Object.fromEntries(r.map((x) => [x.name, x.ns])) as Record<string, number>;
    const ratio = ns.fullProofs! / ns.full!;
    return [
      {
        title:
          'Proof of presence: a check-in with a ground code and a passkey assertion, in process',
        columns: ['what', 'median per call', 'with both proofs', 'ratio', 'goal'],
        rows: [
          [
            '`checkIn` core alone',
            duration(ns.core!),
            duration(ns.coreProofs!),
            `${(ns.coreProofs! / ns.core!).toFixed(1)}×`,
            '',
          ],
          [
            '**full check-in** (`app.request`, RS256 JWT, body validated)',
            duration(ns.full!),
            duration(ns.fullProofs!),
            `${ratio.toFixed(1)}×`,
            `≤ 2×: ${verdict(ratio <= 2)}`,
          ],
        ],
        notes: [
          'Both proofs set to `require`; the memory store kept steady (the code claim and the challenge are never spent), so every round verifies the same code (HMAC-SHA1, 2 steps at most) and the same assertion (ECDSA P-256 with node:crypto over the cached key, core/presence/assertion.ts).',
          'On DynamoDB the proofs add, to the 8 requests of a first check-in, 1 conditional UpdateItem (the challenge spent, the counter moved and the code claimed, on the employee’s passkey item): one more round trip. The passkey record is read in the context’s BatchGetItem (consistently), the ground secret comes from the process cache.',
        ],
      },
    ];
  } finally {
    await rm(keysDir, { recursive: true, force: true });
  }
}
