import type { Lang } from '../../../env';
import type { PageConfig } from '../../../schemas';
import { forgetSession, type Session } from './oidc';
import { standingOf, type TodayRollCall, todaysRollCalls } from './rollcalls';
import type { State } from './view';

/**
 * Today's roll calls as the page keeps them (GET /v1/rollcalls/today, read again every minute):
 * the list, and what a fresh one means for a page at rest. The controller (main.ts) hands in
 * its state and its ways to change it; the list lives here.
 */

/** What the controller lends: its rules, language and state, and how to change the state. */
export interface RollCallsHost {
  readonly rules: () => PageConfig['rules'] | null;
  readonly lang: () => Lang;
  readonly state: () => State;
  /** True while a fix is taken or a check-in is on the wire. */
  readonly busy: () => boolean;
  readonly setState: (next: State) => void;
  readonly repaint: () => void;
}

export const ROLL_CALLS_MS = 60_000;

/** Today's roll calls (GET /v1/rollcalls/today); null where the server has none to say. */
let rollCalls: TodayRollCall[] | null = null;

export function currentRollCalls(): TodayRollCall[] | null {
  return rollCalls;
}

/**
 * Ask for today's roll calls and paint them; with `settle`, a page at rest (ready, recorded,
 * note) takes the state they imply. False when the server has no roll calls to say.
 */
export async function refreshRollCalls(
  host: RollCallsHost,
  session: Session | null,
  settle: boolean,
): Promise<boolean> {
  const rules = host.rules();
  if (!session || !rules) return false;
  const lang = host.lang();
  const list = await todaysRollCalls(session.accessToken, lang, rules.timezone);
  if (list === 'unauthorized') {
    forgetSession();
    host.setState({ k: 'signed-out', why: 'expired' });
    return true;
  }
  if (list === null) return rollCalls !== null;
  rollCalls = list;
  const state = host.state();
  const atRest = state.k === 'ready' || state.k === 'recorded' || state.k === 'note';
  if (!settle || host.busy() || !atRest) {
    host.repaint();
    return true;
  }
  const s = standingOf(list, host.lang());
  if (s.k === 'recorded') host.setState({ k: 'recorded', checkin: s.checkin, duplicate: true });
  else host.setState(s);
  return true;
}
