import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Checkin } from '../model';
import type { CheckinContext } from '../ports/checkin';
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
 * The proofs of one check-in, begun with the check-in so that the passkey record is read in
 * its context's request (`wantsPasskeys`, round trip 1), and judged once the other rules have
 * accepted the fix — the ground code needs the ground the fix matched. A context source that
 * does not read passkeys (the memory fakes) leaves them to the passkey store. Without
 * PresenceDeps (unit tests of other rules) nothing can be proved: `require` refuses, `flag` flags.
 */
export function beginProofs(p: PresenceDeps | undefined, employeeId: string, input: PresenceInput) {
  // Read only when there is an assertion to check.
  const wantsPasskeys = p !== undefined && input.assertion !== undefined;
  return {
    wantsPasskeys,
    prove: (checkin: Checkin, ctx: CheckinContext, receivedAt: Date, rollCallId?: string) => {
      const record: Promise<PasskeyRecord | null> = !wantsPasskeys
        ? Promise.resolve(null)
        : ctx.passkeys !== undefined
          ? Promise.resolve(ctx.passkeys)
          : (p as PresenceDeps).stores.passkeys.load(employeeId);
      return prove(
        p,
        record,
        checkin,
        ctx.settings,
        input,
        receivedAt,
        rollCallId ?? DEFAULT_ROLL_CALL,
      );
    },
  };
}

async function prove(
  p: PresenceDeps | undefined,
  recordRead: Promise<PasskeyRecord | null>,
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
  const code = judgeCode(checkin.siteId, p ? state : null, input.groundCode, receivedAt);
  const device = await judgeDevice(
    p?.rp ?? NO_PARTY,
    settings.deviceBinding,
    p ? record : null,
    input.assertion,
    nowS,
  );
  const at = receivedAt.toISOString();
  const who = checkin.employeeId;
  if (p && code.kind === 'claim' && device.kind === 'use') {
    // Both proofs: the challenge spent, the counter moved and the code's step claimed in one
    // conditional write on the employee's passkey item.
    const spent = await p.stores.passkeys.useCredentialAndClaim(
      who,
      device.challenge,
      device.credential,
      { rollCallId, step: code.step },
      nowS,
      at,
    );
    if (spent === 'replayed') throw new AssertionInvalid('replayed');
    if (spent === 'reused') throw new CodeInvalid(checkin.siteId, 'reused');
  } else if (p && code.kind === 'claim') {
    const key = { employeeId: who, date: checkin.date, rollCallId };
    if (!(await p.stores.codes.claim(key, checkin.siteId, code.step, nowS + CLAIM_TTL_S))) {
      throw new CodeInvalid(checkin.siteId, 'reused');
    }
  } else if (p && device.kind === 'use') {
    if (
      !(await p.stores.passkeys.useCredential(who, device.challenge, device.credential, nowS, at))
    ) {
      throw new AssertionInvalid('replayed');
    }
  }
  const flags: PresenceFlag[] = [];
  if (code.kind === 'flag') flags.push(code.flag);
  if (device.kind === 'flag') flags.push(device.flag);
  return flags.length > 0 ? { ...checkin, flags: [...checkin.flags, ...flags] } : checkin;
}
