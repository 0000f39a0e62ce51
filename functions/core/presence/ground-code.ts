import { timingSafeEqual } from 'node:crypto';
import type { GroundCodeState } from '../ports/presence';
import { CodeInvalid, type CodeProblem, CodeRequired } from './errors';
import type { PresenceFlag } from './modes';
import { STEP_S, stepAt, totp } from './totp';

/** Steps back a code is still accepted: the current and the previous one (RFC 6238 §5.2). */
export const ACCEPTED_STEPS_BACK = 1;
/** Steps further back that are named "stale" rather than "wrong", so the page can say "scan again". */
const STALE_STEPS_BACK = 20;

export interface GroundCode {
  readonly code: string;
  readonly step: number;
  /** When the code stops being current (it is still accepted one step more). */
  readonly validUntil: string;
}

/** The code a kiosk shows now. */
export function currentCode(secret: Uint8Array, now: Date): GroundCode {
  const step = stepAt(now.getTime());
  return {
    code: totp(secret, now.getTime()),
    step,
    validUntil: new Date((step + 1) * STEP_S * 1000).toISOString(),
  };
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The step a typed or scanned code belongs to (current or previous), or why it is refused. */
export function matchCode(
  secret: Uint8Array,
  code: string,
  now: Date,
): { step: number } | { problem: CodeProblem } {
  if (!/^\d{6}$/.test(code)) return { problem: 'malformed' };
  const current = stepAt(now.getTime());
  for (let back = 0; back <= STALE_STEPS_BACK; back++) {
    const step = current - back;
    if (same(totp(secret, step * STEP_S * 1000), code)) {
      return back <= ACCEPTED_STEPS_BACK ? { step } : { problem: 'stale' };
    }
  }
  return { problem: 'wrong' };
}

export type CodeVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'flag'; readonly flag: PresenceFlag }
  | { readonly kind: 'claim'; readonly step: number };

/**
 * The ground code rule for the ground the fix matched. A code from another ground does not
 * match this ground's secret, so it is refused as wrong: a code proves this ground, not any.
 */
export function judgeCode(
  siteId: string,
  state: GroundCodeState | null,
  code: string | undefined,
  now: Date,
): CodeVerdict {
  const mode = state?.mode ?? 'off';
  if (mode === 'off') return { kind: 'none' };
  if (code === undefined) {
    if (mode === 'require') throw new CodeRequired(siteId);
    return { kind: 'flag', flag: 'no_code' };
  }
  // No secret yet: no kiosk ever showed a code, so none can be right.
  if (!state?.secret) throw new CodeInvalid(siteId, 'no_code_at_ground');
  const m = matchCode(state.secret, code, now);
  if ('problem' in m) throw new CodeInvalid(siteId, m.problem);
  return { kind: 'claim', step: m.step };
}
