import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportSPKI, importJWK, type JWK, SignJWT } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../functions/local/issuer';

/** The tokens every protected route is tried with (OWASP API1/API2/API5). */
export const TOKEN_KINDS = [
  'none',
  'expired',
  'wrong issuer',
  'wrong audience',
  'alg none',
  'HS256 with the public key',
  'tampered signature',
  'ID token',
  'lifetime to 9999',
  'issued in the future',
  'groups as a string',
  'employee',
  'admin',
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');

/**
 * An Authorization header per kind (null: none sent). Every bad token claims the admin group
 * for `adminId`, so that a hole in verification shows up as an admin success, not a 403; the
 * one whose groups claim is a string ("employee,admin") must count as no groups at all.
 * They are made with the local issuer's own key (read from its key file), so only the one flaw
 * each is named for is wrong.
 */
export async function tokenHeaders(
  dataDir: string,
  valid: { employee: string; admin: string },
  issue: (employeeId: string, admin: boolean) => Promise<string>,
): Promise<Record<TokenKind, string | null>> {
  const file = join(dataDir, 'keys', 'local-issuer.json');
  const { privateJwk, publicJwk } = JSON.parse(await readFile(file, 'utf8')) as {
    privateJwk: JWK;
    publicJwk: JWK;
  };
  const kid = privateJwk.kid ?? 'local';
  // The issuer's own algorithm (ES256 here, RS256 as Cognito once the issuer follows it).
  const alg = privateJwk.alg ?? 'ES256';
  const key = (await importJWK(privateJwk, alg)) as CryptoKey;
  const now = Math.floor(Date.now() / 1000);
  const claims = { 'cognito:groups': ['admin'], token_use: 'access' };
  const signed = (
    alg: string,
    secret: CryptoKey | Uint8Array,
    o: { iss?: string; aud?: string; exp?: number; iat?: number; claims?: object } = {},
  ) =>
    new SignJWT({ ...claims, ...o.claims })
      .setProtectedHeader({ alg, kid })
      .setSubject(valid.admin)
      .setIssuer(o.iss ?? LOCAL_ISSUER)
      .setAudience(o.aud ?? LOCAL_AUDIENCE)
      .setIssuedAt(o.iat ?? now - 7200)
      .setExpirationTime(o.exp ?? now + 3600)
      .sign(secret);

  const good = await signed(alg, key);
  const [h, p, s = ''] = good.split('.');
  // A character in the middle: the last one may only carry padding bits and decode the same.
  const at = Math.floor(s.length / 2);
  const flipped = `${s.slice(0, at)}${s[at] === 'A' ? 'B' : 'A'}${s.slice(at + 1)}`;
  const publicKey = (await importJWK(publicJwk, alg, { extractable: true })) as CryptoKey;
  const publicPem = await exportSPKI(publicKey);
  const none = `${b64({ alg: 'none', kid })}.${b64({
    ...claims,
    sub: valid.admin,
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    exp: now + 3600,
  })}.`;
  const bearer = (t: string) => `Bearer ${t}`;
  return {
    none: null,
    expired: bearer(await signed(alg, key, { exp: now - 3600 })),
    'wrong issuer': bearer(await signed(alg, key, { iss: 'https://evil.example/issuer' })),
    'wrong audience': bearer(await signed(alg, key, { aud: 'another-app' })),
    'alg none': bearer(none),
    'HS256 with the public key': bearer(await signed('HS256', new TextEncoder().encode(publicPem))),
    'tampered signature': bearer(`${h}.${p}.${flipped}`),
    'ID token': bearer(await signed(alg, key, { claims: { token_use: 'id' } })),
    'lifetime to 9999': bearer(await signed(alg, key, { exp: 253_402_300_799 })),
    'issued in the future': bearer(await signed(alg, key, { iat: now + 3600, exp: now + 7200 })),
    // Valid but for its groups: the admin's own id, as a caller without a role.
    'groups as a string': bearer(
      await signed(alg, key, { claims: { 'cognito:groups': 'employee,admin' } }),
    ),
    employee: bearer(await issue(valid.employee, false)),
    admin: bearer(await issue(valid.admin, true)),
  };
}
