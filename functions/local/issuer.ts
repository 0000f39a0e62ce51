import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { createVerifier } from '../adapters/jwt';
import type { Verifier } from '../core/ports/auth';

/**
 * The local server's stand-in for Cognito: an RS256 key (Cognito's algorithm, so that local
 * figures match production) kept under DATA_DIR/keys.
 */
export const LOCAL_ISSUER = 'http://localhost/apel-local-issuer';
export const LOCAL_AUDIENCE = 'apel-local';
const ALG = 'RS256';

export interface LocalIssuer {
  readonly jwks: JSONWebKeySet;
  /**
   * An access token for the employee (`token_use: access`, as Cognito marks them); `claims` adds
   * to the payload (an ID token's nonce and name, and its `token_use: id`).
   */
  sign(o: {
    employeeId: string;
    admin?: boolean;
    ttlS?: number;
    claims?: Record<string, string>;
  }): Promise<string>;
}

/** A verifier that accepts the local issuer's tokens, as the local server configures it. */
export function localVerifier(jwks: JSONWebKeySet): Verifier {
  return createVerifier({
    issuer: LOCAL_ISSUER,
    audience: [LOCAL_AUDIENCE],
    jwks,
    algorithms: [ALG],
    employeeClaim: 'sub',
    groupsClaim: 'cognito:groups',
    adminGroup: 'admin',
  });
}

/** Load the local signing key, creating it on first use. */
export async function localIssuer(dataDir: string): Promise<LocalIssuer> {
  const file = join(dataDir, 'keys', 'local-issuer.json');
  let pair: { privateJwk: JWK; publicJwk: JWK };
  try {
    pair = JSON.parse(await readFile(file, 'utf8'));
    // A key from an earlier version with another algorithm is replaced.
    if (pair.privateJwk.alg !== ALG) throw new Error('stale key');
  } catch {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = `local-${Date.now().toString(36)}`;
    pair = {
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
    };
    await mkdir(join(dataDir, 'keys'), { recursive: true });
    await writeFile(file, JSON.stringify(pair), { mode: 0o600 });
  }
  const key = await importJWK(pair.privateJwk, ALG);
  return {
    jwks: { keys: [pair.publicJwk] },
    sign: ({ employeeId, admin = false, ttlS = 12 * 3600, claims = {} }) =>
      new SignJWT({ token_use: 'access', ...claims, 'cognito:groups': admin ? ['admin'] : [] })
        .setProtectedHeader({ alg: ALG, kid: pair.privateJwk.kid ?? 'local' })
        .setSubject(employeeId)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlS)
        .sign(key),
  };
}
