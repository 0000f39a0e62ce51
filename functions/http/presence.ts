import type { Context } from 'hono';
import type { ErrorCode } from '../core/errors';
import { type RelyingParty, relyingParty } from '../core/presence/device-binding';
import type { PresenceDeps } from '../core/presence/proofs';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';

/** The passkeys' relying party: the deployment's public address, else this request's origin. */
export function relyingPartyOf(deps: AppDeps, c: Context<AppEnv>): RelyingParty {
  return relyingParty(deps.publicUrl ?? new URL(c.req.url).origin);
}

/** The check-in's proofs of presence (core/presence/proofs.ts). */
export function presenceOf(deps: AppDeps, c: Context<AppEnv>): PresenceDeps {
  return { stores: deps.stores.presence, rp: relyingPartyOf(deps, c) };
}

/** The refusals a check-in's proofs can answer. */
export const PRESENCE_CODES = [
  'CODE_REQUIRED',
  'CODE_INVALID',
  'DEVICE_NOT_BOUND',
  'ASSERTION_INVALID',
] as const satisfies readonly ErrorCode[];
