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

function token(claims: Record<string, unknown> = {}, opts: { exp?: number; iss?: string } = {}) {
  return new SignJWT({ 'custom:nip': '198001012005011001', aud: AUD, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(opts.iss ?? ISS)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(privateKey);
}

const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');

describe('createVerifier', () => {
  it('takes the employee id from the configured claim and admin from the groups claim', async () => {
    expect(await verify(await token())).toEqual({ employeeId: '198001012005011001', admin: false });
    expect(await verify(await token({ 'cognito:groups': ['staff', 'admin'] }))).toMatchObject({
      admin: true,
    });
    expect(await verify(await token({ 'cognito:groups': 'staff admin' }))).toMatchObject({
      admin: true,
    });
  });

  it('accepts a Cognito access token, whose client id stands in for the audience', async () => {
    const t = await token({ aud: undefined, client_id: AUD, token_use: 'access' });
    expect((await verify(t)).employeeId).toBe('198001012005011001');
  });

  it.each([
    [
      'an expired token',
      () => token({}, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      'token expired',
    ],
    ['a wrong issuer', () => token({}, { iss: 'https://evil.example' }), 'claim iss not accepted'],
    ['a wrong audience', () => token({ aud: 'other-app' }), 'audience not accepted'],
    ['no employee claim', () => token({ 'custom:nip': undefined }), 'claim custom:nip missing'],
  ])('refuses %s', async (_, make, reason) => {
    await expect(verify(await make())).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      details: { reason },
    });
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
      details: { reason: 'algorithm not allowed' },
    });
  });

  it('refuses a token signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    const t = await new SignJWT({ 'custom:nip': 'x', aud: AUD })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISS)
      .setExpirationTime('10m')
      .sign(other.privateKey);
    await expect(verify(t)).rejects.toMatchObject({ details: { reason: 'signature invalid' } });
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
