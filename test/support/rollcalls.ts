import type { RollCall } from '../../functions/core/rollcalls';

/**
 * The afternoon apel the tests add beside pagi, as the body of PUT /v1/rollcalls/{id}: its own
 * window and report time, daily.
 */
export const APEL_SORE_BODY = {
  name: 'Apel sore',
  schedule: { kind: 'daily' },
  opensAt: '15:30',
  startsAt: '16:00',
  closesAt: '16:30',
  reportAt: '17:00',
  active: true,
} as const;

/** The same roll call as the rules hold it, under the id `sore`. */
export const APEL_SORE = { id: 'sore', ...APEL_SORE_BODY } as const satisfies RollCall;
