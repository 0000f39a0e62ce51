import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Checkin } from '../model';
import type { PasskeyRecord, PresenceStores } from '../ports/presence';
import type { Settings } from '../settings';
import { judgeDevice, type RelyingParty } from './device-binding';
import { AssertionInvalid, CodeInvalid } from './errors';
import { judgeCode } from './ground-code';
import { DEFAULT_ROLL_CALL, type PresenceFlag } from './modes';

/** What a check-in body may carry to prove presence. */
export interface PresenceInput {
  /** The 6 digits shown (or encoded in the QR code) at the ground's kiosk. */
  readonly groundCode?: string | undefined;
  /** A WebAuthn assertion over the challenge of GET /v1/checkins/challenge. */
  readonly assertion?: AuthenticationResponseJSON | undefined;
}

/** What the proofs need besides the check-in's own stores. */
export interface PresenceDeps {
  readonly stores: PresenceStores;
  readonly rp: RelyingParty;
}

/** Without PresenceDeps there is no record, and the relying party is never consulted. */
const NO_PARTY: RelyingParty = { id: '', origin: '', name: '' };

/** A code's claim outlives its day by one, then DynamoDB's TTL removes it. */
const CLAIM_TTL_S = 2 * 86_400;

/**
 * The proofs of one check-in, begun with the check-in so that the passkey record is read
 * beside its context (round trip 1), and judged once the other rules have accepted the fix —
 * the ground code needs the ground the fix matched. Without PresenceDeps (unit tests of other
 * rules) nothing can be proved: `require` refuses, `flag` flags.
 */
export function beginProofs(p: PresenceDeps | undefined, employeeId: string, input: PresenceInput) {
  // Read only when there is an assertion to check; a failed read surfaces when judged.
  const record: Promise<PasskeyRecord | Error | null> =
    p && input.assertion
      ? p.stores.passkeys.load(employeeId).catch((e: unknown) => e as Error)
      : Promise.resolve(null);
  return {
    prove: (checkin: Checkin, settings: Settings, receivedAt: Date, rollCallId?: string) =>
      prove(p, record, checkin, settings, input, receivedAt, rollCallId ?? DEFAULT_ROLL_CALL),
  };
}

async function prove(
  p: PresenceDeps | undefined,
  recordRead: Promise<PasskeyRecord | Error | null>,
  checkin: Checkin,
  settings: Settings,
  input: PresenceInput,
  receivedAt: Date,
  rollCallId: string,
): Promise<Checkin> {
  const nowS = Math.floor(receivedAt.getTime() / 1000);
  const [state, record] = await Promise.all([
    p ? p.stores.codes.state(checkin.siteId) : null,
    recordRead,
  ]);
  if (record instanceof Error) throw record;
  const code = judgeCode(checkin.siteId, p ? state : null, input.groundCode, receivedAt);
  const device = await judgeDevice(
    p?.rp ?? NO_PARTY,
    settings.deviceBinding,
    p ? record : null,
    input.assertion,
    nowS,
  );
  // Both writes at once: the code's claim and the challenge's spending (with the counter).
  const [claimed, used] = await Promise.all([
    code.kind === 'claim' && p
      ? p.stores.codes.claim(
          { employeeId: checkin.employeeId, date: checkin.date, rollCallId },
          checkin.siteId,
          code.step,
          nowS + CLAIM_TTL_S,
        )
      : true,
    device.kind === 'use' && p
      ? p.stores.passkeys.useCredential(
          checkin.employeeId,
          device.challenge,
          device.credential,
          nowS,
          receivedAt.toISOString(),
        )
      : true,
  ]);
  if (!used) throw new AssertionInvalid('replayed');
  if (!claimed) throw new CodeInvalid(checkin.siteId, 'reused');
  const flags: PresenceFlag[] = [];
  if (code.kind === 'flag') flags.push(code.flag);
  if (device.kind === 'flag') flags.push(device.flag);
  return flags.length > 0 ? { ...checkin, flags: [...checkin.flags, ...flags] } : checkin;
}
