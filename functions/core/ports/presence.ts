/**
 * What the proofs of presence (core/presence/) read and write: a ground's code mode and secret,
 * the claim that makes a code good for one check-in per employee and roll call, and each
 * employee's passkeys with their pending challenges.
 */
import type { ProofMode } from '../presence/modes';

export interface GroundCodeState {
  readonly mode: ProofMode;
  /** The ground's TOTP secret; null until a kiosk (or an admin) first asked for a code. */
  readonly secret: Uint8Array | null;
}

export interface GroundCodeStore {
  /** The ground's mode and secret for a check-in (cached; null for a ground that is gone). */
  state(siteId: string): Promise<GroundCodeState | null>;
  /** The secret, made on first use; null for a ground that is gone. Never cached, never sent. */
  secret(siteId: string): Promise<Uint8Array | null>;
  /** A new secret: every code shown so far stops working. False for a ground that is gone. */
  rotate(siteId: string, at: Date): Promise<boolean>;
  /**
   * Claim a code's step for one check-in of (employee, date, roll call): a conditional write
   * that only a newer step than any claimed before passes. False: this step, or a later one,
   * was used already.
   */
  claim(
    key: { employeeId: string; date: string; rollCallId: string },
    siteId: string,
    step: number,
    expiresAt: number,
  ): Promise<boolean>;
}

export type PasskeyStatus = 'active' | 'pending';

/** A WebAuthn credential bound to an employee (one phone). */
export interface StoredPasskey {
  readonly credentialId: string;
  /** COSE public key, base64url. */
  readonly publicKey: string;
  readonly counter: number;
  readonly transports?: readonly string[];
  readonly status: PasskeyStatus;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
}

export interface PendingChallenge {
  readonly value: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

export interface PasskeyRecord {
  readonly passkeys: readonly StoredPasskey[];
  readonly authChallenge: PendingChallenge | null;
  readonly regChallenge: PendingChallenge | null;
}

export type ChallengeKind = 'auth' | 'reg';

export interface PendingPasskey {
  readonly employeeId: string;
  readonly credentialId: string;
  readonly createdAt: string;
}

export interface PasskeyStore {
  load(employeeId: string): Promise<PasskeyRecord>;
  /** Store a fresh challenge (replacing the previous one of its kind); returns the record. */
  setChallenge(
    employeeId: string,
    kind: ChallengeKind,
    challenge: PendingChallenge,
  ): Promise<PasskeyRecord>;
  /**
   * Spend the authentication challenge and move the credential's counter, in one conditional
   * write: false when the challenge is no longer the one stored (used, replaced or expired) or
   * the credential is not active.
   */
  useCredential(
    employeeId: string,
    challenge: string,
    credential: { id: string; counter: number },
    nowS: number,
    at: string,
  ): Promise<boolean>;
  /**
   * useCredential and the ground code's claim (GroundCodeStore.claim) in one conditional write,
   * for a check-in with both proofs: `replayed` when the challenge is spent (as useCredential's
   * false), `reused` when the step is (as claim's false), `ok` when both passed.
   */
  useCredentialAndClaim(
    employeeId: string,
    challenge: string,
    credential: { id: string; counter: number },
    claim: { rollCallId: string; step: number },
    nowS: number,
    at: string,
  ): Promise<'ok' | 'replayed' | 'reused'>;
  /**
   * Spend the registration challenge and add the credential: active when it is the employee's
   * first, pending an admin's approval otherwise. Null when the challenge was spent or expired.
   */
  addPasskey(
    employeeId: string,
    challenge: string,
    passkey: Omit<StoredPasskey, 'status'>,
    nowS: number,
  ): Promise<StoredPasskey | null>;
  /** Every passkey waiting for approval (a query, never a scan). */
  pending(): Promise<PendingPasskey[]>;
  approve(employeeId: string, credentialId: string): Promise<StoredPasskey | null>;
  /** Forget every passkey (and pending challenge) of the employee; returns how many. */
  reset(employeeId: string): Promise<number>;
}

export interface PresenceStores {
  readonly codes: GroundCodeStore;
  readonly passkeys: PasskeyStore;
}
