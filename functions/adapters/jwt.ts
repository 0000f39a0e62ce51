import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import { AuthUnavailable, Unauthorized } from '../core/errors';
import type { Verifier } from '../core/ports/auth';

export interface VerifierOptions {
  readonly issuer: string;
  /** Accepted audiences; Cognito access tokens carry the app client id in `client_id` instead. */
  readonly audience: readonly string[];
  /** Either a JWKS URL (fetched and cached by jose) or the keys themselves. */
  readonly jwksUrl?: string | undefined;
  readonly jwks?: JSONWebKeySet | undefined;
  readonly algorithms: readonly string[];
  readonly employeeClaim: string;
  readonly groupsClaim: string;
  readonly adminGroup: string;
  readonly clockToleranceS?: number;
}

/** Verify a bearer JWT with jose: signature from the JWKS, issuer, audience, expiry, algorithm allow-list. */
export function createVerifier(o: VerifierOptions): Verifier {
  const keySet = o.jwksUrl
    ? createRemoteJWKSet(new URL(o.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
    : o.jwks
      ? createLocalJWKSet(o.jwks)
      : null;
  if (!keySet) throw new Error('a JWKS URL or a local JWKS is required');
  const audiences = new Set(o.audience);

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: o.issuer,
        algorithms: [...o.algorithms],
        clockTolerance: o.clockToleranceS ?? 30,
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      // The issuer's key set could not be fetched: the token may well be good, so say "later".
      if (err instanceof errors.JWKSTimeout || err instanceof TypeError) {
        throw new AuthUnavailable(err);
      }
      throw new Unauthorized(reasonOf(err));
    }
    const aud = payload.aud === undefined ? [] : [payload.aud].flat();
    const clientId = typeof payload.client_id === 'string' ? [payload.client_id] : [];
    if (![...aud, ...clientId].some((a) => audiences.has(a))) {
      throw new Unauthorized('audience not accepted');
    }
    const employeeId = payload[o.employeeClaim];
    if (typeof employeeId !== 'string' || employeeId.length === 0 || employeeId.length > 128) {
      throw new Unauthorized(`claim ${o.employeeClaim} missing`);
    }
    return { employeeId, admin: groupsOf(payload[o.groupsClaim]).includes(o.adminGroup) };
  };
}

function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `claim ${err.claim} not accepted`;
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature invalid';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (err instanceof errors.JWKSNoMatchingKey) return 'signing key unknown';
  return 'token invalid';
}
