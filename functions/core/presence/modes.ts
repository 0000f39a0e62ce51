import * as v from 'valibot';

/**
 * How hard a proof of presence is asked for: `off` ignores it, `flag` accepts a check-in
 * without it and flags it for review, `require` refuses one without it.
 */
export const PROOF_MODES = ['off', 'flag', 'require'] as const;
export type ProofMode = (typeof PROOF_MODES)[number];
export const ProofModeSchema = v.picklist(PROOF_MODES);

/** The flags a missing proof leaves on a check-in (mode `flag`). */
export const PRESENCE_FLAGS = ['no_code', 'unbound_device'] as const;
export type PresenceFlag = (typeof PRESENCE_FLAGS)[number];

/**
 * The roll call a check-in counts for. One roll call (`pagi`) until roll calls land; the code's
 * claim is keyed by it already, so a code stays good for one check-in per roll call after.
 */
export const DEFAULT_ROLL_CALL = 'pagi';
