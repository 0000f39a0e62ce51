import { generateKeyPairSync } from 'node:crypto';
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { type AssertionJSON, verifyAssertion } from '../../../functions/core/presence/assertion';
import { coseKeyOf } from '../../../functions/core/presence/cose';
import { relyingParty, verifyRegistration } from '../../../functions/core/presence/device-binding';
import { SoftAuthenticator } from '../../support/soft-authenticator';

const rp = relyingParty('https://apel.example.go.id');
const CHALLENGE = 'Y2hlY2staW4tY2hhbGxlbmdl';
const expected = {
  challenge: CHALLENGE,
  origin: rp.origin,
  rpId: rp.id,
  requireUserVerification: true,
};

/** A phone registered through @simplewebauthn (as the route does): its stored COSE key. */
async function registered(phone = new SoftAuthenticator(rp.id, rp.origin)) {
  const nowS = 1_800_000_000;
  const { passkey } = await verifyRegistration(
    rp,
    {
      passkeys: [],
      authChallenge: null,
      regChallenge: { value: 'cmVnaXN0ZXI', expiresAt: nowS + 60 },
    },
    phone.register('cmVnaXN0ZXI') as never,
    nowS,
    '2026-11-27T00:00:00.000Z',
  );
  return { phone, credential: { publicKey: passkey.publicKey, counter: passkey.counter } };
}

/** @simplewebauthn's verdict on the same assertion: the reference ours is held to. */
async function reference(
  a: AssertionJSON,
  credential: { publicKey: string; counter: number },
  id: string,
): Promise<boolean> {
  try {
    const r = await verifyAuthenticationResponse({
      response: a as never,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origin,
      expectedRPID: expected.rpId,
      requireUserVerification: true,
      credential: {
        id,
        publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')),
        counter: credential.counter,
      },
    });
    return r.verified;
  } catch {
    return false;
  }
}

function reasonOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { details?: { reason?: string } }).details?.reason ?? String(e);
  }
}

const flipLast = (b64: string) => {
  const b = Buffer.from(b64, 'base64url');
  b[b.length - 1] = (b[b.length - 1] as number) ^ 0x01;
  return b.toString('base64url');
};

describe('verifyAssertion (node:crypto) against @simplewebauthn’s verifyAuthenticationResponse', () => {
  it('accepts a good assertion and gives its counter, as the reference does', async () => {
    const { phone, credential } = await registered();
    const a = phone.assert(CHALLENGE);
    expect(verifyAssertion(a, expected, credential)).toEqual({ counter: 2 });
    expect(await reference(a, credential, phone.id)).toBe(true);
  });

  it('accepts a synced passkey that always says 0, again and again', async () => {
    const { phone, credential } = await registered(new SoftAuthenticator(rp.id, rp.origin, false));
    expect(credential.counter).toBe(0);
    for (let i = 0; i < 2; i++) {
      expect(verifyAssertion(phone.assert(CHALLENGE), expected, credential)).toEqual({
        counter: 0,
      });
    }
  });

  it('refuses what the reference refuses, each with its reason', async () => {
    const { phone, credential } = await registered();
    const good = () => phone.assert(CHALLENGE);
    const other = await registered();
    const cases: [string, AssertionJSON, string][] = [
      [
        'a bad signature',
        {
          ...good(),
          response: { ...good().response, signature: flipLast(good().response.signature) },
        },
        'bad_signature',
      ],
      ['another key’s signature', other.phone.assert(CHALLENGE), 'bad_signature'],
      ['another challenge', phone.assert('YW5vdGhlci1jaGFsbGVuZ2U'), 'other_challenge'],
      [
        'a wrong origin',
        phone.assert(CHALLENGE, { origin: 'https://evil.example' }),
        'wrong_origin',
      ],
      ['a wrong RP id', phone.assert(CHALLENGE, { rpId: 'evil.example' }), 'wrong_rp'],
      ['no user verification', phone.assert(CHALLENGE, { flags: 0x01 }), 'user_not_verified'],
      ['no user presence', phone.assert(CHALLENGE, { flags: 0x04 }), 'user_not_present'],
      [
        'a registration’s client data',
        phone.assert(CHALLENGE, { type: 'webauthn.create' }),
        'wrong_type',
      ],
      ['id and rawId apart', { ...good(), rawId: other.phone.id }, 'malformed'],
      [
        'a tampered authenticatorData',
        {
          ...good(),
          response: {
            ...good().response,
            authenticatorData: flipLast(good().response.authenticatorData),
          },
        },
        'bad_signature',
      ],
      [
        'authenticatorData with bytes left over',
        {
          ...good(),
          response: {
            ...good().response,
            authenticatorData: Buffer.concat([
              Buffer.from(good().response.authenticatorData, 'base64url'),
              Buffer.from([0]),
            ]).toString('base64url'),
          },
        },
        'malformed',
      ],
      ['a type other than public-key', { ...good(), type: 'password' }, 'malformed'],
      [
        'clientDataJSON that is not JSON',
        {
          ...good(),
          response: {
            ...good().response,
            clientDataJSON: Buffer.from('nope').toString('base64url'),
          },
        },
        'malformed',
      ],
    ];
    for (const [what, a, reason] of cases) {
      expect(
        reasonOf(() => verifyAssertion(a, expected, credential)),
        what,
      ).toBe(reason);
      expect(await reference(a, credential, phone.id), what).toBe(false);
    }
  });

  it('refuses a replay: a counter that does not move past the stored one', async () => {
    const { phone, credential } = await registered();
    const a = phone.assert(CHALLENGE);
    const { counter } = verifyAssertion(a, expected, credential);
    const after = { ...credential, counter };
    expect(reasonOf(() => verifyAssertion(a, expected, after))).toBe('counter_replayed');
    expect(await reference(a, after, phone.id)).toBe(false);
    // The next real assertion counts on, and passes.
    expect(verifyAssertion(phone.assert(CHALLENGE), expected, after).counter).toBe(counter + 1);
  });

  it('refuses a framed (cross-origin) ceremony and a key it cannot read', async () => {
    const { phone, credential } = await registered();
    const a = phone.assert(CHALLENGE);
    const data = JSON.parse(Buffer.from(a.response.clientDataJSON, 'base64url').toString());
    const framed = {
      ...a,
      response: {
        ...a.response,
        clientDataJSON: Buffer.from(
          JSON.stringify({ ...data, crossOrigin: true, topOrigin: 'https://evil.example' }),
        ).toString('base64url'),
      },
    };
    expect(reasonOf(() => verifyAssertion(framed, expected, credential))).toBe('cross_origin');
    const junk = {
      ...credential,
      publicKey: Buffer.from([0xa1, 0x01, 0x02]).toString('base64url'),
    };
    expect(reasonOf(() => verifyAssertion(phone.assert(CHALLENGE), expected, junk))).toBe(
      'unsupported_key',
    );
  });

  it('reads COSE keys of the three algorithms registration offers', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'jwk',
    });
    const cose = (entries: [number, number | Uint8Array][]) => {
      // A CBOR map of small int keys to ints or byte strings (what a COSE key is).
      const parts: Buffer[] = [Buffer.from([0xa0 | entries.length])];
      const int = (n: number) => Buffer.from([n >= 0 ? n : 0x20 | (-1 - n)]);
      for (const [k, v] of entries) {
        parts.push(k === -257 ? Buffer.from([0x39, 0x01, 0x00]) : int(k));
        if (typeof v === 'number')
          parts.push(v === -257 ? Buffer.from([0x39, 0x01, 0x00]) : int(v));
        else parts.push(Buffer.from([0x58, v.length]), Buffer.from(v));
      }
      return new Uint8Array(Buffer.concat(parts));
    };
    const x = new Uint8Array(Buffer.from(String(ec.x), 'base64url'));
    const y = new Uint8Array(Buffer.from(String(ec.y), 'base64url'));
    expect(
      coseKeyOf(
        cose([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, x],
          [-3, y],
        ]),
      ),
    ).toEqual({
      jwk: { kty: 'EC', crv: 'P-256', x: ec.x, y: ec.y },
      hash: 'sha256',
    });
    expect(
      coseKeyOf(
        cose([
          [1, 1],
          [3, -8],
          [-1, 6],
          [-2, x],
        ]),
      )?.jwk,
    ).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
    });
    expect(
      coseKeyOf(
        cose([
          [1, 2],
          [3, -35],
          [-1, 2],
          [-2, x],
          [-3, y],
        ]),
      ),
    ).toBeNull();
  });
});
