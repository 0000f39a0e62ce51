import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import { coseKeyOf, isOneCborItem } from './cose';
import { AssertionInvalid } from './errors';

/**
 * A WebAuthn assertion checked with node:crypto, for the check-in's hot path. It makes every
 * check @simplewebauthn/server's verifyAuthenticationResponse makes that bears on us — the
 * response's shape, clientDataJSON's type, challenge and origin (and no embedding in another
 * site's frame), authenticatorData's RP id hash, the user-present and user-verified flags, the
 * backup flags' consistency, the signature counter, and the signature over authenticatorData ‖
 * SHA-256(clientDataJSON) — without its generic path (COSE decoding, a WebCrypto import of the
 * key and an asynchronous verify on every call: ~0.9 ms against ~0.1 ms here, BENCHMARKS.md).
 * The public key is decoded once and kept as a KeyObject. Registration stays @simplewebauthn's.
 * test/core/presence/assertion.test.ts holds both verifiers to the same verdicts.
 */

/** What the browser's `navigator.credentials.get()` gave, as @simplewebauthn/browser sends it. */
export interface AssertionJSON {
  readonly id: string;
  readonly rawId: string;
  readonly type: string;
  readonly response: {
    readonly clientDataJSON: string;
    readonly authenticatorData: string;
    readonly signature: string;
    readonly userHandle?: string | undefined;
  };
}

export interface AssertionExpected {
  readonly challenge: string;
  readonly origin: string;
  readonly rpId: string;
  readonly requireUserVerification: boolean;
}

/** The stored credential: its COSE public key (base64url) and the last counter seen. */
export interface AssertionCredential {
  readonly publicKey: string;
  readonly counter: number;
}

const UP = 0x01;
const UV = 0x04;
const BE = 0x08;
const BS = 0x10;
const AT = 0x40;
const ED = 0x80;
const B64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Verify; the authenticator's new counter, or AssertionInvalid with the reason. */
export function verifyAssertion(
  a: AssertionJSON,
  expected: AssertionExpected,
  credential: AssertionCredential,
): { counter: number } {
  if (!a || typeof a.id !== 'string' || a.id === '' || a.id !== a.rawId) fail('malformed');
  if (a.type !== 'public-key') fail('malformed');
  const r = a.response;
  if (
    !r ||
    !isB64url(r.clientDataJSON) ||
    !isB64url(r.authenticatorData) ||
    !isB64url(r.signature) ||
    (r.userHandle !== undefined && typeof r.userHandle !== 'string')
  ) {
    fail('malformed');
  }
  const clientDataBytes = Buffer.from(r.clientDataJSON, 'base64url');
  const client = parseClientData(clientDataBytes);
  if (client.type !== 'webauthn.get') fail('wrong_type');
  if (client.challenge !== expected.challenge) fail('other_challenge');
  // Our pages are never framed by another site (CSP frame-ancestors 'none').
  if (client.crossOrigin === true || client.topOrigin !== undefined) fail('cross_origin');
  if (client.origin !== expected.origin) fail('wrong_origin');
  const tb = client.tokenBinding;
  if (
    tb !== undefined &&
    (typeof tb !== 'object' ||
      tb === null ||
      !['present', 'supported', 'notSupported'].includes(
        String((tb as { status?: unknown }).status),
      ))
  ) {
    fail('malformed');
  }

  const authData = Buffer.from(r.authenticatorData, 'base64url');
  if (authData.length < 37) fail('malformed');
  if (!authData.subarray(0, 32).equals(rpIdHash(expected.rpId))) fail('wrong_rp');
  const flags = authData[32] as number;
  // An assertion carries no attested credential data; extensions, when flagged, fill the rest.
  if (flags & AT) fail('malformed');
  if (flags & ED ? !isOneCborItem(authData.subarray(37)) : authData.length !== 37) {
    fail('malformed');
  }
  if (!(flags & UP)) fail('user_not_present');
  if (expected.requireUserVerification && !(flags & UV)) fail('user_not_verified');
  if (flags & BS && !(flags & BE)) fail('malformed');
  const counter = authData.readUInt32BE(33);
  // Synced passkeys always say 0; one that counts must count up (a cloned authenticator does not).
  if ((counter > 0 || credential.counter > 0) && counter <= credential.counter) {
    fail('counter_replayed');
  }

  const key = keyOf(credential.publicKey);
  const data = Buffer.concat([authData, createHash('sha256').update(clientDataBytes).digest()]);
  const signature = Buffer.from(r.signature, 'base64url');
  let good = false;
  try {
    // ES256 signatures come DER-encoded, as node:crypto reads them by default; EdDSA hashes itself.
    good = verify(key.hash, data, key.key, signature);
  } catch {
    good = false;
  }
  if (!good) fail('bad_signature');
  return { counter };
}

function fail(reason: string): never {
  throw new AssertionInvalid(reason);
}

function isB64url(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0 && B64URL.test(s);
}

interface ClientData {
  type?: unknown;
  challenge?: unknown;
  origin?: unknown;
  crossOrigin?: unknown;
  topOrigin?: unknown;
  tokenBinding?: unknown;
}

function parseClientData(bytes: Buffer): ClientData {
  try {
    const c = JSON.parse(bytes.toString('utf8')) as unknown;
    if (c && typeof c === 'object' && !Array.isArray(c)) return c as ClientData;
  } catch {
    // fall through
  }
  return fail('malformed');
}

const rpHashes = new Map<string, Buffer>();
function rpIdHash(rpId: string): Buffer {
  let h = rpHashes.get(rpId);
  if (!h) {
    h = createHash('sha256').update(rpId).digest();
    rpHashes.set(rpId, h);
  }
  return h;
}

/** Keys decoded so far, by their stored COSE text; bounded, as one process meets many phones. */
const KEYS_KEPT = 10_000;
const keys = new Map<string, { key: KeyObject; hash: string | null }>();

function keyOf(cose: string): { key: KeyObject; hash: string | null } {
  let k = keys.get(cose);
  if (!k) {
    const jwk = coseKeyOf(Buffer.from(cose, 'base64url'));
    if (!jwk) fail('unsupported_key');
    try {
      k = { key: createPublicKey({ key: jwk.jwk, format: 'jwk' }), hash: jwk.hash };
    } catch {
      fail('unsupported_key');
    }
    if (keys.size >= KEYS_KEPT) keys.clear();
    keys.set(cose, k);
  }
  return k;
}
