import type { RollCall } from '../../functions/core/rollcalls';

/** The afternoon apel the tests add beside pagi: its own window and report time, daily. */
export const APEL_SORE = {
  id: 'sore',
  name: 'Apel sore',
  schedule: { kind: 'daily' },
  opensAt: '15:30',
  startsAt: '16:00',
  closesAt: '16:30',
  reportAt: '17:00',
  active: true,
} as const satisfies RollCall;
