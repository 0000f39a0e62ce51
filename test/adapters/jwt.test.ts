import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from '../../functions/adapters/jwt';
import type { Verifier } from '../../functions/core/ports/auth';

const ISS = 'https://cognito-idp.ap-southeast-3.amazonaws.com/pool';
const AUD = 'client-123';
let privateKey: CryptoKey;
let publicJwk: JWK;
let verify: Verifier;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  verify = createVerifier({
    issuer: ISS,
    audience: [AUD],
    jwks: { keys: [publicJwk] },
    algorithms: ['RS256'],
    employeeClaim: 'custom:nip',
    groupsClaim: 'cognito:groups',
    adminGroup: 'admin',
  });
});

const nowS = () => Math.floor(Date.now() / 1000);

/** An access token as Cognito signs one, but for the audience claim, unless told otherwise. */
function token(
  claims: Record<string, unknown> = {},
  opts: { exp?: number; iat?: number | null; iss?: string; typ?: string } = {},
) {
  const jwt = new SignJWT({
    'custom:nip': '198001012005011001',
    aud: AUD,
    token_use: 'access',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1', ...(opts.typ ? { typ: opts.typ } : {}) })
    .setIssuer(opts.iss ?? ISS)
    .setExpirationTime(opts.exp ?? nowS() + 600);
  return (opts.iat === null ? jwt : jwt.setIssuedAt(opts.iat ?? nowS())).sign(privateKey);
}

const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');

describe('createVerifier', () => {
  it('takes the employee id from the configured claim and admin from the groups claim', async () => {
    expect(await verify(await token())).toEqual({ employeeId: '198001012005011001', admin: false });
    expect(await verify(await token({ 'cognito:groups': ['staff', 'admin'] }))).toMatchObject({
      admin: true,
    });
  });

  it('reads groups from an array of strings only: a string is no list of groups', async () => {
    for (const groups of ['admin', 'x,admin', 'staff admin', ['staff', 7, 'admin'], { admin: 1 }]) {
      expect(await verify(await token({ 'cognito:groups': groups })), String(groups)).toEqual({
        employeeId: '198001012005011001',
        admin: false,
      });
    }
  });

  it('accepts a Cognito access token, whose client id stands in for the audience', async () => {
    const t = await token({ aud: undefined, client_id: AUD, token_use: 'access' });
    expect((await verify(t)).employeeId).toBe('198001012005011001');
  });

  it('accepts an RFC 9068 access token (typ at+jwt) from an issuer that is not Cognito', async () => {
    const t = await token({ token_use: undefined }, { typ: 'at+jwt' });
    expect((await verify(t)).employeeId).toBe('198001012005011001');
  });

  it('accepts a lifetime of exactly the maximum, and an iat within the clock tolerance', async () => {
    const iat = nowS() + 20;
    expect(await verify(await token({}, { iat, exp: iat + 86_400 }))).toMatchObject({
      admin: false,
    });
  });

  it.each([
    ['an expired token', () => token({}, { exp: nowS() - 3600 }), 'token expired'],
    ['a wrong issuer', () => token({}, { iss: 'https://evil.example' }), 'claim iss not accepted'],
    ['a wrong audience', () => token({ aud: 'other-app' }), 'audience not accepted'],
    ['no employee claim', () => token({ 'custom:nip': undefined }), 'claim custom:nip missing'],
    ['a Cognito ID token', () => token({ token_use: 'id' }), 'not an access token'],
    ['a token that says no use', () => token({ token_use: undefined }), 'not an access token'],
    [
      'an ID token typed JWT',
      () => token({ token_use: 'id' }, { typ: 'JWT' }),
      'not an access token',
    ],
    ['an exp in 9999', () => token({}, { exp: 253_402_300_799 }), 'lifetime too long'],
    ['a day and a second', () => token({}, { exp: nowS() + 86_401 }), 'lifetime too long'],
    ['an iat an hour ahead', () => token({}, { iat: nowS() + 3600 }), 'issued in the future'],
    ['no iat', () => token({}, { iat: null }), 'claim iat not accepted'],
  ])('refuses %s', async (_, make, reason) => {
    await expect(verify(await make())).rejects.toMatchObject({ code: 'UNAUTHORIZED', reason });
  });

  it('takes the maximum lifetime from its options', async () => {
    const short = createVerifier({
      issuer: ISS,
      audience: [AUD],
      jwks: { keys: [publicJwk] },
      algorithms: ['RS256'],
      employeeClaim: 'custom:nip',
      groupsClaim: 'cognito:groups',
      adminGroup: 'admin',
      maxLifetimeS: 3600,
    });
    expect((await short(await token({}, { exp: nowS() + 3600 }))).employeeId).toBeTruthy();
    await expect(short(await token({}, { exp: nowS() + 3601 }))).rejects.toMatchObject({
      reason: 'lifetime too long',
    });
  });

  it('keeps the reason out of what the caller sees', async () => {
    const err = await verify(await token({ aud: 'other-app' })).catch((e) => e);
    expect(err.details).toEqual({});
    expect(err.message).toBe('sign-in required');
  });

  it('refuses alg none', async () => {
    const t = `${b64({ alg: 'none' })}.${b64({ iss: ISS, aud: AUD, 'custom:nip': 'x', exp: 9e9 })}.`;
    await expect(verify(t)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses HS256 signed with the public key as the secret (key confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const t = await new SignJWT({ 'custom:nip': 'x', aud: AUD })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(ISS)
      .setExpirationTime('10m')
      .sign(secret);
    await expect(verify(t)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'algorithm not allowed',
    });
  });

  it('refuses a token signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    const t = await new SignJWT({ 'custom:nip': 'x', aud: AUD })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISS)
      .setExpirationTime('10m')
      .sign(other.privateKey);
    await expect(verify(t)).rejects.toMatchObject({ reason: 'signature invalid' });
  });
});

describe('a key set that cannot be fetched', () => {
  it('answers AUTH_UNAVAILABLE (try later), not UNAUTHORIZED (sign in again)', async () => {
    const { createServer } = await import('node:net');
    // A port that refuses connections: bind, note it, close.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const remote = createVerifier({
      issuer: ISS,
      audience: [AUD],
      jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      algorithms: ['RS256'],
      employeeClaim: 'custom:nip',
      groupsClaim: 'cognito:groups',
      adminGroup: 'admin',
    });
    await expect(remote(await token())).rejects.toMatchObject({ code: 'AUTH_UNAVAILABLE' });
  });
});
