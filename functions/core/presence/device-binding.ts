import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { PasskeyRecord, StoredPasskey } from '../ports/presence';
import { verifyAssertion } from './assertion';
import { AssertionInvalid, DeviceNotBound, PasskeyInvalid } from './errors';
import type { PresenceFlag, ProofMode } from './modes';

/**
 * Device binding with WebAuthn: a passkey made on the employee's phone, its private key never
 * leaving it; every check-in signs a fresh, single-use server challenge with it. Registration
 * is @simplewebauthn/server's ceremony, loaded on first use (with its certificate parsers it is
 * ~240 KB, bundled beside the API's handler like exceljs: infra/apel-stack.ts); the check-in's
 * assertion is verified by assertion.ts with node:crypto. What is ours is which challenge counts
 * and which credential is the employee's.
 */

const webauthn = () => import('@simplewebauthn/server');

/** Who the passkeys are for: the relying party is the deployment's public address. */
export interface RelyingParty {
  /** The host name, e.g. apel.medan.go.id (localhost locally). */
  readonly id: string;
  /** The page's origin, e.g. https://apel.medan.go.id. */
  readonly origin: string;
  readonly name: string;
}

/** A challenge lives this long: the page asks for one right before it checks in. */
export const CHALLENGE_TTL_S = 120;

export function relyingParty(publicUrl: string): RelyingParty {
  const u = new URL(publicUrl);
  return { id: u.hostname, origin: u.origin, name: 'apel' };
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromB64url = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));

export const activePasskeys = (r: PasskeyRecord) => r.passkeys.filter((p) => p.status === 'active');

export async function registrationOptions(
  rp: RelyingParty,
  employee: { employeeId: string; name: string },
  record: PasskeyRecord,
  challenge: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { generateRegistrationOptions } = await webauthn();
  return generateRegistrationOptions({
    challenge: fromB64url(challenge),
    rpName: rp.name,
    rpID: rp.id,
    userName: employee.employeeId,
    userDisplayName: employee.name,
    userID: new TextEncoder().encode(employee.employeeId),
    attestationType: 'none',
    timeout: CHALLENGE_TTL_S * 1000,
    // A phone already registered is not registered twice.
    excludeCredentials: record.passkeys.map((p) => ({
      id: p.credentialId,
      ...(p.transports ? { transports: [...p.transports] } : {}),
    })),
    authenticatorSelection: {
      residentKey: 'preferred',
      userVerification: 'required',
      authenticatorAttachment: 'platform',
    },
  });
}

/** Verify a registration against the stored challenge; the passkey to store, or a refusal. */
export async function verifyRegistration(
  rp: RelyingParty,
  record: PasskeyRecord,
  response: RegistrationResponseJSON,
  nowS: number,
  at: string,
): Promise<{ challenge: string; passkey: Omit<StoredPasskey, 'status'> }> {
  const pending = record.regChallenge;
  if (!pending || pending.expiresAt <= nowS) throw new PasskeyInvalid('no_challenge');
  const { verifyRegistrationResponse } = await webauthn();
  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.value,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (e) {
    throw new PasskeyInvalid(e instanceof Error ? e.message.slice(0, 200) : 'unverifiable');
  }
  if (!result.verified) throw new PasskeyInvalid('not_verified');
  const c = result.registrationInfo.credential;
  return {
    challenge: pending.value,
    passkey: {
      credentialId: c.id,
      publicKey: b64url(c.publicKey),
      counter: c.counter,
      ...(c.transports ? { transports: [...c.transports] } : {}),
      createdAt: at,
    },
  };
}

/** The options for `navigator.credentials.get()`, as generateAuthenticationOptions makes them. */
export async function authenticationOptions(
  rp: RelyingParty,
  record: PasskeyRecord,
  challenge: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return {
    rpId: rp.id,
    // The challenge's bytes, base64url as the phone will echo them in clientDataJSON.
    challenge: b64url(fromB64url(challenge)),
    allowCredentials: activePasskeys(record).map((p) => ({
      id: p.credentialId.replace(/=+$/, ''),
      type: 'public-key' as const,
      ...(p.transports ? { transports: [...p.transports] as AuthenticatorTransportFuture[] } : {}),
    })),
    timeout: CHALLENGE_TTL_S * 1000,
    userVerification: 'required',
  };
}

export type DeviceVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'flag'; readonly flag: PresenceFlag }
  | {
      readonly kind: 'use';
      readonly challenge: string;
      readonly credential: { id: string; counter: number };
    };

/**
 * The device rule. No assertion, or one from a credential that is not (yet) the employee's:
 * flagged under `flag`, refused under `require`. An assertion that is presented and fails —
 * another challenge, an expired or spent one, a bad signature — is refused under both: a client
 * that presents a proof must present a true one.
 */
export async function judgeDevice(
  rp: RelyingParty,
  mode: ProofMode,
  record: PasskeyRecord | null,
  assertion: AuthenticationResponseJSON | undefined,
  nowS: number,
): Promise<DeviceVerdict> {
  if (mode === 'off') return { kind: 'none' };
  const unbound = (reason: 'no_assertion' | 'unknown_credential' | 'pending_approval') => {
    if (mode === 'require') throw new DeviceNotBound(reason);
    return { kind: 'flag', flag: 'unbound_device' } as const;
  };
  if (!assertion || !record) return unbound('no_assertion');
  const stored = record.passkeys.find((p) => p.credentialId === assertion.id);
  if (!stored) return unbound('unknown_credential');
  if (stored.status !== 'active') return unbound('pending_approval');
  const pending = record.authChallenge;
  if (!pending) throw new AssertionInvalid('no_challenge');
  if (pending.expiresAt <= nowS) throw new AssertionInvalid('challenge_expired');
  const { counter } = verifyAssertion(
    assertion,
    { challenge: pending.value, origin: rp.origin, rpId: rp.id, requireUserVerification: true },
    stored,
  );
  return {
    kind: 'use',
    challenge: pending.value,
    credential: { id: stored.credentialId, counter },
  };
}

type AuthenticatorTransportFuture = NonNullable<
  PublicKeyCredentialRequestOptionsJSON['allowCredentials']
>[number]['transports'] extends (infer T)[] | undefined
  ? T
  : never;
